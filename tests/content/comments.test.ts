import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadContent, MAX_COMMENT_BYTES } from '../../src/content/load.js';
import { displayPath } from '../../src/util/display-path.js';
import { validateContent, type ValidateOptions } from '../../src/content/validate.js';
import { formatProblem } from '../../src/util/problems.js';
import { SITE_YML, sources, validArticle } from '../helpers/sources.js';

const options: ValidateOptions = { now: Date.parse('2026-01-01T00:00:00Z'), drafts: false, future: false, assetExists: () => true };

/** A comment file as a moderator commits it; `extra` lines go before the body. */
const comment = (extra: string[] = [], body = 'Good to see the wall fixed at last.'): string =>
  ['name: Ann Reader', 'date: 2025-03-15T10:00', ...extra, `body: ${body}`, ''].join('\n');

const ARTICLES = { 'harbour-wall.md': validArticle(), 'tram.md': validArticle({ title: 'Tram opens', category: 'business' }) };

const validate = (comments: Record<string, string>, articles: Record<string, string> = ARTICLES, site = SITE_YML) =>
  validateContent(sources(articles, { comments, site }), options);

const report = (comments: Record<string, string>, articles?: Record<string, string>): string[] =>
  validate(comments, articles).problems.map(formatProblem);

describe('approved comments are attached to their article', () => {
  test('oldest first, replies naming their parent, fields typed', () => {
    const result = validate({
      'harbour-wall/ben.yml': comment(['reply-to: ann'], 'Agreed.').replace('2025-03-15T10:00', '2025-03-15T11:00'),
      'harbour-wall/ann.yml': comment(),
      'harbour-wall/cat.yml': comment([], '"Who paid for it?"').replace('2025-03-15T10:00', '2025-03-15T09:00'),
    });
    expect(result.problems).toEqual([]);
    const wall = result.content!.articles.find((a) => a.slug === 'harbour-wall')!;
    expect(wall.comments.open).toBe(true);
    expect(wall.comments.folder).toBe('harbour-wall');
    expect(wall.comments.approved.map((c) => [c.id, c.replyTo, c.body])).toEqual([
      ['cat', undefined, 'Who paid for it?'],
      ['ann', undefined, 'Good to see the wall fixed at last.'],
      ['ben', 'ann', 'Agreed.'],
    ]);
    expect(wall.comments.approved[1]).toMatchObject({ name: 'Ann Reader', file: 'content/comments/harbour-wall/ann.yml', date: { epoch: Date.parse('2025-03-15T10:00:00Z'), hasTime: true } });
    expect(result.content!.articles.find((a) => a.slug === 'tram')!.comments.approved).toEqual([]);
  });

  test('`comments: false` closes an article to new comments and keeps the approved ones', () => {
    const result = validate({ 'harbour-wall/ann.yml': comment() }, { 'harbour-wall.md': validArticle({ comments: 'false' }) });
    expect(result.problems).toEqual([]);
    const [wall] = result.content!.articles;
    expect(wall!.comments.open).toBe(false);
    expect(wall!.comments.approved.map((c) => c.id)).toEqual(['ann']);
  });

  test('where two sections use a slug, comments go in section/slug and the form sends that', () => {
    const articles = { 'a/ferry.md': validArticle(), 'b/ferry.md': validArticle({ category: 'business' }) };
    const result = validate({ 'business/ferry/ann.yml': comment() }, articles);
    expect(result.problems).toEqual([]);
    const folders = result.content!.articles.map((a) => [a.url, a.comments.folder, a.comments.approved.length]);
    expect(folders.sort()).toEqual([
      ['/business/ferry/', 'business/ferry', 1],
      ['/news/ferry/', 'news/ferry', 0],
    ]);
  });

  test('comments on a draft are no error, and go where the draft goes', () => {
    const result = validate({ 'harbour-wall/ann.yml': comment() }, { 'harbour-wall.md': validArticle({ draft: 'true' }) });
    expect(result.problems).toEqual([]);
    expect(result.content!.articles).toEqual([]);
  });

  test('an article with errors of its own does not make its comments orphans too', () => {
    expect(report({ 'harbour-wall/ann.yml': comment() }, { 'harbour-wall.md': validArticle({ category: 'weather' }) })).toEqual([
      'content/articles/harbour-wall.md:5:1 error: unknown section "weather"\n    hint: sections are the files in content/categories/ (without .md)',
    ]);
  });
});

