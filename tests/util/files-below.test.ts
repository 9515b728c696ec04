import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { filesBelow } from '../../src/util/files-below.js';

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
