import { describe, expect, test } from 'vitest';
import type { BodyReferences } from '../../src/content/body-references.js';
import { validateLeavingOut } from '../../src/content/leave-out-invalid.js';
import { describeLeftOut, NOTHING_LEFT_OUT } from '../../src/content/left-out.js';
import type { ValidateOptions } from '../../src/content/validate.js';
import { error, formatProblem, sortProblems, type Problem } from '../../src/util/problems.js';
import { AUTHORS, sources, validArticle } from '../helpers/sources.js';

const options: ValidateOptions = { now: Date.parse('2026-01-01T00:00:00Z'), drafts: false, future: false, assetExists: (p) => p === '/images/harbour.jpg' };
const comment = (extra = '') => `name: Ann Reader\ndate: 2025-03-15T10:00:00Z\nbody: Well done.\n${extra}`;

function leaveOut(
  articles: Record<string, string>,
  extra: Parameters<typeof sources>[1] = {},
  more: { before?: Problem[]; bodies?: Record<string, BodyReferences> } = {},
) {
  const bodies = more.bodies;
  const { result, problems, leftOut } = validateLeavingOut(sources(articles, extra), { ...options, bodies: bodies && ((file) => bodies[file]) }, more.before ?? []);
  return {
    published: result.content?.articles.map((article) => article.url).sort(),
    problems: sortProblems(problems).map(formatProblem),
    leftOut,
    result,
  };
}

const A = (name: string) => `content/articles/${name}.md`;

