import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * Run a full garbage collection. Between Eleventy runs, V8 would otherwise
 * let the discarded pages of the whole site pile up before collecting, and
 * the build's peak memory would grow with the size of the site.
 */
export function collectGarbage(): void {
  if (!gc) {
    // The documented way to reach gc() without starting node with --expose-gc.
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