describe('bad comments are reported with file, line and hint', () => {
  test.each([
    [
      'an unknown article, with the nearest slug',
      { 'harbour-wal/ann.yml': comment(), 'harbour-wal/ben.yml': comment() },
      ['content/comments/harbour-wal/ann.yml error: no article "harbour-wal" for the comments in comments/harbour-wal/ (2 comments in it)\n    hint: did you mean "harbour-wall"?'],
    ],
    [
      'an unknown article far from any',
      { 'weather-report/ann.yml': comment() },
      ['content/comments/weather-report/ann.yml error: no article "weather-report" for the comments in comments/weather-report/\n    hint: name the folder after the article: its slug, as in its address'],
    ],
    [
      'a reply to a comment that does not exist',
      { 'harbour-wall/ann-reader.yml': comment(), 'harbour-wall/ben.yml': comment(['reply-to: ann-raeder']) },
      ['content/comments/harbour-wall/ben.yml:3:1 error: reply-to: no comment "ann-raeder" on this article\n    hint: did you mean "ann-reader"?'],
    ],
    [
      'a reply to a comment on another article',
      { 'tram/ann.yml': comment(), 'harbour-wall/ben.yml': comment(['reply-to: ann']) },
      ['content/comments/harbour-wall/ben.yml:3:1 error: reply-to: no comment "ann" on this article\n    hint: reply-to is the file name (without .yml) of a comment in the same folder'],
    ],
    [
      'a reply to a reply',
      { 'harbour-wall/ann.yml': comment(), 'harbour-wall/ben.yml': comment(['reply-to: ann']), 'harbour-wall/cat.yml': comment(['reply-to: ben']) },
      ['content/comments/harbour-wall/cat.yml:3:1 error: reply-to: "ben" is itself a reply, and replies go one level deep\n    hint: reply to "ann" instead'],
    ],
    ['a reply to itself', { 'harbour-wall/ann.yml': comment(['reply-to: ann']) }, ['content/comments/harbour-wall/ann.yml:3:1 error: reply-to: a comment cannot reply to itself']],
    [
      'a reply-to that is no file name',
      { 'harbour-wall/ann.yml': comment(['reply-to: ../ben']) },
      ['content/comments/harbour-wall/ann.yml:3:1 error: reply-to: must be lowercase ASCII letters and digits in words joined by "-"'],
    ],
    [
      'an impossible date',
      { 'harbour-wall/ann.yml': comment().replace('2025-03-15T10:00', '2025-02-30T10:00') },
      ['content/comments/harbour-wall/ann.yml:2:1 error: date: "2025-02-30T10:00" is not a real date: February 2025 has 28 days\n    hint: the last day of February 2025 is 2025-02-28'],
    ],
    ['no body', { 'harbour-wall/ann.yml': 'name: Ann\ndate: 2025-03-15\n' }, ['content/comments/harbour-wall/ann.yml:1:1 error: body: is required']],
    ['an empty body', { 'harbour-wall/ann.yml': comment([], '"  "') }, ['content/comments/harbour-wall/ann.yml:3:1 error: body: must not be empty']],
    [
      'a name that is a number',
      { 'harbour-wall/ann.yml': comment().replace('Ann Reader', '1984') },
      ['content/comments/harbour-wall/ann.yml:1:1 error: name: must be text, but YAML read 1984 as a number; put the value in quotes'],
    ],
    ['a name too long', { 'harbour-wall/ann.yml': comment().replace('Ann Reader', 'A'.repeat(101)) }, ['content/comments/harbour-wall/ann.yml:1:1 error: name: must be at most 100 characters']],
    [
      'a YAML tag',
      { 'harbour-wall/ann.yml': comment([], '!!js/function "function () { return process.env }"') },
      ['content/comments/harbour-wall/ann.yml:3:7 error: YAML: Unresolved tag: tag:yaml.org,2002:js/function\n    hint: YAML tags (!!…) are not read; write the value as plain text'],
    ],
    [
      'a duplicate key',
      { 'harbour-wall/ann.yml': comment(['name: Someone Else']) },
      ['content/comments/harbour-wall/ann.yml:3:1 error: YAML: Map keys must be unique\n    hint: each field may appear once; delete or merge the repeated one'],
    ],
    [
      'a list instead of fields',
      { 'harbour-wall/ann.yml': '- name\n- body\n' },
      ['content/comments/harbour-wall/ann.yml:1:1 error: expected "key: value" lines, found a single value or a list'],
    ],
    [
      'a file name that is no id',
      { 'harbour-wall/Ann Reader.yml': comment() },
      ['content/comments/harbour-wall/Ann Reader.yml error: the file name gives the comment id "Ann Reader", which must be lowercase ASCII letters and digits in words joined by "-"\n    hint: rename the file to ann-reader.yml; replies name a comment by this id'],
    ],
    [
      'a file outside any article folder',
      { 'ann.yml': comment() },
      ['content/comments/ann.yml error: a comment must be in the folder of its article\n    hint: put it in comments/<article-slug>/ (or comments/<section>/<article-slug>/)'],
    ],
    [
      'a folder too deep',
      { 'news/2025/harbour-wall/ann.yml': comment() },
      ["content/comments/news/2025/harbour-wall/ann.yml error: comments/news/2025/harbour-wall/ is not an article's folder\n    hint: did you mean \"news/harbour-wall\"?"],
    ],
    [
      'a folder like no article',
      { 'x/y/z/ann.yml': comment() },
      ["content/comments/x/y/z/ann.yml error: comments/x/y/z/ is not an article's folder\n    hint: put it in comments/<article-slug>/ (or comments/<section>/<article-slug>/)"],
    ],
    [
      'two folders naming one article, with one id',
      { 'harbour-wall/ann.yml': comment(), 'news/harbour-wall/ann.yml': comment() },
      ['content/comments/news/harbour-wall/ann.yml error: the comment id "ann" is also used by content/comments/harbour-wall/ann.yml\n    hint: keep each article\'s comments in one folder'],
    ],
  ])('%s', (_, comments, expected) => {
    expect(report(comments)).toEqual(expected);
  });

  test('a slug two sections use needs its section', () => {
    const articles = { 'a/ferry.md': validArticle(), 'b/ferry.md': validArticle({ category: 'business' }) };
    expect(report({ 'ferry/ann.yml': comment() }, articles)).toEqual([
      'content/comments/ferry/ann.yml error: the folder comments/ferry/ could belong to 2 articles\n    hint: move the folder to comments/business/ferry/ or comments/news/ferry/',
    ]);
  });

  test('a misspelt field is a warning with "did you mean"', () => {
    const result = validate({ 'harbour-wall/ann.yml': comment(), 'harbour-wall/ben.yml': comment(['reply_to: ann']) });
    expect(result.content).toBeDefined();
    expect(result.problems.map(formatProblem)).toEqual(['content/comments/harbour-wall/ben.yml:3:1 warning: unknown field "reply_to" is ignored\n    hint: did you mean "reply-to"?']);
  });

  test('a reply to a comment with errors of its own is not reported twice', () => {
    expect(report({ 'harbour-wall/ann.yml': 'name: Ann\ndate: 2025-03-15\n', 'harbour-wall/ben.yml': comment(['reply-to: ann']) })).toEqual([
      'content/comments/harbour-wall/ann.yml:1:1 error: body: is required',
    ]);
  });

  test('closing comments takes true or false', () => {
    expect(report({}, { 'harbour-wall.md': validArticle({ comments: 'closed' }) })).toEqual([
      'content/articles/harbour-wall.md:7:1 error: comments: must be true or false, not text',
    ]);
  });
});

