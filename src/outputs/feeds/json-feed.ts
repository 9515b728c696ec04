import { distinctCategories } from './categories.js';
import { rfc3339Date } from './feed-dates.js';
import type { FeedInput, FeedItem } from './feed-input.js';
import { itemContentHtml } from './item-content.js';
import { perItem } from './per-item.js';
import { removeNonXmlChars } from '../../util/xml-text.js';

// JSON could carry control characters and lone surrogates, as escapes, but
// the same text then reaches readers as in the RSS and Atom files.
const clean = removeNonXmlChars;

// Each item as it stands in a feed's `items`, two levels in, as bytes: made
// once and shared by every feed the item is in (see joinLines).
const ITEM_INDENT = '    ';
const ITEM_SEPARATOR = Buffer.from(',\n');
const jsonItem = perItem((item: FeedItem, siteUrl: string): Buffer => {
  const text = JSON.stringify(itemObject(item, siteUrl), null, 2);
  // JSON escapes the newlines inside strings: every newline here is between lines.
  return Buffer.from(ITEM_INDENT + text.replaceAll('\n', `\n${ITEM_INDENT}`));
});

const itemObject = (item: FeedItem, siteUrl: string) => ({
  id: clean(item.url),
  url: clean(item.url),
  title: clean(item.title),
  summary: clean(item.summary),
  content_html: clean(itemContentHtml(item, siteUrl)),
  image: item.image ? clean(item.image.url) : undefined,
  date_published: rfc3339Date(item.published),
  date_modified: item.updated ? rfc3339Date(item.updated) : undefined,
  authors: item.authors.map((author) => ({ name: clean(author.name), url: author.url ? clean(author.url) : undefined })),
  tags: distinctCategories(item.categories).map(clean),
});

/**
 * The feed as JSON Feed 1.1, indented by two spaces. Keys whose value is
 * missing are left out. The same feed gives the same bytes.
 */
export function renderJsonFeed(feed: FeedInput): Buffer {
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: clean(feed.title),
    home_page_url: clean(feed.homeUrl),
    feed_url: clean(feed.feedUrls.json),
    description: clean(feed.description),
    icon: feed.iconUrl ? clean(feed.iconUrl) : undefined,
    language: clean(feed.language),
    items: [],
  };
  const text = JSON.stringify(document, null, 2);
  if (feed.items.length === 0) return Buffer.from(`${text}\n`);
  // `items` is the last key: its items go between its brackets as JSON.stringify would put them.
  const brackets = text.lastIndexOf('[]');
  const items = feed.items.flatMap((item, index) => [...(index > 0 ? [ITEM_SEPARATOR] : []), jsonItem(item, feed.siteUrl)]);
  return Buffer.concat([Buffer.from(`${text.slice(0, brackets)}[\n`), ...items, Buffer.from(`\n  ]${text.slice(brackets + 2)}\n`)]);
}
