import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { folderMaker, linkOrCopy } from '../../src/util/link-or-copy.js';

const root = mkdtempSync(path.join(tmpdir(), 'broadsheet-link-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('files linked into a fresh tree through one folder maker land whole, each folder made once', () => {
  writeFileSync(path.join(root, 'page.html'), '<p>one</p>');
  const made: string[] = [];
  const make = folderMaker();
  const counting = (dir: string) => {
    made.push(dir);
    make(dir);
  };
  const target = path.join(root, 'site');
  for (const file of ['news/a/index.html', 'news/b/index.html', 'news/a/extra.html', 'index.html']) linkOrCopy(path.join(root, 'page.html'), path.join(target, file), counting);
  for (const file of ['news/a/index.html', 'news/b/index.html', 'news/a/extra.html', 'index.html']) expect(readFileSync(path.join(target, file), 'utf8')).toBe('<p>one</p>');
  // A hard link: the same file, not a copy.
  expect(statSync(path.join(target, 'news/a/index.html')).ino).toBe(statSync(path.join(root, 'page.html')).ino);
  expect(made).toHaveLength(4);
  expect(new Set(made).size).toBe(3);
  // Made once: a folder removed behind the maker's back is not made again by it (a new maker makes it).
  rmSync(path.join(target, 'news/b'), { recursive: true });
  make(path.join(target, 'news/b'));
  expect(existsSync(path.join(target, 'news/b'))).toBe(false);
  folderMaker()(path.join(target, 'news/b'));
  expect(existsSync(path.join(target, 'news/b'))).toBe(true);
});
