import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { manifestPath, readManifest } from '../../src/publish/manifest.js';
import { writeNewsroom } from '../helpers/newsroom.js';
import { packageCopy } from '../helpers/package-copy.js';
import { jobOf, readWorkflow, runSteps, type StepRun } from './workflow-files.js';

/*
 * Every publish after the first starts on a fresh runner: actions/cache
 * brings back .cache/, whose manifest describes a _site/ that is not there.
 * publish.yml's build steps, run twice on a small newsroom with only .cache/
 * kept in between, must still give the whole site.
 */

const job = jobOf(readWorkflow('publish.yml'), 'build');
const copy = packageCopy({});
const root = path.dirname(copy.publicDir);
const newsroom = writeNewsroom();
const expressions = { 'steps.pages.outputs.base_url': 'https://newsroom.github.io/courier' };
let first: StepRun[];
let second: StepRun[];
let firstFiles: string[];
let restoredManifest: boolean;

const siteFiles = () => readdirSync(path.join(root, '_site'), { recursive: true, encoding: 'utf8' }).sort();

beforeAll(() => {
  cpSync(path.join(newsroom, 'content'), path.join(root, 'content'), { recursive: true });
  first = runSteps(job, { cwd: root, skip: ['npm ci'], expressions });
  firstFiles = siteFiles();
  rmSync(path.join(root, '_site'), { recursive: true });
  restoredManifest = readManifest(manifestPath(path.join(root, '.cache/broadsheet'), path.join(root, '_site'))) !== undefined;
  second = runSteps(job, { cwd: root, skip: ['npm ci'], expressions });
});
afterAll(() => {
  copy.remove();
  rmSync(newsroom, { recursive: true, force: true });
});

test('both publishes succeed', () => {
  expect(first.map((step) => step.status)).toEqual([0, 0]);
  expect(second.map((step) => step.status)).toEqual([0, 0]);
});

test('the second, with only .cache/ restored, writes the whole site again rather than keeping what is not there', () => {
  expect(restoredManifest).toBe(true);
  expect(firstFiles).toContain('index.html');
  expect(siteFiles()).toEqual(firstFiles);
  expect(second[1]?.stdout).not.toContain('nothing changed');
});
