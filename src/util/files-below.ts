import { readdirSync } from 'node:fs';
import path from 'node:path';

/** A regular file below a folder. */
export interface FileBelow {
  /** Its path relative to the folder, `/`-separated on every system (`css/site.css`). */
  file: string;
  /** Its path on this machine. */
  full: string;
}

/**
 * Every regular file below `dir`, in the order the system lists them; none
 * when `dir` does not exist. Links and other entries are left to whoever
 * cares what they are (the output scan reports them).
 */
export function filesBelow(dir: string): FileBelow[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  const files: FileBelow[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.push({ file: path.relative(dir, full).split(path.sep).join('/'), full });
  }
  return files;
}
