import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;
/** The heap in use after the last collection here. */
let live: number | undefined;

/**
 * A full collection takes time in proportion to what survives it: ~170 ms
 * at 10,000 articles (300 MB live), ~2 s at 100,000 (2.8 GB), where one
 * after each of ~105 runs of pages cost over three minutes. So one is made
 * only once the garbage since the last is at least this share of what
 * survived it: at 10,000 articles a run of pages leaves ~100 MB, and
 * nearly every run is still followed by one (10 for 11 runs in a cold
 * build); at 100,000, every seventh or so.
 */
const GARBAGE_SHARE = 1 / 4;

/** Whether a heap of `used` bytes holds enough garbage to collect, `live` bytes having survived the last collection (none yet: undefined). */
export function collectionDue(used: number, live: number | undefined): boolean {
  return live === undefined || used - live >= live * GARBAGE_SHARE;
}

/**
 * Run a full garbage collection, when enough has piled up since the last
 * (see GARBAGE_SHARE) or when `always`: while this thread waits for another
 * process, a collection costs nothing. Between Eleventy runs, V8 would
 * otherwise let the discarded pages of the whole site pile up before
 * collecting, and the build's peak memory would grow with the size of the
 * site.
 */
export function collectGarbage({ always = false } = {}): void {
  if (!gc) {
    // The documented way to reach gc() without starting node with --expose-gc.
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  if (!always && !collectionDue(getHeapStatistics().used_heap_size, live)) return;
  gc();
  live = getHeapStatistics().used_heap_size;
}
