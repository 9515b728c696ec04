import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The folder of all our modules: this file sits in util/, one below it.
const HERE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let memo: string | undefined;

/**
 * A hash of Broadsheet's own code (every module of src/).
 * Output kept from an earlier build on the strength of its inputs alone must
 * also have been made by the same code: an upgrade that changes how a feed is
 * written has to rewrite the feeds.
 */
export function codeKey(): string {
  memo ??= addFiles(createHash('sha256'), HERE, { keep: isModule }).digest('hex');
  return memo;
}

/** A JavaScript or TypeScript module (not a type declaration, which changes nothing that runs). */
export const isModule = (name: string): boolean => /\.(?:js|ts)$/.test(name) && !name.endsWith('.d.ts');

/** Feed `digest` the relative name and bytes of each file in `dir` (and below, unless told) that `keep` accepts, in name order. */
export function addFiles(digest: Hash, dir: string, { recursive = true, keep }: { recursive?: boolean; keep?: (name: string) => boolean } = {}): Hash {
  const files = readdirSync(dir, { recursive, withFileTypes: true })
    .filter((entry) => entry.isFile() && (keep?.(entry.name) ?? true))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) digest.update(path.relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  return digest;
}
