import { distinctCategories } from './categories.js';
import { lastChange, rfc3339Date, rfc822Date } from './feed-dates.js';
import type { FeedInput, FeedItem } from './feed-input.js';
import { joinLines } from './feed-bytes.js';
import { itemContentHtml } from './item-content.js';
import { perItem } from './per-item.js';
import { htmlText, xmlAttribute, xmlCdata, xmlText } from '../../util/xml-text.js';

const NAMESPACES = [
  'xmlns:atom="http://www.w3.org/2005/Atom"',
  'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
].join(' ');

const element = (name: string, text: string) => `<${name}>${xmlText(text)}</${name}>`;

const renderItem = perItem((item: FeedItem, siteUrl: string): Buffer =>
  Buffer.from([
    '    <item>',
    `      ${element('title', item.title)}`,
    `      ${element('link', item.url)}`,
    `      <guid isPermaLink="true">${xmlText(item.url)}</guid>`,
    `      ${element('pubDate', rfc822Date(item.published))}`,
    // RSS has no element for an update; Atom's, whose namespace is declared for the self link, carries it.
    ...(item.updated ? [`      ${element('atom:updated', rfc3339Date(item.updated))}`] : []),
    // Readers treat an item's description as HTML: escaped as HTML first, "<b>" in a summary stays text.
    `      ${element('description', htmlText(item.summary))}`,
    `      <content:encoded>${xmlCdata(itemContentHtml(item, siteUrl))}</content:encoded>`,
    ...item.authors.map((author) => `      ${element('dc:creator', author.name)}`),
    ...distinctCategories(item.categories).map((category) => `      ${element('category', category)}`),
    '    </item>',
  ].join('\n')),
);

/**
 * The feed as RSS 2.0, with full content (`content:encoded`), one
 * `dc:creator` per author and an `atom:link` to itself. Everything comes from
 * `feed`, nothing from the clock: the same feed gives the same bytes.
 */
export function renderRss(feed: FeedInput): Buffer {
  const changed = lastChange(feed.items);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<rss version="2.0" ${NAMESPACES}>`,
    '  <channel>',
    `    ${element('title', feed.title)}`,
    `    ${element('link', feed.homeUrl)}`,
    `    ${element('description', feed.description)}`,
    `    ${element('language', feed.language)}`,
    ...(changed ? [`    ${element('lastBuildDate', rfc822Date(changed))}`] : []),
    `    <atom:link href="${xmlAttribute(feed.feedUrls.rss)}" rel="self" type="application/rss+xml"/>`,
    ...(feed.iconUrl
      ? [
          '    <image>',
          `      ${element('url', feed.iconUrl)}`,
          `      ${element('title', feed.title)}`,
          `      ${element('link', feed.homeUrl)}`,
          '    </image>',
        ]
      : []),
    ...feed.items.map((item) => renderItem(item, feed.siteUrl)),
    '  </channel>',
    '</rss>',
  ];
  return joinLines(lines);
}
