import type { Problem } from './problems.js';
import { terminalText } from './terminal-text.js';

/*
 * The runner reads a workflow command from one line and splits it at `::`
 * and its properties at `,` and `=`; it decodes `%25`, `%0D` and `%0A` in
 * the message, and `%3A` and `%2C` too in a property. `%` itself is
 * encoded, so that a `%0A` an editor wrote stays text rather than turning
 * into a line break.
 */
const DATA_CODES: Record<string, string> = { '%': '%25', '\r': '%0D', '\n': '%0A' };
const PROPERTY_CODES: Record<string, string> = { ...DATA_CODES, ':': '%3A', ',': '%2C' };

const encodeData = (text: string): string => text.replace(/[%\r\n]/g, (char) => DATA_CODES[char] ?? char);
const encodeProperty = (text: string): string => text.replace(/[%\r\n:,]/g, (char) => PROPERTY_CODES[char] ?? char);

/**
 * `problem` as a GitHub Actions workflow command (`::error file=…,line=…,col=…,title=…::message`),
 * which the runner shows as an annotation on that file and line of a pull
 * request. The hint follows the message on a line of its own.
 *
 * What contributors wrote (file names, quoted values) is first made safe to
 * print as everywhere else (`terminalText`), so one problem is always one
 * command on one line, and no file name can end it early or start another.
 */
export function githubAnnotation(problem: Problem, title: string): string {
  const properties: [string, string | number][] = [];
  if (problem.file) properties.push(['file', terminalText(problem.file)]);
  if (problem.position) properties.push(['line', problem.position.line], ['col', problem.position.column]);
  properties.push(['title', title]);
  const listed = properties.map(([name, value]) => `${name}=${encodeProperty(String(value))}`).join(',');
  const message = problem.hint ? `${terminalText(problem.message)}\nhint: ${terminalText(problem.hint)}` : terminalText(problem.message);
  return `::${problem.severity} ${listed}::${encodeData(message)}`;
}
