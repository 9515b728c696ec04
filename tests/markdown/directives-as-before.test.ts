import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { bodyOf } from '../../src/content/front-matter.js';
import { createTextRenderer } from '../../src/markdown/render.js';
import { createRendererBeforeDirectives } from '../helpers/pipeline-before-directives.js';

/*
 * remark-directive would read `:name` in ordinary prose as a directive; the
 * pipeline keeps only its block forms. These tests render bodies with the
 * pipeline as it was before directives and as it is now: what an editor who
 * writes no block sees must not change, nor the words counted, the summary
 * taken from the first paragraph or the text related articles are scored on.
 */
const SITE = 'https://courier.example.org/';
const renderedBefore = createRendererBeforeDirectives(SITE);
const now = createTextRenderer({ siteUrl: SITE });

function renderedNow(markdown: string) {
  const { html, words, firstParagraph, text, notes } = now(markdown);
  expect(notes).toEqual([]);
  return { html, words, firstParagraph, text };
}

describe('prose with colons renders as it did before directives', () => {
  test.each([
    'At 10:30, 7:2, 14:05:33 and 1:1000.',
    'ratio a:b, Note:this, Note: this, key:value, http:x and mailto:desk',
    'https://x, https://example.org:8080/a:b?c=d:e#f:g and <https://example.org/a:b>',
    ':smile: :+1: :tada:done :white_check_mark: and :-)',
    ':: and ::: and :::: in a sentence',
    '::\n\n:::\n\n::::\n\n:: x\n\n::: x',
    'x:y[*emphasised*] and x:y{a=1} and x:y[]{} and x:y[a [nested] label]{b="c d"}',
    'Brackets: a:b[c]{d} e:f[g\\]h] i:j{k=l m=n}',
    '## Heading:with a colon\n\n- item:one\n- 10:30: two\n\n> quote:three',
    '| a:b | c |\n| --- | --- |\n| 10:30 | x:y |',
    '[a link:to](https://example.org/a:b) and ![an image:alt](/images/a:b.jpg)',
    '*emphasis:inside* and **strong:inside** and `code:inside`',
    'Tabs\t:name\tand trailing :name',
    'Entities: a:b&amp;c and a:b{c=&quot;}',
    'A link after a label: see:b[the report](https://example.org/r) and ![alt:text](/a.jpg) and ![x:y][ref]\n\n[ref]: /b.jpg',
    'Deep labels: ' + ':a['.repeat(50) + 'x' + ']'.repeat(50),
  ])('%j', (markdown) => {
    expect(renderedNow(markdown)).toEqual(renderedBefore(markdown));
  });

  test('the prose fixture (tests/fixtures/markdown/directives-prose-colons)', () => {
    const markdown = readFileSync(path.join(import.meta.dirname, '../fixtures/markdown/directives-prose-colons/input.md'), 'utf8');
    expect(renderedNow(markdown)).toEqual(renderedBefore(markdown));
  });
});

describe('the sample newsroom', () => {
  const root = path.resolve(import.meta.dirname, '../../content/articles');
  const body = (file: string) => bodyOf(readFileSync(path.join(root, file), 'utf8'))?.body ?? '';
  // A story that writes blocks (the sea wall story) renders them, which is the point; every other one must not change.
  const writesBlocks = (file: string) => /^::/m.test(body(file));
  const all = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md')).sort();
  const articles = all.filter((file) => !writesBlocks(file));

  test('has articles to compare, and only the story written with blocks is left out', () => {
    expect(articles.length).toBeGreaterThan(20);
    expect(all.filter(writesBlocks)).toEqual(['2026/2026-11-17-brackley-sands-sea-wall-rebuild-plan.md']);
  });

  test.each(articles)('%s renders byte for byte as before', (file) => {
    expect(body(file)).not.toBe('');
    expect(renderedNow(body(file))).toEqual(renderedBefore(body(file)));
  });
});
