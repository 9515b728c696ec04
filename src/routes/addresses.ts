/*
 * The rules that name every address of the site and the file it is written
 * to. No other module makes a site path, a page's file or an absolute URL:
 * they ask here (for one address) or the address plan (for all of them).
 * Site paths start and, for pages, end with `/`; files are relative to the
 * output folder, `/`-separated.
 */

/** The addresses of the pages made from templates alone, and of the whole site's feed. */
export const SITE_PATHS = {
  home: '/',
  authors: '/authors/',
  tags: '/tags/',
  search: '/search/',
  corrections: '/corrections/',
  notFound: '/404.html',
  /** The whole site's RSS feed, the one the footer links to. */
  feed: '/feed.xml',
  icon: '/images/favicon.svg',
} as const;

/** The pages made from templates alone, by template (`templates/<name>.njk`); no other template writes a file of its own. */
export const TEMPLATE_PAGES: Readonly<Record<string, string>> = {
  index: SITE_PATHS.home,
  authors: SITE_PATHS.authors,
  tags: SITE_PATHS.tags,
  search: SITE_PATHS.search,
  corrections: SITE_PATHS.corrections,
  '404': SITE_PATHS.notFound,
};

/** The folder of the encoded images, named by a hash of their source. */
export const IMAGES_FOLDER = 'img';
/** The folder of the search index; each part is a complete Pagefind index in `pagefind/<part>/`. */
export const SEARCH_INDEX_FOLDER = 'pagefind';
/** The folder of the web editor (Decap CMS), when site.yml turns it on; see ADMIN_PATHS. */
export const ADMIN_FOLDER = 'admin';

/**
 * The web editor's addresses: its page, the configuration generated from
 * the schema, our editor components, the CMS's script (its chunks sit next
 * to it, named by the CMS), and the local backend that `serve` answers.
 */
export const ADMIN_PATHS = {
  page: `/${ADMIN_FOLDER}/`,
  config: `/${ADMIN_FOLDER}/config.yml`,
  components: `/${ADMIN_FOLDER}/editor-components.js`,
  script: `/${ADMIN_FOLDER}/decap-cms.js`,
  api: `/${ADMIN_FOLDER}/api/v1`,
} as const;

/**
 * First path segments a section or page must not take: the site's own lists
 * and folders (made from SITE_PATHS and the folders above), the asset
 * folders of public/, and words an archive's address is built from. The
 * address plan refuses a collision either way; importers use this to name
 * a section or page so that it never collides.
 */
export const TAKEN_TOP_LEVEL: ReadonlySet<string> = new Set([
  ...[SITE_PATHS.authors, SITE_PATHS.tags, SITE_PATHS.search, SITE_PATHS.corrections].map((sitePath) => sitePath.slice(1, -1)),
  IMAGES_FOLDER,
  SEARCH_INDEX_FOLDER,
  ADMIN_FOLDER,
  'images',
  'css',
  'js',
  'fonts',
  'page',
  'feed',
]);

/** Files for hosts and crawlers, at the root of the site. */
export const HOST_FILES = {
  sitemap: 'sitemap.xml',
  newsSitemap: 'news-sitemap.xml',
  robots: 'robots.txt',
  redirects: '_redirects',
  headers: '_headers',
} as const;

/** Part `n` (from 1) of a sitemap split because it had too many addresses. */
export const sitemapPartFile = (n: number): string => `sitemap-${n}.xml`;

export const sectionPath = (slug: string): string => `/${slug}/`;
/** A page's address when its front matter gives no `permalink`. */
export const pagePath = (slug: string): string => `/${slug}/`;
export const authorPath = (slug: string): string => `${SITE_PATHS.authors}${slug}/`;
export const tagPath = (slug: string): string => `${SITE_PATHS.tags}${slug}/`;

/** Page `n` (from 1) of a list whose first page is `first`: `/news/`, `/news/page/2/`… */
export const listPagePath = (first: string, n: number): string => (n === 1 ? first : `${first}page/${n}/`);

/** The address of the first page of the list that `sitePath` (any of its pages) belongs to. */
export const firstPagePath = (sitePath: string): string => sitePath.replace(/page\/\d+\/$/, '');

/** Pages a list of `items` takes at `perPage` a page; an empty list still has its first page. */
export const pageCount = (items: number, perPage: number): number => Math.max(1, Math.ceil(items / perPage));

export interface FeedPaths {
  rss: string;
  atom: string;
  json: string;
}

/**
 * Where the feeds of a page live, as site paths: next to the page, so
 * `/news/` has `/news/feed.xml`, `/news/atom.xml` and `/news/feed.json`, and
 * the whole site's are at `/feed.xml`…
 */
export const feedPaths = (pagePath: string): FeedPaths => ({
  rss: `${pagePath}feed.xml`,
  atom: `${pagePath}atom.xml`,
  json: `${pagePath}feed.json`,
});

/**
 * An article's site path from the `permalink` pattern in `site.yml`. Every
 * token is replaced by a validated slug or digits, so the result can never
 * point outside the output folder. The calendar parts are asked for only
 * when the pattern has a date token: working them out in the site's
 * timezone is most of the cost, and serve does it for every article on
 * every save.
 */
export function articlePath(
  pattern: string,
  article: { slug: string; category: string; calendar: () => { year: string; month: string; day: string } },
): string {
  let calendar: { year: string; month: string; day: string } | undefined;
  return pattern.replace(/:(year|month|day|category|slug)/g, (_, token: 'year' | 'month' | 'day' | 'category' | 'slug') =>
    token === 'category' || token === 'slug' ? article[token] : (calendar ??= article.calendar())[token],
  );
}

/** The file a site path is written to: `/a/b/` → `a/b/index.html`, `/a/b.xml` → `a/b.xml`. */
export const fileOf = (sitePath: string): string => {
  const file = sitePath.replace(/^\//, '');
  return file === '' || file.endsWith('/') ? `${file}index.html` : file;
};

/**
 * Where the stand-in page for an old address (an alias) is written:
 * `/a/b/` and `/a/b` become `a/b/index.html`, `/a/b.html` stays `a/b.html`.
 */
export function redirectFile(from: string): string {
  const file = from.replace(/^\//, '');
  if (/\.html?$/.test(file)) return file;
  return `${file.replace(/\/?$/, '/')}index.html`;
}

/** A site path (`/news/x/`) as an absolute URL under the site's address, which may have a path of its own. */
export const absolute = (site: { url: string }, sitePath: string): string => new URL(sitePath.replace(/^\//, ''), site.url).href;

/** The site's own path without its final slash: `''` at a host's root, `/news` under a sub-path. */
export const pathPrefix = (site: { url: string }): string => new URL(site.url).pathname.replace(/\/$/, '');
