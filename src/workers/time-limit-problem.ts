import { commentBody } from '../content/comment-body.js';
import { bodyOf } from '../content/front-matter.js';
import { slowParts, type SlowPart } from '../markdown/slow-parts.js';
import { error, type Problem } from '../util/problems.js';
import type { PipelineFile } from './cached-results.js';

export interface Stopped {
  /** What the file's time went on when it was stopped. */
  phase: 'checking' | 'rendering';
  limitMs: number;
  /** Whether the limit counted the file's CPU time or, where the system does not tell it, wall time. */
  counts: 'cpu' | 'wall';
}

/**
 * The one error of a file stopped at the time limit. Its hint names what
 * in the part it was stopped in is known to be slow (a long front matter;
 * in the body, see slowParts), found in this thread by one pass over the
 * text; when nothing is, there is no hint rather than a guess.
 */
export function timeLimitProblem(file: PipelineFile, stopped: Stopped): Problem {
  const seconds = `${stopped.limitMs / 1000} s${stopped.counts === 'cpu' ? ' of CPU time' : ''}`;
  const work = stopped.phase === 'checking' ? 'checking the front matter' : 'rendering the Markdown';
  const message = `${work} took more than ${seconds}, the limit for one file`;
  const parts = stopped.phase === 'checking' ? slowFrontMatter(file.text) : slowBody(file);
  if (parts.length === 0) return error(file.path, message);
  const line = parts.find((part) => part.line !== undefined)?.line;
  return error(file.path, message, {
    position: line === undefined ? undefined : { line, column: 1 },
    hint: parts.map((part) => part.text).join('; '),
  });
}

/**
 * Front matter longer than this: the YAML parser builds a node for every
 * value (200,000 list items, 1.7 MB, take two seconds to check), while a
 * story's front matter is a few KB.
 */
export const LARGE_FRONT_MATTER_BYTES = 64 * 1024;

function slowFrontMatter(text: string): SlowPart[] {
  const bytes = Buffer.byteLength(text) - Buffer.byteLength(bodyOf(text)?.body ?? '');
  if (bytes <= LARGE_FRONT_MATTER_BYTES) return [];
  return [{ line: 1, text: `its front matter is ${Math.round(bytes / 1024).toLocaleString('en')} KB long; keep long text in the body, and lists short` }];
}

function slowBody(file: PipelineFile): SlowPart[] {
  const body = file.kind === 'comment' ? commentBody(file.text, file.path) : bodyOf(file.text);
  return body ? slowParts(body.body, body.bodyLine) : [];
}
