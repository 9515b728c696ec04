import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeBenchExport } from './import-wxr.js';

/*
 * Times `broadsheet import wordpress` on a generated export (default 20,000
 * posts): wall seconds, CPU seconds and peak memory of the import process,
 * for a first import and for a second one over the same folder (every file
 * unchanged). Prints figures; there is no limit to pass.
 *
 *   npm run bench:import -- [posts]
 */

const posts = Number(process.argv[2] ?? 20_000);
const CLI = path.resolve('dist/cli.js');
const HOOK = path.resolve('bench/rusage-hook.cjs');
if (!existsSync(CLI)) throw new Error('build the command first: npx tsc -p tsconfig.build.json');

const work = mkdtempSync(path.join(tmpdir(), 'broadsheet-import-bench-'));
try {
  let started = performance.now();
  const source = await writeBenchExport(posts, path.join(work, 'export'));
  console.log(`generated ${posts} posts: ${(statSync(source).size / 2 ** 20).toFixed(0)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  for (const run of ['first import', 'second import (unchanged)']) {
    const usageFile = path.join(work, 'usage.json');
    started = performance.now();
    const result = spawnSync(
      process.execPath,
      [CLI, 'import', 'wordpress', source, '--content', 'content', '--public', 'public', '--uploads', path.join(work, 'export', 'uploads'), '--quiet'],
      { cwd: work, encoding: 'utf8', maxBuffer: 256 * 2 ** 20, env: { ...process.env, NODE_OPTIONS: `--require ${HOOK}`, BENCH_RUSAGE_FILE: usageFile } },
    );
    const wallS = (performance.now() - started) / 1000;
    if (result.status !== 0) throw new Error(`${run} failed (${result.status}): ${result.stderr.split('\n').slice(-5).join('\n')}`);
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { userMs: number; systemMs: number; maxRssKb: number };
    console.log(
      `${run.padEnd(26)} ${wallS.toFixed(1).padStart(6)} s wall  ${((usage.userMs + usage.systemMs) / 1000).toFixed(1).padStart(6)} s cpu  ${(usage.maxRssKb / 1024).toFixed(0).padStart(5)} MB peak  ${result.stdout.trim().split('\n').at(-1) ?? ''}`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