describe('comment settings in site.yml', () => {
  const siteWith = (lines: string) => `${SITE_YML}${lines}`;

  test('on, with no form, by default', () => {
    expect(validate({}, ARTICLES, SITE_YML).content!.site.comments).toEqual({ enabled: true });
  });

  test('an https endpoint, and comments off site-wide', () => {
    const result = validate({}, ARTICLES, siteWith('comments:\n  enabled: false\n  endpoint: https://comments.example.org/post\n'));
    expect(result.problems).toEqual([]);
    expect(result.content!.site.comments).toEqual({ enabled: false, endpoint: 'https://comments.example.org/post' });
  });

  test.each([
    ['an http endpoint', 'comments:\n  endpoint: http://comments.example.org/post\n', 'content/site.yml:8:3 error: comments.endpoint: must be an https:// address'],
    ['an endpoint with a password', 'comments:\n  endpoint: https://user:secret@comments.example.org/\n', 'content/site.yml:8:3 error: comments.endpoint: must not hold a user name or password'],
    ['a javascript: endpoint', 'comments:\n  endpoint: "javascript:alert(1)"\n', 'content/site.yml:8:3 error: comments.endpoint: must be an https:// address'],
    ['enabled: no (YAML 1.2 reads text)', 'comments:\n  enabled: no\n', 'content/site.yml:8:3 error: comments.enabled: must be true or false, not text'],
    ['a misspelt setting', 'comments:\n  endpiont: https://comments.example.org/\n', 'content/site.yml:8:3 warning: unknown field "comments.endpiont" is ignored\n    hint: did you mean "endpoint"?'],
  ])('%s', (_, lines, expected) => {
    expect(validateContent(sources(ARTICLES, { site: siteWith(lines) }), options).problems.map(formatProblem)).toEqual([expected]);
  });
});

