import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/*
 * Vitest global setup for `npm test` (BROADSHEET_TYPECHECK=1): the type
 * check of src/, tests/ and bench/ runs beside the tests instead of before
 * them, on the core the shared sample build leaves idle. The run fails when
 * it fails, with tsc's report.
 */
export default function setup(): (() => Promise<void>) | undefined {
  if (process.env.BROADSHEET_TYPECHECK !== '1') return undefined;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.json', '--noEmit'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const finished = new Promise<number | null>((resolve) => child.on('close', resolve));
  return async () => {
    const code = await finished;
    if (code !== 0) {
      // Vitest only logs an error thrown here; the run must fail.
      process.exitCode = 1;
      throw new Error(`the type check failed (tsc -p tsconfig.json --noEmit):\n${output}`);
    }
  };
}
