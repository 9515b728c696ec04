import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, expect, test } from 'vitest';
import { copySharedCache, sharedSample } from '../helpers/shared-sample.js';
import { readSite, text } from '../helpers/site-output.js';

/*
 * Kill the compiled CLI at random moments of a build and check that the
 * output is always one whole site: the one before the build, or (when the
 * kill came after the swap) the one it was building, never a mix. Each run
 * is printed: its delay, the stage the build was in and the site it left.
 * KILL_SEED=<n> draws other delays, KILLS=<n> more of them; the same seed draws the same fractions
 * of the measured build time.
 */

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../content', import.meta.url));
// Nine: one in each ninth of a build, so that kills land in rendering, images,
// writing, indexing and the swap on every run (the stages of a few tens of ms,
// loading, validating and modelling, only by chance); KILLS=<n> kills more often.
const KILLS = Number(process.env.KILLS ?? 9);
const SEED = Number(process.env.KILL_SEED ?? 1);
// A fixed publish time, so that two builds of the same content give the
// same bytes; 2027-01-01 publishes every sample article but the one dated 2031.
const AT = ['--at', '2027-01-01T00:00:00Z'];

// Neither is pinned in `related:` nor linked from another article.
const DELETED = { file: 'articles/2025/2025-07-20-estuary-regatta-results.md', url: '/sport/estuary-regatta-results/' };
const RETITLED = { file: 'articles/2025/2025-10-30-gullhaven-library-reopens.md', url: '/culture/gullhaven-library-reopens/' };
const NEW_TITLE = 'Gullhaven Library reopens with a makerspace, a sea view and late opening';

const root = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-kill-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const content = path.join(root, 'content');
const site = path.join(root, 'site');
const cache = ['--cache-dir', path.join(root, 'cache')];

type Version = 'old' | 'new';
const deletedSource = readFileSync(path.join(SAMPLE, DELETED.file), 'utf8');
const retitledSource = readFileSync(path.join(SAMPLE, RETITLED.file), 'utf8');
const titleOf = (source: string): string => /^title: (.+)$/m.exec(source)?.[1] ?? '';

function useContent(version: Version): void {
  if (version === 'old') writeFileSync(path.join(content, DELETED.file), deletedSource);
  else rmSync(path.join(content, DELETED.file), { force: true });
  writeFileSync(path.join(content, RETITLED.file), version === 'old' ? retitledSource : retitledSource.replace(/^title: .+$/m, `title: ${NEW_TITLE}`));
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  stdout: string;
  stderr: string;
}

/** Run `broadsheet build` into `out`, killing it after `killAfterMs` if given; resolves once the process is gone. */
function build(out: string, args: string[], killAfterMs?: number): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'build', '--content', content, '--out', out, ...AT, ...args], { cwd: root });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - started, stdout, stderr });
    });
  });
}

/** Relative path → SHA-256 of every file below `dir`. */
function manifest(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => !entry.isDirectory())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        const hash = entry.isFile() ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'not a regular file';
        return [path.relative(dir, file).split(path.sep).join('/'), hash];
      }),
  );
}

/**
 * The site a reader gets after a kill. A kill between the two renames of the
 * swap leaves no output folder, only the retired one, which the next build
 * puts back before anything else: then that one is the site.
 */
function servedSite(): { files: Record<string, string>; betweenRenames: boolean } {
  if (existsSync(site)) return { files: manifest(site), betweenRenames: false };
  const retired = readdirSync(root).filter((name) => name.startsWith('site.old-'));
  expect(retired, 'no output folder and no single retired one').toHaveLength(1);
  return { files: manifest(path.join(root, retired[0] ?? '')), betweenRenames: true };
}

/** The stage a run was in when it ended: the one after the last the CLI reported done. */
function stageAtEnd(run: Run): string {
  const stages = ['starting or loading', 'rendering', 'validating', 'encoding images', 'modelling', 'writing or swapping', 'recording the build'];
  const done = [...run.stdout.matchAll(/^ {2}(load|render|validate|images|model|publish) /gm)].length;
  return run.signal ? (stages[done] ?? 'exiting') : `finished in ${run.ms.toFixed(0)} ms`;
}

