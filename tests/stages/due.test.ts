import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lastPublishTime, publishRecordPath, recordPublishTime } from '../../src/publish/publish-record.js';
import { describeDue, dueExitCode, findDue, type DueOptions } from '../../src/stages/due.js';
import { writeNewsroom } from '../helpers/newsroom.js';
import { validArticle } from '../helpers/sources.js';

/*
 * Where `due`'s window starts, in this process: a small newsroom with a
 * story out on 1 December and one at 20:00 on 5 December (London = UTC in
 * winter), and the record a build leaves in the cache folder.
 */
const at = (iso: string) => Date.parse(iso);
const STORY = '2025-12-05T20:00:00Z';
let root: string;
let options: DueOptions;
let cwd: string;

beforeAll(() => {
  root = writeNewsroom({
    'budget.md': validArticle({ title: 'Budget agreed', date: '2025-12-01T09:00:00' }),
    'ferry.md': validArticle({ title: 'Ferry returns', date: '2025-12-05T20:00:00' }),
  });
  options = { contentDir: path.join(root, 'content'), outDir: path.join(root, '_site'), cacheDir: path.join(root, 'cache'), workers: 0 };
  // Files and folders are shown relative to the working folder, as the CLI shows them; put back after.
  cwd = process.cwd();
  process.chdir(root);
});
afterAll(() => {
  process.chdir(cwd);
  rmSync(root, { recursive: true, force: true });
});

type BuildRecord = { none: true } | { at: string } | { text: string };

/** `due` as of `now`, after `record` was left in the cache: none, a build's, or a file's text. */
async function dueWith(record: BuildRecord, now: string, extra: Partial<DueOptions> = {}) {
  const file = publishRecordPath(options.cacheDir!, options.outDir);
  rmSync(file, { force: true });
  if ('at' in record) recordPublishTime(options.cacheDir!, options.outDir, at(record.at));
  if ('text' in record) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, record.text);
  }
  const report = await findDue({ ...options, now: at(now), ...extra });
  const { window, listed } = describeDue(report, options);
  return { code: dueExitCode(report), since: window[0], listed };
}

describe('the record of the last build', () => {
  test('is read back as written, per output folder; none for another folder', () => {
    recordPublishTime(options.cacheDir!, options.outDir, at(STORY));
    expect(lastPublishTime(options.cacheDir!, options.outDir)).toBe(at(STORY));
    expect(lastPublishTime(options.cacheDir!, path.join(root, 'elsewhere'))).toBeUndefined();
  });
});

describe("where due's window starts", () => {
  test('the recorded build: before the story, nothing is due (3); after it, the story is (0)', async () => {
    expect(await dueWith({ at: '2025-12-05T15:32:00Z' }, '2025-12-05T19:00:00Z')).toMatchObject({ code: 3, listed: [`next  ${STORY}  content/articles/ferry.md  Ferry returns`] });
    expect(await dueWith({ at: '2025-12-05T15:32:00Z' }, '2025-12-06T00:01:00Z')).toEqual({
      code: 0,
      since: 'since 2025-12-05T15:32:00Z  the last build into _site',
      listed: [`due   ${STORY}  content/articles/ferry.md  Ferry returns`, 'next  none: no story is scheduled'],
    });
  });

  test('--since wins over the record', async () => {
    expect(await dueWith({ at: '2025-12-06T00:00:00Z' }, '2025-12-06T00:01:00Z', { since: at('2025-11-30T00:00:00Z') })).toMatchObject({
      code: 0,
      since: 'since 2025-11-30T00:00:00Z',
      listed: ['due   2025-12-01T09:00:00Z  content/articles/budget.md  Budget agreed', `due   ${STORY}  content/articles/ferry.md  Ferry returns`, 'next  none: no story is scheduled'],
    });
  });

  test.each([
    ['no record', { none: true } as BuildRecord, 'since none: no build into _site is recorded in cache'],
    ['a damaged record', { text: '{"publishedAt":' }, 'since none: the record of the last build into _site in cache cannot be read; the next build writes it again'],
    ['a record without a time', { text: '{"publishedAt":"soon"}' }, 'since none: the record of the last build into _site in cache cannot be read; the next build writes it again'],
    ['a record of a build as of a later moment', { at: '2031-01-01T00:00:00Z' }, 'since none: the last build into _site was as of 2031-01-01T00:00:00Z, after 2025-12-06T00:01:00Z'],
  ])('%s: nothing is listed as due, and the answer is to build (0)', async (_case, record, since) => {
    expect(await dueWith(record, '2025-12-06T00:01:00Z')).toEqual({ code: 0, since, listed: ['next  none: no story is scheduled'] });
  });

  test('without a cache folder (--no-cache) there is no record to read', async () => {
    const report = await findDue({ ...options, cacheDir: undefined, now: at('2025-12-06T00:01:00Z') });
    expect(dueExitCode(report)).toBe(0);
    expect(describeDue(report, { outDir: options.outDir }).window[0]).toBe('since none: no build into _site is recorded (--no-cache keeps no record)');
  });
});
