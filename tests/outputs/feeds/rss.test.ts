import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import type { FeedInput } from '../../../src/outputs/feeds/feed-input.js';
import { renderRss } from '../../../src/outputs/feeds/rss.js';
import { fixtureFeed, HOSTILE_SUMMARY, HOSTILE_TITLE, RESOLVED_CONTENT, RFC_822 } from './fixture.js';
import { xmlProblems } from './well-formed-xml.js';

const read = (feed: FeedInput) => load(renderRss(feed).toString(), { xml: true });

describe('RSS 2.0 of the fixture feed', () => {
  const xml = renderRss(fixtureFeed()).toString();
  const $ = load(xml, { xml: true });

  test('is well-formed XML', () => {
    expect(xmlProblems(xml)).toEqual([]);
  });

  test('has the channel elements RSS 2.0 requires, and a link to itself', () => {
    expect($('rss').attr('version')).toBe('2.0');
    expect($('rss > channel')).toHaveLength(1);
    expect($('channel > title').text()).toBe('The Ellery Courier: Business');
    expect($('channel > link').text()).toBe('https://courier.example.org/business/');
    expect($('channel > description').text()).toBe('Business news from Ellery & the harbour.');
    expect($('channel > language').text()).toBe('en-GB');
    const self = $('channel > atom\\:link');
    expect([self.attr('rel'), self.attr('href'), self.attr('type')]).toEqual(['self', 'https://courier.example.org/business/feed.xml', 'application/rss+xml']);
    expect($('channel > image > url').text()).toBe('https://courier.example.org/icon-512.png');
  });

  test('has exactly one item per input item, in order, each with a title and a description', () => {
    const items = $('channel > item');
    expect(items).toHaveLength(2);
    expect(items.map((_, item) => $(item).children('link').text()).get()).toEqual([
      'https://courier.example.org/business/harbour-deal/',
      'https://courier.example.org/business/rates-rise/',
    ]);
    items.each((_, item) => {
      expect($(item).children('title').text()).not.toBe('');
      expect($(item).children('description')).toHaveLength(1);
    });
  });

  test('gives each item a permalink guid, creators and categories', () => {
    const [first, second] = $('channel > item').toArray().map((item) => $(item));
    expect(first?.children('guid').attr('isPermaLink')).toBe('true');
    expect(first?.children('guid').text()).toBe('https://courier.example.org/business/harbour-deal/');
    expect(first?.children('dc\\:creator').map((_, el) => $(el).text()).get()).toEqual(['Jane Doe']);
    expect(second?.children('dc\\:creator').map((_, el) => $(el).text()).get()).toEqual(['Sam Okafor', 'Jane Doe']);
    expect(first?.children('category').map((_, el) => $(el).text()).get()).toEqual(['Business', 'Harbour & Docks']);
    expect(second?.children('category').map((_, el) => $(el).text()).get()).toEqual(['Business']);
  });

  test('dates are RFC 822; the build date is the latest change, not the clock', () => {
    const dates = [$('channel > lastBuildDate').text(), ...$('item > pubDate').map((_, el) => $(el).text()).get()];
    expect(dates).toEqual(['Sat, 15 Mar 2025 10:00:00 +0000', 'Fri, 14 Mar 2025 08:30:00 +0000', 'Thu, 13 Mar 2025 17:05:00 +0100']);
    for (const date of dates) {
      expect(date).toMatch(RFC_822);
      expect(Number.isNaN(Date.parse(date))).toBe(false);
    }
    expect($('item').first().children('atom\\:updated').text()).toBe('2025-03-15T10:00:00+00:00');
    expect($('item').last().children('atom\\:updated')).toHaveLength(0);
  });

  test('hostile title and summary come back as text', () => {
    const item = $('channel > item').first();
    expect(item.children('title').text()).toBe(HOSTILE_TITLE);
    // The description is HTML: its text, read as HTML, is the plain summary.
    const description = item.children('description').text();
    expect(load(description).root().text()).toBe(HOSTILE_SUMMARY);
    expect(load(description)('b')).toHaveLength(0);
  });

  test('full content with absolute URLs, its "]]>" split across CDATA sections', () => {
    expect(xml).toContain('alt="Cranes ]]]]><![CDATA[> at dusk"');
    const content = $('channel > item').first().children('content\\:encoded').text();
    expect(content).toBe(RESOLVED_CONTENT);
    const html = load(content);
    const urls = html('[href], [src], [cite]').map((_, el) => el.attribs.href ?? el.attribs.src ?? el.attribs.cite).get();
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(URL.canParse(url), url).toBe(true);
  });
});

test('no items: no lastBuildDate and no item, still well-formed', () => {
  const feed = { ...fixtureFeed(), items: [] };
  const $ = read(feed);
  expect($('lastBuildDate')).toHaveLength(0);
  expect($('item')).toHaveLength(0);
  expect(xmlProblems(renderRss(feed).toString())).toEqual([]);
});

test('without an icon there is no image', () => {
  const { iconUrl: _, ...feed } = fixtureFeed();
  expect(read(feed)('channel > image')).toHaveLength(0);
});
