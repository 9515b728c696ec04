import { w3cInstant } from './sitemap-date.js';
import { newsLanguage } from './sitemap-language.js';
import { siteBase, urlUnderSite } from './sitemap-site.js';
import { xmlText } from '../../util/xml-text.js';
import { HOST_FILES, sitemapPartFile } from '../../routes/addresses.js';

/** A file to write: `path` is relative to the output root, `/`-separated. */
export interface OutputFile<Content extends string | Buffer = string> {
  path: string;
  /** Text, or bytes already encoded (a feed: see joinLines). */
  content: Content;
  /**
   * For a file made from inputs known before it is made (a feed): a
   * fingerprint of them and of the code that makes it. The last build's file
   * with the same key is kept, and `content` is never read.
   */
  key?: string | undefined;
}

/** A page for the sitemap. */
export interface SitemapPage {
  /** Absolute URL under `siteUrl`. */
  url: string;
  /** W3C datetime of the last change, e.g. `2025-01-31T09:30:00+01:00`; written as given. Left out when unknown. */
  lastmod?: string | undefined;
}

export interface SitemapOptions {
  /** Absolute URL of the site root; may have a path (`https://example.org/news/`). */
  siteUrl: string;
  /** URLs per sitemap file before splitting; 1 to 50,000 (the default). */
  maxUrlsPerFile?: number;
}

/** An article for the Google News sitemap. */
export interface NewsArticle {
  /** Absolute URL under `siteUrl`. */
  url: string;
  /** Headline as readers see it. */
  title: string;
  /** W3C datetime of first publication; written as given. */
  published: string;
}

export interface NewsSitemapOptions {
  /** Absolute URL of the site root; may have a path. */
  siteUrl: string;
  /** Name of the publication exactly as it appears on Google News. */
  publicationName: string;
  /** BCP 47 tag of the site's language, e.g. `en-GB`. */
  language: string;
  /** When the build runs, ms since the epoch: the end of the 48-hour window. */
  buildTime: number;
}

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

// sitemaps.org also caps a file at 50 MB uncompressed. Each entry here costs
// its escaped URL plus about 90 bytes, so 50,000 entries stay below that cap
// while the URLs average under ~950 bytes; ours are a few dozen. It is
// therefore not checked.
const MAX_URLS_PER_FILE = 50_000;
// Google News reads only articles from the last two days, at most 1,000 per sitemap.
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

/** Whether an article published at `instant` (ms) belongs in the news sitemap of a build at `buildTime`. */
export const inNewsWindow = (instant: number, buildTime: number): boolean => instant >= buildTime - NEWS_WINDOW_MS && instant <= buildTime;
const MAX_NEWS_ARTICLES = 1_000;

interface Entry {
  loc: string;
  lastmod: string | undefined;
  /** -Infinity without a lastmod: any dated entry is newer. */
  instant: number;
}

/**
 * The sitemaps.org files for `pages`. Up to `maxUrlsPerFile` distinct URLs
 * give one `sitemap.xml` `<urlset>`; more make `sitemap.xml` a
 * `<sitemapindex>` of `sitemap-1.xml`, `sitemap-2.xml`, …, each entry dated by
 * the newest `lastmod` in its part. URLs are sorted in code-point order and a
 * URL listed twice keeps its newest `lastmod`, so the bytes depend only on
 * the set of pages, not their order. Throws on a URL outside the site or a
 * `lastmod` that is not a W3C datetime.
 */
export function renderSitemaps(pages: readonly SitemapPage[], options: SitemapOptions): OutputFile[] {
  const base = siteBase(options.siteUrl);
  const perFile = options.maxUrlsPerFile ?? MAX_URLS_PER_FILE;
  if (!Number.isInteger(perFile) || perFile < 1 || perFile > MAX_URLS_PER_FILE) {
    throw new RangeError(`maxUrlsPerFile must be a whole number from 1 to ${MAX_URLS_PER_FILE}: ${perFile}`);
  }

  const byLoc = new Map<string, Entry>();
  for (const page of pages) {
    const entry: Entry = {
      loc: urlUnderSite(page.url, base),
      lastmod: page.lastmod,
      instant: page.lastmod === undefined ? -Infinity : w3cInstant(page.lastmod, `lastmod of ${page.url}`),
    };
    const seen = byLoc.get(entry.loc);
    if (seen === undefined || newestFirst(entry, seen) < 0) byLoc.set(entry.loc, entry);
  }
  const entries = [...byLoc.values()].sort((a, b) => compareStrings(a.loc, b.loc));

  if (entries.length <= perFile) return [{ path: HOST_FILES.sitemap, content: urlset(entries) }];

  const parts: OutputFile[] = [];
  const indexEntries: Entry[] = [];
  for (let start = 0; start < entries.length; start += perFile) {
    const part = entries.slice(start, start + perFile);
    const path = sitemapPartFile(parts.length + 1);
    // A part is never empty, so it has a newest entry.
    const newest = part.reduce((best, entry) => (newestFirst(entry, best) < 0 ? entry : best));
    parts.push({ path, content: urlset(part) });
    indexEntries.push({ ...newest, loc: new URL(path, base).href });
  }
  return [{ path: HOST_FILES.sitemap, content: sitemapIndex(indexEntries) }, ...parts];
}

