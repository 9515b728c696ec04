import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { validateContent, type ValidateOptions } from '../../src/content/validate.js';
import { validateLeavingOut } from '../../src/content/leave-out-invalid.js';
import { checkContent } from '../../src/stages/build.js';
import { displayPath } from '../../src/util/display-path.js';
import { ContentError, formatProblem, sortProblems } from '../../src/util/problems.js';
import { SAMPLE_NOW } from '../helpers/sample-build.js';
import { validArticle, sources } from '../helpers/sources.js';

/*
 * A file's own errors never hide the checks across files, and no error is
 * reported because of another: issue 18's "every problem at once".
 */

const NOW = Date.parse('2026-01-01T00:00:00Z');
const PUBLIC = ['images/harbour-dawn.jpg', 'images/tram-depot.jpg', 'images/avatars/jane-doe.jpg'];
const options: ValidateOptions = {
  now: NOW,
  drafts: false,
  future: false,
  assetExists: (sitePath) => PUBLIC.includes(sitePath.slice(1)),
  publicFiles: PUBLIC,
};

/** Every problem as the CLI prints it, in its order: by file, then line. */
const report = (...args: Parameters<typeof sources>): string[] => sortProblems(validateContent(sources(...args), options).problems).map(formatProblem);

describe('the sample newsroom with one article given three mistakes', () => {
  let root: string;
  let printed: string[];
  const STORY = 'articles/2024/2024-12-03-storm-floods-brackley-sands-seafront.md';

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'broadsheet-every-problem-'));
    cpSync(path.join(import.meta.dirname, '../../content'), path.join(root, 'content'), { recursive: true });
    const file = path.join(root, 'content', STORY);
    const text = readFileSync(file, 'utf8');
    const broken = text
      .replace('date: 2024-12-03T07:15:00', 'date: 2025-02-31')
      .replace('updated: 2024-12-03T16:40:00\n', '')
      .replace('  - tomasz-wren', '  - tomas-wren')
      .replace(/^ {2}alt: .*\n/m, '');
    expect(broken).not.toBe(text);
    writeFileSync(file, broken);
    const failure = await checkContent({ contentDir: path.join(root, 'content'), now: SAMPLE_NOW, workers: 0 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ContentError);
    printed = (failure as ContentError).problems.map(formatProblem);
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('one check reports the bad date, the unknown author with its hint and the missing alt text, and nothing else', () => {
    const file = displayPath(path.join(root, 'content', STORY));
    expect(printed).toEqual([
      `${file}:4:1 error: date: "2025-02-31" is not a real date: February 2025 has 28 days\n    hint: the last day of February 2025 is 2025-02-28`,
      `${file}:6:5 error: unknown author "tomas-wren"\n    hint: did you mean "tomasz-wren"?`,
      `${file}:13:1 error: image.alt: is required`,
    ]);
  });
});

