import { expect, test } from 'vitest';
import { ARTICLE_BUDGET_BYTES } from '../../bench/page-weight.js';
import { measureWeights, overBudget } from '../../bench/weight.js';

test('a 1,000-word article page is within 25 KB of gzipped HTML and CSS, and only the search page has a script', async () => {
  const weights = await measureWeights();
  const article = weights.find(({ type }) => type.startsWith('article'))!;
  expect(article.weight.html).toBeGreaterThan(4 * 1024);
  expect(article.weight.html + article.weight.css).toBeLessThanOrEqual(ARTICLE_BUDGET_BYTES);
  expect(weights.filter(overBudget)).toEqual([]);
  for (const { type, weight } of weights) if (type !== 'search') expect(weight.js, type).toBe(0);
});
