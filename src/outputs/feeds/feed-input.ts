/*
 * What every feed renderer takes: one feed, everything already chosen,
 * ordered and limited by the caller, so that renderers only format. All URLs
 * are absolute, because a feed is read far from the site and has no base.
 */

/** One feed: the whole site, a section, an author, a tag, or corrections. */
export interface FeedInput {
  /** For example "The Ellery Courier: Business". */
  title: string;
  description: string;
  /** BCP 47, for example `en-GB`. */
  language: string;
  /** Absolute URL of the HTML page this feed mirrors. */
  homeUrl: string;
  /** Absolute URLs of the three files written for this feed. */
  feedUrls: { rss: string; atom: string; json: string };
  /** Absolute base URL of the site, ending with `/`. */
  siteUrl: string;
  /** Absolute URL of a square icon. */
  iconUrl?: string;
  /** Newest first, already limited. */
  items: FeedItem[];
}

/** One entry of a feed. */
export interface FeedItem {
  /** Absolute; also the entry's id and guid, so it must be unique within the feed. */
  url: string;
  title: string;
  /** Plain text. */
  summary: string;
  /**
   * Sanitized HTML. Root-relative URLs (`/news/x/`) are read under the site
   * URL, other relative URLs against `url`, as the article page reads them.
   */
  contentHtml: string;
  /** ISO 8601 with an offset. */
  published: string;
  /** ISO 8601 with an offset. */
  updated?: string;
  /** Author page URLs are absolute. */
  authors: { name: string; url: string }[];
  /** The section name and tag names. */
  categories: string[];
  /** Absolute. */
  image?: { url: string; alt: string };
}
