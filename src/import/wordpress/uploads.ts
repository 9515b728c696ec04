import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { safeSlug } from '../newsroom-files.js';

/*
 * Files of wp-content/uploads: where an address of the export points in a
 * local copy of that folder, and where the copy goes in the newsroom's
 * public folder. Nothing in an address or a file name of the export can
 * reach outside either folder: the source is looked up segment by segment
 * and must resolve inside the uploads folder, and the public path is made
 * of safe slugs only.
 */

/** The path under wp-content/uploads that `address` names (decoded segments), when it is a file of this site's uploads. */
export function uploadSegments(address: string, sites: readonly URL[]): string[] | undefined {
  const first = sites[0];
  if (!first || !URL.canParse(address, first)) return undefined;
  // The WHATWG parser resolves `..` and `%2e%2e` segments, so an address cannot climb out of uploads/ here.
  const url = new URL(address, first);
  if (!/^https?:$/.test(url.protocol)) return undefined;
  for (const site of sites) {
    if (url.hostname.toLowerCase() !== site.hostname.toLowerCase()) continue;
    const prefix = `${site.pathname.replace(/\/?$/, '/')}wp-content/uploads/`;
    if (!url.pathname.startsWith(prefix)) continue;
    const segments: string[] = [];
    for (const raw of url.pathname.slice(prefix.length).split('/')) {
      let segment: string;
      try {
        segment = decodeURIComponent(raw);
      } catch {
        return undefined;
      }
      segments.push(segment);
    }
    return segments.length > 0 && segments.every((segment) => segment.length > 0) ? segments : undefined;
  }
  return undefined;
}

/**
 * The copy's path in the public folder: `images/` and the uploads path with
 * every folder and the file's name made a safe slug, the extension kept in
 * lowercase (`2019/05/Harbour Wall.JPG` → `images/2019/05/harbour-wall.jpg`).
 * Undefined for a file without an extension (a site path needs one).
 */
export function publicUploadPath(segments: readonly string[]): string | undefined {
  const name = segments[segments.length - 1] ?? '';
  const extension = /\.([A-Za-z0-9]{1,10})$/.exec(name)?.[1];
  if (!extension) return undefined;
  const folders = segments.slice(0, -1).map((segment) => safeSlug(segment, 'folder'));
  const stem = safeSlug(name.slice(0, -extension.length - 1), 'file');
  return ['images', ...folders, `${stem}.${extension.toLowerCase()}`].join('/');
}

/**
 * The file `segments` name inside the uploads folder `root`, when it is a
 * regular file there: no segment may be `.`, `..` or hold a separator, and
 * the file's real path (links followed) must be inside the folder's.
 */
export function findUpload(root: string, segments: readonly string[]): string | undefined {
  if (segments.some((segment) => segment === '.' || segment === '..' || /[/\\\0:]/.test(segment))) return undefined;
  try {
    const base = realpathSync(root);
    const file = realpathSync(path.join(base, ...segments));
    const inside = path.relative(base, file);
    if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}
