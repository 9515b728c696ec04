import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addFiles, isModule } from '../code-key.js';
import { packageVersion } from '../package-version.js';

/*
 * A persistent cache of what is learnt from each content file (its checks
 * and its rendered Markdown), one small file per content file, keyed by the
 * file's bytes and everything else that decides the result: the versions of
 * the parsing packages, the source of our own code that reads content and
 * renders Markdown, and the options. An entry that fails to parse or whose
 * checksum does not match is treated as missing and rewritten, never served.
 */

const PACKAGES = [
  'unified',
  'remark-parse',
  'micromark-extension-gfm-autolink-literal',
  'micromark-extension-gfm-footnote',
  'micromark-extension-gfm-strikethrough',
  'micromark-extension-gfm-table',
  'micromark-extension-gfm-task-list-item',
  'mdast-util-gfm-autolink-literal',
  'mdast-util-gfm-footnote',
  'mdast-util-gfm-strikethrough',
  'mdast-util-gfm-table',
  'mdast-util-gfm-task-list-item',
  'remark-html',
  'hast-util-sanitize',
  'github-slugger',
  'mdast-util-to-string',
  'gray-matter',
  'yaml',
  'zod',
  'luxon',
  '@sindresorhus/slugify',
];

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** What every cache key of this build shares: change our code, a package or an option, and nothing old matches. */
export function processingKey(options: Record<string, string>): string {
  const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const digest = createHash('sha256');
  for (const folder of ['content', 'markdown', 'pipeline', 'related']) {
    addFiles(digest.update(folder).update('\0'), path.join(src, folder), { recursive: false, keep: isModule });
  }
  const versions = PACKAGES.map((name) => `${name}@${packageVersion(name)}`);
  return digest.update(JSON.stringify({ versions, options })).digest('hex');
}

export const entryKey = (...parts: string[]): string => sha256(parts.join('\0'));

const entryFile = (dir: string, key: string): string => path.join(dir, key.slice(0, 2), `${key}.json`);

/** The cached value for `key`, or undefined when absent, corrupt or not for this key. */
export function readEntry<T>(dir: string, key: string): T | undefined {
  let entry: unknown;
  try {
    entry = JSON.parse(readFileSync(entryFile(dir, key), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { key: storedKey, value, check } = entry as { key?: unknown; value?: unknown; check?: unknown };
  if (storedKey !== key || value === undefined || check !== sha256(JSON.stringify(value))) return undefined;
  return value as T;
}

/** Store a value. Written to a temporary name and renamed, so a killed build never leaves half an entry. */
export function writeEntry(dir: string, key: string, value: unknown): void {
  const file = entryFile(dir, key);
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, JSON.stringify({ key, value, check: sha256(JSON.stringify(value)) }));
  renameSync(temporary, file);
}
