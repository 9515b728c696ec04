import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { entriesBelow, filesBelow } from '../../src/util/files-below.js';

const dir = mkdtempSync(path.join(tmpdir(), 'files-below-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('lists regular files at every depth by slash-separated relative path, and nothing else', () => {
  mkdirSync(path.join(dir, 'css', 'print'), { recursive: true });
  writeFileSync(path.join(dir, 'robots.txt'), 'x');
  writeFileSync(path.join(dir, 'css', 'print', 'page.css'), 'x');
  symlinkSync(path.join(dir, 'robots.txt'), path.join(dir, 'link.txt'));
  const found = filesBelow(dir).sort((a, b) => a.file.localeCompare(b.file));
  expect(found.map((f) => f.file)).toEqual(['css/print/page.css', 'robots.txt']);
  expect(found[0]?.full).toBe(path.join(dir, 'css', 'print', 'page.css'));
});

test('a folder that does not exist has no files', () => {
  expect(filesBelow(path.join(dir, 'missing'))).toEqual([]);
});

test('entriesBelow sorts files, links (to files or folders, never followed) and other entries apart', () => {
  const root = path.join(dir, 'entries');
  mkdirSync(path.join(root, 'deep'), { recursive: true });
  writeFileSync(path.join(root, 'deep', 'a.txt'), 'x');
  symlinkSync(path.join(dir, 'css'), path.join(root, 'deep', 'folder-link'));
  symlinkSync(path.join(dir, 'robots.txt'), path.join(root, 'file-link'));
  const found = entriesBelow(root);
  expect(found.files.map((f) => f.file)).toEqual(['deep/a.txt']);
  expect(found.links.map((f) => f.file).sort()).toEqual(['deep/folder-link', 'file-link']);
  expect(found.others).toEqual([]);
});

test('entriesBelow reports a folder that is itself a link, and does not list through it', () => {
  const link = path.join(dir, 'css-link');
  symlinkSync(path.join(dir, 'css'), link);
  expect(entriesBelow(link)).toEqual({ files: [], links: [{ file: '', full: link }], others: [] });
  expect(entriesBelow(path.join(dir, 'missing'))).toEqual({ files: [], links: [], others: [] });
});
