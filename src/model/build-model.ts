import type { Content } from '../content/types.js';
import type { PictureSet } from '../images/picture.js';
import { PICTURE_SIZES } from '../images/sizes.js';
import type { RenderedMarkdown } from '../markdown/render.js';
import { NO_TERMS, type TermCounts } from '../related/terms.js';
import { authorPath, sectionPath, SITE_PATHS, tagPath } from '../routes/addresses.js';
import { searchShards } from '../routes/search-parts.js';
import { compareText } from '../util/problems.js';
import { archivePages } from './archive-pages.js';
import { articlePages } from './article-pages.js';
import { homePage } from './home-page.js';
import type { ArticlePage, CorrectionEntry, SiteModel } from './model.js';
import { createPageContext, NO_PICTURES, type PageContext } from './page-context.js';
import { plainHead } from './page-head.js';
import { siteRedirects, staticPages } from './static-pages.js';

/** Topics the search page suggests when nothing is found. */
const SUGGESTED_TOPICS = 8;

/**
 * Turn validated content and its rendered Markdown into the pages of the
 * site: every link resolved, every date formatted, every list paginated.
 * Pure: the same input always gives the same model. Addresses come from the
 * address plan's rules (routes/), which has already refused any collision.
 */
export function buildSiteModel(
  content: Content,
  rendered: (file: string) => RenderedMarkdown,
  terms: (file: string) => TermCounts = () => NO_TERMS,
  assets: ReadonlyMap<string, string> = new Map(),
  pictures: PictureSet = NO_PICTURES,
): SiteModel {
  const context = createPageContext(content, rendered, pictures, assets);
  const articles = articlePages(content, context, terms);
  const pages = staticPages(content, context);
  return {
    site: siteSettings(content, assets),
    heads: listHeads(content, context),
    corrections: correctionEntries(content, articles, context),
    search: { shards: searchShards(articles, pages).map((shard) => shard.name) },
    articles,
    archives: archivePages(content, context),
    pages,
    redirects: siteRedirects(content),
    home: homePage(content.articles, content.categories, context),
    searchPage: searchPage(content, context),
    authors: content.authors.map((a) => ({
      name: a.name,
      role: a.role,
      avatar: a.avatar,
      avatarPicture: a.avatar ? pictures.avatar.get(a.avatar) : undefined,
      url: authorPath(a.slug),
    })),
    tags: [...context.tagNames]
      .map(([slug, { name, articles: tagged }]) => ({ name, url: tagPath(slug), count: tagged.length }))
      .sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.url, b.url)),
  };
}

/** What every page shows of the site: its name, sections, assets, and the addresses its templates link to. */
function siteSettings(content: Content, assets: ReadonlyMap<string, string>): SiteModel['site'] {
  const { site } = content;
  return {
    title: site.title,
    url: site.url,
    language: site.language,
    description: site.description ?? '',
    nav: content.categories.map((category) => ({ name: category.name, url: sectionPath(category.slug) })),
    footer: content.footer.map((page) => ({ name: page.title, url: page.url })),
    logo: site.logo,
    masthead: { logo: site.theme.logo ? site.logo : undefined },
    stylesheet: `/${assets.get('css/site.css') ?? 'css/site.css'}`,
    pictureSizes: PICTURE_SIZES,
    searchScript: `/${assets.get('js/search.js') ?? 'js/search.js'}`,
    paths: SITE_PATHS,
    noindex: content.preview,
  };
}

/** Heads of the pages made from templates alone. */
function listHeads(content: Content, context: PageContext): SiteModel['heads'] {
  const { site } = content;
  const headSite = context.site;
  return {
    home: plainHead(headSite, SITE_PATHS.home, site.title, site.description ?? '', SITE_PATHS.home),
    authors: plainHead(headSite, SITE_PATHS.authors, 'Our journalists', `The reporters and editors of ${site.title}`),
    tags: plainHead(headSite, SITE_PATHS.tags, 'Topics', `Every topic ${site.title} covers`),
    corrections: plainHead(headSite, SITE_PATHS.corrections, 'Corrections', `Corrections and clarifications published by ${site.title}`, SITE_PATHS.corrections),
    search: plainHead(headSite, SITE_PATHS.search, 'Search', `Search the stories of ${site.title}`),
  };
}

/** Every correction of a published article, newest first. */
function correctionEntries(content: Content, pages: readonly ArticlePage[], context: PageContext): CorrectionEntry[] {
  return content.articles
    .flatMap((article, index) =>
      article.status === 'published' ? (pages[index]?.corrections ?? []).map((correction) => ({ ...correction, article: context.teaser(article) })) : [],
    )
    .sort((a, b) => compareText(b.date.iso, a.date.iso) || compareText(a.article.url, b.article.url));
}

/**
 * The search page: its own search box replaces the header's, and a search
 * that finds nothing suggests every section and the most used topics (ties
 * in name order).
 */
function searchPage(content: Content, context: PageContext): SiteModel['searchPage'] {
  const topics = [...context.tagNames]
    .map(([slug, { name, articles }]) => ({ name, slug, count: articles.length }))
    .sort((a, b) => b.count - a.count || compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.slug, b.slug))
    .slice(0, SUGGESTED_TOPICS);
  return {
    sections: content.categories.map((category) => context.section(category.slug)),
    topics: topics.map((topic) => context.tagLink(topic.slug)),
  };
}
