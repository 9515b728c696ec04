import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { IMPORT_RECORD } from '../content/content-files.js';

/**
 * What the last import wrote, file by file: `content/articles/…` or
 * `public/images/…` → SHA-256. Kept in the content folder and committed with
 * it, so the next import tells a file an editor has changed since (kept)
 * from one only the export changed (replaced).
 */
export type ImportRecord = Map<string, string>;

export type WriteDecision = 'write' | 'unchanged' | 'keep';

/**
 * What to do with one file: `current` is the hash of what is on disk now
 * (undefined when absent), `recorded` what the last import wrote there.
 * A file is replaced only when nobody but the import has touched it.
 */
export function decideWrite(next: string, current: string | undefined, recorded: string | undefined, force: boolean): WriteDecision {
  if (current === next) return 'unchanged';
  if (force) return 'write';
  if (current === undefined) return recorded === undefined ? 'write' : 'keep';
  return current === recorded ? 'write' : 'keep';
}

export const sha256 = (content: string | Uint8Array): string => createHash('sha256').update(content).digest('hex');

export function readImportRecord(contentDir: string): ImportRecord {
  const file = path.join(contentDir, IMPORT_RECORD);
  if (!fs.existsSync(file)) return new Map();
  const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  const files = typeof data === 'object' && data !== null && 'files' in data ? (data as { files: unknown }).files : undefined;
  if (typeof files !== 'object' || files === null) throw new Error(`${file} is not an import record; delete it to import afresh`);
  return new Map(Object.entries(files).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The record as bytes: sorted, so the same import gives the same file. */
export function formatImportRecord(record: ImportRecord): string {
  const files = Object.fromEntries([...record].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
}
