import { describe, expect, test } from 'vitest';
import { createSaveQueue, MOST_BEHIND_MS, type SaveJobs } from '../../src/serve/save-queue.js';

/**
 * The preview server's queue with jobs that say what they were asked and
 * whose update waits until the test lets it go on, as a real update's
 * stages take seconds at 10,000 articles.
 */
function recorder(options: { updateStopsWhenStale: boolean }) {
  const log: string[] = [];
  const waiting: (() => void)[] = [];
  const jobs: SaveJobs = {
    previewable: (files) => files.every((file) => file.startsWith('articles/')),
    preview: async (files) => {
      log.push(`preview ${files.join(' ')}`);
    },
    update: async (files, stale) => {
      log.push(`update ${files.join(' ')}`);
      // A stage of the update: the test saves more files meanwhile, or not.
      await new Promise<void>((resolve) => waiting.push(resolve));
      if (options.updateStopsWhenStale && stale()) {
        log.push('superseded');
        return 'superseded';
      }
      log.push('updated');
      return 'done';
    },
    settled: () => log.push('settled'),
  };
  /** Until an update waits in its stage. */
  const updating = async () => {
    while (waiting.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
  };
  /** Let the update that waits go on, once it waits. */
  const proceed = async () => {
    await updating();
    waiting.shift()?.();
  };
  return { log, jobs, proceed, updating };
}

/** The log of one round over `files`: the preview when they are all articles, the update, how it ended, and the settling. */
const round = (files: string[], outcome: 'superseded' | 'updated'): string[] => [
  ...(files.every((file) => file.startsWith('articles/')) ? [`preview ${files.join(' ')}`] : []),
  `update ${files.join(' ')}`,
  outcome,
  'settled',
];

describe('the saves of the preview server', () => {
  test('a save during an update overtakes it: its preview comes next, and one update then takes both', async () => {
    const { log, jobs, proceed } = recorder({ updateStopsWhenStale: true });
    const queue = createSaveQueue(jobs);
    queue.saved('articles/harbour.md');
    queue.saved('articles/harbour.md');
    // Saved while the first round runs (its update waits in a stage).
    queue.saved('articles/tram.md');
    await proceed();
    // The stopped update's files keep their place before the newer one.
    await proceed();
    await queue.idle();
    expect(log).toEqual([
      ...round(['articles/harbour.md'], 'superseded'),
      ...round(['articles/harbour.md', 'articles/tram.md'], 'updated'),
    ]);
  });

  test('a change heard before its save settles stops the update too; the save then comes in its own round', async () => {
    const { log, jobs, proceed } = recorder({ updateStopsWhenStale: true });
    const queue = createSaveQueue(jobs);
    queue.saved('articles/harbour.md');
    queue.changing();
    await proceed();
    // The stopped update runs again with nothing newer to wait for, and the save that follows is a round of its own.
    await proceed();
    await queue.idle();
    queue.saved('articles/tram.md');
    await proceed();
    await queue.idle();
    expect(log).toEqual([
      ...round(['articles/harbour.md'], 'superseded'),
      ...round(['articles/harbour.md'], 'updated'),
      ...round(['articles/tram.md'], 'updated'),
    ]);
  });

  test('once the oldest save not yet in a finished update is half a minute old, the update no longer gives way', async () => {
    const { log, jobs, proceed, updating } = recorder({ updateStopsWhenStale: true });
    let now = 0;
    const queue = createSaveQueue(jobs, () => now);
    queue.saved('articles/harbour.md');
    now = 10_000;
    queue.saved('articles/tram.md');
    await proceed();
    // Stopped at 10 s; the next round still counts from the first save.
    await updating();
    now = MOST_BEHIND_MS;
    queue.saved('articles/ferry.md');
    await proceed();
    await proceed();
    await queue.idle();
    expect(log).toEqual([
      ...round(['articles/harbour.md'], 'superseded'),
      ...round(['articles/harbour.md', 'articles/tram.md'], 'updated'),
      ...round(['articles/ferry.md'], 'updated'),
    ]);
  });

  test('without newer saves an update runs to its end, once; a file outside articles has no preview', async () => {
    const { log, jobs, proceed } = recorder({ updateStopsWhenStale: true });
    const queue = createSaveQueue(jobs);
    queue.saved('pages/about.md');
    await proceed();
    await queue.idle();
    expect(log).toEqual(round(['pages/about.md'], 'updated'));
  });

  test('an update that does not stop is followed by one for the files saved meanwhile', async () => {
    const { log, jobs, proceed } = recorder({ updateStopsWhenStale: false });
    const queue = createSaveQueue(jobs);
    queue.saved('articles/harbour.md');
    // Saved while the round runs: the update is told it is stale, goes on all the same, and the file waits for the next round.
    queue.saved('templates/base.njk');
    await proceed();
    await proceed();
    await queue.idle();
    expect(log).toEqual([
      ...round(['articles/harbour.md'], 'updated'),
      ...round(['templates/base.njk'], 'updated'),
    ]);
  });
});
