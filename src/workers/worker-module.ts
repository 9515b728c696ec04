import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundle `npm run compile` makes of process-files.js and everything it imports, beside it. */
export const WORKER_BUNDLE = 'process-files.bundle.js';

/**
 * The module a rendering worker thread runs, next to the pool's own module
 * (`poolUrl`). From the TypeScript sources (tests) that is process-files.ts,
 * loaded through tsx. Compiled, it is the one-file bundle: loading it takes
 * less than half the CPU time of the 500 modules it holds (0.33 s against
 * 0.75 s, with Node's start), and every build and check starts a thread or
 * two. A bundle older than any compiled module (tsc was run on its own
 * since) is passed over for process-files.js, which tsc keeps current.
 */
export function workerModule(poolUrl: string): URL {
  if (poolUrl.endsWith('.ts')) return new URL('./process-files.ts', poolUrl);
  const bundle = new URL(`./${WORKER_BUNDLE}`, poolUrl);
  const made = modifiedMs(fileURLToPath(bundle));
  const compiled = path.resolve(path.dirname(fileURLToPath(poolUrl)), '..');
  return made !== undefined && made >= newestModuleMs(compiled) ? bundle : new URL('./process-files.js', poolUrl);
}

function modifiedMs(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** When the most recently compiled module below `dir` was written (the bundle itself not counted). */
function newestModuleMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js') || entry.name === WORKER_BUNDLE) continue;
    newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
