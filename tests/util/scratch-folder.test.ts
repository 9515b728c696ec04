import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { writeImport } from '../../src/import/write-import.js';
import { makeScratchFolder } from '../../src/util/scratch-folder.js';

let base: string;
beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'scratch-folder-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const machine = hostname().replace(/[^A-Za-z0-9_]/g, '_');

/** The id of a process that has ended (and been waited for). */
const endedPid = (): number => {
  const ended = spawnSync(process.execPath, ['-e', '']);
  expect(ended.status).toBe(0);
  return ended.pid;
};

/** A folder as a process `pid` would have left it, with a file in it. */
function leftBy(name: string): string {
  const folder = path.join(base, name);
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'half-encoded.avif'), 'x');
  return folder;
}

describe('a scratch folder', () => {
  test("is fresh, and named for its kind, this machine and this process", () => {
    const folder = makeScratchFolder('images', base);
    expect(statSync(folder).isDirectory()).toBe(true);
    expect(readdirSync(folder)).toEqual([]);
    expect(path.basename(folder).startsWith(`broadsheet-images-${machine}.${process.pid}-`)).toBe(true);
    expect(makeScratchFolder('images', base)).not.toBe(folder);
  });

  test('removes the folders of its kind that ended processes of this machine left, and no other', async () => {
    const dead = endedPid();
    const orphan = leftBy(`broadsheet-images-${machine}.${dead}-AbC123`);
    // A build still running: another process, alive while the folder is made.
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      const alive = leftBy(`broadsheet-images-${machine}.${running.pid}-XyZ789`);
      const otherKind = leftBy(`broadsheet-import-${machine}.${dead}-AbC123`);
      const otherMachine = leftBy(`broadsheet-images-elsewhere.${dead}-AbC123`);
      const notOurs = leftBy('broadsheet-images-unrelated');

      const made = makeScratchFolder('images', base);

      expect(existsSync(orphan)).toBe(false);
      for (const kept of [alive, otherKind, otherMachine, notOurs, made]) expect(existsSync(kept)).toBe(true);
    } finally {
      running.kill();
    }
  });
});

test("a build without a cache encodes into a scratch folder removed at exit, and removes one a killed build left", () => {
  const orphan = leftBy(`broadsheet-images-${machine}.${endedPid()}-AbC123`);
  // In a process of its own: this one's scratch folder may already be made, and is made once.
  const script = `const { processImages } = await import(${JSON.stringify(pathToFileURL(path.resolve('dist/images/process-images.js')).href)});
    await processImages([], { publicDir: ${JSON.stringify(base)}, cacheDir: undefined });
    const { readdirSync } = await import('node:fs');
    console.log(readdirSync(${JSON.stringify(base)}).filter((name) => name.startsWith('broadsheet-images-')).join(' '));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TMPDIR: base }, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  // While it ran: its own folder, the orphan gone.
  expect(run.stdout.trim()).toMatch(new RegExp(`^broadsheet-images-${machine}\\.${run.pid}-\\w+$`));
  expect(existsSync(orphan)).toBe(false);
  expect(readdirSync(base).filter((name) => name.startsWith('broadsheet-'))).toEqual([]);
});

test("an import's staging folder is gone when it ends, and removes one a killed import left", async () => {
  const before = process.env.TMPDIR;
  process.env.TMPDIR = base;
  try {
    const orphan = leftBy(`broadsheet-import-${machine}.${endedPid()}-AbC123`);
    const project = mkdtempSync(path.join(base, 'project-'));
    await writeImport(
      (async function* () {
        yield { type: 'file' as const, root: 'content' as const, path: 'articles/2019/2019-05-14-harbour-wall.md', content: '---\ntitle: Harbour wall\n---\nText\n', source: { file: 'export.xml', line: 3 } };
      })(),
      { kind: 'test', source: 'export.xml', contentDir: path.join(project, 'content'), publicDir: path.join(project, 'public'), force: false, reportFile: path.join(project, 'import-report.md') },
    );
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(path.join(project, 'content', 'articles', '2019', '2019-05-14-harbour-wall.md'))).toBe(true);
    expect(readdirSync(base).filter((name) => name.startsWith('broadsheet-'))).toEqual([]);
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  }
});
