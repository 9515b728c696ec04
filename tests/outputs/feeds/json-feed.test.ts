import { expect, test } from 'vitest';
import { renderJsonFeed } from '../../../src/outputs/feeds/json-feed.js';
import { fixtureFeed, HOSTILE_SUMMARY, HOSTILE_TITLE, RESOLVED_CONTENT, RFC_3339 } from './fixture.js';

interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  icon?: string;
  language: string;
  items: Record<string, unknown>[];
}

const json = renderJsonFeed(fixtureFeed()).toString();
const parsed = JSON.parse(json) as JsonFeed;

test('top-level fields of JSON Feed 1.1', () => {
  const { items, ...top } = parsed;
  expect(top).toEqual({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'The Ellery Courier: Business',
    home_page_url: 'https://courier.example.org/business/',
    feed_url: 'https://courier.example.org/business/feed.json',
    description: 'Business news from Ellery & the harbour.',
    icon: 'https://courier.example.org/icon-512.png',
    language: 'en-GB',
  });
  expect(items).toHaveLength(2);
});

test('every item has a string id and content_html (JSON Feed 1.1 requires id and content)', () => {
  for (const item of parsed.items) {
    expect(typeof item.id).toBe('string');
    expect(typeof item.content_html).toBe('string');
  }
});

test('the first item in full: hostile text as is, absolute content, RFC 3339 dates', () => {
  expect(parsed.items[0]).toEqual({
    id: 'https://courier.example.org/business/harbour-deal/',
    url: 'https://courier.example.org/business/harbour-deal/',
    title: HOSTILE_TITLE,
    summary: HOSTILE_SUMMARY,
    content_html: RESOLVED_CONTENT,
    image: 'https://courier.example.org/images/harbour.jpg',
    date_published: '2025-03-14T08:30:00+00:00',
    date_modified: '2025-03-15T10:00:00+00:00',
    authors: [{ name: 'Jane Doe', url: 'https://courier.example.org/authors/jane-doe/' }],
    tags: ['Business', 'Harbour & Docks'],
  });
});

test('an item never updated and without an image leaves those keys out', () => {
  const second = parsed.items[1] ?? {};
  expect(Object.keys(second)).toEqual(['id', 'url', 'title', 'summary', 'content_html', 'date_published', 'authors', 'tags']);
  expect(second.authors).toEqual([
    { name: 'Sam Okafor', url: 'https://courier.example.org/authors/sam-okafor/' },
    { name: 'Jane Doe', url: 'https://courier.example.org/authors/jane-doe/' },
  ]);
  expect(second.date_published).toMatch(RFC_3339);
});

test('is indented by two spaces and ends with a newline', () => {
  expect(json).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
});

test('characters XML forbids are left out here too', () => {
  const feed = fixtureFeed();
  const first = feed.items[0];
  if (!first) throw new Error('the fixture has items');
  first.title = 'Bell\u0007 \uD800rings\uFFFF';
  const [item] = (JSON.parse(renderJsonFeed(feed).toString()) as JsonFeed).items;
  expect(item?.title).toBe('Bell rings');
});
