import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file below `dir` as `sha256  relative/path` lines, sorted by the
 * bytes of the path. The text is exactly what `sha256sum` prints for
 * `find . -type f -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' sha256sum`
 * run in `dir`, so an operator can check a hash the tests print.
 */
export function sha256Manifest(dir: string): string {
  // Byte order, not localeCompare: the manifest must not depend on LANG either.
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return files.map((file) => `${sha256(readFileSync(path.join(dir, file)))}  ${file}\n`).join('');
}

/** Hex SHA-256 of a string or bytes, such as a whole manifest. */
export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