describe('loading comment files', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'broadsheet-comments-'));
    mkdirSync(path.join(root, 'comments/harbour-wall'), { recursive: true });
    mkdirSync(path.join(root, 'comments/news/tram'), { recursive: true });
    writeFileSync(path.join(root, 'site.yml'), 'title: T\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const shown = (...parts: string[]) => displayPath(path.join(root, ...parts));

  test('*.yml files in path order, each with its folder under comments/; other files are warned about', async () => {
    writeFileSync(path.join(root, 'comments/news/tram/b.yml'), 'B');
    writeFileSync(path.join(root, 'comments/harbour-wall/a.yml'), 'A');
    writeFileSync(path.join(root, 'comments/harbour-wall/notes.txt'), 'not a comment');
    writeFileSync(path.join(root, 'comments/harbour-wall/.a.yml.swp'), 'editor swap file');
    const { sources, problems } = await loadContent(root);
    expect(problems.map((p) => [p.severity, p.file])).toEqual([
      ['warning', shown('comments/harbour-wall/.a.yml.swp')],
      ['warning', shown('comments/harbour-wall/notes.txt')],
    ]);
    expect(sources.comments).toEqual([
      { path: shown('comments/harbour-wall/a.yml'), text: 'A', folder: 'harbour-wall' },
      { path: shown('comments/news/tram/b.yml'), text: 'B', folder: 'news/tram' },
    ]);
  });

  test('symbolic links are refused', async () => {
    symlinkSync(path.join(root, 'site.yml'), path.join(root, 'comments/harbour-wall/leak.yml'));
    const { sources, problems } = await loadContent(root);
    expect(sources.comments).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([`${shown('comments/harbour-wall/leak.yml')} error: symbolic links are not read\n    hint: commit the file (or the folder) itself, not a link to it`]);
  });

  test(`a comment over ${MAX_COMMENT_BYTES / 1024} KB is refused before it is read`, async () => {
    writeFileSync(path.join(root, 'comments/harbour-wall/long.yml'), Buffer.alloc(MAX_COMMENT_BYTES + 1024, 'a'));
    writeFileSync(path.join(root, 'comments/harbour-wall/fits.yml'), Buffer.alloc(MAX_COMMENT_BYTES, 'a'));
    const { sources, problems } = await loadContent(root);
    expect(problems.map(formatProblem)).toEqual([`${shown('comments/harbour-wall/long.yml')} error: the file is 65.0 KB; the limit is 64 KB`]);
    expect(sources.comments.map((c) => c.folder)).toEqual(['harbour-wall']);
  });

  test('invalid UTF-8 is an error on its line', async () => {
    writeFileSync(path.join(root, 'comments/harbour-wall/latin1.yml'), Buffer.concat([Buffer.from('name: Ann\nbody: Caf'), Buffer.from([0xe9, 0x0a])]));
    const { problems } = await loadContent(root);
    expect(problems.map(formatProblem)).toEqual([`${shown('comments/harbour-wall/latin1.yml')}:2:1 error: the file is not valid UTF-8 text\n    hint: save the file as UTF-8 in your editor`]);
  });
});
