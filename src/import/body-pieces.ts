/**
 * A converted body is put together from pieces: text kept as it was, and
 * the replacement of each construct (a Liquid tag, a Hugo shortcode). A
 * piece may carry a note for the report; joining the pieces tells where
 * the construct was in the source and where it ended up in the new body,
 * so the report can name both lines.
 */
export interface BodyPiece {
  text: string;
  /** Offset of the piece's source in the source body. */
  at: number;
  note?: { kind: 'unconverted' | 'warning'; message: string };
}

/** A note placed: 1-based lines in the source body and in the new body. */
export interface BodyNote {
  kind: 'unconverted' | 'warning';
  message: string;
  sourceLine: number;
  line: number;
}

/** The new body and its notes, in order. */
export function joinPieces(source: string, pieces: readonly BodyPiece[]): { text: string; notes: BodyNote[] } {
  const sourceLines = lineStarts(source);
  let text = '';
  let line = 1;
  const notes: BodyNote[] = [];
  for (const piece of pieces) {
    if (piece.note) notes.push({ ...piece.note, sourceLine: lineAt(sourceLines, piece.at), line });
    text += piece.text;
    for (const char of piece.text) if (char === '\n') line += 1;
  }
  return { text, notes };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** The 1-based line of `offset` in `text`. */
export function lineOfOffset(text: string, offset: number): number {
  return lineAt(lineStarts(text), offset);
}

/**
 * A fenced code block holding `code` exactly: the fence is longer than
 * any run of backticks inside, so nothing in the code can close it.
 */
export function fencedCode(code: string, language: string | undefined): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const info = language && /^[A-Za-z0-9_+#.-]{1,40}$/.test(language) ? language : '';
  return `${fence}${info}\n${code.replace(/^\n/, '').replace(/\n?$/, '\n')}${fence}`;
}

/** True when `source[start, end)` is all its line holds (spaces aside). */
export function aloneOnLine(source: string, start: number, end: number): boolean {
  const before = source.slice(source.lastIndexOf('\n', start - 1) + 1, start);
  const lineEnd = source.indexOf('\n', end);
  const after = source.slice(end, lineEnd < 0 ? source.length : lineEnd);
  return before.trim() === '' && after.trim() === '';
}

/**
 * Text that must be a block of its own (an embed's address, a figure, a
 * code fence): as it is when the construct stood alone on its line,
 * otherwise set off by blank lines so it is not read as part of a sentence.
 */
export const asBlock = (text: string, alone: boolean): string => (alone ? text : `\n\n${text}\n\n`);
