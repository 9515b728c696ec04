import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { build } from '../../src/stages/build.js';
import { writeNewsroom } from '../helpers/newsroom.js';
import { readSite } from '../helpers/site-output.js';
import { validArticle } from '../helpers/sources.js';

test('two files with the same bytes keep their own slugs when their results come from the cache', async () => {
  const same = validArticle({ title: 'Twice filed' });
  const root = writeNewsroom({ 'first-copy.md': same, 'second-copy.md': same });
  // Rendered in this thread: the cache is read and written the same way by worker threads (see process-pool.test.ts).
  try {
    const options = { contentDir: path.join(root, 'content'), outDir: path.join(root, '_site'), cacheDir: path.join(root, '.cache'), now: Date.parse('2026-01-01T00:00:00Z'), workers: 0 };
    await build(options);
    rmSync(options.outDir, { recursive: true });
    const second = await build(options);
    expect(second.problems).toEqual([]);
    const site = readSite(options.outDir);
    expect(site.pages.has('/news/first-copy/')).toBe(true);
    expect(site.pages.has('/news/second-copy/')).toBe(true);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
