import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { writeNewsroom } from './helpers/newsroom.js';
import { validArticle } from './helpers/sources.js';
import { runCli } from './helpers/cli-in-process.js';

/* `--format`: how `check` and `build` print problems (the GitHub workflows use `github`). */

const root = writeNewsroom({
  'a.md': validArticle({ date: '2024-02-30' }),
  'b.md': validArticle({ layout: 'evil.njk' }),
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The command line in this process (tests/helpers/cli-in-process.ts). */
const run = (...args: string[]) => runCli(args, { cwd: root, env: { NO_COLOR: '1' } });

test.each(['check', 'build'])('%s --format github: each problem as an annotation on stdout, the text report on stderr as before', async (command) => {
  const { code, stdout, stderr } = await run(command, '--format', 'github', '--quiet');
  expect(code).toBe(1);
  expect(stdout.split('\n')).toEqual([
    `::error file=content/articles/a.md,line=3,col=1,title=broadsheet ${command}::date: "2024-02-30" is not a real date: February 2024 has 29 days%0Ahint: the last day of February 2024 is 2024-02-29`,
    expect.stringMatching(new RegExp(`^::warning file=content/articles/b\\.md,line=7,col=1,title=broadsheet ${command}::"layout" has no effect.*%0Ahint: `)),
    '',
  ]);
  expect(stderr).toContain('content/articles/a.md:3:1 error: date: "2024-02-30" is not a real date');
  expect(stderr).toContain('content/articles/b.md:7:1 warning: "layout" has no effect');
});

test('without --format, or with --format text, no annotation: --quiet leaves stdout empty', async () => {
  for (const args of [['check', '--quiet'], ['check', '--quiet', '--format', 'text']]) {
    const { code, stdout, stderr } = await run(...args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('content/articles/a.md:3:1 error:');
  }
});

test('an unknown format, or a format for a command that prints no problems that way, is bad usage', async () => {
  expect(await run('check', '--format', 'json')).toMatchObject({ code: 2, stderr: '--format must be text or github, not "json"\n' });
  expect(await run('build', '--format', 'GitHub')).toMatchObject({ code: 2, stderr: '--format must be text or github, not "GitHub"\n' });
  expect(await run('serve', '--format', 'github')).toMatchObject({ code: 2, stderr: '--format is for check, build and due, not serve\n' });
  expect(await run('import', 'wordpress', 'x.xml', '--format', 'github')).toMatchObject({ code: 2, stderr: '--format is for check, build and due, not import\n' });
});
