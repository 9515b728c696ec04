import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packageCopy } from '../helpers/package-copy.js';
import { copySharedCache, sharedSample } from '../helpers/shared-sample.js';
import { jobOf, readWorkflow, runSteps, type StepRun } from './workflow-files.js';

/*
 * The check job of check.yml, run as a pull request would run it, on a copy
 * of the sample newsroom: its `run:` steps in their order, from the workflow
 * file itself. `npm ci` is not run (the copy links the installed
 * node_modules and the compiled dist/), and the shared build's cache stands
 * in for what actions/cache/restore would bring back.
 */

const BROKEN = 'content/articles/2025/2025-01-09-fish-market-reopens-after-refurbishment.md';
const DRAFT_PAGE = '_site/news/harbour-board-chief-executive-to-step-down/index.html';

const job = jobOf(readWorkflow('check.yml'), 'check');
const copy = packageCopy({});
const root = path.dirname(copy.publicDir);
let broken: StepRun[];
let fixed: StepRun[];
let dateLine: number;

beforeAll(() => {
  cpSync(sharedSample().contentDir, path.join(root, 'content'), { recursive: true });
  copySharedCache(path.join(root, '.cache/broadsheet'));
  const original = readFileSync(path.join(root, BROKEN), 'utf8');
  const lines = original.split('\n');
  dateLine = lines.findIndex((line) => line.startsWith('date: 2025-01-09')) + 1;
  expect(dateLine).toBeGreaterThan(1);
  writeFileSync(path.join(root, BROKEN), original.replace('date: 2025-01-09', 'date: 2025-02-30'));
  broken = runSteps(job, { cwd: root, skip: ['npm ci'] });
  writeFileSync(path.join(root, BROKEN), original);
  fixed = runSteps(job, { cwd: root, skip: ['npm ci'] });
});
afterAll(() => copy.remove());

const commandLines = (output: string) => output.split('\n').filter((line) => line.startsWith('::'));

describe('a pull request with a broken file', () => {
  test('check fails, and the build after it does not run', () => {
    expect(broken.map((step) => [step.run, step.status])).toEqual([
      [`echo "version=$(node -p 'require(\"./package.json\").version')" >> "$GITHUB_OUTPUT"`, 0],
      ['node dist/cli.js check --format github', 1],
    ]);
    expect(broken[0]?.outputs).toEqual({ version: '0.1.0' });
  });

  test('the problem is an annotation on the file, line and column the text report names', () => {
    const check = broken[1]!;
    const reported = check.stderr.split('\n').filter((line) => line.startsWith(`${BROKEN}:`));
    expect(reported).toHaveLength(1);
    const [, line, column, message] = /^[^:]+:(\d+):(\d+) error: (.*)$/.exec(reported[0]!) ?? [];
    expect(Number(line)).toBe(dateLine);
    expect(message).toContain('"2025-02-30T08:15:00" is not a real date');
    // The hint is the line under the problem in the text report, and follows the message in the annotation.
    const lines = check.stderr.split('\n');
    const hint = lines[lines.indexOf(reported[0]!) + 1]?.replace(/^ {4}hint: /, '');
    expect(hint).toBe('the last day of February 2025 is 2025-02-28');
    expect(commandLines(check.stdout)).toEqual([
      `::error file=${BROKEN},line=${dateLine},col=${column},title=broadsheet check::${message!.replaceAll('%', '%25')}%0Ahint: ${hint!}`,
    ]);
  });
});

describe('the same pull request, fixed', () => {
  test('every step succeeds: check prints no annotation, and the build runs', () => {
    expect(fixed.map((step) => [step.run, step.status])).toEqual([
      [`echo "version=$(node -p 'require(\"./package.json\").version')" >> "$GITHUB_OUTPUT"`, 0],
      ['node dist/cli.js check --format github', 0],
      ['node dist/cli.js build --drafts --future --format github', 0],
    ]);
    expect(fixed.flatMap((step) => commandLines(step.stdout))).toEqual([]);
  });

  test('_site/, which the workflow keeps as the preview, shows drafts and scheduled stories, marked', () => {
    const $ = cheerio.load(readFileSync(path.join(root, DRAFT_PAGE), 'utf8'));
    expect($('h1').first().text()).toBe('Harbour board chief executive expected to step down next spring');
    expect($('.banner').text()).toContain('Draft: not published');
    expect(readdirSync(path.join(root, '_site/culture'))).toContain('kestrel-point-lighthouse-bicentenary');
  });

  test('_site/ has no hidden files, which the upload actions leave out', () => {
    const hidden = readdirSync(path.join(root, '_site'), { recursive: true, encoding: 'utf8' }).filter((file) => file.split(path.sep).some((part) => part.startsWith('.')));
    expect(hidden).toEqual([]);
  });
});
