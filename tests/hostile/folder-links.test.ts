import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { build, checkContent, defaultPaths } from '../../src/stages/build.js';
import { ContentError, formatProblem } from '../../src/util/problems.js';
import { writeBuiltNewsroom, writeOutside } from '../helpers/newsroom.js';
import { CANARY_VARIABLE } from './cases.js';
import { treeSnapshot } from '../helpers/tree-snapshot.js';
import { runCli } from '../helpers/cli-in-process.js';

/*
 * Links that replace a whole folder (content/articles, the content folder,
 * a folder of public/) cannot share the build of the other hostile cases.
 * Each is refused on its own, after a good build: exit code and message with
 * the file, the previous output intact, nothing outside the output changed.
 */
const SECRET = `canary-${randomBytes(12).toString('hex')}`;
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** `broadsheet … --no-cache` in `root`, in this process (tests/helpers/cli-in-process.ts), with the secret in its environment. */
async function cli(root: string, ...args: string[]) {
  const result = await runCli([...args, '--no-cache'], { cwd: root, env: { NO_COLOR: '1', [CANARY_VARIABLE]: SECRET } });
  return { code: result.code, stderr: result.stderr, log: result.stdout + result.stderr };
}

/** A newsroom built once (a copy of writeBuiltNewsroom's), and a folder outside it holding the canary. */
function builtNewsroom(): { root: string; outside: string; site: Record<string, string> } {
  const root = writeBuiltNewsroom();
  const outside = writeOutside(SECRET);
  made.push(root, outside);
  return { root, outside, site: treeSnapshot(path.join(root, '_site')) };
}

describe('content/articles as a symbolic link to a folder outside the repository', () => {
  test('build and check exit 1 naming the link; the previous site and every other file stay as they were', async () => {
    const { root, outside, site } = builtNewsroom();
    const articles = path.join(root, 'content/articles');
    rmSync(articles, { recursive: true });
    symlinkSync(path.join(outside, 'folder'), articles);
    const before = { root: treeSnapshot(root), outside: treeSnapshot(outside) };

    for (const command of ['build', 'check']) {
      const run = await cli(root, command);
      expect(run.code, run.log).toBe(1);
      expect(run.stderr).toContain('content/articles error: symbolic links are not read\n    hint: commit the file (or the folder) itself, not a link to it');
      expect(run.log).not.toContain(SECRET);
    }
    expect(treeSnapshot(path.join(root, '_site'))).toEqual(site);
    expect({ root: treeSnapshot(root), outside: treeSnapshot(outside) }).toEqual(before);
  });
});

describe('--content given as a symbolic link', () => {
  test('is refused with a message that says it is a link (not that it does not exist); nothing changes', async () => {
    const { root, site } = builtNewsroom();
    renameSync(path.join(root, 'content'), path.join(root, 'real-content'));
    symlinkSync('real-content', path.join(root, 'content'));
    const before = treeSnapshot(root);
    for (const args of [['build'], ['check'], ['build', '--content', 'content']]) {
      const run = await cli(root, ...args);
      expect(run.code, run.log).toBe(1);
      expect(run.stderr).toContain(
        'content error: the content folder is a symbolic link, and content is never read through links\n    hint: pass the folder it points to with --content DIR',
      );
    }
    expect(treeSnapshot(path.join(root, '_site'))).toEqual(site);
    expect(treeSnapshot(root)).toEqual(before);
    // The folder itself, named as it is, builds.
    expect((await cli(root, 'build', '--content', 'real-content')).code).toBe(0);
  });
});

describe('a symbolic link in public/', () => {
  // The command line always reads the package's own public/, which no test may
  // change: this runs the same stages through the library with a copy of it.
  test.each([
    ['a file', 'images/leak.jpg', 'secret.md'],
    ['a folder', 'images/more', 'folder'],
  ])('to %s outside: check and build refuse it before anything is written', async (_kind, link, target) => {
    const { root, outside, site } = builtNewsroom();
    const publicDir = path.join(root, 'public');
    cpSync(defaultPaths.publicDir, publicDir, { recursive: true });
    symlinkSync(path.join(outside, target), path.join(publicDir, link));
    const options = { contentDir: path.join(root, 'content'), outDir: path.join(root, '_site'), publicDir, workers: 0 };
    const before = treeSnapshot(root);
    const expected = `${path.join(publicDir, link)} error: symbolic links in public/ are not published\n    hint: put the file (or the folder) itself in public/, not a link to it`;
    for (const run of [() => checkContent(options), () => build(options)]) {
      const problems = await run().then(
        () => [],
        (error: unknown) => {
          if (error instanceof ContentError) return error.problems.map(formatProblem);
          throw error;
        },
      );
      expect(problems).toEqual([expected]);
    }
    expect(treeSnapshot(path.join(root, '_site'))).toEqual(site);
    expect(treeSnapshot(root)).toEqual(before);
    expect(existsSync(path.join(root, '_site', link))).toBe(false);
  });
});
