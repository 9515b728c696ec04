import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { isRunning } from './process-running.js';

/**
 * A fresh folder of this process's own in the system's temporary folder,
 * named for `kind`, this machine and this process. A process killed before
 * it could remove its folder (a kill -9, a cancelled CI job) leaves it
 * behind, with whatever it had encoded or staged; so the next process that
 * makes a folder of the same kind first removes those of this machine whose
 * process has ended. The machine's name keeps containers that share a
 * temporary folder, each with its own process ids, out of each other's way.
 */
export function makeScratchFolder(kind: string, base = tmpdir()): string {
  const prefix = `broadsheet-${kind}-${machine()}.`;
  removeOrphans(base, prefix);
  return mkdtempSync(path.join(base, `${prefix}${process.pid}-`));
}

/** The host name as a safe part of a file name. */
const machine = (): string => hostname().replace(/[^A-Za-z0-9_]/g, '_') || 'host';

function removeOrphans(base: string, prefix: string): void {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    // No temporary folder to look in: mkdtemp will say so.
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(\d+)-/.exec(name.slice(prefix.length))?.[1];
    // Another user's folder cannot be removed, and is not ours to try: force and a caught error leave it.
    if (pid !== undefined && !isRunning(Number(pid))) {
      try {
        rmSync(path.join(base, name), { recursive: true, force: true });
      } catch {
        // Left for the system's cleaner: it never stops the work at hand.
      }
    }
  }
}
