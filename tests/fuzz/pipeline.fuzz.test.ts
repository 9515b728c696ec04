import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findDeepNesting, MAX_NESTING_DEPTH } from '../../src/markdown/limits.js';
import type { PipelineFile, ProcessedFile } from '../../src/workers/cached-results.js';
import processBatch from '../../src/workers/process-files.js';
import { FUZZ_ARTICLE_PATH as PATH, FUZZ_FRONT_MATTER as FRONT_MATTER, SEED, deepRecipe, deepText, lineCount, markdownLinks, markdownText } from './arbitraries.js';
import { expectWellFormed } from './expectations.js';

/**
 * One file through the per-file pipeline, as a worker would run it. How long
 * that takes is a figure of the benchmark (npm run bench:fuzz), not a limit
 * here: a test must not depend on how busy the machine is.
 */
function processOne(body: string, kind: PipelineFile['kind'] = 'article'): ProcessedFile {
  const results = processBatch({
    files: [{ path: PATH, text: FRONT_MATTER + body, kind }],
    siteUrl: 'https://bugle.example.org/',
    language: 'en-GB',
    timezone: 'Europe/London',
    processingKey: 'fuzz',
    cacheDir: undefined,
  });
  expect(results).toHaveLength(1);
  return results[0]!;
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

/**
 * Never thrown, and either rendered safely or refused with an error naming
 * the file. A body nested deeper than remark can parse in time is refused
 * before remark sees it, on the line where the nesting goes too deep.
 */
function expectHandled(body: string, kind: PipelineFile['kind'] = 'article'): cheerio.CheerioAPI | undefined {
  const result = processOne(body, kind);
  expect(result.path).toBe(PATH);
  const problems = [...(result.check?.problems ?? []), ...result.problems];
  expectWellFormed(problems, PATH, lineCount(FRONT_MATTER + body));
  if (kind === 'article') expect(result.check).toBeDefined();
  const deep = findDeepNesting(body);
  if (deep) {
    expect(result.rendered).toBeUndefined();
    expect(problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        message: `block quotes or lists nested ${deep.depth} levels deep; at most ${MAX_NESTING_DEPTH} are rendered`,
        position: { line: lineCount(FRONT_MATTER) + deep.line - 1, column: 1 },
      }),
    );
  }
  if (!result.rendered) {
    expect(problems.some((p) => p.severity === 'error' && p.file === PATH)).toBe(true);
    return undefined;
  }
  expect(typeof result.rendered.html).toBe('string');
  expect((result.check?.problems ?? []).filter((p) => p.severity === 'error')).toEqual([]);
  // A plugin may refuse what it rendered (an image without alt text, issue 15): always at a line of the body.
  for (const problem of result.problems.filter((p) => p.severity === 'error')) expect(problem.position?.line ?? 0).toBeGreaterThanOrEqual(lineCount(FRONT_MATTER));
  if (kind === 'article') expect(result.terms).toBeDefined();
  return expectSafeHtml(result.rendered.html);
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
  test('Markdown punctuation and payloads: never throws; safe HTML, or an error naming the file', () => {
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

  test('deeply repeated prefixes: never throws; nesting too deep is refused before parsing; safe HTML, or an error naming the file', () => {
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
