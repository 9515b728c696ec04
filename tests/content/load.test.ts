import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { decodeUtf8, loadContent, MAX_FILE_BYTES } from '../../src/content/load.js';
import { displayPath } from '../../src/util/display-path.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'broadsheet-load-'));
  for (const folder of ['articles/2025/spring', 'authors', 'categories']) mkdirSync(path.join(root, folder), { recursive: true });
  writeFileSync(path.join(root, 'site.yml'), 'title: T\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const shown = (...parts: string[]) => displayPath(path.join(root, ...parts));

test('reads site.yml and Markdown in nested folders, in path order, ignoring other files', async () => {
  writeFileSync(path.join(root, 'articles/2025/spring/b.md'), 'B');
  writeFileSync(path.join(root, 'articles/a.md'), 'A');
  writeFileSync(path.join(root, 'articles/notes.txt'), 'not an article');
  writeFileSync(path.join(root, 'articles/.hidden.md'), 'editor swap file');
  writeFileSync(path.join(root, 'authors/jane.md'), 'J');
  const { sources, problems } = await loadContent(root);
  expect(problems).toEqual([]);
  expect(sources.site).toEqual({ path: shown('site.yml'), text: 'title: T\n' });
  expect(sources.articles).toEqual([
    { path: shown('articles/2025/spring/b.md'), text: 'B' },
    { path: shown('articles/a.md'), text: 'A' },
  ]);
  expect(sources.authors.map((s) => s.text)).toEqual(['J']);
  expect(sources.categories).toEqual([]);
});

test('symbolic links are refused, so a contribution cannot publish a file from the build machine', async () => {
  writeFileSync(path.join(root, 'secret.txt'), 'SECRET');
  symlinkSync(path.join(root, 'secret.txt'), path.join(root, 'articles/leak.md'));
  const { sources, problems } = await loadContent(root);
  expect(sources.articles).toEqual([]);
  expect(problems).toEqual([{ severity: 'error', file: shown('articles/leak.md'), message: 'symbolic links are not followed', hint: 'commit the file itself' }]);
});

test('files over the size limit are refused before they are read', async () => {
  writeFileSync(path.join(root, 'articles/huge.md'), Buffer.alloc(MAX_FILE_BYTES + 1, 'a'));
  const { problems } = await loadContent(root);
  expect(problems.map((p) => [p.file, p.message])).toEqual([[shown('articles/huge.md'), 'the file is 4.0 MB; the limit is 4 MB']]);
});

test('invalid UTF-8 is an error on the line of the first bad byte', async () => {
  writeFileSync(path.join(root, 'articles/latin1.md'), Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\n---\n')]));
  const { problems } = await loadContent(root);
  expect(problems).toEqual([
    { severity: 'error', file: shown('articles/latin1.md'), message: 'the file is not valid UTF-8 text', position: { line: 2, column: 1 }, hint: 'save the file as UTF-8 in your editor' },
  ]);
});

test('a missing content folder is one clear error', async () => {
  const { problems } = await loadContent(path.join(root, 'nope'));
  expect(problems.map((p) => p.message)).toEqual(['the content folder does not exist']);
});

test('decodeUtf8 accepts valid text, including a real replacement character', () => {
  expect(decodeUtf8(Buffer.from('caf\u00e9 \uFFFD'))).toEqual({ ok: true, text: 'caf\u00e9 \uFFFD' });
  expect(decodeUtf8(Buffer.from([0x61, 0x0a, 0x0a, 0xff]))).toEqual({ ok: false, line: 3 });
});

test('decodeUtf8 names the line of the bad byte even after a real replacement character', () => {
  expect(decodeUtf8(Buffer.from([0xef, 0xbf, 0xbd, 0x0a, 0x61, 0x0a, 0xff]))).toEqual({ ok: false, line: 3 });
  expect(decodeUtf8(Buffer.from([0x61, 0x0a, 0xe2, 0x0a]))).toEqual({ ok: false, line: 2 });
});
