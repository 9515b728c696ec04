import { describe, expect, test } from 'vitest';
import { validateContent } from '../../src/content/validate.js';
import { formatProblem } from '../../src/util/problems.js';
import { sources, validArticle } from '../helpers/sources.js';

/* A story dated more than a year after the publish clock: most often a mistyped year. */

const NOW = Date.parse('2026-12-05T14:00:00Z');

/** Every problem of one article as the CLI prints it, validated as of `now`. */
function report(fields: Record<string, string>, now = NOW): string[] {
  const result = validateContent(sources({ '2026-11-27-harbour-wall.md': validArticle(fields) }), { now, drafts: false, future: false, assetExists: () => true });
  return result.problems.map(formatProblem);
}

const HINT = '    hint: until that date the published site does not show it; if the date is meant, add "scheduled: true" to the front matter';

describe('a story scheduled more than a year ahead', () => {
  test('is a warning at the line of its date that suggests the current year', () => {
    expect(report({ date: '2062-11-27' })).toEqual([
      `content/articles/2026-11-27-harbour-wall.md:3:1 warning: scheduled for 2062-11-27, more than a year ahead: did you mean 2026?\n${HINT}`,
    ]);
  });

  test('the date is the one in the site timezone, whatever zone it was written in', () => {
    // 23:30 the day before in New York is already the 28th in London.
    expect(report({ date: '2062-11-27T23:30:00-05:00' })[0]).toContain('scheduled for 2062-11-28, more than a year ahead: did you mean 2026?');
  });

  test('29 February, which 2026 does not have, gets no year suggested', () => {
    expect(report({ date: '2064-02-29' })).toEqual([`content/articles/2026-11-27-harbour-wall.md:3:1 warning: scheduled for 2064-02-29, more than a year ahead\n${HINT}`]);
  });

  test.each([
    ['a year ahead to the minute', { date: '2027-12-05T14:00:00' }, NOW],
    ['less than a year ahead', { date: '2027-06-01' }, NOW],
    ['marked scheduled: true', { date: '2062-11-27', scheduled: 'true' }, NOW],
    ['a draft (off the site anyway)', { date: '2062-11-27', draft: 'true' }, NOW],
    ['less than a year after --at', { date: '2062-11-27' }, Date.parse('2062-01-01T00:00:00Z')],
    ['published as of --at', { date: '2062-11-27' }, Date.parse('2063-01-01T00:00:00Z')],
  ])('is not reported when %s', (_case, fields, now) => {
    expect(report(fields, now)).toEqual([]);
  });

  test('scheduled: true must be true or false, like draft', () => {
    expect(report({ date: '2062-11-27', scheduled: 'yes please' })[0]).toMatch(/^content\/articles\/2026-11-27-harbour-wall\.md:\d+:\d+ error: scheduled: /);
  });

  test('is reported alongside the article\'s other problems, in one run', () => {
    const problems = report({ date: '2062-11-27', authors: '[tomas-wren]' });
    expect(problems.map((line) => line.split('\n')[0])).toEqual([
      'content/articles/2026-11-27-harbour-wall.md:3:1 warning: scheduled for 2062-11-27, more than a year ahead: did you mean 2026?',
      expect.stringContaining('error: unknown author "tomas-wren"'),
    ]);
  });
});
