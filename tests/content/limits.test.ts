import { describe, expect, test } from 'vitest';
import { checkArticle } from '../../src/content/check-article.js';
import { parseContentDate } from '../../src/content/dates.js';
import { MAX_ALIASES, MAX_COMMENTS_PER_ARTICLE, MAX_CORRECTIONS, MAX_PAGES_PER_FILE, MAX_TAG_LENGTH, MAX_TAGS } from '../../src/content/limits.js';
import { validateContent, type ValidateOptions } from '../../src/content/validate.js';
import { formatProblem } from '../../src/util/problems.js';
import { sources, validArticle } from '../helpers/sources.js';

const options: ValidateOptions = { now: Date.parse('2026-01-01T00:00:00Z'), drafts: false, future: false, assetExists: () => true };

/** Every problem of one article checked on its own, as the CLI prints it. */
const problemsOf = (fields: Record<string, string>): string[] =>
  checkArticle({ path: 'content/articles/story.md', text: validArticle(fields) }, 'Europe/London').problems.map(formatProblem);

const list = (count: number, item: (index: number) => string) => `[${Array.from({ length: count }, (_, i) => item(i)).join(', ')}]`;

describe('lists are counted before their items are checked, one error on the field', () => {
  test('tags', () => {
    expect(problemsOf({ tags: list(MAX_TAGS, (i) => `t${i}`) })).toEqual([]);
    expect(problemsOf({ tags: list(MAX_TAGS + 1, (i) => `t${i}`) })).toEqual([
      `content/articles/story.md:6:1 error: tags: ${MAX_TAGS + 1} tags, and an article may have at most ${MAX_TAGS} (each tag is a page of its own)`,
    ]);
  });

  test('100,000 tags, each of them unusable, are one error on the field, not 100,000', () => {
    const started = performance.now();
    const problems = problemsOf({ tags: list(100_000, () => '"!"') });
    expect(problems).toEqual([`content/articles/story.md:6:1 error: tags: 100000 tags, and an article may have at most ${MAX_TAGS} (each tag is a page of its own)`]);
    // Most of the time is YAML reading a 600 KB list; a benchmark, not a bound: printed for the record.
    console.log(`100,000 tags checked in ${(performance.now() - started).toFixed(0)} ms`);
  });

  test('aliases', () => {
    expect(problemsOf({ aliases: list(MAX_ALIASES + 1, (i) => `/old/${i}/`) })).toEqual([
      `content/articles/story.md:7:1 error: aliases: ${MAX_ALIASES + 1} aliases, and an article may have at most ${MAX_ALIASES} (each alias is a redirect page of its own)`,
    ]);
  });

  test('corrections', () => {
    expect(problemsOf({ corrections: list(MAX_CORRECTIONS, () => '{ date: 2025-03-15, text: Fixed. }') })).toEqual([]);
    expect(problemsOf({ corrections: list(MAX_CORRECTIONS + 1, () => '{ date: 2025-03-15, text: Fixed. }') })).toEqual([
      `content/articles/story.md:7:1 error: corrections: ${MAX_CORRECTIONS + 1} corrections, and an article may have at most ${MAX_CORRECTIONS} (a story corrected this often needs a new article)`,
    ]);
  });

  test('a single tag or alias written without a list is still one item', () => {
    expect(problemsOf({ tags: 'Harbour', aliases: '/old/' })).toEqual([]);
  });
});

test('the pages one article adds (its own, a tag page per tag, a redirect per alias) are bounded together', () => {
  const tags = MAX_TAGS;
  const aliases = MAX_PAGES_PER_FILE - tags; // one page too many, with its own
  expect(tags).toBeLessThanOrEqual(MAX_TAGS);
  expect(aliases).toBeLessThanOrEqual(MAX_ALIASES);
  expect(problemsOf({ tags: list(tags, (i) => `t${i}`), aliases: list(aliases - 1, (i) => `/old/${i}/`) })).toEqual([]);
  expect(problemsOf({ tags: list(tags, (i) => `t${i}`), aliases: list(aliases, (i) => `/old/${i}/`) })).toEqual([
    `content/articles/story.md:6:1 error: this article would add ${MAX_PAGES_PER_FILE + 1} pages to the site (its own, ${tags} tag pages and ${aliases} redirects); one file may add at most ${MAX_PAGES_PER_FILE}\n    hint: keep the tags and aliases that readers need`,
  ]);
});

