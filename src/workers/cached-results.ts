import type { ArticleCheck } from '../content/check-article.js';
import type { RenderedMarkdown } from '../markdown/render.js';
import type { Problem } from '../util/problems.js';
import type { TermCounts } from '../related/terms.js';
import type { SourceFile } from '../content/types.js';
import { entryKey, readEntry, writeEntry } from '../util/file-cache.js';

/** A content file on its way through the pipeline. Comments are YAML files whose `body` is Markdown. */
export type PipelineFile = SourceFile & { kind: 'article' | 'page' | 'comment' };

/** What the pipeline learns from one file. */
export interface ProcessedFile {
  path: string;
  /** For articles only. */
  check: ArticleCheck | undefined;
  /** Undefined when the file has errors of its own. */
  rendered: RenderedMarkdown | undefined;
  /** An article's content words, for related links. */
  terms: TermCounts | undefined;
  /** Why the body could not be rendered (limits, pipeline failures), for any kind of file. */
  problems: Problem[];
  fromCache: boolean;
}

export interface CacheSettings {
  /** Folder of the persistent cache, or undefined to store nothing. */
  cacheDir: string | undefined;
  processingKey: string;
  timezone: string;
}

/** As stored: null where a value is absent, since JSON has no undefined. */
interface Entry {
  check: ArticleCheck | null;
  rendered: RenderedMarkdown | null;
  terms: TermCounts | null;
  problems: Problem[];
}

// The path is part of the key: a slug can come from the file name, and every problem names the file.
const keyOf = (settings: CacheSettings, file: PipelineFile): string =>
  entryKey(settings.processingKey, file.kind, settings.timezone, file.path, file.text);

/** The cached result for one file, if the cache holds a sound one. */
export function readCached(settings: CacheSettings, file: PipelineFile): ProcessedFile | undefined {
  if (!settings.cacheDir) return undefined;
  const cached = readEntry<Entry>(settings.cacheDir, keyOf(settings, file));
  if (!cached) return undefined;
  return { path: file.path, check: cached.check ?? undefined, rendered: cached.rendered ?? undefined, terms: cached.terms ?? undefined, problems: cached.problems, fromCache: true };
}

export function storeResult(settings: CacheSettings, file: PipelineFile, result: ProcessedFile): void {
  if (!settings.cacheDir) return;
  writeEntry(settings.cacheDir, keyOf(settings, file), {
    check: result.check ?? null,
    rendered: result.rendered ?? null,
    terms: result.terms ?? null,
    problems: result.problems,
  } satisfies Entry);
}
