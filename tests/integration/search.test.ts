import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/stages/build.js';
import { copySharedCache, isRedirectStub, SAMPLE_EMBED_PAGE, sharedSample } from '../helpers/shared-sample.js';
import { readSite, text, type BuiltSite } from '../helpers/site-output.js';

// The sample built once for the run (tests/setup/sample-newsroom.ts): as
// published, and with drafts and scheduled articles shown, as a newsroom
// previews them. The site under a path prefix is built here.
const sample = sharedSample();
const CONTENT = sample.contentDir;
const NOW = sample.now;

/** The index as the search page's script opens it (openIndex in public/js/search.js). */
interface SearchIndex {
  search(term: string | null, options: object): Promise<{ data(): Promise<{ url: string; meta: Record<string, string>; content: string }> }[]>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
type OpenIndex = (pagefind: unknown, indexUrl: string, shards: string[], options: object) => Promise<SearchIndex>;

let work: string;
const site: BuiltSite = readSite(sample.siteDir);
const preview: BuiltSite = readSite(sample.previewDir);
const content = sample.content;
const unpublished = sample.everything.articles.filter((a) => a.status !== 'published');
/** The sites the test's server serves, each under /<name>/. */
const served = new Map([
  ['site', sample.siteDir],
  ['preview', sample.previewDir],
]);
let server: Server;
let origin: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'broadsheet-search-'));
  // pagefind.js fetches its index over HTTP, as in a browser.
  server = createServer((request, response) => {
    const [, name = '', ...rest] = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).split('/');
    const dir = served.get(name);
    const file = dir && path.join(dir, ...rest);
    const found = file !== undefined && file.startsWith(dir + path.sep) && existsSync(file) && statSync(file).isFile();
    response.writeHead(found ? 200 : 404);
    response.end(found ? readFileSync(file) : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

/** The parts of a built site's index, as its search page names them. */
const shardsOf = (built: BuiltSite): string[] => built.page('/search/')('#search-form').attr('data-shards')!.split(' ');

/**
 * A built site's index opened as its search page opens it, with its own
 * pagefind.js and the page's script, run in Node and served from the test's
 * server. `baseUrl` is the site's path, which a browser derives from the
 * script's address.
 */
const opened = new Map<string, Promise<SearchIndex>>();
function pagefindOf(siteName: string, baseUrl = '/'): Promise<SearchIndex> {
  // Opened once per site, as once per page load: the module keeps the parts it was given.
  if (!opened.has(siteName)) opened.set(siteName, openSearch(siteName, baseUrl));
  return opened.get(siteName)!;
}

async function openSearch(siteName: string, baseUrl: string): Promise<SearchIndex> {
  const dir = served.get(siteName)!;
  const shards = shardsOf(readSite(dir));
  // A fresh copy of the module for each site, as each page load has: pagefind.js keeps its index in module state.
  const pagefind = await import(`${pathToFileURL(path.join(dir, 'pagefind', shards[0]!, 'pagefind.js')).href}?${siteName}`);
  const { openIndex } = (await import(pathToFileURL(path.resolve('public/js/search.js')).href)) as { openIndex: OpenIndex };
  return openIndex(pagefind, `${origin}/${siteName}/pagefind/`, shards, { baseUrl });
}

async function found(pagefind: SearchIndex, term: string | null, options: object = {}): Promise<{ url: string; meta: Record<string, string> }[]> {
  return Promise.all((await pagefind.search(term, options)).map((r) => r.data()));
}

describe('the index', () => {
  test('is written under pagefind/ in one part per year, newest first, then one of the pages, each with its script, and holds every published article and page', () => {
    const years = [...new Set(content.articles.map((a) => site.page(a.url)('.story-header time').first().attr('datetime')!.slice(0, 4)))].sort().reverse();
    expect(years.length).toBeGreaterThan(1);
    expect(content.pages.length).toBeGreaterThan(0);
    expect(shardsOf(site)).toEqual([...years, 'pages']);
    for (const year of [...years, 'pages']) {
      for (const file of ['pagefind.js', 'pagefind-entry.json', 'pagefind-worker.js']) expect(site.files, file).toContain(`pagefind/${year}/${file}`);
      expect(site.files.some((file) => file.startsWith(`pagefind/${year}/index/`) && file.endsWith('.pf_index'))).toBe(true);
    }
    expect(site.files.filter((file) => /^pagefind\/\d{4}\/fragment\/.+\.pf_fragment$/.test(file))).toHaveLength(content.articles.length);
    expect(site.files.filter((file) => /^pagefind\/pages\/fragment\/.+\.pf_fragment$/.test(file))).toHaveLength(content.pages.length);
    expect(site.files.filter((file) => file.startsWith('pagefind/') && !/^pagefind\/(?:\d{4}|pages)\//.test(file))).toEqual([]);
    expect(sample.output.search?.pages).toBe(content.articles.length + content.pages.length);
    // Index files are not pages: none is HTML, and none is counted as rendered.
    expect(site.files.filter((file) => file.startsWith('pagefind/') && file.endsWith('.html'))).toEqual([]);
    expect(sample.output.rendered).toBe(site.files.filter((file) => file.endsWith('.html') && !isRedirectStub(content, `/${file}`)).length);
  });

  test('finds a published article by a word of its body; filters narrow by section, author and year', async () => {
    const pagefind = await pagefindOf('site');
    const tram = await found(pagefind, 'tram');
    expect(tram.map((r) => r.url)).toContain('/news/tram-line-first-passengers/');
    const first = tram.find((r) => r.url === '/news/tram-line-first-passengers/')!;
    expect(first.meta).toMatchObject({ title: "First passengers ride Port Ellery's tram as the line opens to the public", section: 'News', date: '20 November 2026 at 07:00' });

    const business = await found(pagefind, 'tram', { filters: { section: 'Business' } });
    expect(business.length).toBeGreaterThan(0);
    expect(business.length).toBeLessThan(tram.length);
    expect(business.every((r) => r.url.startsWith('/business/'))).toBe(true);

    const byWren = await found(pagefind, null, { filters: { author: 'Tomasz Wren' } });
    expect(byWren.map((r) => r.url).sort()).toEqual(content.articles.filter((a) => a.authors.includes('tomasz-wren')).map((a) => a.url).sort());

    const in2024 = await found(pagefind, null, { filters: { year: '2024' } });
    expect(in2024.map((r) => r.url).sort()).toEqual(content.articles.filter((a) => site.page(a.url)('.story-header time').first().attr('datetime')!.startsWith('2024')).map((a) => a.url).sort());
  });

  test("a result's text, which excerpts are cut from, holds the story but never its byline or dateline", async () => {
    const pagefind = await pagefindOf('site');
    const results = await Promise.all((await pagefind.search('tram', {})).map((r) => r.data()));
    expect(results.length).toBeGreaterThan(3);
    for (const result of results) {
      const $ = site.page(result.url);
      expect(result.content, result.url).toContain(text($('.story-header .standfirst').text()));
      expect(result.content, result.url).not.toContain(text($('.story-header .byline').text()));
      expect(result.content, result.url).not.toContain('min read');
    }
  });

  test('sorted by date, newest first; the filters offered count every published article', async () => {
    const pagefind = await pagefindOf('site');
    const newest = await found(pagefind, null, { sort: { date: 'desc' } });
    // The sample lists its articles newest first, as the model does.
    expect(newest.map((r) => r.url)).toEqual(content.articles.map((a) => a.url));
    // With words too: the stories found by relevance, now in the order of the parts (years) and by date within each.
    const harbour = new Set((await found(pagefind, 'harbour')).map((r) => r.url));
    const years = new Set(content.articles.filter((a) => harbour.has(a.url)).map((a) => site.page(a.url)('.story-header time').first().attr('datetime')!.slice(0, 4)));
    expect(years.size).toBeGreaterThan(1);
    const harbourNewest = await found(pagefind, 'harbour', { sort: { date: 'desc' } });
    expect(harbourNewest.map((r) => r.url)).toEqual(content.articles.filter((a) => harbour.has(a.url)).map((a) => a.url));
    const filters = await pagefind.filters();
    expect(Object.keys(filters.year ?? {}).sort()).toEqual(shardsOf(site).filter((shard) => shard !== 'pages').sort());
    expect(Object.values(filters.section ?? {}).reduce((sum, n) => sum + n, 0)).toBe(content.articles.length);
    expect(Object.keys(filters.section ?? {}).sort()).toEqual([...new Set(content.articles.map((a) => content.categories.find((c) => c.slug === a.category)!.name))].sort());
    expect(Object.keys(filters.author ?? {}).sort()).toEqual(
      [...new Set(content.articles.flatMap((a) => a.authors))].map((slug) => content.authors.find((p) => p.slug === slug)!.name).sort(),
    );
  });

  test('drafts and scheduled articles are never indexed, even when the pages are built', async () => {
    expect(unpublished.map((a) => a.status).sort()).toEqual(['draft', 'scheduled']);
    for (const article of unpublished) {
      const $ = preview.page(article.url);
      expect($('.banner').length, article.url).toBe(1);
      expect($('[data-pagefind-body]').length, article.url).toBe(0);
    }
    const pagefind = await pagefindOf('preview');
    const everything = await found(pagefind, null);
    expect(everything.map((r) => r.url).sort()).toEqual([...content.articles, ...content.pages].map((a) => a.url).sort());
    for (const article of unpublished) {
      const byTitle = await found(pagefind, article.title);
      expect(byTitle.map((r) => r.url), article.url).not.toContain(article.url);
    }
  });
});

describe('article pages', () => {
  test('the story alone is the indexed part, with its section, authors, year, date and sort key', () => {
    for (const article of content.articles) {
      const $ = site.page(article.url);
      const body = $('[data-pagefind-body]');
      expect(body.length, article.url).toBe(1);
      expect(body.is('article.story'), article.url).toBe(true);
      expect(text(body.find('h1').text())).toBe(article.title);

      const section = content.categories.find((c) => c.slug === article.category)!.name;
      const filters = $('[data-pagefind-filter]').toArray().map((el) => [$(el).attr('data-pagefind-filter'), text($(el).text())]);
      const time = $('.story-header time').first();
      const iso = time.attr('datetime')!;
      expect(filters).toEqual([
        ['section', section],
        ...article.authors.map((slug) => ['author', content.authors.find((a) => a.slug === slug)!.name]),
        [`year:${iso.slice(0, 4)}`, text(time.text())],
      ]);
      expect(time.attr('data-pagefind-meta')).toBe('date');
      expect(time.attr('data-pagefind-sort')).toBe(`date:${new Date(iso).toISOString()}`);
      expect($('[data-pagefind-meta="section"]').text()).toBe(section);
    }
  });

  test('no other page is marked for the index, but the pages such as About', () => {
    const indexed = new Set([...content.articles, ...content.pages].map((a) => a.url));
    for (const [url, $] of site.pages) if (!indexed.has(url)) expect($('[data-pagefind-body]').length, url).toBe(0);
  });
});

describe('pages such as About', () => {
  test('are indexed whole, without section, author or year, and found by a word of their text', async () => {
    for (const page of content.pages) {
      const $ = site.page(page.url);
      expect($('[data-pagefind-body]').is('article.site-page'), page.url).toBe(true);
      expect($('[data-pagefind-filter], [data-pagefind-sort]').length, page.url).toBe(0);
    }
    const pagefind = await pagefindOf('site');
    const presses = await found(pagefind, 'presses');
    expect(presses.map((r) => r.url)).toContain('/about/');
    expect(presses.find((r) => r.url === '/about/')?.meta.title).toBe('About The Ellery Courier');
    expect((await found(pagefind, 'hospitality')).map((r) => r.url)).toContain('/ethics/');
    // A year, or newest first, asks for stories: pages have neither a year nor a date.
    expect((await found(pagefind, 'hospitality', { filters: { year: '2026' } })).map((r) => r.url)).toEqual([]);
    expect((await found(pagefind, 'hospitality', { sort: { date: 'desc' } })).map((r) => r.url)).toEqual([]);
  });
});

describe('the search page and the search box', () => {
  test('every page but the search page has a search box in its header: a plain form that opens the search page; the search page has its own box alone', () => {
    const search = site.page('/search/');
    expect(search('header form[role="search"]')).toHaveLength(0);
    expect(search('form[role="search"]').toArray().map((form) => search(form).attr('id'))).toEqual(['search-form']);
    for (const [url, $] of site.pages) {
      if (isRedirectStub(content, url) || url === '/search/') continue;
      const form = $('header form[role="search"]');
      expect(form.length, url).toBe(1);
      expect([form.attr('action'), form.attr('method')], url).toEqual(['/search/', 'get']);
      const input = form.find('input[type="search"][name="q"]');
      expect(form.find(`label[for="${input.attr('id')}"]`).text(), url).toBe('Search stories');
      expect(form.find('button[type="submit"]').length, url).toBe(1);
    }
  });

  test('the search page: a labelled form, filters, sort, results, a fallback without JavaScript and its one script', () => {
    const $ = site.page('/search/');
    expect(text($('h1').text())).toBe('Search');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    const form = $('main form#search-form');
    expect(form.attr('role')).toBe('search');
    expect($('#search-input').attr('type')).toBe('search');
    expect($('#search-input').attr('name')).toBe('q');
    for (const id of ['search-input', 'filter-section', 'filter-author', 'filter-year', 'search-sort']) {
      expect(text(form.find(`label[for="${id}"]`).text()), id).not.toBe('');
    }
    expect(form.find('select#filter-section[name="section"], select#filter-author[name="author"], select#filter-year[name="year"]').length).toBe(3);
    expect($('#search-sort option').toArray().map((o) => $(o).attr('value'))).toEqual(['', 'newest']);
    expect($('#search-status').attr('role')).toBe('status');
    expect($('ol#search-results').length).toBe(1);

    const fallback = $('main noscript');
    expect(fallback.length).toBe(1);
    // What a browser without JavaScript shows: the parser keeps noscript content as text.
    const $fallback = load(fallback.text());
    const links = $fallback('a').toArray().map((a) => $fallback(a).attr('href'));
    expect(links).toContain('/tags/');
    for (const category of content.categories) expect(links).toContain(`/${category.slug}/`);

    const scripts = $('script:not([type="application/ld+json"])');
    expect(scripts.length).toBe(1);
    expect(scripts.attr('type')).toBe('module');
    const src = scripts.attr('src')!;
    expect(src).toMatch(/^\/js\/search\.[0-9a-f]{10}\.js$/);
    expect(site.files).toContain(src.slice(1));
  });

  test('only the search page carries the search script, and no other page a script but the embeds one', () => {
    for (const [url, $] of site.pages) {
      if (url === '/search/') continue;
      const scripts = $('script:not([type="application/ld+json"])').map((_, el) => $(el).attr('src')).get();
      expect(scripts, url).toEqual(url === SAMPLE_EMBED_PAGE ? [expect.stringMatching(/^\/js\/embeds\.[0-9a-f]{10}\.js$/)] : []);
    }
  });

  test('the Content-Security-Policy lets the search run its WebAssembly and nothing more', () => {
    const headers = readFileSync(path.join(site.dir, '_headers'), 'utf8');
    expect(headers).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(headers).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
  });
});

describe('a path prefix', () => {
  test('the search box, the script and the results live under it', async () => {
    // Served by the test's server at /courier/, as a host would serve it.
    const out = path.join(work, 'courier');
    served.set('courier', out);
    // Another site address renders every file again: in this thread, which
    // is quicker for a test than starting workers; the images come from a
    // copy of the shared cache.
    await build({ contentDir: CONTENT, outDir: out, now: NOW, baseUrl: 'https://example.org/courier/', cacheDir: copySharedCache(path.join(work, 'cache')), workers: 0 });
    const prefixed = readSite(out);
    expect(prefixed.page('/')('header form[role="search"]').attr('action')).toBe('/courier/search/');
    expect(prefixed.page('/search/')('script[type="module"]').attr('src')).toMatch(/^\/courier\/js\/search\.[0-9a-f]{10}\.js$/);
    expect(readdirSync(path.join(out, 'pagefind', shardsOf(prefixed)[0]!))).toContain('pagefind.js');
    // pagefind.js puts its results under the path it was loaded from.
    const urls = (await found(await pagefindOf('courier', '/courier/'), 'tram')).map((r) => r.url);
    expect(urls).toContain('/courier/news/tram-line-first-passengers/');
    expect(urls.every((url) => url.startsWith('/courier/'))).toBe(true);
  });
});
