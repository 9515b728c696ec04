import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
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

test('reads site.yml and Markdown in nested folders, in path order', async () => {
  writeFileSync(path.join(root, 'articles/2025/spring/b.md'), 'B');
  writeFileSync(path.join(root, 'articles/a.md'), 'A');
  writeFileSync(path.join(root, 'authors/jane.md'), 'J');
  writeFileSync(path.join(root, 'articles/.gitkeep'), '');
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

test('every file that is not read is a warning naming it and saying why', async () => {
  mkdirSync(path.join(root, 'articles/.old'), { recursive: true });
  mkdirSync(path.join(root, 'comments/story'), { recursive: true });
  mkdirSync(path.join(root, 'pages'), { recursive: true });
  mkdirSync(path.join(root, 'notes'), { recursive: true });
  writeFileSync(path.join(root, 'articles/.draft.md'), 'D');
  writeFileSync(path.join(root, 'articles/.md'), 'M');
  writeFileSync(path.join(root, 'articles/story.markdown'), 'S');
  writeFileSync(path.join(root, 'articles/notes.txt'), 'N');
  writeFileSync(path.join(root, 'articles/.old/kept.md'), 'K');
  writeFileSync(path.join(root, 'comments/story/reader.yaml'), 'R');
  writeFileSync(path.join(root, 'pages/about.md'), 'A');
  writeFileSync(path.join(root, 'pages/contact.txt'), 'C');
  writeFileSync(path.join(root, 'notes/a.md'), 'N');
  writeFileSync(path.join(root, 'notes/b.md'), 'N');
  writeFileSync(path.join(root, 'README.md'), 'R');
  const { sources, problems } = await loadContent(root);
  expect(sources.articles).toEqual([]);
  expect(sources.comments).toEqual([]);
  expect(sources.pages).toEqual([{ path: shown('pages/about.md'), text: 'A' }]);
  expect(problems.map((p) => [p.severity, p.file, p.message, p.hint])).toEqual([
    ['warning', shown('README.md'), 'is not read: content/ holds site.yml and the folders articles/, authors/, categories/, pages/ and comments/', 'move it into one of those folders, or out of content/'],
    ['warning', shown('articles/.draft.md'), 'is not read: its name starts with "." (hidden files are left out)', 'rename it without the leading "." to publish it, or delete it'],
    ['warning', shown('articles/.md'), 'is not read: a file named just ".md" has no name to make an address from', 'give it a name, such as harbour-wall.md'],
    ['warning', shown('articles/.old/kept.md'), 'is not read: it is in a folder whose name starts with "." (hidden folders are left out)', 'move it out of that folder to publish it, or delete it'],
    ['warning', shown('articles/notes.txt'), 'is not read: only .md files are read in articles/', 'rename it to notes.md if it is meant to be published, or move it out of content/'],
    ['warning', shown('articles/story.markdown'), 'is not read: only .md files are read in articles/', 'rename it to story.md if it is meant to be published, or move it out of content/'],
    ['warning', shown('comments/story/reader.yaml'), 'is not read: only .yml files are read in comments/', 'rename it to reader.yml if it is meant to be published, or move it out of content/'],
    ['warning', shown('notes'), 'is not read: content/ holds site.yml and the folders articles/, authors/, categories/, pages/ and comments/', 'move it into one of those folders, or out of content/'],
    ['warning', shown('pages/contact.txt'), 'is not read: only .md files are read in pages/', 'rename it to contact.md if it is meant to be published, or move it out of content/'],
  ]);
});

test('a folder named like a property of every object is an unknown folder, not a crash', async () => {
  mkdirSync(path.join(root, 'constructor'));
  writeFileSync(path.join(root, 'constructor/x.md'), 'X');
  writeFileSync(path.join(root, 'articles/__proto__.md'), 'P');
  const { sources, problems } = await loadContent(root);
  expect(sources.articles.map((s) => s.text)).toEqual(['P']);
  expect(problems.map((p) => p.file)).toEqual([shown('constructor')]);
});

describe('symbolic links are refused, file or folder, at any depth, so a contribution cannot publish a file from the build machine', () => {
  let outside: string;
  beforeEach(() => {
    outside = mkdtempSync(path.join(tmpdir(), 'broadsheet-outside-'));
    writeFileSync(path.join(outside, 'secret.md'), 'SECRET');
  });
  afterEach(() => rmSync(outside, { recursive: true, force: true }));
  const refusal = (file: string) => ({ severity: 'error', file, message: 'symbolic links are not read', hint: 'commit the file (or the folder) itself, not a link to it' });

  test('a file', async () => {
    symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'articles/leak.md'));
    const { sources, problems } = await loadContent(root);
    expect(sources.articles).toEqual([]);
    expect(problems).toEqual([refusal(shown('articles/leak.md'))]);
  });

  test.each(['articles', 'authors', 'categories', 'comments'])('the folder %s/ itself', async (folder) => {
    rmSync(path.join(root, folder), { recursive: true, force: true });
    mkdirSync(path.join(outside, 'story'));
    writeFileSync(path.join(outside, 'story/x.yml'), 'SECRET');
    symlinkSync(outside, path.join(root, folder));
    const { sources, problems } = await loadContent(root);
    expect(JSON.stringify(sources)).not.toContain('SECRET');
    expect(problems).toEqual([refusal(shown(folder))]);
  });

  test('a folder deep inside articles/, site.yml, and a dangling link', async () => {
    symlinkSync(outside, path.join(root, 'articles/2025/spring/more'));
    rmSync(path.join(root, 'site.yml'));
    symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'site.yml'));
    symlinkSync(path.join(outside, 'gone.md'), path.join(root, 'authors/gone.md'));
    const { sources, problems } = await loadContent(root);
    expect(JSON.stringify(sources)).not.toContain('SECRET');
    expect(problems.map((p) => p.file).sort()).toEqual([shown('articles/2025/spring/more'), shown('authors/gone.md'), shown('site.yml')].sort());
    expect(problems.every((p) => p.message === 'symbolic links are not read')).toBe(true);
  });

  test('the content folder itself is refused with a message that says it is a link', async () => {
    const link = path.join(outside, 'content-link');
    symlinkSync(root, link);
    const { sources, problems } = await loadContent(link);
    expect(sources.site).toBeUndefined();
    expect(problems).toEqual([
      {
        severity: 'error',
        file: displayPath(link),
        message: 'the content folder is a symbolic link, and content is never read through links',
        hint: 'pass the folder it points to with --content DIR',
      },
    ]);
  });
});

