import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import { checkArticle } from '../../src/content/check-article.js';
import { parseFrontMatter } from '../../src/content/front-matter.js';
import { FILE_TIME_LIMIT_MS } from '../../src/markdown/limits.js';
import {
  SEED,
  articleFrontMatter,
  asPlainData,
  closingFence,
  expectNoPollution,
  expectWellFormed,
  hostileText,
  lineBreak,
  lineCount,
  markdownText,
  openingFence,
  yamlishText,
} from './arbitraries.js';

const filePath = fc.constantFrom(
  'content/articles/2025/2025-03-14-harbour-opens.md',
  'content/articles/harbour.md',
  'content/articles/CON.md',
  'content/articles/2025-03-14-.md',
  'content/articles/Ünïcode Name.md',
  'content/articles/../../etc/passwd.md',
  'content/articles/__proto__.md',
);

const timezone = fc.constantFrom('Europe/London', 'UTC', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Chatham', 'Not/AZone');

/** A file whose front matter is YAML written by the `yaml` package from generated fields. */
const stringifiedFile = fc
  .record({
    data: fc.oneof(articleFrontMatter('wild'), articleFrontMatter('plausible')),
    body: markdownText,
    crlf: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ data, body, crlf, bom }) => {
    const yaml = stringify(data);
    const lf = `---\n${yaml}---\n${body}`;
    return { data, yaml, text: `${bom ? '\uFEFF' : ''}${crlf ? lf.replace(/\n/g, '\r\n') : lf}`, crlf };
  });

/** A file whose front matter is raw YAML-ish punctuation, inside right and wrong fences. */
const rawFile = fc
  .record({ opening: openingFence, yaml: yamlishText, closing: closingFence, body: markdownText, eol: lineBreak })
  .map(({ opening, yaml, closing, body, eol }) => [opening, yaml, closing, body].join(eol));

function timed<T>(run: () => T): T {
  const start = performance.now();
  const result = run();
  expect(performance.now() - start).toBeLessThan(FILE_TIME_LIMIT_MS);
  return result;
}

describe('parseFrontMatter on generated files', () => {
  test('YAML written by a YAML library: never throws, reads back exactly what was written, or names the file', () => {
    fc.assert(
      fc.property(stringifiedFile, filePath, ({ data, yaml, text, crlf }, file) => {
        const result = timed(() => parseFrontMatter(text, file));
        if (result.ok) {
          // CRLF files are read with LF line ends, also inside block scalars.
          if (!crlf || !yaml.includes('\r')) expect(result.value.data).toEqual(asPlainData(data));
          expect(Object.getPrototypeOf(result.value.data)).toBe(Object.prototype);
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
          expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
          expectWellFormed(result.problems, file, lineCount(text));
        }
        expectNoPollution();
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  test('raw YAML punctuation in any fence: never throws; ok, or errors naming the file at a line it has', () => {
    fc.assert(
      fc.property(rawFile, filePath, (text, file) => {
        const result = timed(() => parseFrontMatter(text, file));
        if (!result.ok) {
          expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
          expectWellFormed(result.problems, file, lineCount(text));
        } else {
          expect(typeof result.value.data).toBe('object');
          expect(Array.isArray(result.value.data)).toBe(false);
          expect(result.value.bodyLine).toBeGreaterThanOrEqual(2);
          expect(result.value.bodyLine).toBeLessThanOrEqual(lineCount(text) + 1);
        }
        expectNoPollution();
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  test('__proto__ and constructor keys stay data and pollute nothing', () => {
    const text = '---\n__proto__: {polluted: 1}\nconstructor: {prototype: {isAdmin: true}}\ntitle: x\n---\n';
    const result = parseFrontMatter(text, 'content/articles/a.md');
    expectNoPollution();
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(Object.getPrototypeOf(result.value.data)).toBe(Object.prototype);
      expect(Object.hasOwn(result.value.data, '__proto__')).toBe(true);
    }
    const check = checkArticle({ path: 'content/articles/a.md', text }, 'UTC');
    expectNoPollution();
    expect(check.article).toBeUndefined();
  });
});

describe('checkArticle on generated files', () => {
  const anyFile = fc.oneof(
    stringifiedFile.map(({ text }) => text),
    rawFile,
    // Nearly valid articles, so that the schema's own checks run often.
    fc
      .record({ title: hostileText, tags: fc.array(hostileText, { maxLength: 3 }), extra: yamlishText })
      .map(({ title, tags, extra }) => `---\n${stringify({ title, date: '2025-03-14', authors: ['jane-doe'], category: 'news', tags })}${extra}\n---\nBody.\n`),
  );

  test('never throws; an article, or at least one error, every problem naming the file at a line it has', () => {
    fc.assert(
      fc.property(anyFile, filePath, timezone, (text, file, zone) => {
        const check = timed(() => checkArticle({ path: file, text }, zone));
        const errors = check.problems.filter((p) => p.severity === 'error');
        if (!check.article) expect(errors.length).toBeGreaterThan(0);
        expectWellFormed(check.problems, file, lineCount(text));
        if (check.article) {
          expect(check.body).toBeTypeOf('string');
          for (const at of [check.article.at.category, check.article.at.imageSrc, ...check.article.at.authors, ...check.article.at.related]) {
            expect(at.line).toBeGreaterThanOrEqual(1);
            expect(at.line).toBeLessThanOrEqual(lineCount(text) + 1);
          }
        }
        expectNoPollution();
      }),
      { seed: SEED, numRuns: 1200 },
    );
  });
});
