import { absolute } from '../site/site-address.js';

/** One `<link rel="alternate">` to a feed. */
export interface FeedLink {
  type: string;
  title: string;
  href: string;
}

export interface FeedPaths {
  rss: string;
  atom: string;
  json: string;
}

/**
 * Where the feeds of a page live, as site paths: next to the page, so
 * `/news/` has `/news/feed.xml`, `/news/atom.xml` and `/news/feed.json`, and
 * the whole site's are at `/feed.xml`… The one place these names are made.
 */
export const feedPaths = (pagePath: string): FeedPaths => ({
  rss: `${pagePath}feed.xml`,
  atom: `${pagePath}atom.xml`,
  json: `${pagePath}feed.json`,
});

/** The alternate links a page's head gives for its feeds, with absolute addresses. */
export function feedLinks(site: { url: string }, pagePath: string, title: string): FeedLink[] {
  const paths = feedPaths(pagePath);
  return [
    { type: 'application/rss+xml', title: `${title} (RSS)`, href: absolute(site, paths.rss) },
    { type: 'application/atom+xml', title: `${title} (Atom)`, href: absolute(site, paths.atom) },
    { type: 'application/feed+json', title: `${title} (JSON Feed)`, href: absolute(site, paths.json) },
  ];
}