describe('articles with errors are left out, with what exists only because of them', () => {
  test('every valid article is kept and nothing is left out when nothing is wrong', () => {
    const { published, problems, leftOut } = leaveOut({ 'harbour.md': validArticle(), 'tram.md': validArticle() });
    expect(published).toEqual(['/news/harbour/', '/news/tram/']);
    expect(problems).toEqual([]);
    expect(leftOut).toEqual(NOTHING_LEFT_OUT);
  });

  test('an error of its own, an error against other files, an error of its body found while rendering', () => {
    const { published, problems, leftOut } = leaveOut(
      { 'harbour.md': validArticle(), 'bad-date.md': validArticle({ date: '2024-02-30' }), 'nobody.md': validArticle({ authors: '[nobody]' }), 'body.md': validArticle() },
      {},
      { before: [error(A('body'), 'image x.jpg has no alt text', { position: { line: 9, column: 1 } })] },
    );
    expect(published).toEqual(['/news/harbour/']);
    expect(leftOut).toEqual({ articles: [A('bad-date'), A('nobody'), A('body')].sort(), comments: [], withTheirArticle: [] });
    expect(problems).toEqual([
      'content/articles/bad-date.md:3:1 error: date: "2024-02-30" is not a real date: February 2024 has 29 days\n    hint: the last day of February 2024 is 2024-02-29',
      'content/articles/body.md:9:1 error: image x.jpg has no alt text',
      'content/articles/nobody.md:4:11 error: unknown author "nobody"\n    hint: authors are the files in content/authors/ (without .md)',
    ]);
  });

  test('an article that pins a left-out one is left out, and so is one that pins it, each with its error', () => {
    const { published, problems, leftOut } = leaveOut({
      'broken.md': validArticle({ authors: '[nobody]' }),
      'pins-broken.md': validArticle({ related: '[broken]' }),
      'pins-pinner.md': validArticle({ related: '[pins-broken]' }),
      'fine.md': validArticle(),
    });
    expect(published).toEqual(['/news/fine/']);
    expect(leftOut.articles).toEqual([A('broken'), A('pins-broken'), A('pins-pinner')]);
    expect(problems).toEqual([
      'content/articles/broken.md:4:11 error: unknown author "nobody"\n    hint: authors are the files in content/authors/ (without .md)',
      'content/articles/pins-broken.md:7:11 error: related: the article "broken" has errors of its own, and no page\n    hint: fix the errors reported for it, or name another article',
      'content/articles/pins-pinner.md:7:11 error: related: the article "pins-broken" has errors of its own, and no page\n    hint: fix the errors reported for it, or name another article',
    ]);
  });

  test('an article whose "Read more" block names a left-out one is left out', () => {
    const { published, leftOut, problems } = leaveOut(
      { 'broken.md': validArticle({ date: 'soon' }), 'sends.md': validArticle(), 'fine.md': validArticle() },
      {},
      { bodies: { [A('sends')]: { readMore: [{ slug: 'broken', line: 3, column: 1 }] } } },
    );
    expect(published).toEqual(['/news/fine/']);
    expect(leftOut.articles).toEqual([A('broken'), A('sends')]);
    expect(problems[1]).toBe('content/articles/sends.md:10:1 error: readmore: the article "broken" has errors of its own, and no page\n    hint: fix the errors reported for it, or name another article');
  });

  test('comments: on a left-out article, replying to a left-out comment, with errors of their own', () => {
    const { published, result, leftOut, problems } = leaveOut(
      { 'broken.md': validArticle({ date: 'soon' }), 'harbour.md': validArticle() },
      {
        comments: {
          'broken/ann.yml': comment(),
          'harbour/bad.yml': comment('reply-to: Not An Id\n'),
          'harbour/answers-bad.yml': comment('reply-to: bad\n'),
          'harbour/fine.yml': comment(),
        },
      },
    );
    expect(published).toEqual(['/news/harbour/']);
    expect(leftOut).toEqual({
      articles: [A('broken')],
      comments: ['content/comments/harbour/bad.yml'],
      withTheirArticle: ['content/comments/broken/ann.yml', 'content/comments/harbour/answers-bad.yml'],
    });
    expect(result.content!.articles[0]!.comments.approved.map((c) => c.id)).toEqual(['fine']);
    expect(problems).toEqual([
      'content/articles/broken.md:3:1 error: date: "soon" is not a date\n    hint: write year-month-day, such as 2025-03-14, with a time after it if needed: 2025-03-14T08:30 or 2025-03-14 08:30:00+01:00',
      'content/comments/harbour/bad.yml:4:1 error: reply-to: must be lowercase ASCII letters and digits in words joined by "-"',
    ]);
  });

  test('two valid articles at one address still stop the build; a left-out one gives its address up', () => {
    const clash = leaveOut({ 'a/harbour.md': validArticle(), 'b/harbour.md': validArticle() });
    expect(clash.result.content).toBeUndefined();
    expect(clash.leftOut).toEqual(NOTHING_LEFT_OUT);
    expect(clash.problems).toEqual([
      'content/articles/b/harbour.md:1:1 error: the address /news/harbour/ is already the address of content/articles/a/harbour.md\n    hint: the slug comes from the file name: rename the file, or give the article a slug: of its own',
    ]);

    const given = leaveOut({ 'a/harbour.md': validArticle(), 'b/harbour.md': validArticle() }, {}, { bodies: { [A('a/harbour')]: { images: [{ src: '/images/gone.jpg', line: 1, column: 1 }] } } });
    expect(given.published).toEqual(['/news/harbour/']);
    expect(given.result.content!.articles[0]!.file).toBe(A('b/harbour'));
    expect(given.problems).toEqual(['content/articles/a/harbour.md:8:1 error: image /images/gone.jpg is not in public/\n    hint: add the file public/images/gone.jpg, or fix the path']);
  });

  test('errors of files that are not articles or comments stop the build: an author, site.yml', () => {
    const author = leaveOut({ 'harbour.md': validArticle(), 'by-sam.md': validArticle({ authors: '[sam-roe]' }) }, { authors: { ...AUTHORS, 'sam-roe': '---\nname: ""\n---\n' } });
    expect(author.result.content).toBeUndefined();
    expect(author.problems).toContain('content/authors/sam-roe.md:2:1 error: name: must not be empty');
    const site = leaveOut({ 'harbour.md': validArticle() }, { site: null });
    expect(site.result.content).toBeUndefined();
    expect(site.problems).toContain('site.yml error: site.yml is missing\n    hint: create content/site.yml with title, url, language and timezone');
  });

  test('warnings of kept and left-out files are all reported, once', () => {
    const { problems, leftOut } = leaveOut({ 'harbour.md': validArticle({ sumary: 'x' }), 'broken.md': validArticle({ sumary: 'x', date: 'soon' }) });
    expect(leftOut.articles).toEqual([A('broken')]);
    expect(problems).toEqual([
      'content/articles/broken.md:3:1 error: date: "soon" is not a date\n    hint: write year-month-day, such as 2025-03-14, with a time after it if needed: 2025-03-14T08:30 or 2025-03-14 08:30:00+01:00',
      'content/articles/broken.md:7:1 warning: unknown field "sumary" is ignored\n    hint: did you mean "summary"?',
      'content/articles/harbour.md:7:1 warning: unknown field "sumary" is ignored\n    hint: did you mean "summary"?',
    ]);
  });
});

describe('the summary line', () => {
  const files = (n: number) => Array.from({ length: n }, (_, i) => `f${i}`);
  test.each([
    [NOTHING_LEFT_OUT, undefined],
    [{ articles: files(1), comments: [], withTheirArticle: [] }, '1 article left out because of errors above'],
    [{ articles: files(12), comments: [], withTheirArticle: [] }, '12 articles left out because of errors above'],
    [{ articles: files(3), comments: files(1), withTheirArticle: [] }, '3 articles and 1 comment left out because of errors above'],
    [{ articles: [], comments: files(2), withTheirArticle: files(1) }, '2 comments left out because of errors above, and 1 comment left out with the article or comment it belongs to'],
    [{ articles: files(1), comments: [], withTheirArticle: files(4) }, '1 article left out because of errors above, and 4 comments left out with the article or comment they belong to'],
  ])('%j', (leftOut, line) => {
    expect(describeLeftOut(leftOut)).toBe(line);
  });
});
