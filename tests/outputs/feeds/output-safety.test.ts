import { load } from 'cheerio';
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { absoluteUrls } from '../../../src/outputs/feeds/absolute-urls.js';
import { renderAtom } from '../../../src/outputs/feeds/atom.js';
import type { FeedInput } from '../../../src/outputs/feeds/feed-input.js';
import { renderJsonFeed } from '../../../src/outputs/feeds/json-feed.js';
import { renderRss } from '../../../src/outputs/feeds/rss.js';
import { removeNonXmlChars } from '../../../src/util/xml-text.js';
import { fixtureFeed, SITE_URL } from './fixture.js';
import { xmlProblems } from './well-formed-xml.js';

const renderers = { rss: renderRss, atom: renderAtom, json: renderJsonFeed };
// Compared as text: two renderings are equal when their bytes are.

describe('the same input gives the same bytes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test.each(Object.entries(renderers))('%s: twice, from a copy, and at another time', (_, renderBytes) => {
    const render = (feed: FeedInput) => renderBytes(feed).toString();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const first = render(fixtureFeed());
    expect(render(fixtureFeed())).toBe(first);
    expect(render(structuredClone(fixtureFeed()))).toBe(first);
    vi.setSystemTime(new Date('1999-12-31T23:59:59Z'));
    expect(render(fixtureFeed())).toBe(first);
  });
});

// Strings made mostly of what breaks XML and feeds: markup characters, CDATA
// ends, forbidden controls, lone surrogates and non-characters.
const awkward = fc.constantFrom('&', '<', '>', '"', "'", ']]>', ']]', '<![CDATA[', '-->', '&amp;', '&#0;', '\u0000', '\u0008', '\u001b', '\r', '\n', '\t', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF', '🐟', 'é');
const text = fc.string({ unit: fc.oneof(awkward, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 24 });

function feedOf(title: string, words: string, category: string): FeedInput {
  const feed = fixtureFeed();
  return {
    ...feed,
    title: words,
    description: words,
    items: feed.items.map((item) => ({
      ...item,
      title,
      summary: words,
      contentHtml: `<p title="${title}">${words}</p><img alt="${words}" src="/a.jpg">${title}`,
      authors: [{ name: words, url: `${SITE_URL}authors/x/` }],
      categories: [category, 'Business'],
    })),
  };
}

test('any text stays well-formed XML and comes back as the same text, less forbidden characters', () => {
  fc.assert(
    fc.property(text, text, text, (title, words, category) => {
      const feed = feedOf(title, words, category);
      const rssXml = renderRss(feed).toString();
      const atomXml = renderAtom(feed).toString();
      expect(xmlProblems(rssXml)).toEqual([]);
      expect(xmlProblems(atomXml)).toEqual([]);
      const rss = load(rssXml, { xml: true });
      const atom = load(atomXml, { xml: true });
      const json = JSON.parse(renderJsonFeed(feed).toString()) as { title: string; items: { title: string; content_html: string; tags: string[] }[] };
      expect(rss('item')).toHaveLength(2);
      expect(atom('entry')).toHaveLength(2);
      expect(json.items).toHaveLength(2);
      const content = removeNonXmlChars(absoluteUrls(feed.items[0]?.contentHtml ?? '', SITE_URL, feed.items[0]?.url));
      expect(rss('item > title').first().text()).toBe(removeNonXmlChars(title));
      expect(atom('entry > title').first().text()).toBe(removeNonXmlChars(title));
      expect(json.items[0]?.title).toBe(removeNonXmlChars(title));
      expect(atom('entry > summary').first().text()).toBe(removeNonXmlChars(words));
      expect(rss('channel > description').text()).toBe(removeNonXmlChars(words));
      expect(rss('item > dc\\:creator').first().text()).toBe(removeNonXmlChars(words));
      expect(rss('item > content\\:encoded').first().text()).toBe(content);
      expect(atom('entry > content').first().text()).toBe(content);
      expect(json.items[0]?.content_html).toBe(content);
      expect(atom('entry > category').first().attr('term')).toBe(removeNonXmlChars(category));
    }),
    { numRuns: 150 },
  );
});

test('characters XML forbids never reach any output', () => {
  const feed = feedOf('a\u0000b\uD800c\uFFFE', 'd\u0001e\uDC00f\uFFFF', 'g\u000bh');
  const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
  expect(renderRss(feed).toString()).not.toMatch(forbidden);
  expect(renderAtom(feed).toString()).not.toMatch(forbidden);
  // JSON would carry them as escapes, so look at the strings it holds.
  const strings: string[] = [];
  JSON.parse(renderJsonFeed(feed).toString(), (_, value: unknown) => {
    if (typeof value === 'string') strings.push(value);
    return value;
  });
  expect(strings).toContain('abc');
  for (const value of strings) expect(value).not.toMatch(forbidden);
});
