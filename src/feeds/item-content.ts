import { absoluteUrls } from './absolute-urls.js';
import type { FeedItem } from './feed-input.js';

interface Resolved {
  html: string;
  siteUrl: string;
  pageUrl: string;
  result: string;
}

// One article sits in many feeds (the site's, its section's, each author's
// and tag's) and each is written in three formats: parsing its HTML once per
// item object instead of once per output saves most of that work when the
// caller shares items between feeds. The inputs are compared on every use, so
// a changed item is never served stale content.
const resolved = new WeakMap<FeedItem, Resolved>();

/** The item's content with absolute URLs (see absoluteUrls), read against the item's own page. */
export function itemContentHtml(item: FeedItem, siteUrl: string): string {
  const known = resolved.get(item);
  if (known && known.html === item.contentHtml && known.siteUrl === siteUrl && known.pageUrl === item.url) return known.result;
  const result = absoluteUrls(item.contentHtml, siteUrl, item.url);
  resolved.set(item, { html: item.contentHtml, siteUrl, pageUrl: item.url, result });
  return result;
}
