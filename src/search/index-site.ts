import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCH_INDEX_FOLDER } from '../routes/addresses.js';
import type { SearchShard } from '../routes/search-parts.js';
import { folderMaker, linkOrCopy } from '../util/link-or-copy.js';

export interface SearchIndexReport {
  /** Pages in the shards indexed. */
  pages: number;
  /** Milliseconds spent reading the pages and writing the shards. */
  ms: number;
}

// Pagefind's Node API drives one service process shared by the whole
// program: runs take turns, so that one closing it never cuts another short.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Index each shard's pages with Pagefind and write it, with the browser
 * script that reads it, into `dir/pagefind/<name>/`. Only the parts of pages
 * marked `data-pagefind-body` are indexed. Shards are indexed one after the
 * other by one Pagefind process, each index deleted once written, so the
 * largest shard, not the archive, sets its memory (10,000 articles in parts
 * of up to 1,000: 310 MB at most, the same as with a fresh process per
 * part, which costs 0.3–0.5 s each). Throws an
 * Error saying what went wrong when Pagefind fails, or when a shard does not
 * hold exactly its pages.
 */
export function indexSite(dir: string, shards: readonly SearchShard[]): Promise<SearchIndexReport> {
  const run = queue.then(async () => {
    const started = performance.now();
    let pages = 0;
    try {
      for (const shard of shards) pages += await indexShard(path.resolve(dir), shard);
    } finally {
      // The next run starts with a fresh process, and none is left running.
      await pagefind.close();
    }
    return { pages, ms: performance.now() - started };
  });
  queue = run.catch(() => undefined);
  return run;
}

// Pagefind's ready-made search interfaces, written with every index: our
// search page has its own, so they would be ~430 KB per part that no page loads.
const PAGEFIND_UI = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

// An unmarked page put beside each shard's pages: Pagefind leaves out pages
// without `data-pagefind-body` only when some page has it, so if a template
// stopped marking articles this page would be indexed too and the count fail.
const UNMARKED = '_unmarked/index.html';
const UNMARKED_PAGE = '<!doctype html><html lang="en"><head><title>-</title></head><body><p>Not to be indexed.</p></body></html>';

async function indexShard(dir: string, shard: SearchShard): Promise<number> {
  const outputPath = path.join(dir, SEARCH_INDEX_FOLDER, shard.name);
  // Pagefind reads a folder: this one holds links to the shard's pages alone,
  // at their paths in the site, so that their addresses come out the same.
  const pagesDir = path.join(dir, `.${SEARCH_INDEX_FOLDER}-pages`);
  let pages: number;
  try {
    rmSync(pagesDir, { recursive: true, force: true });
    const makeFolder = folderMaker();
    for (const page of shard.pages) linkOrCopy(path.join(dir, page), path.join(pagesDir, page), makeFolder);
    mkdirSync(path.dirname(path.join(pagesDir, UNMARKED)), { recursive: true });
    writeFileSync(path.join(pagesDir, UNMARKED), UNMARKED_PAGE);
    const created = await pagefind.createIndex();
    refuse(created.errors);
    if (!created.index) throw new Error('Pagefind gave no index');
    const { index } = created;
    // With no page, Pagefind would index the unmarked one; an empty index
    // still gives the search page a script that answers "no results".
    if (shard.pages.length > 0) refuse((await index.addDirectory({ path: pagesDir })).errors);
    // Made here so that a folder that cannot be written fails with its reason:
    // Pagefind's service stops on it and never answers.
    mkdirSync(outputPath, { recursive: true });
    refuse((await index.writeFiles({ outputPath })).errors);
    for (const file of PAGEFIND_UI) rmSync(path.join(outputPath, file), { force: true });
    await index.deleteIndex();
    pages = indexedPages(outputPath);
  } catch (cause) {
    throw new Error(`the search index could not be built: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  } finally {
    removeQuietly(pagesDir);
  }
  if (pages !== shard.pages.length) {
    throw new Error(
      `the search index of ${shard.name} holds ${pages} pages, but ${shard.pages.length} published articles were marked for it: a template leaves an article unmarked (data-pagefind-body)`,
    );
  }
  return pages;
}

// Cleaning up must not hide the error that came first.
function removeQuietly(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // Nothing was made there, or the error is already on its way.
  }
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
