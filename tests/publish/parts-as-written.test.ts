import { expect, test } from 'vitest';
import { partsAsWritten } from '../../src/publish/parts-as-written.js';

const SHARDS = [
  { name: '2024', pages: ['a/index.html', 'b/index.html'] },
  { name: '2025', pages: ['c/index.html'] },
  { name: 'pages', pages: [] },
];

test('each part starts once, when the last of its pages is written; a part without pages at once', () => {
  const started: string[] = [];
  const parts = partsAsWritten(SHARDS, (shard) => started.push(shard.name));
  expect(started).toEqual(['pages']);
  parts.written(['a/index.html', 'home/index.html']);
  expect(started).toEqual(['pages']);
  parts.written(['c/index.html']);
  expect(started).toEqual(['pages', '2025']);
  // Written again (a page of a later run cannot be, but twice must not count twice).
  parts.written(['c/index.html', 'a/index.html']);
  expect(started).toEqual(['pages', '2025']);
  parts.written(['b/index.html']);
  expect(started).toEqual(['pages', '2025', '2024']);
  parts.rest();
  expect(started).toEqual(['pages', '2025', '2024']);
});

test('rest() starts the parts still waiting for pages, once', () => {
  const started: string[] = [];
  const parts = partsAsWritten(SHARDS, (shard) => started.push(shard.name));
  parts.written(['a/index.html']);
  parts.rest();
  parts.written(['b/index.html', 'c/index.html']);
  expect(started).toEqual(['pages', '2024', '2025']);
});
