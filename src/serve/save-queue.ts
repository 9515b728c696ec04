/** What the preview server does for a set of saved files (see serve.ts). */
export interface SaveJobs {
  /** Whether the files' own pages can be shown ahead of the update: saved articles alone. */
  previewable(files: readonly string[]): boolean;
  /** Show the saved files' own pages at once. */
  preview(files: string[]): Promise<void>;
  /**
   * Bring the site up to date with the files. `stale` turns true once more
   * files are saved; the update may then stop (see Change.stale) and answer
   * 'superseded', and its files are done again with the newer ones.
   */
  update(files: string[], stale: () => boolean): Promise<'done' | 'superseded'>;
  /** After each round, whatever happened in it. */
  settled(): void;
}

export interface SaveQueue {
  /** A file was saved (added, changed or deleted). */
  saved(file: string): void;
  /**
   * Something in the watched folders changed, and its save is on the way: a
   * watcher says a file is saved only once it has stopped changing, and by
   * then an update could be writing.
   */
  changing(): void;
  /** Settles once no round is running. */
  idle(): Promise<void>;
}

/**
 * How far the rest of the site may fall behind newer saves: once the oldest
 * save not yet in a finished update is this old, an update no longer gives
 * way, so that saves coming faster than an update takes cannot hold the home
 * page and the lists back for good.
 */
export const MOST_BEHIND_MS = 30_000;

/**
 * One round at a time: the saved files' preview, then their update. Files
 * saved during a round wait for the next, which takes them all. An update
 * that newer saves overtake gives way to them at its next stage: the newer
 * story is shown then, not after the whole site's update (at 10,000
 * articles, 6–14 s), and the next update takes every file of both. `clock`
 * is for tests.
 */
export function createSaveQueue(jobs: SaveJobs, clock: () => number = () => performance.now()): SaveQueue {
  let running: Promise<void> | undefined;
  let pending = new Set<string>();
  // When the first of `pending` was saved, and the oldest save no finished update has taken.
  let pendingSince: number | undefined;
  let oldest: number | undefined;
  let changed = false;
  const next = (): void => {
    if (running || pending.size === 0) return;
    const files = [...pending];
    pending = new Set();
    pendingSince = undefined;
    changed = false;
    const stale = () => (changed || pending.size > 0) && clock() - (oldest ?? clock()) < MOST_BEHIND_MS;
    running = (jobs.previewable(files) ? jobs.preview(files) : Promise.resolve())
      .then(() => jobs.update(files, stale))
      .then((outcome) => {
        if (outcome === 'superseded') {
          // Before the newer saves: the files keep the order they were saved in.
          pending = new Set([...files, ...pending]);
          pendingSince = oldest;
        } else {
          oldest = pendingSince;
        }
      })
      .finally(() => {
        jobs.settled();
        running = undefined;
        next();
      });
  };
  return {
    saved(file) {
      if (pending.size === 0) pendingSince = clock();
      oldest ??= pendingSince;
      pending.add(file);
      next();
    },
    changing() {
      changed = true;
    },
    async idle() {
      while (running) await running.catch(() => undefined);
    },
  };
}
