import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { filesBelow } from '../util/files-below.js';

/**
 * The published names of the stylesheets and scripts in `public/`: each
 * carries a hash of its bytes (`css/site.3f9a0c12de.css`), so a host may let
 * browsers keep it for a year, and a changed file gets a new name. Keys and
 * values are `/`-separated paths relative to `public/`. `published` holds
 * the bytes published for a file where they are not the file's own (the
 * minified stylesheets, site.yml's theme after site.css; see
 * publishedStylesheets): the hash is of what is published, so a new theme
 * or a new minifier's output is a new name too.
 */
export function assetNames(publicDir: string, published: ReadonlyMap<string, Buffer> = new Map()): Map<string, string> {
  const names = new Map<string, string>();
  for (const { file, full } of filesBelow(publicDir)) {
    if (!/\.(?:css|js)$/.test(file)) continue;
    const hash = createHash('sha256').update(published.get(file) ?? readFileSync(full)).digest('hex').slice(0, 10);
    names.set(file, file.replace(/\.(css|js)$/, `.${hash}.$1`));
  }
  return names;
}
