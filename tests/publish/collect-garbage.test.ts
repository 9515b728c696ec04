import { expect, test } from 'vitest';
import { collectGarbage, collectionDue } from '../../src/publish/collect-garbage.js';

const MB = 1_000_000;

test('a collection is due first, then once the garbage is a quarter of what the last one left', () => {
  expect(collectionDue(400 * MB, undefined)).toBe(true);
  // 10,000 articles: a run of pages leaves ~100 MB on ~300 MB that survive.
  expect(collectionDue(400 * MB, 300 * MB)).toBe(true);
  expect(collectionDue(370 * MB, 300 * MB)).toBe(false);
  // 100,000 articles: ~2.8 GB survive; a run's 100 MB waits for six more.
  expect(collectionDue(2_900 * MB, 2_800 * MB)).toBe(false);
  expect(collectionDue(3_500 * MB, 2_800 * MB)).toBe(true);
});

test('collecting runs without node being started with --expose-gc', () => {
  expect(() => collectGarbage()).not.toThrow();
  expect(() => collectGarbage()).not.toThrow();
});

test('asked to collect always, it collects even with too little garbage for the rule', async () => {
  collectGarbage({ always: true });
  let story: { body: string } | undefined = { body: 'x'.repeat(10_000) + Math.random() };
  const held = new WeakRef(story);
  story = undefined;
  // A weak reference's target lives at least until the current job ends.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage({ always: true });
  expect(held.deref()).toBeUndefined();
});
