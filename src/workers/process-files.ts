import { checkArticle } from '../content/check-article.js';
import { bodyOf } from '../content/front-matter.js';
import { commentBody } from '../content/comment-body.js';
import { error, warning, type Problem } from '../util/problems.js';
import { findDeepDirectives, findDeepNesting, findManyDirectives, findTooManyEmbeds, MAX_DIRECTIVE_BLOCKS, MAX_DIRECTIVE_DEPTH, MAX_NESTING_DEPTH, TOO_MANY_EMBEDS } from '../markdown/limits.js';
import type { CustomProvider } from '../markdown/embeds/providers.js';
import { createTextRenderer, type BodyNote, type RenderedMarkdown } from '../markdown/render.js';
import { stopWordsFor } from '../related/stop-words.js';
import { countTerms, TERMS_KEPT, topTerms } from '../related/terms.js';
import { storeResult, type CacheSettings, type PipelineFile, type ProcessedFile } from './cached-results.js';
import { PHASE, PROGRESS } from './progress.js';
import { systemThreadId } from './thread-cpu-time.js';

export interface ProcessBatch extends CacheSettings {
  /** Articles are checked and rendered; other pages (authors, sections) and comments only rendered. */
  files: PipelineFile[];
  siteUrl: string;
  /** The site's language, for the stop words of related-article scoring. */
  language: string;
  /** Embed providers site.yml adds to the built-in ones. */
  embeds?: readonly CustomProvider[] | undefined;
  /**
   * Where the task says what it is doing (see PROGRESS), so the thread that
   * waits can tell which file stalls or crashes it, and how much CPU time
   * that file has used.
   */
  progress?: SharedArrayBuffer | undefined;
  /**
   * Files to check without rendering their bodies: their rendering ran out
   * of time in an earlier task. Their results are not cached, so a run with
   * a longer limit renders them.
   */
  checkOnly?: readonly string[] | undefined;
  /**
   * For tests only: the thread sleeps this long at the start of each file,
   * as a thread does that the system has not scheduled on a busy machine.
   * Not reachable from the command line or from content.
   */
  sleepMsPerFile?: number | undefined;
}

type Render = ReturnType<typeof createTextRenderer>;

// By site URL and embed providers, and by kind of body: comments are rendered with the comment rules.
const renderers = new Map<string, Render>();

function rendererFor(siteUrl: string, comment: boolean, embeds: readonly CustomProvider[] | undefined): Render {
  const key = `${comment ? 'comment' : 'page'} ${siteUrl} ${JSON.stringify(embeds ?? [])}`;
  let render = renderers.get(key);
  if (!render) {
    render = createTextRenderer({ siteUrl, comment, embeds });
    renderers.set(key, render);
  }
  return render;
}

/**
 * Check and render a batch of content files and store the results in the
 * cache. This is the task of the worker threads (the default export), and
 * runs in the main thread when there are no workers.
 */
export default function processBatch(batch: ProcessBatch): ProcessedFile[] {
  const progress = batch.progress ? new Int32Array(batch.progress) : undefined;
  if (progress) Atomics.store(progress, PROGRESS.thread, threadId());
  const phase = (value: number) => progress && Atomics.store(progress, PROGRESS.phase, value);
  const checkOnly = new Set(batch.checkOnly);
  return batch.files.map((file, index) => {
    if (progress) {
      // Only an article's fields are checked here; for other files the body is all the work.
      Atomics.store(progress, PROGRESS.phase, file.kind === 'article' ? PHASE.checking : PHASE.rendering);
      Atomics.store(progress, PROGRESS.file, index + 1);
    }
    if (batch.sleepMsPerFile) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, batch.sleepMsPerFile);
    const render = checkOnly.has(file.path) ? undefined : rendererFor(batch.siteUrl, file.kind === 'comment', batch.embeds);
    const result = { path: file.path, ...processFile(file, batch, render, phase), fromCache: false };
    if (render) storeResult(batch, file, result);
    return result;
  });
}

let thread: number | undefined;

// Once per thread: the id never changes.
const threadId = (): number => (thread ??= systemThreadId() ?? 0);

type Outcome = Pick<ProcessedFile, 'check' | 'rendered' | 'terms' | 'problems'>;

const NOT_RENDERED: Outcome = { check: undefined, rendered: undefined, terms: undefined, problems: [] };

