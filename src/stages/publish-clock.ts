import { formatInstant, INSTANT_FORM, parseInstant } from '../util/instant.js';
import { terminalText } from '../util/terminal-text.js';

/** The commands that decide what is published, and so take `--at`. */
const CLOCKED = ['check', 'build', 'serve', 'due'];

/** The clock options of the command line, as given. */
export interface ClockValues {
  at?: string | undefined;
  since?: string | undefined;
  drafts?: boolean | undefined;
  future?: boolean | undefined;
}

/**
 * `--at` and `--since` read for `command`: the moment to publish as of
 * (undefined: the real clock, read when the build starts) and the start of
 * `due`'s window; or why they cannot be used, for a usage error. `clock` is
 * the real time, which `--since` may not be after when `--at` is not given.
 */
export function readClock(command: string, values: ClockValues, clock: number): { at: number | undefined; since: number | undefined } | { usage: string } {
  if (values.at !== undefined && !CLOCKED.includes(command)) return { usage: `--at is for ${CLOCKED.join(', ')}, not ${terminalText(command)}` };
  if (values.since !== undefined && command !== 'due') return { usage: `--since is for due, not ${terminalText(command)}` };
  if (command === 'due' && (values.drafts || values.future)) {
    return { usage: `--${values.drafts ? 'drafts' : 'future'} is for check, build and serve: due looks at what a publish build shows` };
  }
  const at = moment('--at', values.at);
  if (typeof at === 'string') return { usage: at };
  const since = moment('--since', values.since);
  if (typeof since === 'string') return { usage: since };
  const end = at ?? clock;
  if (since !== undefined && since > end) {
    return { usage: `--since ${formatInstant(since)} is after ${at === undefined ? 'now' : '--at'} (${formatInstant(end)}): the window would be empty` };
  }
  return { at, since };
}

/** The moment an option gives, undefined when it is not given, or the usage error. */
function moment(option: string, text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  return parseInstant(text) ?? `${option} "${terminalText(text)}" is not a moment Broadsheet can read: give ${INSTANT_FORM}`;
}
