import type { FeedItem } from './feed-input.js';

/**
 * `render` remembered per item object and site URL. One article sits in many
 * feeds (the site's, its section's, each author's and tag's) and the caller
 * shares one item object between them, so each format escapes an article's
 * content once instead of once per feed. The item's fields are compared on
 * every use (by identity: a field given a new value, not an edit inside a
 * list), so a changed item is never served a stale rendering.
 */
export function perItem<T>(render: (item: FeedItem, siteUrl: string) => T): (item: FeedItem, siteUrl: string) => T {
  const known = new WeakMap<FeedItem, { siteUrl: string; fields: unknown[]; value: T }>();
  return (item, siteUrl) => {
    const fields = Object.values(item);
    const hit = known.get(item);
    if (hit && hit.siteUrl === siteUrl && hit.fields.length === fields.length && hit.fields.every((field, index) => field === fields[index])) return hit.value;
    const value = render(item, siteUrl);
    known.set(item, { siteUrl, fields, value });
    return value;
  };
}
