import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/stages/build.js';
import { displayPath } from '../../src/util/display-path.js';
import { ContentError, formatProblem, type Problem } from '../../src/util/problems.js';

/*
 * Every kind of problem `check` can give an editor, each with its exact
 * text: one small newsroom per case (a sound base newsroom with a few files
 * changed), checked in this thread as `check` checks it. The expected text
 * is tests/fixtures/problems/expected.md, grouped as the README's
 * "Troubleshooting" is; UPDATE=1 rewrites it (read the diff before
 * committing).
 */

const EXPECTED = path.join(import.meta.dirname, '../fixtures/problems/expected.md');
const UPDATE = Boolean(process.env.UPDATE);
const NOW = Date.parse('2026-01-01T12:00:00Z');

/** Front matter from fields in order, then a body. */
const md = (fields: Record<string, string>, body = 'The first paragraph.\n'): string =>
  `---\n${Object.entries(fields)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n')}\n---\n${body}`;

const STORY = { title: 'Harbour wall repaired', date: '2025-03-14T08:30:00', authors: '[jane-doe]', category: 'news', tags: '[Harbour, Council]' };
const story = (changes: Record<string, string | undefined> = {}, body?: string): string => {
  const fields = Object.fromEntries(Object.entries({ ...STORY, ...changes }).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return md(fields, body);
};

const HARBOUR = 'articles/2025/2025-03-14-harbour-wall.md';
const SITE = ['title: The Test Gazette', 'url: https://gazette.example.org/', 'language: en-GB', 'timezone: Europe/London', 'perPage: 2', ''].join('\n');
const site = (extra: string) => `${SITE}${extra}`;

/** The sound newsroom every case starts from. */
const BASE: Record<string, string> = {
  'site.yml': SITE,
  'authors/jane-doe.md': md({ name: 'Jane Doe', role: 'Senior News Editor' }, 'Jane has covered the city since 2010.\n'),
  'authors/sam-roe.md': md({ name: 'Sam Roe' }, 'Sam follows the money.\n'),
  'categories/news.md': md({ name: 'News', order: '1' }, 'The news.\n'),
  'categories/business.md': md({ name: 'Business', order: '2' }, 'The money.\n'),
  'pages/about.md': md({ title: 'About us' }, 'Who we are.\n'),
  [HARBOUR]: story(),
  'articles/2025/2025-03-20-tram-line.md': story({ title: 'Tram line opens', date: '2025-03-20T09:00' }),
  'comments/harbour-wall/2025-03-15-ann.yml': 'name: Ann Reader\ndate: 2025-03-15T10:00\nbody: Good to see it done.\n',
};

/** Files of public/ (names only matter: no case uses one that must be encoded). */
const PUBLIC = ['images/harbour-dawn.jpg', 'images/avatars/jane-doe.jpg', 'images/chart.svg'];

interface Case {
  name: string;
  /** Files to write over the base newsroom (paths under content/); null deletes one. */
  files: Record<string, string | null>;
  strict?: boolean;
}

const GROUPS: { group: string; cases: Case[] }[] = [
  {
    group: 'Files and folders',
    cases: [
      { name: 'a file of another kind', files: { 'articles/2025/notes.txt': 'Call the harbour master.\n' } },
      { name: 'a hidden file', files: { 'articles/2025/.draft.md': story() } },
      { name: 'a file named just .md', files: { 'articles/.md': story() } },
      { name: 'a file outside the folders', files: { 'readme.md': 'Notes.\n' } },
      { name: 'site.yml missing', files: { 'site.yml': null } },
      { name: 'a file that is not UTF-8', files: { 'articles/2025/latin1.md': '---\ntitle: Caf\u00e9\n---\n' } },
    ],
  },
  {
    group: 'Front matter',
    cases: [
      { name: 'no front matter', files: { [HARBOUR]: 'Just a story.\n' } },
      { name: 'blank lines before it', files: { [HARBOUR]: `\n\n${story()}` } },
      { name: 'not closed', files: { [HARBOUR]: '---\ntitle: A\n' } },
      { name: 'another language', files: { [HARBOUR]: '---js\n{ title: "x" }\n---\n' } },
      { name: 'a line starting with --- inside it', files: { [HARBOUR]: '---\ntitle: A\n--- more\n---\n' } },
      { name: 'YAML that does not parse', files: { [HARBOUR]: story({ summary: 'The council: it says: yes' }) } },
      { name: 'a field twice', files: { [HARBOUR]: story({ summary: 'One.' }).replace('summary: One.', 'summary: One.\nsummary: Two.') } },
      { name: 'a YAML tag', files: { [HARBOUR]: story({ summary: '!!binary aGVsbG8=' }) } },
      { name: 'an unknown field', files: { [HARBOUR]: story({ sumary: 'A typo.' }) } },
      { name: 'a field only a template engine reads', files: { [HARBOUR]: story({ layout: 'post.njk' }) } },
      { name: 'a required field missing', files: { [HARBOUR]: story({ title: undefined }) } },
      { name: 'an empty field', files: { [HARBOUR]: story({ title: '""' }) } },
      { name: 'a field with no value', files: { [HARBOUR]: story({ summary: '' }) } },
      { name: 'a number where text belongs', files: { [HARBOUR]: story({ title: '1.10' }) } },
      { name: 'a list where text belongs', files: { [HARBOUR]: story({ title: '[A, B]' }) } },
      { name: 'yes/no where true or false belongs', files: { [HARBOUR]: story({ draft: 'maybe' }) } },
      { name: 'author and authors both', files: { [HARBOUR]: story({ author: 'sam-roe' }) } },
      { name: 'no author', files: { [HARBOUR]: story({ authors: '[]' }) } },
      { name: 'related neither false nor a list', files: { [HARBOUR]: story({ related: 'true' }) } },
      { name: 'canonical not a web address', files: { [HARBOUR]: story({ canonical: 'elsewhere' }) } },
      { name: 'an image without alt text', files: { [HARBOUR]: story({ image: '\n  src: /images/harbour-dawn.jpg' }) } },
      { name: 'an image path that is not a path', files: { [HARBOUR]: story({ image: '\n  src: harbour.jpg\n  alt: The harbour' }) } },
    ],
  },
  {
    group: 'Dates',
    cases: [
      { name: 'a day past the end of the month', files: { [HARBOUR]: story({ date: '2025-02-31' }) } },
      { name: 'month 13', files: { [HARBOUR]: story({ date: '2025-13-01' }) } },
      { name: 'day 0', files: { [HARBOUR]: story({ date: '2025-03-00' }) } },
      { name: 'hour 25', files: { [HARBOUR]: story({ date: '2025-03-14T25:00' }) } },
      { name: 'minute 60', files: { [HARBOUR]: story({ date: '2025-03-14T08:60' }) } },
      { name: 'an offset no place uses', files: { [HARBOUR]: story({ date: '2025-03-14T08:30+25:00' }) } },
      { name: 'a zone name instead of an offset', files: { [HARBOUR]: story({ date: '2025-03-14 08:30 BST' }) } },
      { name: 'a T with no time after it', files: { [HARBOUR]: story({ date: '2025-03-14T' }) } },
      { name: 'a time without two digits', files: { [HARBOUR]: story({ date: '2025-03-14T8:30' }) } },
      { name: 'the day first', files: { [HARBOUR]: story({ date: '14/03/2025' }) } },
      { name: 'a month or day with one digit', files: { [HARBOUR]: story({ date: '2025-3-14' }) } },
      { name: 'text that is not a date', files: { [HARBOUR]: story({ date: 'last tuesday' }) } },
      { name: 'a year outside 1000 to 9999', files: { [HARBOUR]: story({ date: '20025-03-14' }) } },
      { name: 'updated before the date', files: { [HARBOUR]: story({ updated: '2025-03-01' }) } },
      { name: 'a correction with a bad date', files: { [HARBOUR]: story({ corrections: '\n  - date: 2025-04-31\n    text: We misspelt a name.' }) } },
    ],
  },
  {
    group: 'Slugs and names',
    cases: [
      { name: 'a file name that makes no slug', files: { 'articles/2025/Harbour Wall.md': story() } },
      { name: 'a slug field of the wrong form', files: { [HARBOUR]: story({ slug: 'Harbour_Wall' }) } },
      { name: 'two articles with one address', files: { 'articles/2025/2025-03-15-harbour-wall.md': story({ title: 'Again' }) } },
      { name: 'an author file name that makes no slug', files: { 'authors/Jane Doe.md': md({ name: 'Jane' }) } },
      { name: 'a section slug Windows reserves', files: { 'categories/con.md': md({ name: 'Con' }) } },
      { name: 'a tag without letters', files: { [HARBOUR]: story({ tags: '["!!!"]' }) } },
      { name: 'a tag too long', files: { [HARBOUR]: story({ tags: `[${'word '.repeat(25).trim()}]` }) } },
    ],
  },
  {
    group: 'References to other files',
    cases: [
      { name: 'an unknown section', files: { [HARBOUR]: story({ category: 'nws' }) } },
      { name: 'a section in capitals', files: { [HARBOUR]: story({ category: 'New' }) } },
      { name: 'an unknown author', files: { [HARBOUR]: story({ authors: '[jane-do]' }) } },
      { name: 'an author in capitals', files: { [HARBOUR]: story({ authors: '[Jane-Doe]' }) } },
      { name: 'a lead image not in public/', files: { [HARBOUR]: story({ image: '\n  src: /images/harbor-dawn.jpg\n  alt: The harbour at dawn' }) } },
      { name: 'a lead image in other capitals', files: { [HARBOUR]: story({ image: '\n  src: /images/Harbour-Dawn.jpg\n  alt: The harbour at dawn' }) } },
      { name: 'a lead image that is an SVG', files: { [HARBOUR]: story({ image: '\n  src: /images/chart.svg\n  alt: A chart' }) } },
      { name: 'an avatar not in public/', files: { 'authors/jane-doe.md': md({ name: 'Jane Doe', avatar: '/images/avatars/jane-do.jpg' }) } },
      { name: 'a pin to no article', files: { [HARBOUR]: story({ related: '[tram-lin]' }) } },
      { name: 'a pin to itself', files: { [HARBOUR]: story({ related: '[harbour-wall]' }) } },
      { name: 'a pin of the wrong form', files: { [HARBOUR]: story({ related: '[Tram-Line]' }) } },
      { name: 'a pin two sections share', files: { 'articles/2025/2025-03-21-tram-line.md': story({ title: 'Trams', category: 'business' }), [HARBOUR]: story({ related: '[tram-line]' }) } },
      { name: 'a footer page that does not exist', files: { 'site.yml': site('pages: [abut]\n') } },
      { name: 'a footer page listed twice', files: { 'site.yml': site('pages: [about, about]\n') } },
      { name: 'a footer page in capitals', files: { 'site.yml': site('pages: [About]\n') } },
      { name: 'a comment folder in capitals', files: { 'comments/Harbour-Wall/bob.yml': 'name: Bob\ndate: 2025-03-15T11:00\nbody: Hm.\n' } },
      { name: 'one article with a date, author and alt text wrong', files: { [HARBOUR]: story({ date: '2025-02-31', authors: '[jane-do]', image: '\n  src: /images/harbour-dawn.jpg' }) } },
      { name: 'one article with a bad date and a picture in the text without alt text', files: { [HARBOUR]: story({ date: '2025-02-31' }, 'The wall.\n\n![](/images/harbour-dawn.jpg)\n') } },
    ],
  },
  {
    group: 'Addresses and aliases',
    cases: [
      { name: 'an alias that is another page', files: { [HARBOUR]: story({ aliases: '[/news/tram-line/]' }) } },
      { name: "an alias that is the article's own address", files: { [HARBOUR]: story({ aliases: '[/news/harbour-wall/]' }) } },
      { name: 'an alias that is a reserved page', files: { [HARBOUR]: story({ aliases: '[/search/, /feed.xml]' }) } },
      { name: 'an alias that is not a site path', files: { [HARBOUR]: story({ aliases: '[news/old]' }) } },
      { name: 'a section at a reserved address', files: { 'categories/search.md': md({ name: 'Search' }) } },
      { name: 'a page at a section address', files: { 'pages/about.md': md({ title: 'About', permalink: '/news/' }) } },
      { name: 'a redirect to no page', files: { 'site.yml': site('redirects:\n  /old/: /nowhere/\n') } },
      { name: 'a redirect from a page that exists', files: { 'site.yml': site('redirects:\n  /news/: /about/\n') } },
    ],
  },
  {
    group: 'Comments',
    cases: [
      { name: 'comments for no article', files: { 'comments/harbour-wal/1.yml': 'name: Bob\ndate: 2025-03-15T11:00\nbody: Hm.\n' } },
      { name: 'a comment outside an article folder', files: { 'comments/loose.yml': 'name: Bob\ndate: 2025-03-15T11:00\nbody: Hm.\n' } },
      { name: 'a reply to no comment', files: { 'comments/harbour-wall/bob.yml': 'name: Bob\ndate: 2025-03-15T11:00\nbody: Yes.\nreply-to: 2025-03-15-an\n' } },
      { name: 'a reply-to in capitals', files: { 'comments/harbour-wall/bob.yml': 'name: Bob\ndate: 2025-03-15T11:00\nbody: Yes.\nreply-to: 2025-03-15-Ann\n' } },
      { name: 'a reply to itself', files: { 'comments/harbour-wall/bob.yml': 'name: Bob\ndate: 2025-03-15T11:00\nbody: Yes.\nreply-to: bob\n' } },
      {
        name: 'a reply to a reply',
        files: {
          'comments/harbour-wall/bob.yml': 'name: Bob\ndate: 2025-03-15T11:00\nbody: Yes.\nreply-to: 2025-03-15-ann\n',
          'comments/harbour-wall/cat.yml': 'name: Cat\ndate: 2025-03-15T12:00\nbody: No.\nreply-to: bob\n',
        },
      },
      { name: 'a comment without a body', files: { 'comments/harbour-wall/bob.yml': 'name: Bob\ndate: 2025-03-15T11:00\n' } },
      { name: 'a comment file name that is no id', files: { 'comments/harbour-wall/Bob Smith.yml': 'name: Bob\ndate: 2025-03-15T11:00\nbody: Hm.\n' } },
    ],
  },
  {
    group: 'Story bodies',
    cases: [
      { name: 'a picture in the text without alt text', files: { [HARBOUR]: story({}, 'The wall.\n\n![](/images/harbour-dawn.jpg)\n') } },
      { name: 'a body image not in public/', files: { [HARBOUR]: story({}, 'The wall.\n\n![The harbour](/images/harbor-dawn.jpg)\n') } },
      { name: 'a script in the body', files: { [HARBOUR]: story({}, 'The wall.\n\n<script>alert(1)</script>\n') } },
      { name: 'an unknown ::: block', files: { [HARBOUR]: story({}, 'The wall.\n\n:::sidebar\nMore.\n:::\n') } },
      { name: 'a "Read more" block naming no article', files: { [HARBOUR]: story({}, 'The wall.\n\n::readmore{slug="tram-lin"}\n') } },
      { name: 'a "Read more" block with the slug in [ ]', files: { [HARBOUR]: story({}, 'The wall.\n\n::readmore[tram-line]\n') } },
      { name: 'an embed from a provider not allowed', files: { [HARBOUR]: story({}, 'The wall.\n\n::embed{url="https://video.example.com/v/1" title="Clip"}\n') } },
    ],
  },
  {
    group: 'site.yml',
    cases: [
      { name: 'not an http(s) address', files: { 'site.yml': SITE.replace('https://gazette.example.org/', 'gazette.example.org') } },
      { name: 'an unknown timezone', files: { 'site.yml': SITE.replace('Europe/London', 'Europe/Londn') } },
      { name: 'an unknown language tag', files: { 'site.yml': SITE.replace('en-GB', 'english please') } },
      { name: 'a permalink without :slug', files: { 'site.yml': site('permalink: /:category/\n') } },
      { name: 'perPage out of range', files: { 'site.yml': site('').replace('perPage: 2', 'perPage: 0') } },
      { name: 'an unknown setting', files: { 'site.yml': site('titel: Gazette\n') } },
    ],
  },
  {
    group: 'Limits',
    cases: [
      { name: 'more tags than an article may have', files: { [HARBOUR]: story({ tags: `[${Array.from({ length: 51 }, (_, i) => `t${i}`).join(', ')}]` }) } },
      { name: 'more aliases than an article may have', files: { [HARBOUR]: story({ aliases: `[${Array.from({ length: 21 }, (_, i) => `/old/${i}/`).join(', ')}]` }) } },
    ],
  },
  {
    group: 'Warnings that fail only with --strict',
    cases: [{ name: 'an unknown field, with --strict', files: { [HARBOUR]: story({ sumary: 'A typo.' }) }, strict: true }],
  },
];

let root: string;
const results = new Map<string, string>();

/** Write the base newsroom with a case's changes, check it as `check` does, and print its problems as the CLI would. */
async function run(name: string, files: Case['files'], strict: boolean): Promise<string> {
  const caseDir = path.join(root, name.replace(/[^a-z0-9]+/gi, '-'));
  const contentDir = path.join(caseDir, 'content');
  for (const [file, text] of Object.entries({ ...BASE, ...files })) {
    if (text === null) continue;
    mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true });
    writeFileSync(path.join(contentDir, file), file.endsWith('latin1.md') ? Buffer.from(text, 'latin1') : text);
  }
  let problems: Problem[];
  try {
    problems = (await checkContent({ contentDir, publicDir: path.join(root, 'public'), now: NOW, workers: 0, strict })).problems;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems = error.problems;
  }
  // Paths as an editor in the case's folder would see them, in file names and in messages naming another file.
  const here = (text: string) => text.replaceAll(`${displayPath(contentDir)}/`, 'content/');
  return problems.map((problem) => formatProblem({ ...problem, file: here(problem.file), message: here(problem.message), hint: problem.hint && here(problem.hint) })).join('\n');
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'broadsheet-problem-table-'));
  for (const file of PUBLIC) {
    mkdirSync(path.dirname(path.join(root, 'public', file)), { recursive: true });
    writeFileSync(path.join(root, 'public', file), file.endsWith('.svg') ? '<svg xmlns="http://www.w3.org/2000/svg"/>' : 'not encoded by any case');
  }
  for (const { cases } of GROUPS) for (const { name, files, strict } of cases) results.set(name, await run(name, files, strict ?? false));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The table as Markdown: a heading per group and per case, and the case's problem lines as `check` prints them. */
