import { readFileSync } from 'node:fs';
import { formatInstant, parseInstant } from '../util/instant.js';
import { writeWhole } from '../util/write-whole.js';
import { besideManifest } from './manifest.js';

/** Where the publish time of the last build into `outDir` is kept: in the cache folder, next to that build's manifest. */
export function publishRecordPath(cacheDir: string, outDir: string): string {
  return besideManifest(cacheDir, outDir, 'published');
}

/** Note that a build into `outDir` succeeded, published as of `at` (ms). Written whole or not at all. */
export function recordPublishTime(cacheDir: string, outDir: string, at: number): void {
  writeWhole(publishRecordPath(cacheDir, outDir), `${JSON.stringify({ publishedAt: formatInstant(at) })}\n`);
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
