/*
 * The <head> tags that describe a page to browsers, social networks and
 * search engines, as data: templates print each value with autoescaping on,
 * so nothing here is escaped.
 */

/** What every page needs. URLs are absolute. */
interface CommonMetaInput {
  /** The page's own URL. */
  url: string;
  /** Where the original lives, for a piece first published elsewhere; otherwise leave out. */
  canonical?: string;
  /** The page's own title without the site name; the site name itself for the home page. */
  title: string;
  /** Plain text; may be empty, and then no description tags are written. */
  description: string;
  siteName: string;
  /** BCP 47 tag, e.g. `en-GB`. */
  language: string;
  /** The picture to show when the page is shared. */
  image?: { url: string; alt: string };
}

/** An article page. */
export interface ArticleMetaInput extends CommonMetaInput {
  kind: 'article';
  /** ISO 8601 date-time with offset. */
  published: string;
  /** ISO 8601 date-time with offset, when the article was changed since. */
  updated?: string;
  /** The section's name. */
  section: string;
  /** Tag names as editors wrote them. */
  tags: string[];
  /** Absolute URLs of the authors' pages, in byline order. */
  authorUrls: string[];
}

/** An author's page. */
export interface ProfileMetaInput extends CommonMetaInput {
  kind: 'profile';
}

/** Any other page: home, section, tag, lists. */
export interface WebsiteMetaInput extends CommonMetaInput {
  kind: 'website';
}

export type PageMetaInput = ArticleMetaInput | ProfileMetaInput | WebsiteMetaInput;

/** One `<meta>` element: Open Graph uses `property`, the rest `name`. */
export type MetaTag = { property: string; content: string } | { name: string; content: string };

/** The head of a page as data. */
export interface PageMeta {
  /** For `<title>`. */
  title: string;
  /** For `<link rel="canonical">`. */
  canonical: string;
  /** Every `<meta>` element after charset and viewport, in order, the description first. */
  meta: MetaTag[];
}

/** Open Graph writes locales as language_TERRITORY, e.g. en_GB. */
function openGraphLocale(language: string): string {
  const { language: base, region } = new Intl.Locale(language);
  return region === undefined ? base : `${base}_${region}`;
}

/**
 * The title, description, canonical URL, Open Graph and Twitter card tags of
 * one page, always in the same order.
 *
 * @throws RangeError when `language` is not a BCP 47 tag.
 */
export function pageMeta(input: PageMetaInput): PageMeta {
  const canonical = input.canonical ?? input.url;
  const { description, image } = input;
  const property = (key: string, content: string): MetaTag => ({ property: key, content });
  const name = (key: string, content: string): MetaTag => ({ name: key, content });
  const described = description !== '';

  const meta: MetaTag[] = [
    ...(described ? [name('description', description)] : []),
    property('og:site_name', input.siteName),
    // The kinds are named after Open Graph's types.
    property('og:type', input.kind),
    property('og:title', input.title),
    ...(described ? [property('og:description', description)] : []),
    property('og:url', canonical),
    property('og:locale', openGraphLocale(input.language)),
    ...(image ? [property('og:image', image.url), property('og:image:alt', image.alt)] : []),
  ];
  if (input.kind === 'article') {
    meta.push(
      property('article:published_time', input.published),
      // As in the JSON-LD: an article never changed was last modified when published.
      property('article:modified_time', input.updated ?? input.published),
      property('article:section', input.section),
      ...input.tags.map((tag) => property('article:tag', tag)),
      ...input.authorUrls.map((url) => property('article:author', url)),
    );
  }
  meta.push(
    name('twitter:card', image ? 'summary_large_image' : 'summary'),
    name('twitter:title', input.title),
    ...(described ? [name('twitter:description', description)] : []),
    ...(image ? [name('twitter:image', image.url), name('twitter:image:alt', image.alt)] : []),
  );

  return {
    // The home page's own title is the site name; "X | X" would repeat it.
    title: input.title === input.siteName ? input.siteName : `${input.title} | ${input.siteName}`,
    canonical,
    meta,
  };
}
