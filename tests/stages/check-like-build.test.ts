import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeNewsroom } from '../helpers/newsroom.js';
import { validArticle } from '../helpers/sources.js';

/*
 * `check` is what a pull request runs and `build` what publishes: a file
 * that runs out of time must fail both, with the same one error. Both go
 * through the compiled command line, with worker threads, as in CI.
 */

const CLI = path.resolve('dist/cli.js');
// Its body's one paragraph of emphasis marks takes remark seconds of CPU time.
const SLOW = `${validArticle({ title: 'Changelog' })}\n${'*a'.repeat(20_000)}\n`;

let root: string;
const runs: Record<'check' | 'build', { code: number | null; stderr: string }> = {} as never;

beforeAll(() => {
  root = writeNewsroom({ 'harbour-wall.md': validArticle({ related: '[changelog]' }), 'changelog.md': SLOW });
  // A reader's comment on it: it must not become an orphan because its article stopped.
  mkdirSync(path.join(root, 'content/comments/changelog'), { recursive: true });
  writeFileSync(path.join(root, 'content/comments/changelog/1.yml'), 'name: Ann Reader\ndate: 2025-03-15T10:00\nbody: Thanks.\n');
  for (const command of ['check', 'build'] as const) {
    const result = spawnSync(process.execPath, [CLI, command, '--no-cache', '--quiet', '--time-limit', '0.5'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    runs[command] = { code: result.status, stderr: result.stderr };
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('a file that runs out of time fails check and build with the same one error, and nothing is published', () => {
  expect(runs.check.stderr.split('\n')).toEqual([
    'content/articles/changelog.md:10:1 error: rendering the Markdown took more than 0.5 s of CPU time, the limit for one file',
    '    hint: the paragraph at line 10 has 20,000 emphasis, link and code marks (* _ [ ] ` ~); break it up, or escape the marks with \\',
    '✖ 1 error in the content; nothing was written',
    '',
  ]);
  expect(runs.check.code).toBe(1);
  expect(runs.build).toEqual(runs.check);
  expect(existsSync(path.join(root, '_site'))).toBe(false);
});
