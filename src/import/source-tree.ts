import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { entriesBelow } from '../util/files-below.js';
import type { ImportNotice } from './types.js';

/**
 * The files of a site folder (Jekyll, Hugo) an importer may read: regular
 * files only, found without following any symbolic link. Every read goes
 * through `has`, so a reference in a post (`/assets/../../etc/passwd`, an
 * image named through a link) can only ever reach a file listed here.
 */
export interface SourceTree {
  root: string;
  /** Relative, `/`-separated paths of regular files, sorted. */
  files: readonly string[];
  /** Symbolic links found (never followed), relative paths. */
  links: readonly string[];
  has(file: string): boolean;
  readText(file: string): string;
  readBytes(file: string): Uint8Array;
  /** Modification time in milliseconds (Jekyll dates an undated draft by it). */
  modified(file: string): number;
}

/** Folders a site generator writes or installs into, never the site's own sources. */
const NOT_SOURCES = new Set(['_site', 'public', 'resources', 'node_modules', 'vendor', '.git', '.jekyll-cache', '.sass-cache', '.bundle']);

/**
 * Lists `root` once. Dot-folders and the folders generators write
 * (`_site/`, `public/`, `node_modules/`…) are not read; links anywhere else
 * are listed in `links` for the report.
 */
export function readSourceTree(root: string): SourceTree {
  const files: string[] = [];
  const links: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.isSymbolicLink()) links.push(entry.name);
    else if (entry.isFile()) files.push(entry.name);
    else if (entry.isDirectory() && !NOT_SOURCES.has(entry.name) && !entry.name.startsWith('.')) {
      const below = entriesBelow(path.join(root, entry.name));
      for (const file of below.files) files.push(`${entry.name}/${file.file}`);
      for (const link of below.links) links.push(`${entry.name}/${link.file}`);
    }
  }
  files.sort();
  links.sort();
  const known = new Set(files);
  const full = (file: string) => {
    if (!known.has(file)) throw new Error(`${file} is not a file of the source folder`);
    return path.join(root, ...file.split('/'));
  };
  return {
    root,
    files,
    links,
    has: (file) => known.has(file),
    readText: (file) => readFileSync(full(file), 'utf8'),
    readBytes: (file) => new Uint8Array(readFileSync(full(file))),
    modified: (file) => statSync(full(file)).mtimeMs,
  };
}

/**
 * A reference resolved against a folder of the tree (`from`, `''` for the
 * root), as a tree path; undefined when it climbs out of the tree. Only
 * the path part counts: `?query` and `#fragment` are dropped.
 */
export function resolveInTree(reference: string, from: string): string | undefined {
  const pathPart = reference.replace(/[?#].*$/s, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const joined = decoded.startsWith('/') ? decoded : `${from ? `/${from}` : ''}/${decoded}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.length ? parts.join('/') : undefined;
}

/** A "not followed" notice for each symbolic link of the site's folder and of the uploads folder. */
export function linkNotices(tree: SourceTree, uploadTree: SourceTree | undefined): ImportNotice[] {
  return [...tree.links, ...(uploadTree?.links.map((link) => `(uploads) ${link}`) ?? [])].map((link) => ({
    type: 'notice',
    kind: 'skipped',
    message: 'a symbolic link: not followed, nothing read through it',
    source: { file: link },
  }));
}
