import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readSite, text, type BuiltSite } from '../helpers/site-output.js';

/*
 * The publish clock through the compiled command line, on a copy of a small
 * newsroom: a story published on 6 May, a draft, and the regatta story
 * scheduled for 20 June 2025 at 09:00 in London (08:00 UTC). A publish on
 * 1 June, `due` before and after the regatta's time, a publish after it,
 * and `due` again. SOURCE_DATE_EPOCH is set as the old advice had it, to a
 * commit time, and must decide nothing.
 */
const CLI = path.resolve('dist/cli.js');
const FIXTURE = path.resolve('tests/fixtures/model/drafts-and-future-shown/content');
const REGATTA = {
  file: 'content/articles/2025-06-20-regatta-moves-date.md',
  url: '/harbour/regatta-moves-date/',
  line: '2025-06-20T08:00:00Z  content/articles/2025-06-20-regatta-moves-date.md  Saltmere regatta moves to July',
};
const FIRST_PUBLISH = '2025-06-01T12:00:00Z';
const BEFORE = '2025-06-10T00:00:00Z';
const AFTER = '2025-06-21T00:01:00Z';
const epoch = (iso: string) => String(Date.parse(iso) / 1000);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let root: string;
const runs = new Map<string, Run>();
const sites = new Map<string, BuiltSite>();
const ran = (name: string): Run => {
  const found = runs.get(name);
  if (!found) throw new Error(`${name} did not run`);
  return found;
};

function broadsheet(env: Record<string, string>, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'broadsheet-clock-'));
  cpSync(FIXTURE, path.join(root, 'content'), { recursive: true });
  const none = {};
  // In the order a newsroom meets them; every build goes into _site with the cache in .cache/broadsheet.
  runs.set('due, never built', broadsheet(none, 'due', '--at', FIRST_PUBLISH));
  // The commit time is after the regatta: once, that published it.
  runs.set('build at the first publish', broadsheet({ SOURCE_DATE_EPOCH: epoch(AFTER) }, 'build', '--at', FIRST_PUBLISH, '--quiet'));
  sites.set('first', readSite(path.join(root, '_site')));
  runs.set('due before', broadsheet(none, 'due', '--at', BEFORE));
  runs.set('due in a given window', broadsheet(none, 'due', '--since', FIRST_PUBLISH, '--at', AFTER));
  runs.set('due after', broadsheet(none, 'due', '--at', AFTER));
  // The commit time is before the regatta: once, that kept it back.
  runs.set('build after', broadsheet({ SOURCE_DATE_EPOCH: epoch(FIRST_PUBLISH) }, 'build', '--at', AFTER, '--quiet'));
  sites.set('after', readSite(path.join(root, '_site')));
  runs.set('due after the publish', broadsheet(none, 'due', '--at', '2025-06-21T06:00:00+01:00'));
  runs.set('due, bad --at', broadsheet(none, 'due', '--at', '2025-06-21 00:01'));
  runs.set('build, bad --at', broadsheet(none, 'build', '--at', '21/06/2025'));
  writeFileSync(path.join(root, 'content/articles/2025-06-22-broken.md'), '---\ntitle: Broken\ndate: 2025-06-22T09:00:00\nauthors: [nobody]\ncategory: harbour\n---\nText.\n');
  runs.set('due, content error', broadsheet(none, 'due', '--at', AFTER));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

const lines = (run: Run) => run.stdout.split('\n').filter(Boolean);

describe('broadsheet due', () => {
  test('with no build recorded: exits 0 (build to be safe), lists nothing as due and names the next story', () => {
    const run = ran('due, never built');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(lines(run)).toEqual([
      'since none: no build into _site is recorded in .cache/broadsheet',
      `at    ${FIRST_PUBLISH}`,
      `next  ${REGATTA.line}`,
      '✔ no last build is known: build and publish to be safe',
    ]);
  });

  test('before the story\'s time: nothing became due since the last build (exit 3), and the story is next', () => {
    const run = ran('due before');
    expect([run.code, run.stderr]).toEqual([3, '']);
    expect(lines(run)).toEqual([`since ${FIRST_PUBLISH}  the last build into _site`, `at    ${BEFORE}`, `next  ${REGATTA.line}`, '✔ nothing became due: no build needed']);
  });

  test('--since before and --at after its time: the story is due (exit 0)', () => {
    const run = ran('due in a given window');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(lines(run)).toEqual([`since ${FIRST_PUBLISH}`, `at    ${AFTER}`, `due   ${REGATTA.line}`, 'next  none: no story is scheduled', '✔ 1 story became due: build and publish']);
  });

  test('after its time, since the last build as recorded: the story is due (exit 0)', () => {
    const run = ran('due after');
    expect(run.code).toBe(0);
    expect(lines(run).filter((line) => /^(due|next) /.test(line))).toEqual([`due   ${REGATTA.line}`, 'next  none: no story is scheduled']);
  });

  test('after the publish that put it out: not due again (exit 3)', () => {
    const run = ran('due after the publish');
    expect([run.code, run.stderr]).toEqual([3, '']);
    expect(lines(run)).toEqual([`since ${AFTER}  the last build into _site`, 'at    2025-06-21T05:00:00Z', 'next  none: no story is scheduled', '✔ nothing became due: no build needed']);
  });

  test('content with an error: exit 1, the problem named, no verdict', () => {
    const run = ran('due, content error');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('content/articles/2025-06-22-broken.md:4:11 error: unknown author "nobody"');
    expect(run.stdout).not.toMatch(/^(due|next|✔)/m);
  });
});

describe('--at', () => {
  test('a build publishes as of --at, whatever SOURCE_DATE_EPOCH says', () => {
    for (const name of ['build at the first publish', 'build after']) expect(ran(name), name).toEqual({ code: 0, stdout: '', stderr: '' });
    const first = sites.get('first')!;
    const after = sites.get('after')!;
    // SOURCE_DATE_EPOCH was after the story: it stayed out.
    expect(first.pages.has(REGATTA.url)).toBe(false);
    expect(first.page('/')(`a[href="${REGATTA.url}"]`).length).toBe(0);
    // SOURCE_DATE_EPOCH was before the story: it is out, on its page and on the home page, without a banner.
    expect(text(after.page(REGATTA.url)('h1').text())).toBe('Saltmere regatta moves to July');
    expect(after.page(REGATTA.url)('.banner').length).toBe(0);
    expect(after.page('/')(`a[href="${REGATTA.url}"]`).length).toBeGreaterThan(0);
    // A draft stays out at any time.
    expect(after.pages.has('/harbour/harbour-wall-survey/')).toBe(false);
    // A publish build: crawlers welcome.
    expect(after.page(REGATTA.url)('meta[name="robots"]').length).toBe(0);
    expect(readFileSync(path.join(after.dir, 'robots.txt'), 'utf8')).toMatch(/^User-agent: \*\nAllow: \/\n/);
  });

  test('a moment without a zone, or not in ISO 8601, is a usage error naming it and the form expected', () => {
    const form = 'give an ISO 8601 date and time with its zone, such as 2026-12-05T14:00:00Z or 2026-12-05T15:00+01:00';
    expect(ran('due, bad --at')).toEqual({ code: 2, stdout: '', stderr: `--at "2025-06-21 00:01" is not a moment Broadsheet can read: ${form}\n` });
    expect(ran('build, bad --at')).toEqual({ code: 2, stdout: '', stderr: `--at "21/06/2025" is not a moment Broadsheet can read: ${form}\n` });
  });
});
