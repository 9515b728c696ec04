import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** The folder of the search index inside the site, as pagefind.js expects to find it. */
export const SEARCH_INDEX_DIR = 'pagefind';

export interface SearchIndexReport {
  /** Pages in the index. */
  pages: number;
  /** Milliseconds spent reading the site and writing the index. */
  ms: number;
}

export interface IndexSiteOptions {
  /**
   * How many pages carry `data-pagefind-body` (the published article pages).
   * The index must hold exactly these.
   */
  pages: number;
}

// Pagefind's Node API drives one service process shared by the whole
// program: runs take turns, so that one closing it never cuts another short.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Index the HTML pages in `dir` with Pagefind and write the index, with the
 * browser script that reads it, into `dir/pagefind/`. Only the parts of pages
 * marked `data-pagefind-body` are indexed. Throws an Error saying what went
 * wrong when Pagefind fails, or when the index does not hold exactly
 * `options.pages` pages: Pagefind indexes every page of a site in which no
 * page is marked, and a draft must never be found.
 */
export function indexSite(dir: string, options: IndexSiteOptions): Promise<SearchIndexReport> {
  const run = queue.then(() => indexNow(path.resolve(dir), options.pages));
  queue = run.catch(() => undefined);
  return run;
}

async function indexNow(dir: string, expected: number): Promise<SearchIndexReport> {
  const started = performance.now();
  const outputPath = path.join(dir, SEARCH_INDEX_DIR);
  let pages: number;
  try {
    const created = await pagefind.createIndex();
    refuse(created.errors);
    if (!created.index) throw new Error('Pagefind gave no index');
    const { index } = created;
    // With no marked page Pagefind would index every page; an empty index
    // still gives the search page a script that answers "no results".
    if (expected > 0) refuse((await index.addDirectory({ path: dir })).errors);
    // Made here so that a folder that cannot be written fails with its reason:
    // Pagefind's service stops on it and never answers.
    mkdirSync(outputPath, { recursive: true });
    refuse((await index.writeFiles({ outputPath })).errors);
    pages = indexedPages(outputPath);
  } catch (cause) {
    throw new Error(`the search index could not be built: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  } finally {
    await pagefind.close();
  }
  if (pages !== expected) {
    throw new Error(
      `the search index holds ${pages} pages, but ${expected} published articles were marked for it: a template marks a page with data-pagefind-body that must not be found, or leaves an article unmarked`,
    );
  }
  return { pages, ms: performance.now() - started };
}

function refuse(errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind: ${errors.join('; ')}`);
}

// Pages in a written index, summed over its languages, from the entry file pagefind.js reads first.
function indexedPages(outputPath: string): number {
  const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}
