import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A copy of Broadsheet (the built dist/, templates/, public/) in a temporary
 * folder, with `publicFiles` (paths under public/) added, for running the
 * real command line over a public/ of a test's own: the CLI reads public/
 * from beside itself, and no test may write into the repository.
 * node_modules is linked, not copied.
 */
export function packageCopy(publicFiles: Record<string, string | Buffer>): { cli: string; publicDir: string; remove(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'broadsheet-package-'));
  for (const part of ['dist', 'templates', 'public', 'package.json']) cpSync(path.resolve(part), path.join(root, part), { recursive: true, preserveTimestamps: true });
  symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'));
  for (const [file, bytes] of Object.entries(publicFiles)) {
    mkdirSync(path.dirname(path.join(root, 'public', file)), { recursive: true });
    writeFileSync(path.join(root, 'public', file), bytes);
  }
  return { cli: path.join(root, 'dist/cli.js'), publicDir: path.join(root, 'public'), remove: () => rmSync(root, { recursive: true, force: true }) };
}
