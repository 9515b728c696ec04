import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ArticleCheck } from '../content/check-article.js';
import type { RenderedMarkdown } from '../markdown/render.js';
import type { TermCounts } from '../related/terms.js';
import { processingKey } from './file-cache.js';
import { readCached, type PipelineFile, type ProcessedFile } from './cached-results.js';
import type { ProcessBatch } from './process-files.js';

export interface ProcessAllOptions {
  siteUrl: string;
  timezone: string;
  language: string;
  cacheDir?: string | undefined;
  /** Worker threads to use; 0 works in this thread. Default: one per core. */
  workers?: number | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface ProcessAllResult {
  checks: Map<string, ArticleCheck>;
  rendered: Map<string, RenderedMarkdown>;
  terms: Map<string, TermCounts>;
  fromCache: number;
}

/** The cache key part shared by every file of a site: our code, the packages, and the site's URL and language. */
export const processingKeyFor = (site: { url: string; language: string }): string =>
  processingKey({ siteUrl: site.url, language: site.language });

// Compiled, this module sits next to process-files.js. Run from the
// TypeScript sources (tests), the worker needs tsx to load the .ts file.
const WORKER = new URL(`./process-files${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * Check and render every content file across all cores, with results byte
 * for byte the same as working through them one by one in this thread.
 */
export async function processAll(files: PipelineFile[], options: ProcessAllOptions): Promise<ProcessAllResult> {
  const workers = options.workers ?? availableParallelism();
  const base = {
    siteUrl: options.siteUrl,
    timezone: options.timezone,
    language: options.language,
    cacheDir: options.cacheDir,
    processingKey: processingKeyFor({ url: options.siteUrl, language: options.language }),
  };
  const result: ProcessAllResult = { checks: new Map(), rendered: new Map(), terms: new Map(), fromCache: 0 };
  let done = 0;
  const collect = (batch: ProcessedFile[]) => {
    for (const file of batch) {
      if (file.check) result.checks.set(file.path, file.check);
      if (file.rendered) result.rendered.set(file.path, file.rendered);
      if (file.terms) result.terms.set(file.path, file.terms);
      if (file.fromCache) result.fromCache++;
    }
    done += batch.length;
    options.onProgress?.(done, files.length);
  };

  // The cache is read here first: for files that have not changed, starting
  // workers and copying results back from them costs more than it saves.
  const misses: PipelineFile[] = [];
  const hits: ProcessedFile[] = [];
  for (const file of files) {
    const cached = readCached(base, file);
    if (cached) hits.push(cached);
    else misses.push(file);
  }
  collect(hits);
  if (workers === 0 || misses.length < 50 || !existsSync(fileURLToPath(WORKER))) {
    if (misses.length > 0) {
      // Loaded on demand: when everything comes from the cache, the Markdown pipeline is never needed.
      const { default: processBatch } = await import('./process-files.js');
      collect(processBatch({ ...base, files: misses }));
    }
    return result;
  }
  const pool = new Piscina<ProcessBatch, ProcessedFile[]>({
    filename: WORKER.href,
    minThreads: workers,
    maxThreads: workers,
    execArgv: WORKER.pathname.endsWith('.ts') ? ['--import', 'tsx'] : [],
    // Rendering allocates many short-lived objects: a larger young
    // generation spends less time collecting them, and a bounded old one
    // makes each worker collect before it holds on to hundreds of MB.
    resourceLimits: { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 384 },
  });
  try {
    await Promise.all(splitIntoBatches(misses, workers).map((batch) => pool.run({ ...base, files: batch }).then(collect)));
  } finally {
    await pool.destroy();
  }
  return result;
}

/**
 * Batches of at most 250 files: enough to make each message worth sending,
 * small enough that a worker's results never pile up (its heap is bounded),
 * and many enough that the workers finish together.
 */
function splitIntoBatches<T>(items: readonly T[], workers: number): T[][] {
  const size = Math.min(250, Math.max(20, Math.ceil(items.length / (workers * 8))));
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