/** Check and render one file; without `render`, only check it. `phase` is told when an article's rendering starts. */
function processFile(file: PipelineFile, batch: ProcessBatch, render: Render | undefined, phase: (value: number) => void): Outcome {
  if (file.kind === 'page') {
    const parts = bodyOf(file.text);
    if (!parts || !render) return NOT_RENDERED;
    const { result, problems } = renderSafely(file.path, parts.body, parts.bodyLine, render);
    return { check: undefined, rendered: result && withoutText(result), terms: undefined, problems };
  }
  if (file.kind === 'comment') {
    // Only the body is rendered here; the fields are checked with the rest (content/comments.ts).
    const parts = commentBody(file.text, file.path);
    if (!parts || !render) return NOT_RENDERED;
    const { result, problems } = renderSafely(file.path, parts.body, parts.bodyLine, render);
    return { check: undefined, rendered: result && withoutText(result), terms: undefined, problems };
  }
  const { body, ...check } = checkArticle(file, batch.timezone);
  // A body is rendered whenever the front matter could be read, errors or not: its own problems (alt text, a
  // missing image) are reported in the same run as those of the front matter.
  const bodyLine = check.article?.bodyLine ?? check.references?.bodyLine;
  if (body === undefined || bodyLine === undefined || !render) return { check, rendered: undefined, terms: undefined, problems: [] };
  phase(PHASE.rendering);
  const { result, problems } = renderSafely(file.path, body, bodyLine, render);
  if (!result) return { check, rendered: undefined, terms: undefined, problems };
  const { text, ...rendered } = result;
  if (!check.article || check.problems.some((p) => p.severity === 'error')) return { check, rendered, terms: undefined, problems };
  // The headline and standfirst say most about what a story is about.
  const stopWords = stopWordsFor(batch.language);
  const counts = countTerms(text, stopWords);
  countTerms(check.article.title, stopWords, counts, 3);
  countTerms(check.article.summary ?? '', stopWords, counts, 2);
  return { check, rendered, terms: topTerms(counts, TERMS_KEPT), problems };
}

/** What makes a body unsafe or too slow to parse, each found by a scan of its lines before remark sees it. */
const PARSE_LIMITS: readonly {
  find: (body: string) => { line: number; column?: number; depth?: number } | undefined;
  message: (found: { depth?: number }) => string;
  hint: string;
}[] = [
  {
    find: findDeepNesting,
    message: ({ depth }) => `block quotes or lists nested ${depth} levels deep; at most ${MAX_NESTING_DEPTH} are rendered`,
    hint: 'flatten the quote or list',
  },
  { find: findTooManyEmbeds, message: () => TOO_MANY_EMBEDS.message, hint: TOO_MANY_EMBEDS.hint },
  {
    find: findDeepDirectives,
    message: ({ depth }) => `::: blocks nested ${depth} levels deep; at most ${MAX_DIRECTIVE_DEPTH} are rendered`,
    hint: 'close each ::: block with a line of ::: before opening the next',
  },
  {
    find: findManyDirectives,
    message: () => `more than ${MAX_DIRECTIVE_BLOCKS.toLocaleString('en')} :: and ::: blocks in one story; at most ${MAX_DIRECTIVE_BLOCKS.toLocaleString('en')} are rendered`,
    hint: 'split the story, or write the lines without colons at their start',
  },
];

/**
 * Render a body, or say why not: too deeply nested to parse safely (quotes
 * and lists, or ::: blocks) or too many blocks to parse in time, or a
 * failure of the Markdown pipeline itself, which must still name the file.
 */
function renderSafely(file: string, body: string, bodyLine: number, render: Render): { result: Rendered | undefined; problems: Problem[] } {
  for (const limit of PARSE_LIMITS) {
    const found = limit.find(body);
    if (found) {
      const position = { line: bodyLine + found.line - 1, column: found.column ?? 1 };
      return { result: undefined, problems: [error(file, limit.message(found), { position, hint: limit.hint })] };
    }
  }
  try {
    const { notes, ...result } = render(body);
    return { result, problems: notes.map((note) => bodyProblem(file, note, bodyLine)) };
  } catch (cause) {
    const reason = cause instanceof RangeError ? 'it is nested too deeply' : cause instanceof Error ? cause.message : String(cause);
    return { result: undefined, problems: [error(file, `the Markdown could not be rendered: ${reason}`)] };
  }
}

type Rendered = Omit<ReturnType<Render>, 'notes'>;

const withoutText = ({ text: _text, ...rendered }: Rendered): RenderedMarkdown => rendered;

/** A plugin's note on a body, placed in the file: the body starts at `bodyLine`. */
function bodyProblem(file: string, note: BodyNote, bodyLine: number): Problem {
  const position = note.line === undefined ? undefined : { line: bodyLine + note.line - 1, column: note.column ?? 1 };
  const make = note.severity === 'error' ? error : warning;
  return make(file, note.message, { position, hint: note.hint });
}
