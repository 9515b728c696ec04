import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FILE_TIME_LIMIT_MS, MAX_NESTING_DEPTH } from '../../src/markdown/limits.js';
import type { PipelineFile, ProcessedFile } from '../../src/workers/cached-results.js';
import processBatch from '../../src/workers/process-files.js';
import { SEED, expectWellFormed, lineCount, markdownLinks, markdownText } from './arbitraries.js';

const PATH = 'content/articles/2025/2025-03-14-harbour-reopens-after-storm-repairs.md';

// In the sample newsroom's style; checkArticle does not look at other files, so the author need not exist.
const FRONT_MATTER = `---
title: Harbour reopens after storm repairs
summary: Fishing boats return to the inner harbour three months after the December storm.
date: 2025-03-14T09:00:00
authors:
  - jane-doe
category: news
tags:
  - Harbour
  - Storms
image:
  src: /images/harbour.jpg
  alt: Boats moored in the inner harbour at dawn
  caption: The inner harbour on the morning it reopened.
  credit: "Photo: Courier staff"
---
`;

/** One file through the per-file pipeline, as a worker would run it, timed. */
function processOne(body: string, kind: PipelineFile['kind'] = 'article'): { result: ProcessedFile; ms: number } {
  const start = performance.now();
  const results = processBatch({
    files: [{ path: PATH, text: FRONT_MATTER + body, kind }],
    siteUrl: 'https://bugle.example.org/',
    language: 'en-GB',
    timezone: 'Europe/London',
    processingKey: 'fuzz',
    cacheDir: undefined,
  });
  const ms = performance.now() - start;
  expect(results).toHaveLength(1);
  return { result: results[0]!, ms };
}

const FORBIDDEN_ELEMENTS = 'script, iframe, frame, frameset, style, svg, math, object, embed, applet, base, link, meta, form, template, noscript';
const URL_ATTRIBUTES = ['href', 'src', 'cite', 'action', 'formaction', 'poster', 'data', 'background', 'xlink:href', 'srcset', 'ping'];
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** The scheme a browser would see: entities decoded (by the parser), ASCII whitespace and controls removed, lowercased. */
function schemeOf(url: string): string | undefined {
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(cleaned)?.[1];
}

/** Parse the HTML as a browser would and look for anything that could run or load script. */
function expectSafeHtml(html: string): cheerio.CheerioAPI {
  // Parsed as the UTF-8 a reader receives: lone surrogates become U+FFFD
  // when the page is written (parse5 itself throws on some of them).
  const $ = cheerio.load(new TextDecoder().decode(new TextEncoder().encode(html)), null, false);
  expect($(FORBIDDEN_ELEMENTS).length).toBe(0);
  $('*').each((_, element) => {
    for (const [name, value] of Object.entries($(element).attr() ?? {})) {
      expect(name.toLowerCase().startsWith('on'), `attribute ${name}="${value}"`).toBe(false);
      expect(name.toLowerCase(), `attribute ${name}="${value}"`).not.toBe('style');
      if (URL_ATTRIBUTES.includes(name.toLowerCase())) {
        const scheme = schemeOf(value);
        if (scheme !== undefined) expect(SAFE_SCHEMES.has(scheme), `${name}="${value}"`).toBe(true);
      }
    }
  });
  return $;
}

/** Never thrown, in time, and either rendered safely or refused with an error naming the file. */
function expectHandled(body: string, kind: PipelineFile['kind'] = 'article'): cheerio.CheerioAPI | undefined {
  const { result, ms } = processOne(body, kind);
  expect(ms).toBeLessThan(FILE_TIME_LIMIT_MS);
  expect(result.path).toBe(PATH);
  const problems = [...(result.check?.problems ?? []), ...result.problems];
  expectWellFormed(problems, PATH, lineCount(FRONT_MATTER + body));
  if (kind === 'article') expect(result.check).toBeDefined();
  if (!result.rendered) {
    expect(problems.some((p) => p.severity === 'error' && p.file === PATH)).toBe(true);
    return undefined;
  }
  expect(typeof result.rendered.html).toBe('string');
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  if (kind === 'article') expect(result.terms).toBeDefined();
  return expectSafeHtml(result.rendered.html);
}

/**
 * How to write a deeply nested or repetitive body, kept as a recipe so that
 * a counterexample prints in one line: a prefix repeated k times on one
 * line; a list or quote nested one level more on each of k lines, indented as
 * editors do (1 to 4 columns, a tab, a quote); or an inline run.
 */
