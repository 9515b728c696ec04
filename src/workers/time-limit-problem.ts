import { bodyOf } from '../content/front-matter.js';
import { slowParts } from '../markdown/slow-parts.js';
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
 * in the body is known to be slow (see slowParts), found in this thread by
 * one pass over the text; when nothing is, there is no hint rather than a
 * guess.
 */
export function timeLimitProblem(file: PipelineFile, stopped: Stopped): Problem {
  const seconds = `${stopped.limitMs / 1000} s${stopped.counts === 'cpu' ? ' of CPU time' : ''}`;
  const work = stopped.phase === 'checking' ? 'checking the front matter' : 'rendering the Markdown';
  const message = `${work} took more than ${seconds}, the limit for one file`;
  // Nothing is known to make a front matter check slow; a comment's body is most of its file.
  const body = stopped.phase === 'checking' ? undefined : file.kind === 'comment' ? { body: file.text, bodyLine: 1 } : bodyOf(file.text);
  const parts = body ? slowParts(body.body, body.bodyLine) : [];
  if (parts.length === 0) return error(file.path, message);
  const line = parts.find((part) => part.line !== undefined)?.line;
  return error(file.path, message, {
    position: line === undefined ? undefined : { line, column: 1 },
    hint: parts.map((part) => part.text).join('; '),
  });
}
