import { safeSlug } from '../newsroom-files.js';

/**
 * A path under public/ for a file found at `parts` (folders, then the file
 * name) in the source: below `images/` (the one folder of public/ an import
 * writes; a source path already under `images/` keeps its place, so its old
 * address still works), every folder and the name's stem a safe slug, the
 * extension lowercase letters and digits. `assets/Photos/Harbour Wall.JPG`
 * → `images/assets/photos/harbour-wall.jpg`. Undefined for a name without a
 * plain extension.
 */
export function publicPathOf(parts: readonly string[]): string | undefined {
  const name = parts.at(-1);
  if (!name) return undefined;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (!/^[a-z0-9]{1,8}$/.test(extension)) return undefined;
  const folders = parts.slice(0, -1).map((part) => safeSlug(part, 'files'));
  if (folders[0] !== 'images') folders.unshift('images');
  return [...folders, `${safeSlug(name.slice(0, dot), 'file')}.${extension}`].join('/');
}

/** File extensions of pictures a story can show. */
export const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'gif', 'webp', 'avif', 'svg']);

/** True when the path names a picture by its extension. */
export const isImagePath = (path: string): boolean => IMAGE_EXTENSIONS.has(path.replace(/[?#].*$/s, '').split('.').at(-1)?.toLowerCase() ?? '');
