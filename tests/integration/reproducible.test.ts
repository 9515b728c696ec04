import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { sha256, sha256Manifest } from '../helpers/manifest.js';
import { copySharedCache, copySharedImages } from '../helpers/shared-sample.js';
import { readSite, text } from '../helpers/site-output.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONTENT = path.join(ROOT, 'content');
// The compiled CLI, as an operator runs it; `npm test` compiles it first.
const CLI = path.join(ROOT, 'dist', 'cli.js');

const epoch = (iso: string): string => String(Date.parse(iso) / 1000);
// Publish times (--at): both after every sample article but the 2031 one,
// and years apart so that a year or month taken from the publish time would
// show up in the manifest. PINNED_B is already New Year's Day 2031 in Kiritimati.
const PINNED_A = '2027-01-04T03:00:00Z';
const PINNED_B = '2030-12-31T23:59:59Z';
const AFTER_LIGHTHOUSE = '2031-05-02T00:00:00Z';
// SOURCE_DATE_EPOCH as the old advice set it, to a commit time: one after
// the 2031 story, one before. It may decide nothing, and change no byte.
const COMMIT_AFTER_LIGHTHOUSE = { SOURCE_DATE_EPOCH: epoch('2031-06-01T00:00:00Z') };
const COMMIT_BEFORE = { SOURCE_DATE_EPOCH: epoch('2026-01-01T00:00:00Z') };