function table(): string {
  const lines = ['# Every problem `check` gives an editor', '', 'Written by tests/content/problem-table.test.ts (UPDATE=1); each case is the base newsroom there with a few files changed.', ''];
  for (const { group, cases } of GROUPS) {
    lines.push(`## ${group}`, '');
    for (const { name } of cases) lines.push(`### ${name}`, '', '```text', results.get(name) ?? '', '```', '');
  }
  return lines.join('\n');
}

describe('every message kind, with its exact text', () => {
  test('the base newsroom has no problem at all', async () => {
    expect(await run('base', {}, true)).toBe('');
  });

  test('each case gives at least one problem, and every one names a file', () => {
    const silent = [...results].filter(([, printed]) => printed === '').map(([name]) => name);
    expect(silent).toEqual([]);
    const names = GROUPS.flatMap(({ cases }) => cases.map((c) => c.name));
    expect(new Set(names).size).toBe(names.length);
  });

  test('no message quotes a library: zod, luxon, Node', () => {
    const printed = [...results.values()].join('\n');
    expect(printed).not.toMatch(/of type number|you specified|Invalid input|expected string|received|ERR_|TypeError|at Object\./);
  });

  test('the table matches tests/fixtures/problems/expected.md', () => {
    const actual = table();
    if (UPDATE) {
      mkdirSync(path.dirname(EXPECTED), { recursive: true });
      writeFileSync(EXPECTED, actual);
    } else if (!existsSync(EXPECTED)) {
      throw new Error(`${displayPath(EXPECTED)} is missing: run the test with UPDATE=1 to write it`);
    }
    expect(actual).toBe(readFileSync(EXPECTED, 'utf8'));
  });
});
