import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { entryKey, readEntry, writeEntry } from '../../src/util/file-cache.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const KEY = entryKey('article', 'content/articles/harbour.md', 'The harbour wall was repaired.');
const OTHER = entryKey('article', 'content/articles/tram.md', 'The tram opens.');
const VALUE = { html: '<p>Café “quotes”\nand a second line</p>', words: 5, problems: [] as string[] };
const stored = () => {
  const [folder] = readdirSync(dir);
  const [file] = readdirSync(path.join(dir, folder!));
  return path.join(dir, folder!, file!);
};

describe('the file cache', () => {
  test('serves what was stored under the same key, and nothing under another', () => {
    writeEntry(dir, KEY, VALUE);
    expect(readEntry(dir, KEY)).toEqual(VALUE);
    expect(readEntry(dir, OTHER)).toBeUndefined();
  });

  test('an entry moved to another key’s place is not served for it', () => {
    writeEntry(dir, KEY, VALUE);
    const original = stored();
    const moved = path.join(dir, OTHER.slice(0, 2), `${OTHER}.json`);
    mkdirSync(path.dirname(moved), { recursive: true });
    copyFileSync(original, moved);
    expect(readEntry(dir, OTHER)).toBeUndefined();
  });

  test.each([
    ['a value changed on disk, still valid JSON', (text: string) => text.replace('second line', 'other  line')],
    ['a value cut short', (text: string) => text.slice(0, -10)],
    ['the header alone', (text: string) => text.slice(0, text.indexOf('\n') + 1)],
    ['no header', (text: string) => text.slice(text.indexOf('\n') + 1)],
    ['an empty file', () => ''],
    ['a header that is not JSON', (text: string) => `{key${text.slice(text.indexOf('\n'))}`],
    // Whole and true in its own form: one object, the checksum taken of the value turned back into JSON.
    ['the format before checksums of the stored bytes', () => JSON.stringify({ key: KEY, value: VALUE, check: createHash('sha256').update(JSON.stringify(VALUE)).digest('hex') })],
  ])('is not served: %s', (_, damage) => {
    writeEntry(dir, KEY, VALUE);
    const file = stored();
    writeFileSync(file, damage(readFileSync(file, 'utf8')));
    expect(readEntry(dir, KEY)).toBeUndefined();
    // Stored again, it is served again.
    writeEntry(dir, KEY, VALUE);
    expect(readEntry(dir, KEY)).toEqual(VALUE);
  });
});