test('a pipe is an error, never read (reading it would wait forever)', async () => {
  const made = spawnSync('mkfifo', [path.join(root, 'articles/pipe.md')]);
  expect(made.status).toBe(0);
  const { sources, problems } = await loadContent(root);
  expect(sources.articles).toEqual([]);
  expect(problems.map((p) => [p.file, p.message])).toEqual([[shown('articles/pipe.md'), 'is not a regular file (a pipe, socket or device), so it is not read']]);
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

test('a missing content folder, or a file given as one, is one clear error', async () => {
  expect((await loadContent(path.join(root, 'nope'))).problems.map((p) => p.message)).toEqual(['the content folder does not exist']);
  expect((await loadContent(path.join(root, 'site.yml'))).problems.map((p) => p.message)).toEqual(['the content folder is not a folder']);
});

test('decodeUtf8 accepts valid text, including a real replacement character', () => {
  expect(decodeUtf8(Buffer.from('caf\u00e9 \uFFFD'))).toEqual({ ok: true, text: 'caf\u00e9 \uFFFD' });
  expect(decodeUtf8(Buffer.from([0x61, 0x0a, 0x0a, 0xff]))).toEqual({ ok: false, line: 3 });
});

test('decodeUtf8 names the line of the bad byte even after a real replacement character', () => {
  expect(decodeUtf8(Buffer.from([0xef, 0xbf, 0xbd, 0x0a, 0x61, 0x0a, 0xff]))).toEqual({ ok: false, line: 3 });
  expect(decodeUtf8(Buffer.from([0x61, 0x0a, 0xe2, 0x0a]))).toEqual({ ok: false, line: 2 });
});
