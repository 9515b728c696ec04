import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ArticleCheck } from '../content/check-article.js';
import { FILE_TIME_LIMIT_MS } from '../markdown/limits.js';
import type { CustomProvider } from '../markdown/embeds/providers.js';
import type { RenderedMarkdown } from '../markdown/render.js';
import { error, type Problem } from '../util/problems.js';
import type { TermCounts } from '../related/terms.js';
import { processingKey } from './processing-key.js';
import { readCached, type PipelineFile, type ProcessedFile } from './cached-results.js';
import type { ProcessBatch } from './process-files.js';
import { PHASE, PROGRESS } from './progress.js';
import { timeLimitProblem } from './time-limit-problem.js';
import { workClock, type WorkClock } from './thread-cpu-time.js';
import { workerModule } from './worker-module.js';

export interface ProcessAllOptions {
  siteUrl: string;
  timezone: string;
  language: string;
  /** Embed providers site.yml adds to the built-in ones. */
  embeds?: readonly CustomProvider[] | undefined;
  cacheDir?: string | undefined;
  /** Worker threads to use; 0 works in this thread. Default: one per core. */
  workers?: number | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  /**
   * CPU time one file may take in a worker before it is stopped with an
   * error (wall time where the system does not tell a thread's CPU time).
   */
  fileTimeLimitMs?: number | undefined;
  /** For tests only: each worker sleeps this long at the start of each file (see ProcessBatch). */
  sleepMsPerFile?: number | undefined;
}

export interface ProcessAllResult {
  checks: Map<string, ArticleCheck>;
  rendered: Map<string, RenderedMarkdown>;
  terms: Map<string, TermCounts>;
  fromCache: number;
  /** Files that could not be rendered: over a limit, or the pipeline failed on them. */
  problems: Problem[];
  /**
   * Articles that were stopped before their check was done (time limit, or
   * their worker failed): checking them again without a limit could stall
   * this thread, so validation leaves them out; their error is in `problems`.
   */
  unchecked: Set<string>;
}

/** The cache key part shared by every file of a site: our code, the packages, and the site's URL, language and embed providers. */
export const processingKeyFor = (site: { url: string; language: string; embeds?: readonly CustomProvider[] | undefined }): string =>
  processingKey({ siteUrl: site.url, language: site.language, ...(site.embeds?.length ? { embeds: JSON.stringify(site.embeds) } : {}) });

/**
 * Load the renderer into this thread ahead of need: a few saved files are
 * rendered here (workers: 0), and loading unified and its extensions takes
 * longer than rendering them.
 */
export async function loadRendererHere(): Promise<ProcessBatchFunction> {
  // The workers' module (see workerModule): once compiled, the one-file
  // bundle, which loads in half the time of the modules it holds (a build
  // that renders one saved story would otherwise spend half a second on them).
  const module = workerModule(import.meta.url);
  const loaded = (await import(existsSync(fileURLToPath(module)) ? module.href : './process-files.js')) as { default: ProcessBatchFunction };
  return loaded.default;
}

type ProcessBatchFunction = (typeof import('./process-files.js'))['default'];

/**
 * Files one more worker thread must have to render before it is started:
 * loading the renderer into a thread costs about as much CPU as rendering a
 * hundred articles, so a small site (the sample's 60 files) is quicker in
 * one thread, and a large one still uses every core.
 */
