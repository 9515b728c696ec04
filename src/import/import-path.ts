import { WINDOWS_RESERVED } from '../content/slug.js';
import type { ImportedFile } from './types.js';

/** The first folder an importer may write to in each root; `site.yml` is the one file at the top of content/. */
const TOP_FOLDERS: Record<ImportedFile['root'], ReadonlySet<string>> = {
  content: new Set(['articles', 'authors', 'categories', 'pages', 'comments']),
  public: new Set(['images']),
};

// One name: starts with a letter or digit, then letters, digits, ".", "_" or "-".
// No separators, no "..", no drive letters, no control or look-alike characters.
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/**
 * Why the writer refuses `file`'s path, or undefined when it may be written.
 * Importers build paths from slugs; this is the one check that holds even
 * when an export's hostile names slip past an importer.
 */
export function importPathProblem(file: Pick<ImportedFile, 'root' | 'path'>): string | undefined {
  const parts = file.path.split('/');
  if (file.root === 'content' && file.path === 'site.yml') return undefined;
  if (parts.length < 2) return `"${file.path}" is not inside one of the ${file.root} folder's known folders`;
  const top = parts[0] ?? '';
  if (!TOP_FOLDERS[file.root].has(top)) return `"${top}/" is not a folder of ${file.root}/ an import writes (${[...TOP_FOLDERS[file.root]].join(', ')})`;
  for (const part of parts) {
    if (!SEGMENT.test(part) || part.includes('..')) return `"${file.path}" has a name that is not a plain file or folder name ("${part}")`;
    const stem = part.toLowerCase().split('.')[0] ?? '';
    if (WINDOWS_RESERVED.test(stem)) return `"${file.path}" has a name Windows reserves for devices ("${part}")`;
  }
  return undefined;
}
