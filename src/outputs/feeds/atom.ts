import { distinctCategories } from './categories.js';
import { lastChange, rfc3339Date } from './feed-dates.js';
import type { FeedInput, FeedItem } from './feed-input.js';
import { joinLines } from './feed-bytes.js';
import { itemContentHtml } from './item-content.js';
import { perItem } from './per-item.js';
import { xmlAttribute, xmlText } from '../../util/xml-text.js';

// RFC 4287 requires a feed-level `updated` even when there is nothing in the
// feed; the epoch says "never changed" without reading the clock.
const NEVER = '1970-01-01T00:00:00Z';

const element = (indent: string, name: string, text: string) => `${indent}<${name}>${xmlText(text)}</${name}>`;
const link = (indent: string, rel: string, type: string, href: string) =>
  `${indent}<link rel="${rel}" type="${type}" href="${xmlAttribute(href)}"/>`;

function renderAuthor(author: { name: string; url: string }): string[] {
  return [
    '    <author>',
    element('      ', 'name', author.name),
    ...(author.url ? [element('      ', 'uri', author.url)] : []),
    '    </author>',
  ];
}

const renderEntry = perItem((item: FeedItem, siteUrl: string): Buffer =>
  Buffer.from([
    '  <entry>',
    element('    ', 'id', item.url),
    element('    ', 'title', item.title),
    link('    ', 'alternate', 'text/html', item.url),
    element('    ', 'published', rfc3339Date(item.published)),
    element('    ', 'updated', rfc3339Date(item.updated ?? item.published)),
    ...item.authors.flatMap(renderAuthor),
    ...distinctCategories(item.categories).map((category) => `    <category term="${xmlAttribute(category)}"/>`),
    element('    ', 'summary', item.summary),
    `    <content type="html">${xmlText(itemContentHtml(item, siteUrl))}</content>`,
    '  </entry>',
  ].join('\n')),
);

/**
 * The feed as Atom (RFC 4287), with full content as escaped HTML. The feed's
 * id is its own URL, so that feeds mirroring the same page stay distinct.
 * Everything comes from `feed`, nothing from the clock: the same feed gives
 * the same bytes.
 */
export function renderAtom(feed: FeedInput): Buffer {
  // An entry without an author inherits the feed's; Atom requires one or the other.
  const feedAuthor = feed.items.some((item) => item.authors.length === 0)
    ? ['  <author>', element('    ', 'name', feed.title), '  </author>']
    : [];
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlAttribute(feed.language)}">`,
    element('  ', 'id', feed.feedUrls.atom),
    element('  ', 'title', feed.title),
    element('  ', 'subtitle', feed.description),
    element('  ', 'updated', rfc3339Date(lastChange(feed.items) ?? NEVER)),
    link('  ', 'self', 'application/atom+xml', feed.feedUrls.atom),
    link('  ', 'alternate', 'text/html', feed.homeUrl),
    ...(feed.iconUrl ? [element('  ', 'icon', feed.iconUrl)] : []),
    ...feedAuthor,
    ...feed.items.map((item) => renderEntry(item, feed.siteUrl)),
    '</feed>',
  ];
  return joinLines(lines);
}
