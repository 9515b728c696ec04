import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';

/*
 * The pure parts of the search page's script (public/js/search.js, plain
 * browser JavaScript). The browser tests drive the page itself.
 */
interface Part {
  text: string;
  marked: boolean;
}
interface SearchScript {
  excerptParts(excerpt: string): Part[];
  excerptCuts(excerpt: string, content: string | undefined): { before: boolean; after: boolean };
  searchRequest(values: Record<string, string>): { term: string | null; options: Record<string, unknown> } | undefined;
  filterValues(key: string, counts: Record<string, number>, language?: string): string[];
  queryString(values: Record<string, string>): string;
  shardsFor(shards: string[], filters: Record<string, string>): string[];
}

let script: SearchScript;
beforeAll(async () => {
  // Imported by address: the file is JavaScript for browsers, outside the TypeScript project.
  script = (await import(pathToFileURL(path.resolve('public/js/search.js')).href)) as SearchScript;
});

describe('excerptParts: the only markup Pagefind adds is <mark>; everything else is text', () => {
  test.each<[string, string, Part[]]>([
    ['plain text', 'The harbour wall', [{ text: 'The harbour wall', marked: false }]],
    [
      'marked words',
      'The <mark>harbour</mark> wall and <mark>harbour</mark>',
      [
        { text: 'The ', marked: false },
        { text: 'harbour', marked: true },
        { text: ' wall and ', marked: false },
        { text: 'harbour', marked: true },
      ],
    ],
    [
      // Pagefind escapes < and > of the page text; they come back as the characters, shown as text.
      'a headline that looks like markup',
      '&lt;img src=x onerror=alert(1)&gt; <mark>harbour</mark> &amp; &lt;/mark&gt;',
      [
        { text: '<img src=x onerror=alert(1)> ', marked: false },
        { text: 'harbour', marked: true },
        { text: ' &amp; </mark>', marked: false },
      ],
    ],
    ['nothing', '', []],
  ])('%s', (_name, excerpt, parts) => {
    expect(script.excerptParts(excerpt)).toEqual(parts);
  });
});

describe('excerptCuts: an ellipsis where the excerpt cuts a sentence, none where it starts or ends one', () => {
  const TEXT = 'The tram opens today. Hundreds queued at Northgate before dawn to ride it. "It was worth the wait!" said one.';
  test.each<[string, string, string | undefined, { before: boolean; after: boolean }]>([
    ['the whole text', TEXT, TEXT, { before: false, after: false }],
    ['the start of the text, cut mid-sentence', 'The <mark>tram</mark> opens today. Hundreds queued at', TEXT, { before: false, after: true }],
    ['after a full stop, to a full stop', 'Hundreds queued at Northgate before dawn to ride it.', TEXT, { before: false, after: false }],
    ['mid-sentence at both ends', 'queued at <mark>Northgate</mark> before', TEXT, { before: true, after: true }],
    ['to the end of the text, from mid-sentence', 'worth the wait!" said one.', TEXT, { before: true, after: false }],
    ['after a quoted exclamation', 'said one.', TEXT, { before: false, after: false }],
    ['spaces differing from the text', 'Hundreds  queued\nat', TEXT, { before: false, after: true }],
    ['not in the text: a small letter starts mid-sentence', 'queued at dawn', 'Something else.', { before: true, after: true }],
    ['not in the text, no text given: a capital and a full stop', 'Hundreds queued.', undefined, { before: false, after: false }],
    ['empty', '', TEXT, { before: false, after: false }],
  ])('%s', (_, excerpt, content, expected) => {
    expect(script.excerptCuts(excerpt, content)).toEqual(expected);
  });
});

describe('searchRequest', () => {
  test.each<[string, Record<string, string>, ReturnType<SearchScript['searchRequest']>]>([
    ['nothing asked', { q: '  ', section: '', author: '', year: '', sort: '' }, undefined],
    ['words: by relevance', { q: ' tram line ', section: '', author: '', year: '', sort: '' }, { term: 'tram line', options: { filters: {} } }],
    ['words, newest first', { q: 'tram', sort: 'newest' }, { term: 'tram', options: { filters: {}, sort: { date: 'desc' } } }],
    [
      'words and filters',
      { q: 'tram', section: 'Business', author: 'Jane Doe', year: '2025', sort: '' },
      { term: 'tram', options: { filters: { section: 'Business', author: 'Jane Doe', year: '2025' } } },
    ],
    ['a filter alone lists its stories, newest first', { q: '', year: '2024', sort: '' }, { term: null, options: { filters: { year: '2024' }, sort: { date: 'desc' } } }],
    ['values that are not filters are ignored', { q: 'tram', colour: 'red' }, { term: 'tram', options: { filters: {} } }],
  ])('%s', (_name, values, request) => {
    expect(script.searchRequest(values)).toEqual(request);
  });
});

describe('filterValues', () => {
  test('years newest first, names in the order of the page language', () => {
    expect(script.filterValues('year', { '2024': 2, '2026': 1, '2025': 9 })).toEqual(['2026', '2025', '2024']);
    expect(script.filterValues('author', { 'Zoë Ward': 1, 'ángel Ruiz': 1, 'Ben Ash': 3 }, 'en-GB')).toEqual(['ángel Ruiz', 'Ben Ash', 'Zoë Ward']);
  });
});

describe('queryString', () => {
  test('only the values given, so that a search can be shared', () => {
    expect(script.queryString({ q: 'tram & bus', section: 'News', author: '', year: '', sort: '' })).toBe('?q=tram+%26+bus&section=News');
    expect(script.queryString({ q: ' ', section: '' })).toBe('');
  });
});

describe('shardsFor: the parts of the index (years, runs of months) a search by date asks', () => {
  test('every part of stories, or those of the one year the filter names; never the pages\' part', () => {
    expect(script.shardsFor(['2026', '2025', '2024', 'pages'], {})).toEqual(['2026', '2025', '2024']);
    expect(script.shardsFor(['2026', '2025', '2024'], { section: 'News' })).toEqual(['2026', '2025', '2024']);
    expect(script.shardsFor(['2026', '2025', '2024'], { year: '2025' })).toEqual(['2025']);
    expect(script.shardsFor(['2026', '2025-09', '2025-04', '2025-01', '2024', 'pages'], { year: '2025' })).toEqual(['2025-09', '2025-04', '2025-01']);
    expect(script.shardsFor(['2026', '2025'], { year: '1999' })).toEqual([]);
  });
});
