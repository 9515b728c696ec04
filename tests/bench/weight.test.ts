import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ARTICLE_BUDGET_BYTES } from '../../bench/page-weight.js';
import { EMBED_ARTICLE, measureWeights, overBudget } from '../../bench/weight.js';
import { copySharedCache } from '../helpers/shared-sample.js';

test('a 1,000-word article page is within 12 KB of gzipped HTML and CSS, and only the search page has a script', async () => {
  // The sample's images come from a copy of the shared build's cache; the
  // Markdown (at other paths) is rendered in this thread, quicker than starting workers.
  const work = mkdtempSync(path.join(tmpdir(), 'broadsheet-weight-cache-'));
  const weights = await measureWeights({ cacheDir: copySharedCache(path.join(work, 'cache')), workers: 0 }).finally(() => rmSync(work, { recursive: true, force: true }));
  const article = weights.find(({ type }) => type.startsWith('article'))!;
  expect(article.weight.html).toBeGreaterThan(4 * 1024);
  expect(article.weight.html + article.weight.css).toBeLessThanOrEqual(ARTICLE_BUDGET_BYTES);
  expect(weights.filter(overBudget)).toEqual([]);
  for (const { type, weight } of weights) if (type !== 'search' && type !== EMBED_ARTICLE) expect(weight.js, type).toBe(0);
  // An embed costs its facade and the script that swaps it for the frame, nothing more.
  const embed = weights.find(({ type }) => type === EMBED_ARTICLE)!;
  expect(embed.weight.scripts).toBe(1);
  expect(embed.weight.js).toBeGreaterThan(0);
  expect(embed.weight.js).toBeLessThanOrEqual(1024);
});
