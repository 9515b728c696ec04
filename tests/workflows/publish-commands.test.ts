import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { manifestPath, readManifest } from '../../src/publish/manifest.js';
import { packageCopy } from '../helpers/package-copy.js';
import { copySharedCache, sharedSample } from '../helpers/shared-sample.js';
import { jobOf, readWorkflow, runSteps, stepUsing, type Job, type StepRun } from './workflow-files.js';

/*
 * The build job of publish.yml, run as a push to main would run it, on a
 * copy of the sample newsroom: its `run:` steps in their order, from the
 * workflow file. `npm ci` is not run (the copy links the installed
 * node_modules and the compiled dist/); the shared build's cache stands in
 * for what actions/cache restores, and a project site's address for what
 * actions/configure-pages answers.
 */

const PAGES_URL = 'https://newsroom.github.io/courier';

const job = jobOf(readWorkflow('publish.yml'), 'build');
const copy = packageCopy({});
const root = path.dirname(copy.publicDir);
let runs: StepRun[];

beforeAll(() => {
  cpSync(sharedSample().contentDir, path.join(root, 'content'), { recursive: true });
  copySharedCache(path.join(root, '.cache/broadsheet'));
  runs = runSteps(job, { cwd: root, skip: ['npm ci'], expressions: { 'steps.pages.outputs.base_url': PAGES_URL } });
});
afterAll(() => copy.remove());

const page = (file: string) => cheerio.load(readFileSync(path.join(root, '_site', file), 'utf8'));

test('every step succeeds, with no problem to annotate', () => {
  expect(runs.map((step) => [step.run, step.status])).toEqual([
    [`echo "version=$(node -p 'require(\"./package.json\").version')" >> "$GITHUB_OUTPUT"`, 0],
    ['node dist/cli.js build --base-url "$PAGES_URL" --format github', 0],
  ]);
  expect(runs.flatMap((step) => step.stdout.split('\n').filter((line) => line.startsWith('::')))).toEqual([]);
});

test("the site is built for the address Pages gives it, a project site's sub-path included", () => {
  const $ = page('index.html');
  expect($('link[rel="canonical"]').attr('href')).toBe(`${PAGES_URL}/`);
  const internal = $('a[href^="/"]')
    .map((_, a) => $(a).attr('href'))
    .get();
  expect(internal.length).toBeGreaterThan(10);
  expect(internal.filter((href) => !href.startsWith('/courier/'))).toEqual([]);
});

test('what is uploaded (_site/) holds the published stories only: no draft, no story dated after now', () => {
  expect(existsSync(path.join(root, '_site/news/brackley-sands-sea-wall-rebuild-plan/index.html'))).toBe(true);
  expect(existsSync(path.join(root, '_site/news/harbour-board-chief-executive-to-step-down'))).toBe(false);
  expect(existsSync(path.join(root, '_site/culture/kestrel-point-lighthouse-bicentenary'))).toBe(false);
});

test('the folder the workflow caches holds the manifest of this build, for the next run to take over', () => {
  expect(stepUsing(job, 'actions/cache').with?.path).toBe('.cache');
  const manifest = readManifest(manifestPath(path.join(root, '.cache/broadsheet'), path.join(root, '_site')));
  expect(Object.keys(manifest?.files ?? {})).toContain('index.html');
});

test("then schedule.yml's due step: nothing due before the lighthouse story's time (the run stops there), the story due at it", () => {
  const due = jobOf(readWorkflow('schedule.yml'), 'due');
  // The step as written, with the moment given: the workflow runs it on the real clock.
  const asOf = (time: string): Job => ({
    ...due,
    steps: due.steps?.map((step) => (step.id === 'due' ? { ...step, run: step.run?.replace('dist/cli.js due', `dist/cli.js due --at ${time}`) } : step)),
  });
  const story = 'content/articles/2031/2031-05-01-kestrel-point-lighthouse-bicentenary.md  Kestrel Point lighthouse marks two hundred years of guiding ships home';

  const early = runSteps(asOf('2031-05-01T07:59:00Z'), { cwd: root, skip: ['npm ci'] });
  expect(early.map((step) => step.run.includes('due --at 2031-05-01T07:59:00Z'))).toEqual([false, true]);
  expect(early.at(-1)).toMatchObject({ status: 0, outputs: { due: 'false' } });
  expect(early.at(-1)?.stdout).toContain(`next  2031-05-01T08:00:00Z  ${story}`);
  expect(early.at(-1)?.stdout).not.toMatch(/^due /m);

  const onTime = runSteps(asOf('2031-05-01T08:00:00Z'), { cwd: root, skip: ['npm ci'] });
  expect(onTime.at(-1)).toMatchObject({ status: 0, outputs: { due: 'true' } });
  expect(onTime.at(-1)?.stdout).toContain(`due   2031-05-01T08:00:00Z  ${story}`);
});
