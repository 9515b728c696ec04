import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
let memo: string | undefined;

/**
 * A hash of Broadsheet's own code (every module beside and below this one).
 * Output kept from an earlier build on the strength of its inputs alone must
 * also have been made by the same code: an upgrade that changes how a feed is
 * written has to rewrite the feeds.
 */
export function codeKey(): string {
  memo ??= addSourceFiles(createHash('sha256'), HERE, true).digest('hex');
  return memo;
}

/** Feed `digest` the name and bytes of every JavaScript or TypeScript module in `dir`, in name order. */
export function addSourceFiles(digest: Hash, dir: string, recursive: boolean): Hash {
  const files = readdirSync(dir, { recursive, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:js|ts)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) digest.update(path.relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  return digest;
}
