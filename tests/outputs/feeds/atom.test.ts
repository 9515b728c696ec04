import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { renderAtom } from '../../../src/outputs/feeds/atom.js';
import type { FeedInput } from '../../../src/outputs/feeds/feed-input.js';
import { fixtureFeed, HOSTILE_SUMMARY, HOSTILE_TITLE, RESOLVED_CONTENT, RFC_3339 } from './fixture.js';
import { xmlProblems } from './well-formed-xml.js';

const read = (feed: FeedInput) => load(renderAtom(feed).toString(), { xml: true });

describe('Atom of the fixture feed', () => {
  const xml = renderAtom(fixtureFeed()).toString();
  const $ = load(xml, { xml: true });

  test('is well-formed XML in the Atom namespace, with its language', () => {
    expect(xmlProblems(xml)).toEqual([]);
    expect($('feed').attr('xmlns')).toBe('http://www.w3.org/2005/Atom');
    expect($('feed').attr('xml:lang')).toBe('en-GB');
  });

  test('has exactly one id, title and updated on the feed (RFC 4287 4.1.1)', () => {
    expect($('feed > id').map((_, el) => $(el).text()).get()).toEqual(['https://courier.example.org/business/atom.xml']);
    expect($('feed > title').map((_, el) => $(el).text()).get()).toEqual(['The Ellery Courier: Business']);
    expect($('feed > updated').map((_, el) => $(el).text()).get()).toEqual(['2025-03-15T10:00:00+00:00']);
    expect($('feed > subtitle').text()).toBe('Business news from Ellery & the harbour.');
  });

  test('links to itself and to the page it mirrors', () => {
    const links = $('feed > link').map((_, el) => `${el.attribs.rel} ${el.attribs.type} ${el.attribs.href}`).get();
    expect(links).toEqual([
      'self application/atom+xml https://courier.example.org/business/atom.xml',
      'alternate text/html https://courier.example.org/business/',
    ]);
  });

  test('has one entry per item, each with one id, title, updated and alternate link', () => {
    const entries = $('feed > entry');
    expect(entries).toHaveLength(2);
    entries.each((_, entry) => {
      for (const name of ['id', 'title', 'updated', 'published', 'summary', 'content']) expect($(entry).children(name), name).toHaveLength(1);
      expect($(entry).children('link[rel="alternate"]').attr('href')).toBe($(entry).children('id').text());
    });
  });

  test('every entry has an author, so the feed needs none (RFC 4287 4.1.1)', () => {
    expect($('feed > author')).toHaveLength(0);
    const authors = $('feed > entry').map((_, entry) => [$(entry).children('author').map((__, a) => `${$(a).children('name').text()} <${$(a).children('uri').text()}>`).get()]).get();
    expect(authors).toEqual([
      ['Jane Doe <https://courier.example.org/authors/jane-doe/>'],
      ['Sam Okafor <https://courier.example.org/authors/sam-okafor/>', 'Jane Doe <https://courier.example.org/authors/jane-doe/>'],
    ]);
  });

  test('dates are RFC 3339; an entry never updated is updated when published', () => {
    const [first, second] = $('feed > entry').toArray().map((entry) => $(entry));
    expect([first?.children('published').text(), first?.children('updated').text()]).toEqual(['2025-03-14T08:30:00+00:00', '2025-03-15T10:00:00+00:00']);
    expect([second?.children('published').text(), second?.children('updated').text()]).toEqual(['2025-03-13T17:05:00+01:00', '2025-03-13T17:05:00+01:00']);
    for (const date of $('updated, published').map((_, el) => $(el).text()).get()) {
      expect(date).toMatch(RFC_3339);
      expect(Number.isNaN(Date.parse(date))).toBe(false);
    }
  });

  test('categories are terms', () => {
    expect($('entry').first().children('category').map((_, el) => el.attribs.term).get()).toEqual(['Business', 'Harbour & Docks']);
  });

  test('hostile title and summary come back as text', () => {
    const entry = $('feed > entry').first();
    expect(entry.children('title').text()).toBe(HOSTILE_TITLE);
    expect(entry.children('summary').text()).toBe(HOSTILE_SUMMARY);
  });

  test('content is escaped HTML with absolute URLs', () => {
    const content = $('feed > entry').first().children('content');
    expect(content.attr('type')).toBe('html');
    expect(content.text()).toBe(RESOLVED_CONTENT);
    expect(xml).not.toContain('<![CDATA[');
  });
});

test('an entry without authors gets the feed as its author', () => {
  const feed = fixtureFeed();
  feed.items = feed.items.map((item, index) => (index === 1 ? { ...item, authors: [] } : item));
  const $ = read(feed);
  expect($('feed > author > name').text()).toBe('The Ellery Courier: Business');
  expect(xmlProblems(renderAtom(feed).toString())).toEqual([]);
});

test('no items: still exactly one feed updated, fixed rather than read from the clock', () => {
  const feed = { ...fixtureFeed(), items: [] };
  expect(read(feed)('feed > updated').text()).toBe('1970-01-01T00:00:00Z');
  expect(read(feed)('entry')).toHaveLength(0);
  expect(xmlProblems(renderAtom(feed).toString())).toEqual([]);
});