// Opposite sides of the date line, one with a half-hour offset, and different locales.
const KIRITIMATI = { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' };
const ST_JOHNS = { TZ: 'America/St_Johns', LANG: 'C', LC_ALL: 'C' };

const LIGHTHOUSE = { file: 'articles/2031/2031-05-01-kestrel-point-lighthouse-bicentenary.md', url: '/culture/kestrel-point-lighthouse-bicentenary/' };
const DRAFT_URL = '/news/harbour-board-chief-executive-to-step-down/';

interface Build {
  dir: string;
  manifest: string;
  stdout: string;
}

let cloneA: string;
let cloneB: string;
type BuildName = 'a' | 'bCold' | 'bWarm' | 'nowA' | 'nowB' | 'future';
const builds = new Map<BuildName, Build>();
let nowStarted: [number, number];
const built = (name: BuildName): Build => {
  const found = builds.get(name);
  if (!found) throw new Error(`build ${name} did not run`);
  return found;
};

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: compile with npx tsc -p tsconfig.build.json`);
  cloneA = mkdtempSync(path.join(tmpdir(), 'broadsheet-clone-a-'));
  cloneB = mkdtempSync(path.join(tmpdir(), 'broadsheet-clone-b-'));
  cpSync(CONTENT, path.join(cloneA, 'content'), { recursive: true });
  // Clone A starts from the shared build's cache (made in-process from the
  // TypeScript sources), clone B with no renderings and one image to encode
  // (the others are the shared build's): the two must still agree.
  copySharedCache(path.join(cloneA, 'cache'));
  copySharedImages(path.join(cloneB, 'cache'), { forget: 1 });
  copyScrambled(CONTENT, path.join(cloneB, 'content'));

  builds.set('a', await buildSite(cloneA, 'site', { ...KIRITIMATI, ...COMMIT_AFTER_LIGHTHOUSE }, PINNED_A));
  builds.set('bCold', await buildSite(cloneB, 'site', { ...ST_JOHNS, ...COMMIT_BEFORE }, PINNED_B));
  // Same cache, fresh output: every page is written again from cached renderings.
  rmSync(path.join(cloneB, 'site'), { recursive: true });
  builds.set('bWarm', await buildSite(cloneB, 'site', ST_JOHNS, PINNED_B));

  const first = Date.now();
  builds.set('nowA', await buildSite(cloneA, 'site-now', KIRITIMATI));
  // Built in the two seconds between the two real-clock builds, rather than sleeping through them.
  builds.set('future', await buildSite(cloneA, 'site-future', { ...ST_JOHNS, ...COMMIT_BEFORE }, AFTER_LIGHTHOUSE));
  await sleep(first + 2000 - Date.now());
  const second = Date.now();
  builds.set('nowB', await buildSite(cloneB, 'site-now', ST_JOHNS));
  nowStarted = [first, second];
});

afterAll(() => {
  for (const dir of [cloneA, cloneB]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('reproducible builds', () => {
  test('two clones built under different TZ, LANG, publish times (--at), SOURCE_DATE_EPOCH and file times are byte-identical, cold or warm, with an image encoded again', () => {
    const lines = built('a').manifest.split('\n').filter(Boolean);
    console.log(`reproducible: ${lines.length} files, manifest sha256 ${sha256(built('a').manifest)}`);
    expect(lines.length).toBeGreaterThan(100);

    expect(built('bCold').manifest).toBe(built('a').manifest);
    expect(built('bWarm').manifest).toBe(built('a').manifest);
    // The warm build really took its renderings from the cache.
    const cold = renderCounts(built('bCold').stdout);
    expect(cold.rendered).toBeGreaterThan(0);
    expect(renderCounts(built('bWarm').stdout)).toEqual({ rendered: cold.rendered, fromCache: cold.rendered });
    expect(cold.fromCache).toBe(0);
    // Clone A encoded no image: the compiled CLI reads images the TypeScript sources encoded.
    expect(built('a').stdout).toMatch(/^ {2}images +(\d+) images ready +\d+ ms {2}\(0 encoded, \1 from cache\)$/m);
    // Clone B encoded one again, under another TZ and locale, to the same bytes.
    expect(built('bCold').stdout).toMatch(/^ {2}images +\d+ images ready +\d+ ms {2}\(1 encoded, \d+ from cache\)$/m);
  });

  test('without --at, on the real clock, two builds seconds apart are byte-identical', () => {
    expect(nowStarted[1] - nowStarted[0]).toBeGreaterThanOrEqual(2000);
    expect(built('nowB').manifest).toBe(built('nowA').manifest);
  });

  test("a date written without an offset is shown in the site's timezone, whatever the machine's", () => {
    const site = parseYaml(readFileSync(path.join(CONTENT, 'site.yml'), 'utf8')) as { timezone: string; language: string };
    const cases = [
      // Summer time in London; read as St John's time it would be shown on the next day.
      { file: 'articles/2026/2026-07-24-folk-night-at-the-net-loft.md', url: '/culture/folk-night-at-the-net-loft/' },
      { file: 'articles/2024/2024-12-03-storm-floods-brackley-sands-seafront.md', url: '/news/storm-floods-brackley-sands-seafront/' },
      // A day without a time of day is midnight in the site's timezone.
      { file: 'articles/2025/2025-10-30-gullhaven-library-reopens.md', url: '/culture/gullhaven-library-reopens/' },
    ];
    const sites = [readSite(built('a').dir), readSite(built('bCold').dir)];
    for (const { file, url } of cases) {
      const written = frontMatterDate(file);
      expect(written, file).not.toMatch(/(Z|[+-]\d\d:?\d\d)$/);
      const date = DateTime.fromISO(written, { zone: site.timezone, locale: site.language });
      const iso = date.toISO({ suppressMilliseconds: true });
      const display = date.toFormat(written.length > 10 ? "d MMMM yyyy 'at' HH:mm" : 'd MMMM yyyy');
      // Each case tells the zones apart, so a build using the machine's TZ would fail it.
      for (const zone of [KIRITIMATI.TZ, ST_JOHNS.TZ]) expect(DateTime.fromISO(written, { zone }).toISO({ suppressMilliseconds: true })).not.toBe(iso);

      for (const output of sites) {
        const time = output.page(url)('.story-header time').first();
        expect([time.attr('datetime'), text(time.text())], `${url} in ${output.dir}`).toEqual([iso, display]);
      }
    }
  });

  test('--at is the publish time: past the 2031 article, that article is published, whatever SOURCE_DATE_EPOCH says', () => {
    const site = parseYaml(readFileSync(path.join(CONTENT, 'site.yml'), 'utf8')) as { timezone: string };
    const published = (file: string) => DateTime.fromISO(frontMatterDate(file), { zone: site.timezone }).toSeconds();
    const others = listFiles(path.join(CONTENT, 'articles'))
      .map((file) => `articles/${file}`)
      .filter((file) => file !== LIGHTHOUSE.file);
    const seconds = (iso: string) => Date.parse(iso) / 1000;
    expect(Math.max(...others.map(published))).toBeLessThan(seconds(PINNED_A));
    expect(published(LIGHTHOUSE.file)).toBeGreaterThan(seconds(PINNED_B));
    expect(published(LIGHTHOUSE.file)).toBeLessThan(seconds(AFTER_LIGHTHOUSE));
    // The commit times bracket the story: set as the publish time, each would have decided the other way.
    expect(published(LIGHTHOUSE.file)).toBeLessThan(Number(COMMIT_AFTER_LIGHTHOUSE.SOURCE_DATE_EPOCH));
    expect(published(LIGHTHOUSE.file)).toBeGreaterThan(Number(COMMIT_BEFORE.SOURCE_DATE_EPOCH));

    const pinned = readSite(built('a').dir);
    const future = readSite(built('future').dir);
    expect(pinned.pages.has(LIGHTHOUSE.url)).toBe(false);
    expect(text(future.page(LIGHTHOUSE.url)('h1').text())).toBe('Kestrel Point lighthouse marks two hundred years of guiding ships home');
    const home = future.page('/');
    expect(home(`a[href="${LIGHTHOUSE.url}"]`).length).toBeGreaterThan(0);
    // A draft stays out whatever the build time.
    for (const output of [pinned, future, readSite(built('nowA').dir)]) expect(output.pages.has(DRAFT_URL), output.dir).toBe(false);
  });
});

/** Build `clone` into `out` with the compiled CLI, as of `at` (the real clock when not given). */
async function buildSite(clone: string, out: string, env: Record<string, string>, at?: string): Promise<Build> {
  const dir = path.join(clone, out);
  // Only PATH is inherited, so no SOURCE_DATE_EPOCH, TZ or locale leaks in from the test's own environment.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [CLI, 'build', '--content', path.join(clone, 'content'), '--out', dir, '--cache-dir', path.join(clone, 'cache'), ...(at ? ['--at', at] : [])],
    { cwd: clone, env: { PATH: process.env.PATH ?? '', ...env } },
  );
  return { dir, manifest: sha256Manifest(dir), stdout };
}

/** Copy `from` into `to` file by file in reverse order, each file with its own old modification time. */
function copyScrambled(from: string, to: string): void {
  const files = listFiles(from).reverse();
  for (const file of files) {
    mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    copyFileSync(path.join(from, file), path.join(to, file));
  }
  for (const [index, file] of files.entries()) {
    const time = new Date(Date.UTC(2001, 0, 1) + index * 37 * 86_400_000 + index * 4_321_000);
    utimesSync(path.join(to, file), time, time);
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** The `date` an editor wrote in an article's front matter, as text. */
function frontMatterDate(file: string): string {
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path.join(CONTENT, file), 'utf8'))?.[1];
  const data = parseYaml(block ?? '') as { date?: unknown };
  if (typeof data.date !== 'string') throw new Error(`${file}: no date in front matter`);
  return data.date;
}

function renderCounts(stdout: string): { rendered: number; fromCache: number } {
  const match = /render\s+(\d+) Markdown files rendered.*\((\d+) from cache\)/.exec(stdout);
  if (!match) throw new Error(`no render line in:\n${stdout}`);
  return { rendered: Number(match[1]), fromCache: Number(match[2]) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
