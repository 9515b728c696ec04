import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { filesBelow } from '../util/files-below.js';
import { writeWhole } from '../util/write-whole.js';

/** What the last build into a folder published, to tell which of its files can be taken over. */
export interface Manifest {
  version: 1;
  /** Page file → fingerprint. */
  pages: Record<string, string>;
  templatePages: string;
  /** Files Eleventy wrote from templates alone. */
  templateFiles: string[];
  /** public/ or generated file → [size, mtime] of the source when it was copied. */
  public: Record<string, [number, number]>;
  /** Every published file → [size, mtime], to notice files changed by hand since. */
  files: Record<string, [number, number]>;
  /** Extra file → SHA-1 of its content, or `key:` and its key for a file keyed by its input (a feed; see OutputFile). */
  extras?: Record<string, string>;
  /** What the extra files were made from: their own key and every page fingerprint. */
  extrasKey?: string;
  /** Each part of the search index: what it was made from (its pages' fingerprints) and its files. */
  search?: Record<string, { key: string; files: string[] }>;
  /** What the whole build was made from (see buildKey). */
  buildKey?: string;
}

/** Where the manifest of the output folder `outDir` is kept in the cache folder. */
export function manifestPath(cacheDir: string, outDir: string): string {
  return path.join(cacheDir, `output-${createHash('sha256').update(outDir).digest('hex').slice(0, 16)}.json`);
}

/** Where another record of the last build into `outDir` is kept (`name`: what it records), next to its manifest, so that whoever keeps one keeps all. */
export function besideManifest(cacheDir: string, outDir: string, name: string): string {
  return manifestPath(cacheDir, path.resolve(outDir)).replace(/\.json$/, `.${name}.json`);
}

export function readManifest(file: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>;
    const complete = manifest.version === 1 && manifest.pages && manifest.public && manifest.files && Array.isArray(manifest.templateFiles);
    return complete ? (manifest as Manifest) : undefined;
  } catch {
    return undefined;
  }
}

/** Written to a temporary name and renamed: a killed build never leaves half a manifest. */
export function writeManifest(file: string, manifest: Manifest): void {
  writeWhole(file, JSON.stringify(manifest));
}

/** Whether a file the last build published is still there (`stat`: its stats now) with the size and time it had. */
export function isIntact(previous: Manifest | undefined, file: string, stat: Stats | undefined): boolean {
  const recorded = previous?.files[file];
  return !!recorded && !!stat && stat.size === recorded[0] && stat.mtimeMs === recorded[1];
}

/** Every file below `dir`, by `/`-separated relative path, with its stats, in path order. */
export function listFiles(dir: string): Map<string, Stats> {
  const files = filesBelow(dir).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return new Map(files.map(({ file, full }) => [file, lstatSync(full)]));
}

export function statOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}
