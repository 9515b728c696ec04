import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * The installed version of a dependency. Read from its package.json, found
 * by climbing from its entry point: many packages do not export the file.
 */
export function packageVersion(name: string): string {
  let dir = path.dirname(entryPoint(name));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === name) return manifest.version ?? 'unknown';
    } catch {
      // No package.json at this level; keep climbing.
    }
    const parent = path.dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

// Packages that export only an ES module entry have none for require.
function entryPoint(name: string): string {
  try {
    return require.resolve(name);
  } catch {
    return fileURLToPath(import.meta.resolve(name));
  }
}
