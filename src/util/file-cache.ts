import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeWhole } from './write-whole.js';

/*
 * A persistent cache on disk, one small file per entry, keyed by a hash of
 * everything that decides the value (the caller's business). An entry is a
 * line of JSON naming its key and the checksum of the rest, then the value
 * as JSON: the checksum is taken of the bytes as stored, so reading an entry
 * costs one hash and one parse. An entry that fails to parse, is for
 * another key or whose checksum does not match is treated as missing and
 * rewritten, never served.
 */

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export const entryKey = (...parts: string[]): string => sha256(parts.join('\0'));

const entryFile = (dir: string, key: string): string => path.join(dir, key.slice(0, 2), `${key}.json`);

const NEWLINE = 0x0a;

/** The cached value for `key`, or undefined when absent, corrupt or not for this key. */
export function readEntry<T>(dir: string, key: string): T | undefined {
  try {
    const bytes = readFileSync(entryFile(dir, key));
    // JSON.stringify writes no raw newline: the first one ends the header.
    const end = bytes.indexOf(NEWLINE);
    if (end < 0) return undefined;
    const header = JSON.parse(bytes.toString('utf8', 0, end)) as { key?: unknown; check?: unknown } | null;
    const stored = bytes.subarray(end + 1);
    if (header?.key !== key || header.check !== sha256(stored)) return undefined;
    return JSON.parse(stored.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Store a value, whole or not at all. */
export function writeEntry(dir: string, key: string, value: unknown): void {
  const stored = JSON.stringify(value);
  writeWhole(entryFile(dir, key), `${JSON.stringify({ key, check: sha256(stored) })}\n${stored}`);
}