type DeepRecipe =
  | { shape: 'prefix'; unit: string; k: number; tail: string }
  | { shape: 'lines'; indent: string; marker: string; k: number }
  | { shape: 'inline'; unit: string; k: number };

const deepRecipe: fc.Arbitrary<DeepRecipe> = fc.oneof(
  fc.record({
    shape: fc.constant('prefix' as const),
    unit: fc.constantFrom('>', '> ', '- ', '* ', '+ ', '1. ', '1) ', '> - ', '- > ', '>\t', ' > ', '* > 1. '),
    k: fc.integer({ min: 1, max: 400 }),
    tail: markdownText,
  }),
  fc.record({
    shape: fc.constant('lines' as const),
    indent: fc.constantFrom('  ', ' ', '   ', '    ', '\t', '  > ', '> '),
    marker: fc.constantFrom('- ', '* ', '1. ', '10) ', '> ', '>'),
    k: fc.integer({ min: 1, max: 300 }),
  }),
  fc.record({
    shape: fc.constant('inline' as const),
    unit: fc.constantFrom('[', '*a', '_a', '[a](', '![', '<a ', '`', '**', '~~a', '[^a]', '](', '<!--', '&#'),
    k: fc.integer({ min: 1, max: 400 }),
  }),
);

function deepText(recipe: DeepRecipe): string {
  switch (recipe.shape) {
    case 'prefix':
      return recipe.unit.repeat(recipe.k) + recipe.tail;
    case 'lines':
      return Array.from({ length: recipe.k }, (_, i) => `${recipe.indent.repeat(i)}${recipe.marker}item ${i}`).join('\n');
    case 'inline':
      return recipe.unit.repeat(recipe.k);
  }
}

/** The deepest nesting of block quotes and lists in rendered HTML. */
function nestingDepth($: cheerio.CheerioAPI): number {
  let deepest = 0;
  $('ul, ol, blockquote').each((_, element) => {
    deepest = Math.max(deepest, $(element).parents('ul, ol, blockquote').length + 1);
  });
  return deepest;
}

describe('processBatch on generated Markdown', () => {
  test('Markdown punctuation and payloads: never throws, in time, safe HTML or an error naming the file', () => {
    const body = fc.oneof(markdownText, markdownLinks, fc.tuple(markdownText, markdownLinks, markdownText).map((parts) => parts.join('\n')));
    fc.assert(
      fc.property(body, fc.constantFrom<PipelineFile['kind']>('article', 'article', 'article', 'page'), (text, kind) => {
        const $ = expectHandled(text, kind);
        if (!$) return;
        const rendered = $.root().text();
        // No template engine ever sees the body: nothing is evaluated.
        if (!text.includes('4')) expect(rendered).not.toContain('42');
        expect(rendered).not.toContain('[object process]');
        expect(rendered).not.toMatch(/function Function\(/);
      }),
      { seed: SEED, numRuns: 600 },
    );
  });

  test('deeply repeated prefixes: never throws, in time, safe HTML or an error naming the file', () => {
    fc.assert(
      fc.property(deepRecipe, (recipe) => {
        expectHandled(deepText(recipe));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  test(`what is rendered nests at most MAX_NESTING_DEPTH (${MAX_NESTING_DEPTH}) quotes and lists, as the refusal says`, () => {
    fc.assert(
      fc.property(deepRecipe, (recipe) => {
        const $ = expectHandled(deepText(recipe));
        if ($) expect(nestingDepth($)).toBeLessThanOrEqual(MAX_NESTING_DEPTH);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  test('Nunjucks and Liquid payloads come out as the literal text written', () => {
    const paragraph = fc.constantFrom(
      '{{ 6 | times: 7 }}',
      '{% raw %}',
      '{% endraw %}',
      '{{ constructor.constructor("return process")() }}',
      '{{ "now" | date: "%Y" }}',
      '{% include "../../etc/passwd" %}',
      '{{ page.url }}',
      '${process.exit(1)}',
      '<%= 7*6 %>',
      '{{7*7}}',
      'Fishing boats return to the inner harbour.',
    );
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 6 }), (paragraphs) => {
        const $ = expectHandled(paragraphs.join('\n\n'));
        expect($).toBeDefined();
        expect($!('p').map((_, p) => $!(p).text()).get()).toEqual(paragraphs);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
