import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file below `dir` with a hash of its bytes, and every symbolic link
 * as a link (never followed): two snapshots are equal when nothing in the
 * tree was written, added or removed. With `times`, each file's modification
 * time too, so that a file written again with the same bytes shows.
 */
export function treeSnapshot(dir: string, { times = false } = {}): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const hash = () => createHash('sha256').update(readFileSync(full)).digest('hex');
    if (entry.isFile()) files[path.relative(dir, full)] = times ? `${statSync(full).mtimeMs} ${hash()}` : hash();
    else if (entry.isSymbolicLink()) files[path.relative(dir, full)] = 'link';
  }
  return files;
}
