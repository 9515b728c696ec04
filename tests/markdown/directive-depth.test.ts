import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { findDeepDirectives, findManyDirectives, MAX_DIRECTIVE_BLOCKS, MAX_DIRECTIVE_DEPTH } from '../../src/markdown/limits.js';
import processBatch from '../../src/workers/process-files.js';

const parser = unified().use(remarkParse).use(remarkDirective);

/** How deep remark nests `:::` blocks in `markdown`. */
function parsedDepth(markdown: string): number {
  const depth = (node: { type: string; children?: unknown[] }): number =>
    (node.type === 'containerDirective' ? 1 : 0) + Math.max(0, ...((node.children ?? []) as { type: string }[]).map(depth));
  return depth(parser.parse(markdown) as Root);
}

/** The deepest nesting findDeepDirectives counts: the smallest limit it does not report. */
function countedDepth(markdown: string): number {
  let limit = 0;
  while (findDeepDirectives(markdown, limit)) limit++;
  return limit;
}

describe('findDeepDirectives', () => {
  test.each([
    ['one block', ':::pullquote\nx\n:::', 1],
    ['blocks one after another', ':::a\nx\n:::\n\n:::b\ny\n:::\n\n:::c\n:::', 1],
    ['a longer fence around a shorter one', '::::a\n:::b\nx\n:::\n::::', 2],
    ['blocks in list items, closed at the item\'s indent', '- :::a\n  x\n  :::\n- :::b\n  y\n  :::\n- :::c\n  :::', 1],
    ['blocks in a quote', '> :::a\n> x\n> :::\n>\n> :::b\n> :::', 1],
    ['three open and never closed', ':::a\n:::b\n:::c\n', 3],
  ])('%s: %i', (_name, markdown, depth) => {
    expect(countedDepth(markdown)).toBe(depth);
    expect(countedDepth(markdown)).toBeGreaterThanOrEqual(parsedDepth(markdown));
  });

  test('reports the line where the nesting goes past the limit', () => {
    const markdown = `Text.\n\n${Array.from({ length: MAX_DIRECTIVE_DEPTH + 5 }, (_, i) => `${':'.repeat(40 - i)}level${i}`).join('\n')}\n`;
    expect(findDeepDirectives(markdown)).toEqual({ line: 3 + MAX_DIRECTIVE_DEPTH, depth: MAX_DIRECTIVE_DEPTH + 1 });
  });

  test('never counts less than remark nests (random lines of fences, quotes, lists and code)', () => {
    const prefixes = ['', ' ', '  ', '   ', '    ', '\t', '> ', '>', '>> ', '- ', '-  ', '* ', '1. ', '- - ', '> - ', '  - ', '   > '];
    const lines = [':::a', '::::b', ':::c{x=1}', ':::d[label]', ':::\te', '::: f', ':::', '::::', ':::::', '::: ', '::e', 'text', '```', '~~~', '', '<div>', '    code'];
    const markdown = fc.array(fc.tuple(fc.constantFrom(...prefixes), fc.constantFrom(...lines)), { maxLength: 14 }).map((pairs) => pairs.map(([a, b]) => a + b).join('\n'));
    fc.assert(
      fc.property(markdown, (text) => countedDepth(text) >= parsedDepth(text)),
      { seed: 15, numRuns: 3000 },
    );
  });
});

describe('findManyDirectives', () => {
  test('counts the lines that open a block, not closing fences, prose or code spans', () => {
    const blocks = '::embed{url="x"}\n\n:::pullquote\nq\n:::\n\n> ::toc\n\n- :::note\n  :::\n';
    expect(findManyDirectives(blocks, 4)).toBeUndefined();
    expect(findManyDirectives(blocks, 3)).toEqual({ line: 9 });
    expect(findManyDirectives('::\n:::\n::: \n10:30 a::b\n`::x`\n'.repeat(500), 0)).toBeUndefined();
  });

  test(`allows ${MAX_DIRECTIVE_BLOCKS} blocks and refuses the one after, at its line`, () => {
    const body = ':::pullquote\nq\n:::\n'.repeat(MAX_DIRECTIVE_BLOCKS);
    expect(findManyDirectives(body)).toBeUndefined();
    expect(findManyDirectives(`${body}::more`)).toEqual({ line: 3 * MAX_DIRECTIVE_BLOCKS + 1 });
  });
});

/** One article through the worker's pipeline, as a build runs it. */
const processArticle = (body: string) =>
  processBatch({
    files: [{ path: 'content/articles/blocks.md', text: `---\ntitle: Blocks\ndate: 2025-03-14\nauthors: [jane-doe]\ncategory: news\n---\n${body}`, kind: 'article' }],
    siteUrl: 'https://courier.example.org/',
    language: 'en-GB',
    timezone: 'Europe/London',
    processingKey: 'test',
    cacheDir: undefined,
  })[0]!;

describe('a body with too many blocks', () => {
  test('is refused before parsing, with an error at the first block past the limit', () => {
    const result = processArticle(`Intro.\n\n${'::x\n'.repeat(10_000)}`);
    expect(result.rendered).toBeUndefined();
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: `more than 1,000 :: and ::: blocks in one story; at most 1,000 are rendered`,
        position: { line: 7 + 2 + MAX_DIRECTIVE_BLOCKS, column: 1 },
      }),
    ]);
  });
});

describe('a body nested too deeply', () => {
  test('is refused before parsing, with an error at its line', () => {
    const body = `Intro.\n\n${':::a\n'.repeat(10_000)}x\n`;
    const [result] = processBatch({
      files: [{ path: 'content/articles/deep.md', text: `---\ntitle: Deep\ndate: 2025-03-14\nauthors: [jane-doe]\ncategory: news\n---\n${body}`, kind: 'article' }],
      siteUrl: 'https://courier.example.org/',
      language: 'en-GB',
      timezone: 'Europe/London',
      processingKey: 'test',
      cacheDir: undefined,
    });
    expect(result!.rendered).toBeUndefined();
    expect(result!.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: `::: blocks nested ${MAX_DIRECTIVE_DEPTH + 1} levels deep; at most ${MAX_DIRECTIVE_DEPTH} are rendered`,
        position: { line: 7 + 2 + MAX_DIRECTIVE_DEPTH, column: 1 },
      }),
    ]);
  });
});