/**
 * The Google News sitemap `news-sitemap.xml`: articles published in the 48
 * hours up to `buildTime` (both ends included; later ones are left out),
 * newest first, at most 1,000. With none it is an empty `<urlset>`. Throws on
 * a URL outside the site, a `published` that is not a W3C datetime or a
 * language tag without an ISO 639 code.
 */
export function renderNewsSitemap(articles: readonly NewsArticle[], options: NewsSitemapOptions): OutputFile {
  const base = siteBase(options.siteUrl);
  if (!Number.isFinite(options.buildTime)) throw new RangeError(`buildTime is not a time: ${options.buildTime}`);
  const language = newsLanguage(options.language);
  const publication = xmlText(options.publicationName);

  // Every article is checked, not only recent ones: a bad date or URL is a
  // build bug whether or not it falls in today's window.
  const checked = articles.map((article) => ({
    ...article,
    loc: urlUnderSite(article.url, base),
    instant: w3cInstant(article.published, `published of ${article.url}`),
  }));
  const recent = checked
    .filter((article) => inNewsWindow(article.instant, options.buildTime))
    .sort(
      (a, b) =>
        b.instant - a.instant ||
        compareStrings(a.loc, b.loc) ||
        compareStrings(a.published, b.published) ||
        compareStrings(a.title, b.title),
    );
  // A URL given twice is listed once, with its newest entry (the first after sorting).
  const listed = new Map<string, (typeof recent)[number]>();
  for (const article of recent) {
    if (listed.size === MAX_NEWS_ARTICLES) break;
    if (!listed.has(article.loc)) listed.set(article.loc, article);
  }

  const lines = [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`];
  for (const article of listed.values()) {
    lines.push(
      '  <url>',
      `    <loc>${xmlText(article.loc)}</loc>`,
      '    <news:news>',
      '      <news:publication>',
      `        <news:name>${publication}</news:name>`,
      `        <news:language>${language}</news:language>`,
      '      </news:publication>',
      `      <news:publication_date>${xmlText(article.published)}</news:publication_date>`,
      `      <news:title>${xmlText(article.title)}</news:title>`,
      '    </news:news>',
      '  </url>',
    );
  }
  lines.push('</urlset>', '');
  return { path: HOST_FILES.newsSitemap, content: lines.join('\n') };
}

function urlset(entries: readonly Entry[]): string {
  const lines = [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}">`];
  for (const { loc, lastmod } of entries) {
    lines.push(`  <url><loc>${xmlText(loc)}</loc>${lastmodElement(lastmod)}</url>`);
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

function sitemapIndex(entries: readonly Entry[]): string {
  const lines = [XML_DECLARATION, `<sitemapindex xmlns="${SITEMAP_NS}">`];
  for (const { loc, lastmod } of entries) {
    lines.push(`  <sitemap><loc>${xmlText(loc)}</loc>${lastmodElement(lastmod)}</sitemap>`);
  }
  lines.push('</sitemapindex>', '');
  return lines.join('\n');
}

const lastmodElement = (lastmod: string | undefined): string => (lastmod === undefined ? '' : `<lastmod>${xmlText(lastmod)}</lastmod>`);

// Newer first; one instant written with two offsets is settled by the text,
// so that which duplicate wins never depends on input order.
function newestFirst(a: Entry, b: Entry): number {
  if (a.instant !== b.instant) return b.instant > a.instant ? 1 : -1;
  return compareStrings(a.lastmod ?? '', b.lastmod ?? '');
}

// UTF-16 order equals code-point order here: normalised URLs (`URL#href`)
// are pure ASCII. Unlike localeCompare it is the same on every machine.
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