/** mulberry32: small, seeded, good enough to spread delays. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Some 14 builds: more than the usual limit.
test(`a build killed at ${KILLS} random moments always leaves one whole site`, async () => {
  cpSync(SAMPLE, content, { recursive: true });
  // Images encoded once for the whole run (the shared build's); this test is about the output.
  copySharedCache(path.join(root, 'cache'));
  const first = await build(site, [...cache, '--quiet']);
  expect(first, first.stderr).toMatchObject({ code: 0, stderr: '' });
  const before = readSite(site);
  expect(text(before.page(DELETED.url)('h1').text())).toBe(titleOf(deletedSource));
  expect(text(before.page(RETITLED.url)('h1').text())).toBe(titleOf(retitledSource));

  useContent('new');
  // The new site as a build that never met the old one makes it: the encoded images, and nothing else, from the shared build.
  const freshCache = path.join(root, 'fresh-cache');
  cpSync(path.join(sharedSample().cacheDir, 'images'), path.join(freshCache, 'images'), { recursive: true });
  const fresh = await build(path.join(root, 'fresh'), ['--cache-dir', freshCache, '--quiet']);
  expect(fresh, fresh.stderr).toMatchObject({ code: 0, stderr: '' });
  const sites: Record<Version, Record<string, string>> = { old: manifest(site), new: manifest(path.join(root, 'fresh')) };
  expect(sites.new).not.toEqual(sites.old);

  // The builds to kill reuse the cache, as the first build did: its time is the range of the delays.
  let duration = first.ms;

  // A kill after the swap leaves the new site, whole; the next builds then
  // go back to the old content, so that every kill has a site to break.
  let published: Version = 'old';
  let building: Version = 'new';
  const random = randomFrom(SEED);
  // One delay in each KILLS-th part of a build, in a random order, so that kills
  // land in every stage even where the random numbers happen to cluster.
  const slots = Array.from({ length: KILLS }, (_, slot) => ({ slot, order: random() }))
    .sort((a, b) => a.order - b.order)
    .map(({ slot }) => slot);
  const log: string[] = [];
  let kills = 0;
  try {
    for (let run = 1; kills < KILLS; run++) {
      expect(run, 'too many builds finished before their kill came').toBeLessThanOrEqual(KILLS * 2);
      const delay = Math.round((((slots[(run - 1) % KILLS] ?? 0) + random()) / KILLS) * duration);
      const result = await build(site, cache, delay);
      const served = servedSite();
      const outcome = (['old', 'new'] as const).find((version) => isDeepStrictEqual(served.files, sites[version]));
      log.push(`${String(delay).padStart(5)} ms  ${stageAtEnd(result).padEnd(20)} → ${outcome ?? 'MIXED'} site${served.betweenRenames ? ' (between the renames)' : ''}`);
      if (outcome === undefined) expect(served.files, `after a build stopped at ${delay} ms, building the ${building} site`).toEqual(sites[published]);
      if (result.signal) {
        expect(result.signal).toBe('SIGKILL');
        kills++;
      } else {
        expect(result, result.stderr).toMatchObject({ code: 0 });
        expect(outcome).toBe(building);
        // Builds got faster (the machine is shared): move the range of delays
        // towards this one, so that later kills still fall within a build.
        duration = (duration + result.ms) / 2;
      }
      if (outcome === building) {
        [published, building] = [building, published];
        useContent(building);
      }
    }
  } finally {
    console.log(`kill test, KILL_SEED=${SEED}, a full build took ${first.ms.toFixed(0)} ms; delay, stage, site left:\n${log.join('\n')}`);
  }

  // A build that finds nothing to publish stops before the swap and its
  // clean-up, so give the last build the new site to publish over the old.
  if (published === 'new') {
    useContent('old');
    const back = await build(site, [...cache, '--quiet']);
    expect(back, back.stderr).toMatchObject({ code: 0, stderr: '' });
    expect(manifest(site)).toEqual(sites.old);
  }
  useContent('new');
  const last = await build(site, [...cache, '--quiet']);
  expect(last, last.stderr).toMatchObject({ code: 0, stderr: '' });
  // Of the killed builds' folders nothing is left; the site before this one is the next build's spare.
  expect(readdirSync(root).filter((name) => name.startsWith('site.'))).toEqual(['site.spare']);
  expect(manifest(site)).toEqual(sites.new);
  const after = readSite(site);
  expect(after.pages.has(DELETED.url)).toBe(false);
  for (const [url, page] of after.pages) expect(text(page('body').text()), url).not.toContain(titleOf(deletedSource));
  expect(text(after.page(RETITLED.url)('h1').text())).toBe(NEW_TITLE);
}, 300_000);
