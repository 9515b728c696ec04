import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';

/** What a run of the command line printed and the code it would have exited with. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const CLI_URL = pathToFileURL(path.resolve('dist/cli.js')).href;
let runs = 0;
let last: Promise<unknown> = Promise.resolve();

/**
 * The compiled command line (dist/cli.js) run inside this test process:
 * its `main` with `args` as argv, `cwd` as the working folder and `env`
 * added to the environment, what it prints collected, its exit code
 * returned and every one of those put back afterwards. The same code as a
 * spawned `node dist/cli.js`, without starting Node and loading Eleventy
 * again for each run (about a second of CPU each). For tests of what a
 * command does; tests of the process itself (signals, exit on a real
 * failure, output streams, npm scripts) spawn it. Runs are one at a time:
 * the working folder and console are the process's own.
 */
export function runCli(args: readonly string[], { cwd, env = {} }: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  const run = last.then(() => runNow(args, cwd, env));
  last = run.catch(() => undefined);
  return run;
}

async function runNow(args: readonly string[], cwd: string, env: Record<string, string>): Promise<CliRun> {
  const saved = { argv: process.argv, cwd: process.cwd(), log: console.log, error: console.error, warn: console.warn, exitCode: process.exitCode };
  const savedEnv = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  let stdout = '';
  let stderr = '';
  process.argv = [process.execPath, path.resolve('dist/cli.js'), ...args];
  Object.assign(process.env, env);
  console.log = (...parts: unknown[]) => void (stdout += `${format(...parts)}\n`);
  console.error = console.warn = (...parts: unknown[]) => void (stderr += `${format(...parts)}\n`);
  process.exitCode = undefined;
  try {
    process.chdir(cwd);
    // A new instance of the entry module each time (its top level runs main); the modules it loads are shared.
    await import(`${CLI_URL}?run=${++runs}`);
    return { code: Number(process.exitCode ?? 0), stdout, stderr };
  } finally {
    process.chdir(saved.cwd);
    Object.assign(console, { log: saved.log, error: saved.error, warn: saved.warn });
    process.argv = saved.argv;
    process.exitCode = saved.exitCode;
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
