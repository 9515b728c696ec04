import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The published names of the stylesheets and scripts in `public/`: each
 * carries a hash of its bytes (`css/site.3f9a0c12de.css`), so a host may let
 * browsers keep it for a year, and a changed file gets a new name. Keys and
 * values are `/`-separated paths relative to `public/`.
 */
export function assetNames(publicDir: string): Map<string, string> {
  const names = new Map<string, string>();
  let entries;
  try {
    entries = readdirSync(publicDir, { recursive: true, withFileTypes: true });
  } catch {
    return names;
  }
  for (const entry of entries) {
    if (!entry.isFile() || !/\.(?:css|js)$/.test(entry.name)) continue;
    const full = path.join(entry.parentPath, entry.name);
    const file = path.relative(publicDir, full).split(path.sep).join('/');
    const hash = createHash('sha256').update(readFileSync(full)).digest('hex').slice(0, 10);
    names.set(file, file.replace(/\.(css|js)$/, `.${hash}.$1`));
  }
  return names;
}