describe('an article with errors of its own is still checked against the other files', () => {
  test('its section, authors, lead image and pins, on whatever fields could be read', () => {
    const broken = validArticle({
      date: 'soon',
      authors: '[jane-do]',
      category: 'nws',
      image: '\n  src: /images/harbor-dawn.jpg',
      related: '[tram-linee]',
    });
    expect(report({ 'broken.md': broken, 'tram-line.md': validArticle() })).toEqual([
      'content/articles/broken.md:3:1 error: date: "soon" is not a date\n    hint: write year-month-day, such as 2025-03-14, with a time after it if needed: 2025-03-14T08:30 or 2025-03-14 08:30:00+01:00',
      'content/articles/broken.md:4:11 error: unknown author "jane-do"\n    hint: did you mean "jane-doe"?',
      'content/articles/broken.md:5:1 error: unknown section "nws"\n    hint: did you mean "news"?',
      'content/articles/broken.md:7:1 error: image.alt: is required',
      'content/articles/broken.md:8:3 error: image /images/harbor-dawn.jpg is not in public/\n    hint: did you mean "/images/harbour-dawn.jpg"?',
      'content/articles/broken.md:9:11 error: related: no article "tram-linee"\n    hint: did you mean "tram-line"?',
    ]);
  });

  test('a field that could not be read names nothing: no error follows from another', () => {
    // A list where a slug belongs, a number where a path belongs, no date: each is one error, with nothing after it.
    const broken = validArticle({ date: '""', authors: '{ name: Jane }', category: '[news, business]', image: '\n  src: 42\n  alt: A wall' });
    expect(report({ 'broken.md': broken })).toEqual([
      'content/articles/broken.md:3:1 error: date: is empty\n    hint: write year-month-day, such as 2025-03-14, with a time after it if needed: 2025-03-14T08:30 or 2025-03-14 08:30:00+01:00',
      'content/articles/broken.md:4:1 error: authors.0: must be text, not a group of fields',
      'content/articles/broken.md:5:1 error: category: must be text, not a list',
      'content/articles/broken.md:8:3 error: image.src: must be text, but YAML read 42 as a number; put the value in quotes',
    ]);
  });

  test('an article whose only errors are against other files still has its pins checked', () => {
    expect(report({ 'a.md': validArticle({ authors: '[nobody]', related: '[tram-lin]' }), 'tram-line.md': validArticle() })).toEqual([
      'content/articles/a.md:4:11 error: unknown author "nobody"\n    hint: authors are the files in content/authors/ (without .md)',
      'content/articles/a.md:7:11 error: related: no article "tram-lin"\n    hint: did you mean "tram-line"?',
    ]);
  });

  test('a story without a date is not also called scheduled, and one that names it gets no second error', () => {
    const result = validateContent(
      sources(
        { 'undated.md': validArticle({ date: 'tomorrow' }), 'pins.md': validArticle({ related: '[undated]' }) },
        { comments: { 'undated/ann.yml': 'name: Ann\ndate: 2025-03-15T10:00\nbody: Good.\n' } },
      ),
      options,
    );
    expect(result.problems.map(formatProblem)).toEqual([
      'content/articles/undated.md:3:1 error: date: "tomorrow" is not a date\n    hint: write year-month-day, such as 2025-03-14, with a time after it if needed: 2025-03-14T08:30 or 2025-03-14 08:30:00+01:00',
    ]);
    expect(result.problems.some((problem) => /schedul/i.test(problem.message))).toBe(false);
  });

  test('the comments on it are still checked against each other', () => {
    expect(
      report(
        { 'harbour.md': validArticle({ date: '2025-02-30' }) },
        { comments: { 'harbour/ann.yml': 'name: Ann\ndate: 2025-03-15T10:00\nbody: Good.\n', 'harbour/bob.yml': 'name: Bob\ndate: 2025-03-15T11:00\nbody: Yes.\nreply-to: an\n' } },
      ),
    ).toEqual([
      'content/articles/harbour.md:3:1 error: date: "2025-02-30" is not a real date: February 2025 has 28 days\n    hint: the last day of February 2025 is 2025-02-28',
      'content/comments/harbour/bob.yml:4:1 error: reply-to: no comment "an" on this article\n    hint: did you mean "ann"?',
    ]);
  });

  test('its body too: an image not in public/ and a "Read more" block naming no article', () => {
    const bodies = new Map([['content/articles/broken.md', { images: [{ src: '/images/harbor-dawn.jpg', line: 3, column: 1 }], readMore: [{ slug: 'tram-lin', line: 5, column: 1 }] }]]);
    const result = validateContent(sources({ 'broken.md': validArticle({ date: 'soon' }), 'tram-line.md': validArticle() }), { ...options, bodies: (file) => bodies.get(file) });
    expect(sortProblems(result.problems).map(formatProblem)).toEqual([
      'content/articles/broken.md:3:1 error: date: "soon" is not a date\n    hint: write year-month-day, such as 2025-03-14, with a time after it if needed: 2025-03-14T08:30 or 2025-03-14 08:30:00+01:00',
      'content/articles/broken.md:10:1 error: image /images/harbor-dawn.jpg is not in public/\n    hint: did you mean "/images/harbour-dawn.jpg"?',
      'content/articles/broken.md:12:1 error: readmore: no article "tram-lin"\n    hint: did you mean "tram-line"?',
    ]);
  });

  test('a build that leaves it out still reports the article that pins it, which would link nowhere', () => {
    const { problems } = validateLeavingOut(sources({ 'broken.md': validArticle({ date: 'soon' }), 'pins.md': validArticle({ related: '[broken]' }) }), options, []);
    expect(problems.map(formatProblem)).toContain(
      'content/articles/pins.md:7:11 error: related: the article "broken" has errors of its own, and no page\n    hint: fix the errors reported for it, or name another article',
    );
  });
});

