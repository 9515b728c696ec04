import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describe, expect, test } from 'vitest';
import { helpEntries, unknownCommandLine, usageErrorLine } from '../../src/util/usage-errors.js';

const HELP = `Usage: tool <command> [options]

Commands:
  build    build the site
  check    check every file; this line
           goes on
  serve    serve it

Options:
  --content DIR     content folder
  --out DIR         output folder
  --port N          port for serve
  --drafts          include drafts
  --help            show this help
`;

const OPTIONS = {
  content: { type: 'string' },
  out: { type: 'string' },
  port: { type: 'string' },
  drafts: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

/** What parseArgs throws for these arguments, as one line. */
function lineFor(...args: string[]): string {
  try {
    parseArgs({ args, options: OPTIONS, allowPositionals: true });
  } catch (cause) {
    return usageErrorLine(cause, HELP);
  }
  throw new Error(`${args.join(' ')} was accepted`);
}

describe('usage errors as one line', () => {
  test('the help lists the options, their placeholders and the commands', () => {
    const { options, commands } = helpEntries(HELP);
    expect(Object.fromEntries(options)).toEqual({ content: 'DIR', out: 'DIR', port: 'N', drafts: undefined, help: undefined });
    expect(commands).toEqual(['build', 'check', 'serve']);
  });

  test.each([
    [['check', '--bogus'], 'unknown option --bogus; run "broadsheet --help" for the list'],
    [['check', '--conten', 'x'], 'unknown option --conten (did you mean --content?); run "broadsheet --help" for the list'],
    [['serve', '--prot', '80'], 'unknown option --prot (did you mean --port?); run "broadsheet --help" for the list'],
    [['check', '-x'], 'unknown option -x; run "broadsheet --help" for the list'],
    [['check', '--content'], '--content needs a value, as in --content DIR; run "broadsheet --help" for the list'],
    [['check', '--content', '--drafts'], '--content needs a value, as in --content DIR; run "broadsheet --help" for the list'],
    [['check', '--drafts=yes'], '--drafts takes no value: write --drafts alone; run "broadsheet --help" for the list'],
  ])('%j', (args, line) => {
    expect(lineFor(...args)).toBe(line);
  });

  test('an unknown command, with the nearest one; a known one is no error', () => {
    expect(unknownCommandLine('chek', HELP)).toBe('unknown command "chek" (did you mean check?); run "broadsheet --help" for the list');
    expect(unknownCommandLine('publish', HELP)).toBe('unknown command "publish"; run "broadsheet --help" for the list');
    expect(unknownCommandLine('serve', HELP)).toBeUndefined();
  });
});

describe('the command line', () => {
  const CLI = path.join(import.meta.dirname, '../../dist/cli.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  test.each([
    [['check', '--bogus'], 'unknown option --bogus; run "broadsheet --help" for the list'],
    [['check', '--strct'], 'unknown option --strct (did you mean --strict?); run "broadsheet --help" for the list'],
    [['check', '--content'], '--content needs a value, as in --content DIR; run "broadsheet --help" for the list'],
    [['chek'], 'unknown command "chek" (did you mean check?); run "broadsheet --help" for the list'],
  ])('%j exits 2 with one line and not the whole help', (args, line) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${line}\n`);
    expect(result.stdout).toBe('');
  });

  test('--help still prints the whole help', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: broadsheet <command> [options]');
  });
});
