import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, test } from 'vitest';
import { contentSummary } from '../src/content/content-summary.js';
import { checkContent } from '../src/stages/build.js';
import { ContentError, formatProblem } from '../src/util/problems.js';
import { runCli } from './helpers/cli-in-process.js';
import { writeNewsroom } from './helpers/newsroom.js';

/* `broadsheet new`: the file it writes passes `check --strict` as it is, and nothing is ever replaced. */

const root = writeNewsroom({});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The command line in this process (tests/helpers/cli-in-process.ts). */
const run = (...args: string[]) => runCli(args, { cwd: root, env: { NO_COLOR: '1' } });

const check = (now: number) => checkContent({ contentDir: path.join(root, 'content'), strict: true, workers: 0, now });

/** A path in a message made in this process, as an editor in the newsroom folder sees it. */
const shown = (text: string) => text.replaceAll(`${root}/`, '');

describe('broadsheet new', () => {
  test('writes a story dated now in the site timezone, prints its path, and check --strict passes it with no problem at all', async () => {
    const before = Date.now();
    const { code, stdout, stderr } = await run('new', 'Harbour swing bridge reopens', '--section', 'news', '--author', 'jane-doe');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // The day in London when the command ran (a run across midnight gives either).
    const days = [before, Date.now()].map((ms) => DateTime.fromMillis(ms, { zone: 'Europe/London' }).toFormat('yyyy-MM-dd'));
    expect(days.map((day) => `content/articles/${day.slice(0, 4)}/${day}-harbour-swing-bridge-reopens.md\n`)).toContain(stdout);
    const text = readFileSync(path.join(root, stdout.trim()), 'utf8');
    const date = /^date: (\S+)$/m.exec(text)?.[1] ?? '';
    const written = DateTime.fromISO(date, { zone: 'Europe/London' }).toMillis();
    // To the minute, never after the clock.
    expect(written).toBeLessThanOrEqual(Date.now());
    expect(written).toBeGreaterThan(before - 60_000);

    const { content, problems } = await check(Date.now());
    expect(problems.map(formatProblem)).toEqual([]);
    expect(content.articles.map((article) => [article.title, article.status, article.authors, article.category])).toEqual([['Harbour swing bridge reopens', 'published', ['jane-doe'], 'news']]);
  });

  test('a draft and a story for next week are counted as such', async () => {
    expect(await run('new', 'Council budget leaks', '--section', 'business', '--author', 'sam-roe', '--author', 'jane-doe', '--draft')).toMatchObject({ code: 0 });
    const next = await run('new', 'Ferry timetable changes', '--section', 'news', '--author', 'sam-roe', '--at', '2030-03-11T07:15');
    expect(next).toMatchObject({ code: 0, stdout: 'content/articles/2030/2030-03-11-ferry-timetable-changes.md\n' });
    const now = Date.parse('2030-03-04T12:00:00Z');
    const { content, problems } = await check(now);
    expect(problems).toEqual([]);
    const lines = contentSummary(content, { now, drafts: false, future: false });
    expect(shown(lines[1] ?? '')).toMatch(/^ {2}1 draft, not on the site \(--drafts shows it\): content\/articles\/\d{4}\/\d{4}-\d\d-\d\d-council-budget-leaks\.md$/);
    expect(shown(lines[2] ?? '')).toBe('  1 scheduled, not on the site yet (--future shows it); next 2030-03-11 07:15 Europe/London (content/articles/2030/2030-03-11-ferry-timetable-changes.md)');
  });

  test('refuses to replace a file, and leaves it as it was', async () => {
    const args = ['new', 'Ferry timetable changes', '--section', 'business', '--author', 'jane-doe', '--at', '2030-03-11T07:15'];
    const file = path.join(root, 'content/articles/2030/2030-03-11-ferry-timetable-changes.md');
    const before = readFileSync(file, 'utf8');
    expect(await run(...args)).toEqual({
      code: 1,
      stdout: '',
      stderr: '✖ content/articles/2030/2030-03-11-ferry-timetable-changes.md already exists and is not replaced: edit it, or give another headline\n',
    });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  test('refuses a headline whose address a story of another day in the section has; in another section it is free', async () => {
    const args = ['new', 'Ferry timetable changes', '--author', 'jane-doe', '--at', '2030-03-12'];
    expect(await run(...args, '--section', 'news')).toEqual({
      code: 1,
      stdout: '',
      stderr: '✖ the address /news/ferry-timetable-changes/ is already the address of content/articles/2030/2030-03-11-ferry-timetable-changes.md: give another headline\n',
    });
    const other = path.join(root, 'content/articles/2030/2030-03-12-ferry-timetable-changes.md');
    expect(existsSync(other)).toBe(false);
    expect(await run(...args, '--section', 'business')).toMatchObject({ code: 0, stdout: 'content/articles/2030/2030-03-12-ferry-timetable-changes.md\n' });
    rmSync(other);
  });

  test('a story dated years ahead by mistake is written, and check --strict fails on its warning (as of 2029, the year suggested)', async () => {
    expect(await run('new', 'Sea wall opens', '--section', 'news', '--author', 'jane-doe', '--at', '2062-11-27')).toMatchObject({ code: 0 });
    const failed = await check(Date.parse('2029-12-05T12:00:00Z')).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(ContentError);
    expect((failed as ContentError).problems.map((problem) => shown(formatProblem(problem).split('\n')[0] ?? ''))).toEqual([
      'content/articles/2062/2062-11-27-sea-wall-opens.md:5:1 warning: scheduled for 2062-11-27, more than a year ahead: did you mean 2029?',
    ]);
    rmSync(path.join(root, 'content/articles/2062'), { recursive: true });
  });

  test.each([
    ['an unknown section', ['new', 'Story', '--section', 'nws', '--author', 'jane-doe'], '✖ unknown section "nws": did you mean "news"?\n'],
    ['an unknown author', ['new', 'Story', '--section', 'news', '--author', 'jane'], '✖ unknown author "jane": did you mean "jane-doe"?\n'],
    ['a headline with no letters', ['new', '???', '--section', 'news', '--author', 'jane-doe'], '✖ the headline "???" has no letters or digits to make a web address from\n'],
    ['a content folder that does not exist', ['new', 'Story', '--section', 'news', '--author', 'jane-doe', '--content', 'elsewhere'], '✖ the content folder elsewhere does not exist (pass --content DIR)\n'],
  ])('refuses %s: exit 1, one line, nothing written', async (_case, args, stderr) => {
    expect(await run(...args)).toEqual({ code: 1, stdout: '', stderr });
    expect(existsSync(path.join(root, 'elsewhere'))).toBe(false);
  });

  const USAGE = 'usage: broadsheet new "HEADLINE" --section SECTION --author AUTHOR [--author AUTHOR…] [--draft] [--at TIME] [--content DIR] (the headline in quotes)\n';
  test.each([
    ['no headline', ['new', '--section', 'news', '--author', 'jane-doe'], USAGE],
    ['no section', ['new', 'Story', '--author', 'jane-doe'], USAGE],
    ['no author', ['new', 'Story', '--section', 'news'], USAGE],
    ['a headline not in quotes', ['new', 'Harbour', 'wall', '--section', 'news', '--author', 'jane-doe'], USAGE],
    ['--drafts for --draft', ['new', 'Story', '--section', 'news', '--author', 'jane-doe', '--drafts'], '--drafts is for check, build and serve; new takes --draft\n'],
    [
      'an --at that is no date',
      ['new', 'Story', '--section', 'news', '--author', 'jane-doe', '--at', 'tomorrow'],
      '✖ --at "tomorrow" is not a date: for new it is the story\'s date, in the site\'s timezone unless a zone is given (2026-12-07T09:00Z)\n',
    ],
    ['--draft on check', ['check', '--draft'], '--draft is for new; check takes --drafts\n'],
    ['--section on build', ['build', '--section', 'news'], '--section is for new, not build\n'],
    ['--author on import', ['import', 'wordpress', 'x.xml', '--author', 'jane-doe'], '--author is for new, not import\n'],
  ])('%s is bad usage: exit 2', async (_case, args, stderr) => {
    expect(await run(...args)).toEqual({ code: 2, stdout: '', stderr });
  });
});
