import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { filesBelow } from '../util/files-below.js';

/**
 * The published names of the stylesheets and scripts in `public/`: each
 * carries a hash of its bytes (`css/site.3f9a0c12de.css`), so a host may let
 * browsers keep it for a year, and a changed file gets a new name. Keys and
 * values are `/`-separated paths relative to `public/`. `appended` is text
 * published after a file (site.yml's theme after site.css): the hash covers
 * it, so a new theme is a new name too.
 */
export function assetNames(publicDir: string, appended: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const names = new Map<string, string>();
  for (const { file, full } of filesBelow(publicDir)) {
    if (!/\.(?:css|js)$/.test(file)) continue;
    const hash = createHash('sha256').update(readFileSync(full)).update(appended.get(file) ?? '').digest('hex').slice(0, 10);
    names.set(file, file.replace(/\.(css|js)$/, `.${hash}.$1`));
  }
  return names;
}
