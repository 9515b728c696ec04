import type { SearchShard } from '../routes/search-parts.js';

/** Told of the pages as they come into the output folder. */
export interface PartsAsWritten {
  /** These pages are in the folder now, whole. */
  written(files: Iterable<string>): void;
  /** Start the parts still waiting: no more pages are coming. */
  rest(): void;
}

/**
 * Start each part of the search index (`start`, once per part) as soon as
 * the last of its pages is in the output folder, so that Pagefind, in its
 * own process, indexes one part while this one writes the pages of the
 * next. A part without pages starts at once.
 */
export function partsAsWritten(shards: readonly SearchShard[], start: (shard: SearchShard) => void): PartsAsWritten {
  const missing = new Map<SearchShard, number>();
  const waitingOn = new Map<string, SearchShard>();
  for (const shard of shards) {
    if (shard.pages.length === 0) start(shard);
    else missing.set(shard, shard.pages.length);
    for (const file of shard.pages) waitingOn.set(file, shard);
  }
  return {
    written(files) {
      for (const file of files) {
        const shard = waitingOn.get(file);
        if (!shard) continue;
        waitingOn.delete(file);
        const left = (missing.get(shard) ?? 1) - 1;
        if (left > 0) {
          missing.set(shard, left);
        } else {
          missing.delete(shard);
          start(shard);
        }
      }
    },
    rest() {
      for (const shard of missing.keys()) start(shard);
      missing.clear();
      waitingOn.clear();
    },
  };
}
