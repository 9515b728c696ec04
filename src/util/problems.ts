import { terminalText } from './terminal-text.js';

/** Where a problem sits in a file. Lines and columns are 1-based. */
export interface Position {
  line: number;
  column: number;
}

/** One thing wrong with the content, in words an editor can act on. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Path of the file as the editor would type it (relative to the working directory). */
  file: string;
  position?: Position | undefined;
  message: string;
  hint?: string | undefined;
}

export const error = (
  file: string,
  message: string,
  extra: { position?: Position | undefined; hint?: string | undefined } = {},
): Problem => ({ severity: 'error', file, message, ...extra });

export const warning = (
  file: string,
  message: string,
  extra: { position?: Position | undefined; hint?: string | undefined } = {},
): Problem => ({ severity: 'warning', file, message, ...extra });

/**
 * `file:line:column severity: message`, then the hint on its own line. File
 * names and messages quote what contributors wrote, so each part is made
 * safe to print: one problem is always exactly this shape.
 */
export function formatProblem(problem: Problem): string {
  const file = terminalText(problem.file);
  const where = problem.position ? `${file}:${problem.position.line}:${problem.position.column}` : file;
  const head = `${where} ${problem.severity}: ${terminalText(problem.message)}`;
  return problem.hint ? `${head}\n    hint: ${terminalText(problem.hint)}` : head;
}

/** Files in name order, then by line, so reports read top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
      (a.position?.column ?? 0) - (b.position?.column ?? 0) ||
      compareText(a.message, b.message),
  );
}

export const hasErrors = (problems: readonly Problem[]): boolean =>
  problems.some((p) => p.severity === 'error');

/** Code-point order: unlike localeCompare it is the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Thrown when content has errors; carries every problem found, not just the first. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error').length;
    super(
      errors > 0
        ? `${errors} error${errors === 1 ? '' : 's'} in the content`
        : `${problems.length} warning${problems.length === 1 ? '' : 's'}, and --strict treats warnings as errors`,
    );
    this.name = 'ContentError';
    this.problems = problems;
  }
}
