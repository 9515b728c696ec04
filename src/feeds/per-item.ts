import type { FeedItem } from './feed-input.js';

/**
 * `render` remembered per item object and site URL. One article sits in many
 * feeds (the site's, its section's, each author's and tag's), and the caller
 * shares one item object between them, so each format escapes an article's
 * content once instead of once per feed. Items are never changed after they
 * are made; a new item object is rendered afresh.
 */
export function perItem<T>(render: (item: FeedItem, siteUrl: string) => T): (item: FeedItem, siteUrl: string) => T {
  const known = new WeakMap<FeedItem, { siteUrl: string; value: T }>();
  return (item, siteUrl) => {
    const hit = known.get(item);
    if (hit && hit.siteUrl === siteUrl) return hit.value;
    const value = render(item, siteUrl);
    known.set(item, { siteUrl, value });
    return value;
  };
}
