import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkArticle } from '../../src/content/check-article.js';
import { parseFrontMatter } from '../../src/content/front-matter.js';
import { SEED, articleFile, asPlainData, lineCount, rawFile, stringifiedFile } from './arbitraries.js';
import { expectNoPollution, expectWellFormed } from './expectations.js';

// How long parsing and checking take on these inputs is a figure of the
// benchmark (npm run bench:fuzz), not a limit here: a test must not depend on
// how busy the machine is.

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

describe('parseFrontMatter on generated files', () => {
  test('YAML written by a YAML library: never throws, reads back exactly what was written, or names the file', () => {
    fc.assert(
      fc.property(stringifiedFile, filePath, ({ data, yaml, text, crlf }, file) => {
        const result = parseFrontMatter(text, file);
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
        const result = parseFrontMatter(text, file);
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
  test('never throws; an article, or at least one error (here, or a slug of the wrong form for validateContent to report), every problem naming the file at a line it has', () => {
    fc.assert(
      fc.property(articleFile, filePath, timezone, (text, file, zone) => {
        const check = checkArticle({ path: file, text }, zone);
        const errors = check.problems.filter((p) => p.severity === 'error');
        // A slug of the wrong form (`authors: [x-]`) is reported by validateContent, where the nearest existing slug can be its hint.
        const refs = check.references;
        const deferred = refs ? [...refs.authors, refs.category, refs.imageSrc, ...refs.related].filter((ref) => ref?.formProblem !== undefined) : [];
        if (!check.article) expect(errors.length + deferred.length).toBeGreaterThan(0);
        for (const ref of deferred) expect(ref?.at.line).toBeLessThanOrEqual(lineCount(text) + 1);
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
