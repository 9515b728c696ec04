import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { indexSite } from '../../src/search/index-site.js';
import { sha256Manifest } from '../helpers/manifest.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'broadsheet-index-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const page = (body: string) => `<!doctype html><html lang="en-GB"><head><title>t</title></head><body>${body}</body></html>`;

function writeSite(dir: string, pages: Record<string, string>): void {
  for (const [file, body] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), page(body));
  }
}

const SITE = {
  'index.html': '<h1>Home</h1><p>Latest harbour news</p>',
  'news/harbour/index.html': '<article data-pagefind-body><h1>Harbour wall repaired</h1><p>The seafront path reopens.</p></article>',
  'news/tram/index.html': '<article data-pagefind-body><h1>Tram opens</h1><p>Passengers ride the tram.</p></article>',
  'news/draft/index.html': '<article><h1>Draft about the harbour</h1></article>',
};

const HARBOUR = 'news/harbour/index.html';
const TRAM = 'news/tram/index.html';
const BOTH = [{ name: '2025', pages: [HARBOUR, TRAM] }];

describe('indexSite', () => {
  test('indexes each part from its own pages into pagefind/<part>/, with pagefind.js, and leaves nothing else behind', async () => {
    const site = path.join(root, 'site');
    writeSite(site, SITE);
    const report = await indexSite(site, [
      { name: '2025', pages: [HARBOUR] },
      { name: '2024', pages: [TRAM] },
    ]);
    expect(report.pages).toBe(2);
    expect(report.ms).toBeGreaterThan(0);
    for (const part of ['2025', '2024']) {
      for (const file of ['pagefind.js', 'pagefind-entry.json', 'pagefind-worker.js']) expect(existsSync(path.join(site, 'pagefind', part, file)), file).toBe(true);
      expect(readdirSync(path.join(site, 'pagefind', part, 'fragment'))).toHaveLength(1);
      // Pagefind's own search interfaces are not used by any page.
      expect(readdirSync(path.join(site, 'pagefind', part)).filter((file) => /ui|highlight/.test(file))).toEqual([]);
    }
    expect(readdirSync(site).sort()).toEqual(['index.html', 'news', 'pagefind']);
  });

  test('the same pages give byte-identical index files, wherever the folder is', async () => {
    const first = path.join(root, 'a', 'site');
    writeSite(first, SITE);
    const second = path.join(root, 'elsewhere', 'b');
    cpSync(first, second, { recursive: true });
    await indexSite(first, BOTH);
    await indexSite(second, BOTH);
    expect(sha256Manifest(path.join(second, 'pagefind'))).toBe(sha256Manifest(path.join(first, 'pagefind')));
  });

  test('a part with no page is an empty index that still has its script', async () => {
    const site = path.join(root, 'site');
    writeSite(site, { 'index.html': SITE['index.html'], 'news/draft/index.html': SITE['news/draft/index.html'] });
    expect((await indexSite(site, [{ name: '2025', pages: [] }])).pages).toBe(0);
    expect(existsSync(path.join(site, 'pagefind', '2025', 'pagefind.js'))).toBe(true);
  });

  test('pages that are not marked for the index fail it: Pagefind would take the whole page', async () => {
    const site = path.join(root, 'site');
    writeSite(site, SITE);
    await expect(indexSite(site, [{ name: '2025', pages: ['news/draft/index.html'] }])).rejects.toThrow(
      /^the search index of 2025 holds 2 pages, but 1 published articles were marked for it/,
    );
  });

  test('a part that does not hold exactly its pages fails', async () => {
    const site = path.join(root, 'site');
    writeSite(site, SITE);
    await expect(indexSite(site, [{ name: '2025', pages: [HARBOUR, 'news/draft/index.html'] }])).rejects.toThrow(
      /^the search index of 2025 holds 1 pages, but 2 published articles were marked for it/,
    );
  });

  test('a failure is an Error saying that the index could not be built, and why', async () => {
    const notAFolder = path.join(root, 'file.html');
    writeFileSync(notAFolder, page('<p>a</p>'));
    await expect(indexSite(notAFolder, [{ name: '2025', pages: [] }])).rejects.toThrow(/^the search index could not be built: .*ENOTDIR/);
  });

  test('runs at the same time take turns on the one Pagefind service', async () => {
    const sites = ['a', 'b', 'c'].map((name) => path.join(root, name));
    for (const site of sites) writeSite(site, SITE);
    const reports = await Promise.all(sites.map((site) => indexSite(site, BOTH)));
    expect(reports.map((report) => report.pages)).toEqual([2, 2, 2]);
  });
});
