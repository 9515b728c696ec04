/**
 * Characters a terminal acts on instead of showing: C0 and C1 controls
 * (escape sequences can clear the screen or recolour a log), DEL, line and
 * paragraph separators (a file name with a newline could forge a "✔ built"
 * line in a CI log), and the bidirectional overrides and isolates that make
 * text read in another order than it runs.
 */
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` safe to print on one line of a terminal or log: every active character shown as an escape (`\n`, `\u001b`). */
export function terminalText(text: string): string {
  return text.replace(ACTIVE, (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Several lines of ours (a stack trace), each made safe on its own. */
export function terminalLines(text: string): string {
  return text.split('\n').map(terminalText).join('\n');
}
