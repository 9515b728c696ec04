import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build, type BuildResult } from '../../src/stages/build.js';

/*
 * A build that skips invalid files keeps its output and cache for the next
 * build, which stops early when nothing changed (skipUnchanged). When a
 * published article becomes invalid, the next build must not keep its page.
 */
const FIXTURE = path.resolve('tests/fixtures/skip-invalid/content');
const NOW = Date.parse('2027-01-15T00:00:00Z');

let root: string;
const builds: BuildResult[] = [];
const pagesAfter: boolean[][] = [];

const TRAM = 'news/tram-opens/index.html';
const HARBOUR = 'news/harbour-wall/index.html';

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'broadsheet-skip-rebuild-'));
  const contentDir = path.join(root, 'content');
  cpSync(FIXTURE, contentDir, { recursive: true });
  const options = { contentDir, outDir: path.join(root, 'site'), cacheDir: path.join(root, 'cache'), now: NOW, workers: 0, skipInvalid: true, skipUnchanged: true };
  const published = () => [TRAM, HARBOUR].map((page) => existsSync(path.join(root, 'site', page)));
  for (const change of [
    () => {},
    // Nothing changed: the build stops after checking the content.
    () => {},
    // The tram story now names an author who has no file.
    () => {
      const file = path.join(contentDir, 'articles/2013-05-07-tram-opens.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('authors: [jane-doe]', 'authors: [nobody]'));
    },
  ]) {
    change();
    builds.push(await build(options));
    pagesAfter.push(published());
  }
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('a build that skips invalid files, built again', () => {
  test('with nothing changed, stops early and leaves the same articles out', () => {
    expect(builds[0]!.output.upToDate).toBe(false);
    expect(builds[1]!.output.upToDate).toBe(true);
    expect(builds[1]!.leftOut).toEqual(builds[0]!.leftOut);
    expect(pagesAfter[1]).toEqual([true, true]);
  });

  test('a published article that became invalid is left out, and its page is gone', () => {
    const names = (files: string[]) => files.map((file) => path.basename(file));
    expect(names(builds[2]!.leftOut.articles)).toEqual(['2013-05-07-tram-opens.md', '2013-05-08-bad-date.md', '2013-05-09-unknown-author.md', '2013-05-10-body-error.md']);
    // Its comment goes with it.
    expect(names(builds[2]!.leftOut.withTheirArticle)).toEqual(['2013-05-10-reader.yml', '2013-05-07-rider.yml']);
    expect(builds[2]!.output.upToDate).toBe(false);
    expect(pagesAfter[2]).toEqual([false, true]);
  });
});
