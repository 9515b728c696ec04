import { deepestNesting } from './limits.js';

/*
 * What in a Markdown body makes remark slow, found by one pass over its
 * lines, for the hint of a file that ran out of time. Each measure has a
 * threshold far above what stories have, so a finding is unusual in itself;
 * a body with none gets no guess.
 */

/** Bodies longer than this: rendering time grows with length (about 100 KB a second for prose with links and emphasis). */
export const LARGE_BODY_BYTES = 256 * 1024;

/**
 * Emphasis and link characters in one paragraph beyond this: remark matches
 * openers against closers, in more than linear time (a paragraph of 5,000
 * `*a` takes about two seconds). A paragraph of prose has a few dozen.
 */
export const MANY_DELIMITERS = 1_000;

/** Quotes and lists nested deeper than this; stories nest under ten (the hard limit is MAX_NESTING_DEPTH). */
export const DEEP_NESTING = 10;

export interface SlowPart {
  /** Line in the file, when the part has one. */
  line?: number | undefined;
  /** What it is and what to do about it, as one clause. */
  text: string;
}

const DELIMITERS = /[*_[\]`~]/g;

/**
 * The parts of `body` that are known to make rendering slow. `bodyLine` is
 * the line of the file on which the body starts.
 */
export function slowParts(body: string, bodyLine = 1): SlowPart[] {
  const parts: SlowPart[] = [];
  const bytes = Buffer.byteLength(body);
  if (bytes > LARGE_BODY_BYTES) parts.push({ text: `its Markdown is ${kilobytes(bytes)} long; split it into several stories, or raise --time-limit` });
  const busiest = busiestParagraph(body);
  if (busiest && busiest.count > MANY_DELIMITERS) {
    parts.push({
      line: bodyLine + busiest.line - 1,
      text: `the paragraph at line ${bodyLine + busiest.line - 1} has ${busiest.count.toLocaleString('en')} emphasis, link and code marks (* _ [ ] \` ~); break it up, or escape the marks with \\`,
    });
  }
  const nesting = deepestNesting(body);
  if (nesting && nesting.depth > DEEP_NESTING) {
    const line = bodyLine + nesting.line - 1;
    parts.push({ line, text: `quotes or lists are nested ${nesting.depth} levels deep at line ${line}; flatten them` });
  }
  return parts;
}

const kilobytes = (bytes: number): string => `${Math.round(bytes / 1024).toLocaleString('en')} KB`;

/** The paragraph (lines between blank lines) with the most delimiter characters, and its first line. */
function busiestParagraph(body: string): { line: number; count: number } | undefined {
  let best: { line: number; count: number } | undefined;
  let current = { line: 1, count: 0 };
  const lines = body.split('\n');
  for (const [index, text] of lines.entries()) {
    if (text.trim() === '') {
      current = { line: index + 2, count: 0 };
      continue;
    }
    current.count += text.match(DELIMITERS)?.length ?? 0;
    if (current.count > (best?.count ?? 0)) best = { ...current };
  }
  return best;
}
