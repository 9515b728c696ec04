import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';

/** A regular file below a folder. */
export interface FileBelow {
  /** Its path relative to the folder, `/`-separated on every system (`css/site.css`). */
  file: string;
  /** Its path on this machine. */
  full: string;
}

/** What a folder holds, by kind, none of it followed through a link. */
export interface EntriesBelow {
  files: FileBelow[];
  /** Symbolic links, to files or folders; `file` is `''` when `dir` itself is one. */
  links: FileBelow[];
  /** Anything else that is neither a folder nor a regular file (a FIFO, a socket, a device). */
  others: FileBelow[];
}

/**
 * Every regular file below `dir`, in the order the system lists them; none
 * when `dir` does not exist. Links and other entries are left to whoever
 * cares what they are (the output scan reports them; folders read from
 * contributors use entriesBelow).
 */
export function filesBelow(dir: string): FileBelow[] {
  return classify(dir, list(dir)).files;
}

/**
 * Everything below `dir`, sorted into regular files, symbolic links and the
 * rest, for folders whose links must be reported rather than skipped. No
 * link is followed: not one inside `dir` (the system's recursive listing
 * does not descend into them), nor `dir` itself.
 */
export function entriesBelow(dir: string): EntriesBelow {
  let isLink = false;
  try {
    isLink = lstatSync(dir).isSymbolicLink();
  } catch {
    // Missing: list() answers none.
  }
  if (isLink) return { files: [], links: [{ file: '', full: dir }], others: [] };
  return classify(dir, list(dir));
}

function list(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
}

function classify(dir: string, entries: Dirent[]): EntriesBelow {
  const found: EntriesBelow = { files: [], links: [], others: [] };
  for (const entry of entries) {
    if (entry.isDirectory()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const below = { file: path.relative(dir, full).split(path.sep).join('/'), full };
    if (entry.isFile()) found.files.push(below);
    else if (entry.isSymbolicLink()) found.links.push(below);
    else found.others.push(below);
  }
  return found;
}