describe('tag messages say what is wrong with the tag', () => {
  test.each([
    ['a'.repeat(399), `tag "${'a'.repeat(60)}…" is 399 characters long; the limit is ${MAX_TAG_LENGTH}\n    hint: a tag names a topic in a few words`],
    ['Con', 'tag "Con" would have the address /tags/con/, a name Windows reserves for devices (con, prn, aux, nul, com1…, lpt1…)\n    hint: such a folder cannot be made on every host: add a word to the tag'],
    ['LPT1', 'tag "LPT1" would have the address /tags/lpt1/, a name Windows reserves for devices (con, prn, aux, nul, com1…, lpt1…)\n    hint: such a folder cannot be made on every host: add a word to the tag'],
    ['!!!', 'tag "!!!" has no letters or digits to make a web address from'],
    ['ß'.repeat(60), `tag "${'ß'.repeat(60)}" makes an address of 120 characters (${'s'.repeat(30)}…); the limit is 100\n    hint: shorten the tag`],
  ])('%s', (tag, message) => {
    expect(problemsOf({ tags: `[${JSON.stringify(tag)}]` })).toEqual([`content/articles/story.md:6:8 error: ${message}`]);
  });

  test(`a tag of ${MAX_TAG_LENGTH} characters is fine`, () => {
    expect(problemsOf({ tags: `[${'a'.repeat(MAX_TAG_LENGTH)}]` })).toEqual([]);
  });
});

describe('dates are within the years 1000 to 9999', () => {
  test.each([
    ['0001-01-01', 'Europe/London'],
    ['0999-12-31', 'UTC'],
    // The year 10000 in UTC.
    ['9999-12-31T23:30:00', 'America/New_York'],
    ['9999-12-31T23:30:00-05:00', 'UTC'],
  ])('%s in %s is refused', (text, zone) => {
    expect(parseContentDate(text, zone)).toEqual({
      ok: false,
      reason: `"${text}" is outside the years 1000 to 9999, which feeds and sitemaps can carry`,
      hint: 'check the year: a typo such as 0205 or 20025 for 2025 is the usual cause',
    });
  });

  test.each([['1000-01-01'], ['9999-12-31']])('%s is accepted', (text) => {
    expect(parseContentDate(text, 'UTC').ok).toBe(true);
  });

  test('on the line of every date field of an article: date, updated, corrections', () => {
    expect(problemsOf({ date: '0001-01-01', updated: '0002-01-01', corrections: '[{ date: 99999-01-01, text: Fixed. }, { date: 0500-01-01, text: Old. }]' })).toEqual([
      'content/articles/story.md:3:1 error: date: "0001-01-01" is outside the years 1000 to 9999, which feeds and sitemaps can carry\n    hint: check the year: a typo such as 0205 or 20025 for 2025 is the usual cause',
      'content/articles/story.md:7:1 error: updated: "0002-01-01" is outside the years 1000 to 9999, which feeds and sitemaps can carry\n    hint: check the year: a typo such as 0205 or 20025 for 2025 is the usual cause',
      'content/articles/story.md:8:17 error: corrections.0.date: "99999-01-01" is outside the years 1000 to 9999, which feeds and sitemaps can carry\n    hint: check the year: a typo such as 0205 or 20025 for 2025 is the usual cause',
      'content/articles/story.md:8:54 error: corrections.1.date: "0500-01-01" is outside the years 1000 to 9999, which feeds and sitemaps can carry\n    hint: check the year: a typo such as 0205 or 20025 for 2025 is the usual cause',
    ]);
  });
});

describe('comments per article', () => {
  const comment = ['name: Ann Reader', 'date: 2025-03-15T10:00', 'body: Yes.', ''].join('\n');
  const comments = (count: number, folder = 'story') => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${folder}/c${i}.yml`, comment]));
  const report = (files: Record<string, string>) => validateContent(sources({ 'story.md': validArticle() }, { comments: files }), options).problems.map(formatProblem);

  test(`${MAX_COMMENTS_PER_ARTICLE} are fine; one more is an error of the article, naming the folder`, () => {
    expect(report(comments(MAX_COMMENTS_PER_ARTICLE))).toEqual([]);
    expect(report(comments(MAX_COMMENTS_PER_ARTICLE + 1))).toEqual([
      `content/articles/story.md error: comments/story/ holds ${MAX_COMMENTS_PER_ARTICLE + 1} comments on this article, and an article may have at most ${MAX_COMMENTS_PER_ARTICLE}\n    hint: keep the comments readers need; move the others out of content/`,
    ]);
  });

  test('counted over both folders that name the article, and over files with errors of their own', () => {
    const half = MAX_COMMENTS_PER_ARTICLE / 2;
    const problems = report({ ...comments(half, 'story'), ...comments(half, 'news/story'), 'story/broken.yml': 'name: [' });
    expect(problems.filter((p) => p.includes('may have at most'))).toEqual([
      `content/articles/story.md error: comments/story/ and comments/news/story/ hold ${MAX_COMMENTS_PER_ARTICLE + 1} comments on this article, and an article may have at most ${MAX_COMMENTS_PER_ARTICLE}\n    hint: keep the comments readers need; move the others out of content/`,
    ]);
  });

  test('a comment dated in the year 1 is an error on its date line', () => {
    expect(report({ 'story/old.yml': comment.replace('2025-03-15T10:00', '0001-03-15') })).toEqual([
      'content/comments/story/old.yml:2:1 error: date: "0001-03-15" is outside the years 1000 to 9999, which feeds and sitemaps can carry\n    hint: check the year: a typo such as 0205 or 20025 for 2025 is the usual cause',
    ]);
  });
});
