import { createHash } from 'node:crypto';
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
  if (memo) return memo;
  const digest = createHash('sha256');
  const files = readdirSync(HERE, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:js|ts)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) digest.update(path.relative(HERE, file)).update('\0').update(readFileSync(file)).update('\0');
  memo = digest.digest('hex');
  return memo;
}
