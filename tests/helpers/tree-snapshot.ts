import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file below `dir` with a hash of its bytes, and every symbolic link
 * as a link (never followed): two snapshots are equal when nothing in the
 * tree was written, added or removed.
 */
export function treeSnapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isFile()) files[path.relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    else if (entry.isSymbolicLink()) files[path.relative(dir, full)] = 'link';
  }
  return files;
}