const FILES_PER_THREAD = 100;

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
    embeds: options.embeds,
    cacheDir: options.cacheDir,
    processingKey: processingKeyFor({ url: options.siteUrl, language: options.language, embeds: options.embeds }),
    sleepMsPerFile: options.sleepMsPerFile,
  };
  const result: ProcessAllResult = { checks: new Map(), rendered: new Map(), terms: new Map(), fromCache: 0, problems: [], unchecked: new Set() };
  let done = 0;
  const collect = (batch: ProcessedFile[]) => {
    for (const file of batch) {
      if (file.check) result.checks.set(file.path, file.check);
      if (file.rendered) result.rendered.set(file.path, file.rendered);
      if (file.terms) result.terms.set(file.path, file.terms);
      if (file.fromCache) result.fromCache++;
      result.problems.push(...file.problems);
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
  if (misses.length === 0) return result;
  // Only worker threads can be stopped when a file stalls them, so content
  // is rendered in this thread only when asked to (workers: 0).
  const worker = workers === 0 ? undefined : workerModule(import.meta.url);
  if (!worker || !existsSync(fileURLToPath(worker))) {
    const processBatch = await loadRendererHere();
    collect(processBatch({ ...base, files: misses }));
    return result;
  }
  const batches = splitIntoBatches(misses, workers);
  const threads = Math.min(workers, batches.length, Math.ceil(misses.length / FILES_PER_THREAD));
  const pool = new Piscina<ProcessBatch, ProcessedFile[]>({
    filename: worker.href,
    minThreads: threads,
    maxThreads: threads,
    // Resolved here: a bare 'tsx' would be looked up from the working folder, which may be anywhere.
    execArgv: worker.pathname.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [],
    // Rendering allocates many short-lived objects: a larger young
    // generation spends less time collecting them, and a bounded old one
    // makes each worker collect before it holds on to hundreds of MB.
    resourceLimits: { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 384 },
  });
  const limit = options.fileTimeLimitMs ?? FILE_TIME_LIMIT_MS;
  try {
    await Promise.all(batches.map((batch) => runWatched(pool, { ...base, files: batch }, limit).then(collect)));
  } finally {
    await pool.destroy();
  }
  for (const file of misses) if (file.kind === 'article' && !result.checks.has(file.path)) result.unchecked.add(file.path);
  return result;
}

/**
 * Run a batch in a worker, watching which file it is on. A file whose work
 * takes more CPU time than `limitMs` (see workClock), or that takes the
 * worker down (out of memory), is recorded with one error of that file, and
 * the rest of the batch runs again. An article stopped while its body was
 * rendered runs again too, checked but not rendered, so that validation has
 * its fields and reports nothing else about it.
 */
async function runWatched(pool: Piscina<ProcessBatch, ProcessedFile[]>, batch: ProcessBatch, limitMs: number): Promise<ProcessedFile[]> {
  const failures: ProcessedFile[] = [];
  const checkOnly = new Map<string, Problem>();
  let files = batch.files;
  while (files.length > 0) {
    const progress = new Int32Array(new SharedArrayBuffer(PROGRESS.slots * Int32Array.BYTES_PER_ELEMENT));
    const abort = new AbortController();
    let stopped: { file: number; phase: number; counts: WorkClock['counts'] } | undefined;
    let clock: WorkClock | undefined;
    let current = 0;
    let since = 0;
    // The clock starts when a file starts: a batch may wait in the queue.
    const watch = setInterval(
      () => {
        const now = Atomics.load(progress, PROGRESS.file);
        if (now === 0) return;
        // The worker says which thread it is before it starts the first file.
        clock ??= workClock(Atomics.load(progress, PROGRESS.thread) || undefined);
        if (now !== current) {
          current = now;
          since = clock.now();
        } else if (clock.now() - since > limitMs) {
          // What the file was doing now, not once the worker is gone: it may have got further.
          stopped = { file: now, phase: Atomics.load(progress, PROGRESS.phase), counts: clock.counts };
          clearInterval(watch);
          abort.abort();
        }
      },
      Math.min(250, limitMs / 4),
    );
    try {
      const done = await pool.run({ ...batch, files, checkOnly: [...checkOnly.keys()], progress: progress.buffer as SharedArrayBuffer }, { signal: abort.signal });
      const withError = (file: ProcessedFile): ProcessedFile => {
        const problem = checkOnly.get(file.path);
        return problem ? { ...file, problems: [problem, ...file.problems] } : file;
      };
      return [...failures, ...done.map(withError)];
    } catch (cause) {
      const at = stopped?.file ?? Atomics.load(progress, PROGRESS.file);
      const culprit = files[at - 1];
      if (!culprit) throw cause;
      const phase = (stopped?.phase ?? Atomics.load(progress, PROGRESS.phase)) === PHASE.checking ? 'checking' : 'rendering';
      const reason = cause instanceof Error ? cause.message : String(cause);
      const problem = stopped
        ? timeLimitProblem(culprit, { phase, limitMs, counts: stopped.counts })
        : error(culprit.path, phase === 'checking' ? `the file could not be checked: ${reason}` : `the Markdown could not be rendered: ${reason}`);
      if (culprit.kind === 'article' && phase === 'rendering' && !checkOnly.has(culprit.path)) {
        checkOnly.set(culprit.path, problem);
      } else {
        // Its first error, if checking it alone failed too.
        failures.push({ path: culprit.path, check: undefined, rendered: undefined, terms: undefined, problems: [checkOnly.get(culprit.path) ?? problem], fromCache: false });
        checkOnly.delete(culprit.path);
        files = files.filter((file) => file !== culprit);
      }
      // The files before it were done, but their results went down with the task.
    } finally {
      clearInterval(watch);
    }
  }
  return failures;
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
