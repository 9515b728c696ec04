import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeWhole } from './write-whole.js';

/*
 * A persistent cache on disk, one small JSON file per entry, keyed by a hash
 * of everything that decides the value (the caller's business). An entry that
 * fails to parse or whose checksum does not match is treated as missing and
 * rewritten, never served.
 */

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

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

/** Store a value, whole or not at all. */
export function writeEntry(dir: string, key: string, value: unknown): void {
  writeWhole(entryFile(dir, key), JSON.stringify({ key, value, check: sha256(JSON.stringify(value)) }));
}
