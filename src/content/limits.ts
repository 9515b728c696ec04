/*
 * Limits that bound what one contributor's file can make the build do.
 * Each is far above what a newsroom writes, and far below what would slow
 * the build or flood the site: a file over one is an editor's error naming
 * the field. They are listed in SECURITY.md ("What is enforced").
 */

/** Tags on one article. Desks tag a story with a handful of topics; each tag is a page (and feeds) of its own. */
export const MAX_TAGS = 50;

/** Characters in one tag's name. A tag is a topic of a few words, printed in every list of the story. */
export const MAX_TAG_LENGTH = 100;

/** Old addresses of one article. A story moves a few times (a new slug, a new section, an import); each alias is a redirect page. */
export const MAX_ALIASES = 20;

/** Pages the footer links to (site.yml `pages:`). A footer holds a handful of links; each is on every page of the site. */
export const MAX_FOOTER_PAGES = 50;

/**
 * Redirects site.yml may list (`redirects:`). An old CMS's category and tag
 * archives run to a few thousand on a large site; each is a redirect page.
 */
export const MAX_SITE_REDIRECTS = 20_000;

/** Corrections on one article. Even a long-running story is corrected a few times; all are printed on its page and the corrections page. */
export const MAX_CORRECTIONS = 50;

/** Approved comments on one article. A busy story draws hundreds; every one is printed on the article's page. */
export const MAX_COMMENTS_PER_ARTICLE = 500;

/**
 * Pages one article can add to the site: its own, one per tag, one per
 * alias. Lower than the tags and aliases limits together, so a file may use
 * many tags or many aliases but not both at their limits.
 */
export const MAX_PAGES_PER_FILE = 60;

/** Embed providers site.yml may add. Each is a host the site's pages may load frames from once a reader asks. */
export const MAX_CUSTOM_EMBEDS = 20;

/** Dates are written with four-digit years: earlier or later ones have no place in a feed or sitemap (RFC 3339, RFC 822). */
export const FIRST_YEAR = 1000;
export const LAST_YEAR = 9999;
