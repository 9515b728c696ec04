import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundle `npm run compile` makes of process-files.js and everything it imports, beside it. */
export const WORKER_BUNDLE = 'process-files.bundle.js';

/**
 * The module a rendering worker thread runs, next to the pool's own module
 * (`poolUrl`). Compiled, it is the one-file bundle: loading it takes less
 * than half the CPU time of the 500 modules it holds (0.33 s against 0.75 s,
 * with Node's start), and every build and check starts a thread or two. A
 * bundle older than any compiled module (tsc was run on its own since) is
 * passed over for process-files.js, which tsc keeps current.
 *
 * From the TypeScript sources (tests) it is the bundle in dist/ when that
 * was made after the last change to any source file (`npm test` makes it
 * first), and otherwise process-files.ts through tsx, which costs some 3 s
 * of CPU a thread to transpile.
 */
export function workerModule(poolUrl: string): URL {
  if (poolUrl.endsWith('.ts')) {
    const sources = path.resolve(path.dirname(fileURLToPath(poolUrl)), '..');
    const bundle = new URL(`../../dist/workers/${WORKER_BUNDLE}`, poolUrl);
    return isNewer(bundle, sources, '.ts') ? bundle : new URL('./process-files.ts', poolUrl);
  }
  const bundle = new URL(`./${WORKER_BUNDLE}`, poolUrl);
  const compiled = path.resolve(path.dirname(fileURLToPath(poolUrl)), '..');
  return isNewer(bundle, compiled, '.js') ? bundle : new URL('./process-files.js', poolUrl);
}

/** Whether `bundle` exists and was written after every module ending in `extension` below `dir`. */
function isNewer(bundle: URL, dir: string, extension: string): boolean {
  const made = modifiedMs(fileURLToPath(bundle));
  return made !== undefined && made >= newestModuleMs(dir, extension);
}

function modifiedMs(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** When the most recently written module below `dir` was written (the bundle itself not counted). */
function newestModuleMs(dir: string, extension: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(extension) || entry.name === WORKER_BUNDLE) continue;
    newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
