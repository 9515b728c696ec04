import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatInstant, parseInstant } from '../util/instant.js';
import { manifestPath } from './manifest.js';

/** Where the publish time of the last build into `outDir` is kept: in the cache folder, next to that build's manifest. */
export function publishRecordPath(cacheDir: string, outDir: string): string {
  return manifestPath(cacheDir, path.resolve(outDir)).replace(/\.json$/, '.published.json');
}

/** Note that a build into `outDir` succeeded, published as of `at` (ms). Written whole or not at all. */
export function recordPublishTime(cacheDir: string, outDir: string, at: number): void {
  const file = publishRecordPath(cacheDir, outDir);
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ publishedAt: formatInstant(at) })}\n`);
  renameSync(temporary, file);
}

/**
 * The publish time (ms) of the last successful build into `outDir`;
 * undefined when none is recorded, `unreadable` when the record is there but
 * damaged (a killed disk, a hand edit).
 */
export function lastPublishTime(cacheDir: string, outDir: string): number | 'unreadable' | undefined {
  let text: string;
  try {
    text = readFileSync(publishRecordPath(cacheDir, outDir), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const record = JSON.parse(text) as { publishedAt?: unknown };
    return (typeof record.publishedAt === 'string' ? parseInstant(record.publishedAt) : undefined) ?? 'unreadable';
  } catch {
    return 'unreadable';
  }
}
