import { closestMatches } from './suggest.js';
import { terminalText } from './terminal-text.js';

const SEE_HELP = 'run "broadsheet --help" for the list';

/**
 * The options and commands a help text lists: each `--name` at the start of
 * a line with its value's placeholder (`--content DIR`), and each command
 * name under "Commands:". The help is the one list people read, so hints
 * are made from it.
 */
export function helpEntries(help: string): { options: Map<string, string | undefined>; commands: string[] } {
  const options = new Map<string, string | undefined>();
  for (const [, name = '', placeholder] of help.matchAll(/^ {2}--([a-z][a-z-]*)(?: ([A-Z][A-Z_[\]/]*))?/gm)) options.set(name, placeholder);
  const commandBlock = /^Commands:\n((?: {2}.*\n?)*)/m.exec(help)?.[1] ?? '';
  const commands = [...commandBlock.matchAll(/^ {2}([a-z][a-z-]*) {2,}/gm)].map(([, name = '']) => name);
  return { options, commands };
}

/**
 * One line for an argument `node:util`'s parseArgs refused, in place of its
 * own text and the whole help: an unknown option with the nearest one (by
 * edit distance over the options `help` lists), an option without its
 * value (with the placeholder `help` gives it), or a switch given a value.
 */
export function usageErrorLine(cause: unknown, help: string): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : undefined;
  // The option as parseArgs quotes it: '--bogus', '-x' or '--content <value>'.
  const option = /'(-{1,2}[^'\s]+)/.exec(message)?.[1];
  const { options } = helpEntries(help);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    // A one-letter option (-x) is close to every short name: no guess.
    const near = option.startsWith('--') ? closestMatches(option.slice(2), options.keys(), { limit: 2 }).map((name) => `--${name}`) : [];
    return `unknown option ${terminalText(option)}${near.length > 0 ? ` (did you mean ${near.join(' or ')}?)` : ''}; ${SEE_HELP}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    const name = option.replace(/^-+/, '');
    if (message.includes('does not take an argument')) return `${option} takes no value: write ${option} alone; ${SEE_HELP}`;
    const placeholder = options.get(name) ?? 'VALUE';
    return `${option} needs a value, as in ${option} ${placeholder}; ${SEE_HELP}`;
  }
  return `${terminalText(message.split('\n')[0] ?? message)}; ${SEE_HELP}`;
}

/** One line for a command `help` does not list, with the nearest one; undefined for a listed command. */
export function unknownCommandLine(command: string, help: string): string | undefined {
  const { commands } = helpEntries(help);
  if (commands.includes(command)) return undefined;
  const near = closestMatches(command, commands, { limit: 2 });
  return `unknown command "${terminalText(command)}"${near.length > 0 ? ` (did you mean ${near.join(' or ')}?)` : ''}; ${SEE_HELP}`;
}
