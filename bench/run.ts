import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { packageCopy } from '../tests/helpers/package-copy.js';
import { benchPicture, generateNewsroom } from './generate-newsroom.js';

/*
 * npm run bench [-- --sizes 1000,10000] [--runs 3] [--full] [--no-serve] [--pictures 40]
 *
 * Times, as whole processes and in one run so that the ratios compare like
 * with like on a noisy machine:
 *   baseline  bare Eleventy 3 over the same Markdown files as templates (markdown-it, one layout)
 *   base+pf   the baseline, then Pagefind's CLI over the pages it made: the peer with search
 *   cold      broadsheet build with no cache and no previous output
 *   warm      broadsheet build again, nothing changed
 *   one-edit  broadsheet build after one article changed
 *   serve     seconds from saving an edited article to the new page being served
 *
 * With --pictures N (default 40; 0 for none): N articles, each with a lead
 * picture of its own, built cold with and without the pictures; per picture,
 * the images stage's seconds and the extra CPU seconds of the whole build.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(ROOT, '.cache', 'bench');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const ELEVENTY = path.join(path.dirname(createRequire(import.meta.url).resolve('@11ty/eleventy')), '..', 'cmd.cjs');
const HOOK = path.join(ROOT, 'bench', 'rusage-hook.cjs');
const PAGEFIND = path.join(ROOT, 'node_modules', '.bin', 'pagefind');
const GENERATOR_VERSION = '2';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '3' },
    full: { type: 'boolean', default: false },
    'no-serve': { type: 'boolean', default: false },
    pictures: { type: 'string', default: '40' },
    /** Give up on the baseline after this many seconds (Eleventy slows down badly at 100k templates). */
    'baseline-timeout': { type: 'string', default: '1800' },
  },
});
// --sizes '' times only the pictures.
const sizes = values.sizes.split(',').filter(Boolean).map(Number);
if (values.full && !sizes.includes(100_000)) sizes.push(100_000);
const runs = Number(values.runs);

interface Measure {
  wallS: number;
  /** CPU seconds of the process and of the processes it started and waited for (Pagefind's indexer). */
  cpuS: number;
  /** Peak RSS of the largest process of the run: the build's own, or Pagefind's indexer when larger. */
  rssMb: number;
  /** Peak RSS of the Node process alone. */
  ownRssMb?: number | undefined;
  /** Seconds spent building the search index, from the build's own `search` stage line; absent when it made none. */
  searchS?: number | undefined;
  /** Seconds of the build's `images` stage (encoding), from its stage line. */
  imagesS?: number | undefined;
  /** Seconds of every stage the build reported (load, render, validate, images, model, publish, search). */
  stagesS?: Record<string, number> | undefined;
}

interface Row {
  articles: number;
  scenario: string;
  runs: Measure[];
  median: Measure;
  /** Why a run failed (e.g. out of memory); failed runs are not in `runs`. */
  failures?: string[];
}

const rows: Row[] = [];
const serveLatencies: Record<number, number[]> = {};

// GNU time reports CPU and peak memory including the child processes a
// build starts (Pagefind's indexer is a separate program); without it only
// the Node process is counted, and the table says so.
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function timed(command: string, args: string[], cwd: string, timeoutS = 0): Measure {
  const usageFile = path.join(WORK, `usage-${process.pid}.json`);
  const treeFile = path.join(WORK, `tree-${process.pid}.txt`);
  rmSync(usageFile, { force: true });
  rmSync(treeFile, { force: true });
  const started = process.hrtime.bigint();
  const [program, programArgs] = GNU_TIME ? [GNU_TIME, ['-f', '%U %S %M', '-o', treeFile, command, ...args]] : [command, args];
  const result = spawnSync(program, programArgs, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: timeoutS * 1000,
    env: { ...process.env, NODE_OPTIONS: `--require ${HOOK}`, BENCH_RUSAGE_FILE: usageFile },
  });
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') throw new Error(`did not finish within ${timeoutS} s`);
  if (result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split('\n');
    throw new Error(`exit ${result.status ?? result.signal} after ${wallS.toFixed(1)} s: ${output.filter((line) => /error|heap|memory/i.test(line)).slice(-2).join(' | ') || output.at(-1)}`);
  }
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { userMs: number; systemMs: number; maxRssKb: number };
  const search = /^\s*search\s+\d+ pages indexed for search\s+(\d+) ms/m.exec(result.stdout);
  const images = /^\s*images\s+\d+ images ready\s+(\d+) ms/m.exec(result.stdout);
  const stages = [...result.stdout.matchAll(/^ {2}([a-z]+) +\d+ [^\n]*?(\d+) ms/gm)].map(([, stage, ms]) => [stage, Number(ms) / 1000] as const);
  const own = { cpuS: (usage.userMs + usage.systemMs) / 1000, rssMb: usage.maxRssKb / 1024 };
  const tree = GNU_TIME ? readFileSync(treeFile, 'utf8').trim().split('\n').at(-1)?.split(' ').map(Number) : undefined;
  return {
    wallS,
    cpuS: tree ? (tree[0] ?? 0) + (tree[1] ?? 0) : own.cpuS,
    rssMb: tree ? Math.max(own.rssMb, (tree[2] ?? 0) / 1024) : own.rssMb,
    ownRssMb: own.rssMb,
    searchS: search ? Number(search[1]) / 1000 : undefined,
    imagesS: images ? Number(images[1]) / 1000 : undefined,
    stagesS: stages.length > 0 ? Object.fromEntries(stages) : undefined,
  };
}

