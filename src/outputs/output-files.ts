import { createHash } from 'node:crypto';
import { codeKey } from '../util/code-key.js';
import { siteFeeds } from './feeds/site-feeds.js';
import { renderHeaders } from './seo/headers.js';
import { renderRedirects } from './seo/redirects.js';
import { renderRobots } from './seo/robots.js';
import { renderNewsSitemap, renderSitemaps, type OutputFile, type SitemapPage } from './seo/sitemaps.js';
import type { SiteModel } from '../model/model.js';
import { absolute, ADMIN_PATHS, fileOf, HOST_FILES, IMAGES_FOLDER, SITE_PATHS } from '../routes/addresses.js';
import { adminFiles, adminScripts, type AdminFilesInput } from './admin/admin-files.js';
import { adminContentSecurityPolicy } from './admin/admin-policy.js';

export interface OutputFileOptions {
  /** The build time (ms), for the news sitemap's 48 hours. */
  now: number;
  /** Published names of public/ stylesheets and scripts, which carry a hash of their bytes (see assetNames). */
  assetNames: ReadonlyMap<string, string>;
  /** Site paths of the SVG files public/ publishes, each sandboxed in `_headers`. */
  svgFiles?: readonly string[] | undefined;
  /** The web editor's input when site.yml turns it on: /admin/ and its own rule in `_headers`. */
  admin?: AdminFilesInput | undefined;
}

/** The extra files of a build, made only when asked: see outputFiles. */
export interface ExtraFiles {
  /**
   * What the files depend on besides the pages' own data (the clock's part,
   * the asset names, our code). Together with the page fingerprints it
   * decides whether the last build's files can be kept without making them.
   */
  key: string;
  /** The files, made one by one as they are taken. */
  make: () => Iterable<OutputFile<string | Buffer>>;
  /** The scripts the pages among them load, by file, for the scan of the written pages (see pageScripts). */
  scripts?: ReadonlyMap<string, ReadonlySet<string>> | undefined;
}

/**
 * Every file of the site that is not a page from a template: feeds,
 * sitemaps, `robots.txt`, redirects and host headers. Pure: the model in, files out.
 * Drafts and scheduled articles (shown by --drafts / --future, with a
 * banner) appear in none of them. Making them all takes seconds at ten
 * thousand articles, so they are made on demand; the news sitemap, the only
 * one that depends on the clock, is made at once and is part of the key.
 */
export function outputFiles(model: SiteModel, options: OutputFileOptions): ExtraFiles {
  const { site } = model;
  const published = model.articles.filter((page) => !page.banner);
  const news = renderNewsSitemap(
    published.map((page) => ({ url: absolute(site, page.url), title: page.title, published: page.published.iso })),
    { siteUrl: site.url, publicationName: site.title, language: site.language, buildTime: options.now },
  );
  const admin = options.admin ? adminFiles(options.admin) : [];
  const key = createHash('sha256')
    .update(codeKey())
    .update('\0')
    .update(news.content)
    .update('\0')
    .update(JSON.stringify([...options.assetNames]))
    .update('\0')
    .update(JSON.stringify(options.svgFiles ?? []))
    .update('\0')
    // Redirects of sections and site.yml are in no page's data.
    .update(JSON.stringify(model.redirects))
    .update('\0')
    // The web editor's files come from site.yml and the folders, which no page's data holds.
    .update(JSON.stringify(admin))
    .digest('hex');
  return {
    key,
    *make() {
      yield news;
      yield* otherFiles(model, published, news.path, options);
      yield* admin;
    },
    scripts: new Map(options.admin ? [[fileOf(ADMIN_PATHS.page), new Set(adminScripts(model.site))]] : []),
  };
}

function* otherFiles(model: SiteModel, published: SiteModel['articles'], newsPath: string, options: OutputFileOptions): Generator<OutputFile<string | Buffer>> {
  const { site } = model;
  const newest = published[0]?.updated?.iso ?? published[0]?.published.iso;
  const pages: SitemapPage[] = [
    ...published.map((page) => ({ url: absolute(site, page.url), lastmod: page.updated?.iso ?? page.published.iso })),
    ...model.archives.flatMap((page) => {
      const first = page.items.find((item) => !item.banner);
      return first ? [{ url: absolute(site, page.url), lastmod: first.published.iso }] : [];
    }),
    ...(newest ? [SITE_PATHS.home, SITE_PATHS.authors, SITE_PATHS.tags].map((sitePath) => ({ url: absolute(site, sitePath), lastmod: newest })) : []),
    // A page without `updated:` has no date to give: it is listed without one, as the protocol allows.
    ...model.pages.filter((page) => !page.banner).map((page) => ({ url: absolute(site, page.url), lastmod: page.updated?.iso })),
    ...(model.corrections[0] ? [{ url: absolute(site, SITE_PATHS.corrections), lastmod: model.corrections[0].date.iso }] : []),
  ];
  const sitemaps = renderSitemaps(pages, { siteUrl: site.url });
  const robots = renderRobots({ siteUrl: site.url, sitemaps: [HOST_FILES.sitemap, newsPath], disallowAll: site.noindex });
  const redirects = renderRedirects(model.redirects, site);
  // Image files are named by a hash of their source: the whole folder can be kept for a year.
  const immutable = [...[...options.assetNames.values()].map((file) => `/${file}`), `/${IMAGES_FOLDER}/*`];
  yield* siteFeeds(model);
  yield* sitemaps;
  yield robots;
  yield* redirects;
  const adminPolicy = options.admin ? adminContentSecurityPolicy(options.admin.admin) : undefined;
  yield renderHeaders(site, immutable, formOrigins(model), options.svgFiles, frameOrigins(model), adminPolicy);
}

/** The origins the pages' embeds may load frames from once a reader asks, for the CSP's frame-src. */
function frameOrigins(model: SiteModel): string[] {
  return [...new Set([...model.articles, ...model.pages].flatMap((page) => page.embeds?.origins.split(' ').filter(Boolean) ?? []))].sort();
}

/** Origins other than the site's own that a page's form posts to (the comment endpoint), for the CSP. */
function formOrigins(model: SiteModel): string[] {
  const own = new URL(model.site.url).origin;
  const origins = new Set(model.articles.flatMap((page) => (page.commentForm ? [new URL(page.commentForm.action).origin] : [])));
  origins.delete(own);
  return [...origins].sort();
}
