import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { searchShards } from '../../src/routes/search-parts.js';
import { indexSite } from '../../src/search/index-site.js';

/*
 * A year of more stories than a part holds is indexed in runs of months
 * (see searchShards). This indexes such a year with Pagefind and opens it as
 * the search page does (openIndex in public/js/search.js, with the index's
 * own pagefind.js over HTTP), with parts of two stories, so that one year
 * is three parts.
 */

interface Found {
  url: string;
  meta: Record<string, string>;
}
interface SearchIndex {
  search(term: string | null, options: object): Promise<{ data(): Promise<Found> }[]>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** Stories newest first: url, publication time (UTC), and a word of the text. */
const STORIES: [string, string, string][] = [
  ['/news/june/', '2025-06-20T09:00:00Z', 'ferry'],
  ['/news/may/', '2025-05-02T09:00:00Z', 'ferry'],
  ['/news/april/', '2025-04-11T09:00:00Z', 'ferry'],
  ['/news/march/', '2025-03-30T09:00:00Z', 'tram'],
  ['/news/february/', '2025-02-14T09:00:00Z', 'ferry'],
  ['/news/january/', '2025-01-03T09:00:00Z', 'ferry'],
  ['/news/last-year/', '2024-11-08T09:00:00Z', 'ferry'],
];

const storyPage = (title: string, iso: string, word: string) =>
  `<!doctype html><html lang="en-GB"><head><title>${title}</title></head><body><article data-pagefind-body><h1>${title}</h1>` +
  `<time data-pagefind-meta="date" data-pagefind-filter="year:${iso.slice(0, 4)}" data-pagefind-sort="date:${iso}">${iso}</time>` +
  `<p>The ${word} timetable changes this week.</p></article></body></html>`;

let root: string;
let server: Server;
let index: SearchIndex;
let shards: string[];

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'broadsheet-parts-'));
  for (const [url, iso, word] of STORIES) {
    const file = path.join(root, url, 'index.html');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, storyPage(url.split('/')[2]!, iso, word));
  }
  const parts = searchShards(STORIES.map(([url, iso]) => ({ url, published: { iso: iso.replace('Z', '+00:00') } })), [], 2);
  shards = parts.map((part) => part.name);
  await indexSite(root, parts);
  server = createServer((request, response) => {
    const file = path.join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const found = file.startsWith(root + path.sep) && existsSync(file) && statSync(file).isFile();
    response.writeHead(found ? 200 : 404);
    response.end(found ? readFileSync(file) : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const pagefind = await import(pathToFileURL(path.join(root, 'pagefind', shards[0]!, 'pagefind.js')).href);
  const { openIndex } = (await import(pathToFileURL(path.resolve('public/js/search.js')).href)) as {
    openIndex: (pagefind: unknown, indexUrl: string, shards: string[], options: object) => Promise<SearchIndex>;
  };
  index = await openIndex(pagefind, `${origin}/pagefind/`, shards, { baseUrl: '/' });
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

const urls = async (term: string | null, options: object = {}) => Promise.all((await index.search(term, options)).map(async (result) => (await result.data()).url));

describe('a year in parts of months', () => {
  test('is three parts named by their first month, newest first, then last year', () => {
    expect(shards).toEqual(['2025-05', '2025-03', '2025-01', '2024']);
    for (const shard of shards) expect(existsSync(path.join(root, 'pagefind', shard, 'pagefind.js')), shard).toBe(true);
  });

  test('newest first runs across the parts in date order, with words or without', async () => {
    expect(await urls(null, { sort: { date: 'desc' } })).toEqual(STORIES.map(([url]) => url));
    expect(await urls('ferry', { sort: { date: 'desc' } })).toEqual(STORIES.filter(([, , word]) => word === 'ferry').map(([url]) => url));
  });

  test('a year filter finds that year in every part of it, and by date keeps the order', async () => {
    expect((await urls('ferry', { filters: { year: '2025' } })).sort()).toEqual(['/news/april/', '/news/february/', '/news/january/', '/news/june/', '/news/may/']);
    expect(await urls(null, { filters: { year: '2025' }, sort: { date: 'desc' } })).toEqual(STORIES.slice(0, 6).map(([url]) => url));
    expect(await urls(null, { filters: { year: '2024' }, sort: { date: 'desc' } })).toEqual(['/news/last-year/']);
  });

  test('by relevance, every part is asked; the filters offered are the pages\' own, counted over every part', async () => {
    expect(await urls('tram')).toEqual(['/news/march/']);
    expect((await urls('timetable')).length).toBe(STORIES.length);
    const filters = await index.filters();
    expect(filters).toEqual({ year: { '2025': 6, '2024': 1 } });
  });
});