describe('a slug of the wrong form gets the nearest existing one as a hint', () => {
  test.each([
    ['a section in capitals', { category: 'New' }, 'content/articles/a.md:5:1 error: category: must be lowercase ASCII letters and digits in words joined by "-"\n    hint: did you mean "news"?'],
    ['an author in capitals', { authors: '[Jane-Doe]' }, 'content/articles/a.md:4:11 error: authors.0: must be lowercase ASCII letters and digits in words joined by "-"\n    hint: did you mean "jane-doe"?'],
    ['an author with a space', { authors: 'Sam Roe' }, 'content/articles/a.md:4:1 error: authors.0: must be lowercase ASCII letters and digits in words joined by "-"\n    hint: did you mean "sam-roe"?'],
    ['a section like no other', { category: 'Weather & Climate' }, 'content/articles/a.md:5:1 error: category: must be lowercase ASCII letters and digits in words joined by "-"\n    hint: sections are the files in content/categories/ (without .md)'],
  ])('%s', (_, fields, expected) => {
    expect(report({ 'a.md': validArticle(fields) })).toEqual([expected]);
  });

  test('a pin in capitals', () => {
    expect(report({ 'a.md': validArticle({ related: '[Tram-Line]' }), 'tram-line.md': validArticle() })).toEqual([
      'content/articles/a.md:7:11 error: related.0: must be an article slug, or section/slug\n    hint: did you mean "tram-line"?',
    ]);
  });
});

describe('an image path that names no file gets the nearest file as a hint', () => {
  test.each([
    ['a misspelt name', '/images/harbor-dawn.jpg', 'did you mean "/images/harbour-dawn.jpg"?'],
    ['other capitals', '/images/Harbour-Dawn.jpg', 'did you mean "/images/harbour-dawn.jpg"? (capitals count in file names)'],
    ['another folder', '/harbour-dawn.jpg', 'did you mean "/images/harbour-dawn.jpg"?'],
    ['nothing near', '/images/lighthouse.jpg', 'add the file public/images/lighthouse.jpg, or fix the path'],
  ])('%s', (_, src, hint) => {
    expect(report({ 'a.md': validArticle({ image: `\n  src: ${src}\n  alt: The harbour at dawn` }) })).toEqual([
      `content/articles/a.md:8:3 error: image ${src} is not in public/\n    hint: ${hint}`,
    ]);
  });

  test("an author's avatar too", () => {
    const authors = { 'jane-doe': '---\nname: Jane Doe\navatar: /images/avatars/jane-do.jpg\n---\nBio.\n', 'sam-roe': '---\nname: Sam Roe\n---\nBio.\n' };
    expect(report({ 'a.md': validArticle() }, { authors })).toEqual([
      'content/authors/jane-doe.md:3:1 error: image /images/avatars/jane-do.jpg is not in public/\n    hint: did you mean "/images/avatars/jane-doe.jpg"?',
    ]);
  });
});
