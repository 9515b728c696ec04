import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateNewsroom } from '../../bench/generate-newsroom.js';
import { loadContent } from '../../src/content/load.js';
import type { PipelineFile } from '../../src/workers/cached-results.js';
import { processAll } from '../../src/workers/process-pool.js';

let work: string;
let allFiles: PipelineFile[];
const settings = { siteUrl: 'https://bugle.example.org/', timezone: 'Europe/London', language: 'en-GB' };

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'broadsheet-pool-'));
  // Over 200 files, so that processAll starts two threads (see FILES_PER_THREAD).
  generateNewsroom(work, { articles: 200, authors: 5, sections: 4, tags: 30, seed: 7 });
  const { sources } = await loadContent(path.join(work, 'content'));
  allFiles = [
    ...sources.articles.map((file) => ({ ...file, kind: 'article' as const })),
    ...sources.authors.map((file) => ({ ...file, kind: 'page' as const })),
  ];
  // One broken article: its problems must come back the same way too.
  allFiles.push({ path: 'content/articles/broken.md', text: '---\ntitle: [unclosed\n---\n', kind: 'article' });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const entries = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));

describe('processAll', () => {
  test('worker threads give exactly what one thread gives', async () => {
    const single = await processAll(allFiles, { ...settings, workers: 0 });
    const parallel = await processAll(allFiles, { ...settings, workers: 2 });
    expect(single.rendered.size).toBe(205);
    expect([...parallel.rendered].sort()).toEqual([...single.rendered].sort());
    expect([...parallel.checks].sort()).toEqual([...single.checks].sort());
    expect(single.checks.get('content/articles/broken.md')?.problems[0]?.message).toMatch(/^YAML: /);
  });

  test('the cache serves the same results, and only sound entries', async () => {
    const cacheDir = path.join(work, 'cache');
    // A third of the files, the broken one among them, are enough here and cost a third of the time.
    const files = [...allFiles.slice(0, 64), allFiles.at(-1)!];
    const first = await processAll(files, { ...settings, cacheDir, workers: 2 });
    expect(first.fromCache).toBe(0);
    const second = await processAll(files, { ...settings, cacheDir });
    expect(second.fromCache).toBe(files.length);
    expect([...second.rendered].sort()).toEqual([...first.rendered].sort());
    expect([...second.checks].sort()).toEqual([...first.checks].sort());

    // Damage three entries: cut one short, alter the HTML in another, empty a third.
    // Entries of rendered articles, so that each change damages something (the broken file's entry holds no <p>).
    const [truncated, altered, emptied] = entries(cacheDir).filter((file) => readFileSync(file, 'utf8').includes('<p>'));
    writeFileSync(truncated!, readFileSync(truncated!, 'utf8').slice(0, 100));
    writeFileSync(altered!, readFileSync(altered!, 'utf8').replace('<p>', '<p><script>alert(1)</script>'));
    writeFileSync(emptied!, '');
    // The three damaged files are rendered again in this thread (workers: 0): starting a worker costs seconds here.
    const third = await processAll(files, { ...settings, cacheDir, workers: 0 });
    expect(third.fromCache).toBe(files.length - 3);
    expect([...third.rendered].sort()).toEqual([...first.rendered].sort());
    // The damaged entries were rewritten and are served again.
    expect((await processAll(files, { ...settings, cacheDir })).fromCache).toBe(files.length);
  });

  // These two render in this thread (workers: 0): the cache is read before any
  // worker starts, and written the same way in a worker (see above).
  test('entries made for other options are not served', async () => {
    const cacheDir = path.join(work, 'cache-options');
    const some = allFiles.slice(0, 8);
    await processAll(some, { ...settings, cacheDir, workers: 0 });
    const otherSite = await processAll(some, { ...settings, siteUrl: 'https://bugle.example.net/', cacheDir, workers: 0 });
    expect(otherSite.fromCache).toBe(0);
    const otherZone = await processAll(some, { ...settings, timezone: 'Asia/Tokyo', cacheDir, workers: 0 });
    expect(otherZone.fromCache).toBe(0);
  });

  test('an edited file misses the cache; the others hit', async () => {
    const cacheDir = path.join(work, 'cache-edit');
    const some = allFiles.slice(0, 8);
    await processAll(some, { ...settings, cacheDir, workers: 0 });
    const edited = some.map((file, index) => (index === 3 ? { ...file, text: `${file.text}\nOne more line.\n` } : file));
    const again = await processAll(edited, { ...settings, cacheDir, workers: 0 });
    expect(again.fromCache).toBe(some.length - 1);
    expect(again.rendered.get(some[3]!.path)?.html).toContain('One more line.');
  });
});