function prepare(articles: number): { dir: string; articleFiles: string[] } {
  const dir = path.join(WORK, `n${articles}`);
  const marker = path.join(dir, 'generated.json');
  if (!existsSync(marker) || JSON.parse(readFileSync(marker, 'utf8')).version !== GENERATOR_VERSION) {
    rmSync(dir, { recursive: true, force: true });
    console.log(`generating ${articles} articles…`);
    const { articleFiles } = generateNewsroom(dir, { articles, seed: 2026 });
    writeBaselineProject(dir);
    writeFileSync(marker, JSON.stringify({ version: GENERATOR_VERSION, articleFiles }));
  }
  return { dir, articleFiles: JSON.parse(readFileSync(marker, 'utf8')).articleFiles as string[] };
}

/** A bare Eleventy site whose input is the same article files, each a template, with one layout. */
function writeBaselineProject(dir: string): void {
  const base = path.join(dir, 'baseline');
  mkdirSync(path.join(base, 'src', '_includes'), { recursive: true });
  symlinkSync(path.join(dir, 'content', 'articles'), path.join(base, 'src', 'articles'));
  writeFileSync(path.join(base, 'src', 'src.11tydata.json'), JSON.stringify({ layout: 'article.njk' }));
  writeFileSync(
    path.join(base, 'src', '_includes', 'article.njk'),
    [
      '<!doctype html>',
      '<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head>',
      '<body>',
      '<h1>{{ title }}</h1>',
      '<p>by {{ authors | join(", ") }} in {{ category }}, <time>{{ page.date.toISOString() }}</time></p>',
      '{{ content | safe }}',
      '</body></html>',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(base, 'package.json'), '{"type":"module"}\n');
  writeFileSync(path.join(base, 'eleventy.config.js'), "export default function (config) {\n  config.setQuietMode(true);\n  return { dir: { input: 'src', output: '_site' } };\n}\n");
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** Time a scenario; a failure (such as running out of memory) is recorded and the benchmark goes on. */
function attempt(articles: number, scenario: string, run: () => Measure): boolean {
  try {
    record(articles, scenario, run());
    return true;
  } catch (error) {
    let row = rows.find((r) => r.articles === articles && r.scenario === scenario);
    if (!row) {
      row = { articles, scenario, runs: [], median: { wallS: NaN, cpuS: NaN, rssMb: NaN } };
      rows.push(row);
    }
    (row.failures ??= []).push((error as Error).message);
    console.log(`  ${scenario} failed: ${(error as Error).message}`);
    return false;
  }
}

function record(articles: number, scenario: string, measure: Measure): void {
  let row = rows.find((r) => r.articles === articles && r.scenario === scenario);
  if (!row) {
    row = { articles, scenario, runs: [], median: measure };
    rows.push(row);
  }
  row.runs.push(measure);
  const searches = row.runs.flatMap((m) => (m.searchS === undefined ? [] : [m.searchS]));
  const images = row.runs.flatMap((m) => (m.imagesS === undefined ? [] : [m.imagesS]));
  row.median = {
    wallS: median(row.runs.map((m) => m.wallS)),
    cpuS: median(row.runs.map((m) => m.cpuS)),
    rssMb: median(row.runs.map((m) => m.rssMb)),
    ownRssMb: median(row.runs.map((m) => m.ownRssMb ?? m.rssMb)),
    searchS: searches.length > 0 ? median(searches) : undefined,
    imagesS: images.length > 0 ? median(images) : undefined,
  };
}

/**
 * The same newsroom of `count` articles twice, one with a lead picture per
 * article and one without, each built cold (no cache: every picture
 * encoded). Every picture is one of the sample's photos with its colours
 * turned, so each is new to the image cache but photographic.
 */
async function picturesBench(count: number): Promise<void> {
  const root = path.join(WORK, `pictures-${count}`);
  rmSync(root, { recursive: true, force: true });
  const withPictures = path.join(root, 'pictures');
  const without = path.join(root, 'no-pics');
  generateNewsroom(withPictures, { articles: count, seed: 2026, pictures: count });
  generateNewsroom(without, { articles: count, seed: 2026 });
  const photos = ['athletic-stadium', 'harbour-dawn', 'old-town-skyline', 'ropewalk-festival', 'rowing-estuary', 'tram-depot', 'wind-farm'].map((name) => path.join(ROOT, 'public', 'images', `${name}.jpg`));
  const files: Record<string, Buffer> = {};
  for (let index = 0; index < count; index++) {
    const photo = sharp(photos[index % photos.length]).modulate({ hue: (index * 37) % 360 });
    files[benchPicture(index).slice(1)] = await (index % 2 ? photo.flop() : photo).jpeg({ quality: 85 }).toBuffer();
  }
  const copy = packageCopy(files);
  try {
    for (let run = 1; run <= runs; run++) {
      console.log(`${count} articles with and without pictures, run ${run}/${runs}`);
      for (const [scenario, dir] of [['no-pics', without], ['pictures', withPictures]] as const) {
        for (const folder of ['_site', '_site.spare']) rmSync(path.join(dir, folder), { recursive: true, force: true });
        attempt(count, scenario, () => timed(process.execPath, [copy.cli, 'build', '--no-cache'], dir));
      }
    }
  } finally {
    copy.remove();
  }
}

async function serveLatency(dir: string, articleFile: string, attempt: number): Promise<number> {
  const port = 18_500 + Math.floor(Math.random() * 1000);
  const server = spawn(process.execPath, [CLI, 'serve', '--quiet', '--port', String(port), '--cache-dir', '.cache-bs'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await poll(() => /Serving .* at (http:\/\/\S+)/.exec(output)?.[1], 600_000);
    const file = path.join(dir, 'content', 'articles', articleFile);
    const text = readFileSync(file, 'utf8');
    const slug = /(?:\d{4}-\d{2}-\d{2}-)?([^/]+)\.md$/.exec(articleFile)?.[1] ?? '';
    const section = /^category: (.+)$/m.exec(text)?.[1] ?? '';
    const pageUrl = new URL(`${section}/${slug}/`, url).href;
    const marker = `Edited for the benchmark ${Date.now()}-${attempt}`;
    const started = performance.now();
    writeFileSync(file, text.replace(/^title: .*$/m, `title: ${JSON.stringify(marker)}`));
    await poll(async () => ((await (await fetch(pageUrl)).text()).includes(marker) ? true : undefined), 60_000, 10);
    const latency = (performance.now() - started) / 1000;
    writeFileSync(file, text);
    return latency;
  } finally {
    server.kill();
  }
}

async function poll<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve(probe()).catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);

function printTable(): void {
  console.log(GNU_TIME ? '\ncpu s: with child processes; peak MB: the largest process; node MB: the Node process alone' : '\n/usr/bin/time is missing: cpu s and peak MB count the Node process alone');
  console.log('articles  scenario   wall s (median)   cpu s   peak MB   node MB   wall ratio   cpu ratio   rss ratio   search s   runs (wall s)');
  for (const row of rows) {
    const base = rows.find((r) => r.articles === row.articles && r.scenario === 'baseline')?.median;
    const ratio = (a: number, b: number | undefined) => (b ? `${fmt(a / b)}×` : '—');
    console.log(
      [
        String(row.articles).padStart(8),
        row.scenario.padEnd(9),
        fmt(row.median.wallS).padStart(15),
        fmt(row.median.cpuS).padStart(7),
        fmt(row.median.rssMb, 0).padStart(9),
        fmt(row.median.ownRssMb ?? row.median.rssMb, 0).padStart(9),
        ratio(row.median.wallS, base?.wallS).padStart(12),
        ratio(row.median.cpuS, base?.cpuS).padStart(11),
        ratio(row.median.rssMb, base?.rssMb).padStart(11),
        (row.median.searchS === undefined ? '—' : fmt(row.median.searchS)).padStart(10),
        `   ${row.runs.map((m) => fmt(m.wallS)).join(' ')}${row.failures ? `  failed: ${row.failures.join('; ')}` : ''}`,
      ].join(' '),
    );
  }
  for (const row of rows.filter((r) => r.scenario === 'cold')) {
    const peer = rows.find((r) => r.articles === row.articles && r.scenario === 'base+pf')?.median;
    if (!peer) continue;
    console.log(
      `${String(row.articles).padStart(8)}  cold against Eleventy + markdown-it + Pagefind CLI: ${fmt(row.median.wallS / peer.wallS)}× wall, ${fmt(row.median.cpuS / peer.cpuS)}× CPU, ${fmt(row.median.rssMb / peer.rssMb)}× peak MB`,
    );
  }
  console.log('\nstages, median seconds of each stage the build reported:');
  for (const row of rows) {
    const names = [...new Set(row.runs.flatMap((m) => Object.keys(m.stagesS ?? {})))];
    if (names.length === 0) continue;
    const parts = names.map((name) => `${name} ${fmt(median(row.runs.flatMap((m) => (m.stagesS?.[name] === undefined ? [] : [m.stagesS[name]]))))}`);
    console.log(`${String(row.articles).padStart(8)} ${row.scenario.padEnd(9)} ${parts.join('  ')}`);
  }
  for (const row of rows.filter((r) => r.scenario === 'pictures')) {
    const without = rows.find((r) => r.articles === row.articles && r.scenario === 'no-pics')?.median;
    const perPicture = (seconds: number) => fmt(seconds / row.articles, 3);
    console.log(
      `${String(row.articles).padStart(8)}  pictures: images stage ${perPicture(row.median.imagesS ?? NaN)} s per picture (runs ${row.runs.map((m) => perPicture(m.imagesS ?? NaN)).join(', ')}); ` +
        `the build with pictures took ${without ? `${perPicture(row.median.wallS - without.wallS)} s wall and ${perPicture(row.median.cpuS - without.cpuS)} s CPU` : '?'} more per picture`,
    );
  }
  for (const [articles, latencies] of Object.entries(serveLatencies)) {
    console.log(`${articles.padStart(8)}  serve: edited article served after ${latencies.map((l) => fmt(l, 3)).join(', ')} s (median ${fmt(median(latencies), 3)} s)`);
  }
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm install (or npx tsc -p tsconfig.build.json) first');
  mkdirSync(WORK, { recursive: true });
  const started = new Date();
  for (const articles of sizes) {
    const { dir, articleFiles } = prepare(articles);
    const runsHere = articles >= 100_000 ? 1 : runs;
    const edited = articleFiles[Math.floor(articleFiles.length / 2)] as string;
    const editedPath = path.join(dir, 'content', 'articles', edited);
    const original = readFileSync(editedPath, 'utf8');
    for (let run = 1; run <= runsHere; run++) {
      console.log(`${articles} articles, run ${run}/${runsHere}`);
      rmSync(path.join(dir, 'baseline', '_site'), { recursive: true, force: true });
      if (attempt(articles, 'baseline', () => timed(process.execPath, [ELEVENTY], path.join(dir, 'baseline'), Number(values['baseline-timeout'])))) {
        // The same pages indexed by Pagefind's own command line, added to the baseline's run.
        const base = rows.find((r) => r.articles === articles && r.scenario === 'baseline')?.runs.at(-1) as Measure;
        attempt(articles, 'base+pf', () => {
          const index = timed(PAGEFIND, ['--site', '_site', '--silent'], path.join(dir, 'baseline'));
          return { wallS: base.wallS + index.wallS, cpuS: base.cpuS + index.cpuS, rssMb: Math.max(base.rssMb, index.rssMb), ownRssMb: base.ownRssMb, searchS: index.wallS };
        });
      }

      // No previous output: neither the site nor the spare a build keeps beside it.
      for (const folder of ['.cache-bs', '_site', '_site.spare']) rmSync(path.join(dir, folder), { recursive: true, force: true });
      // Not --quiet: the search index's time is read from the build's stage lines.
      const build = [CLI, 'build', '--cache-dir', '.cache-bs'];
      if (attempt(articles, 'cold', () => timed(process.execPath, build, dir))) {
        attempt(articles, 'warm', () => timed(process.execPath, build, dir));
        appendFileSync(editedPath, `\nA sentence added by benchmark run ${run}.\n`);
        attempt(articles, 'one-edit', () => timed(process.execPath, build, dir));
        writeFileSync(editedPath, original);
      }
    }
    if (!values['no-serve'] && articles <= 10_000) {
      // Bring the output and cache in line with the restored article first.
      timed(process.execPath, [CLI, 'build', '--quiet', '--cache-dir', '.cache-bs'], dir);
      serveLatencies[articles] = [];
      for (let attempt = 1; attempt <= runs; attempt++) {
        const file = articleFiles[(attempt * 7919) % articleFiles.length] as string;
        serveLatencies[articles].push(await serveLatency(dir, file, attempt));
      }
    }
    printTable();
  }
  const pictures = Number(values.pictures);
  if (pictures > 0) {
    await picturesBench(pictures);
    printTable();
  }
  const resultsDir = path.join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `bench-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ started: started.toISOString(), node: process.version, sizes, runs, rows, serveLatencies }, null, 2));
  console.log(`\nrecord written to ${path.relative(ROOT, file)}`);
}

await main();
