import { lstatSync, readdirSync, rmdirSync, unlinkSync, type Stats } from 'node:fs';
import path from 'node:path';

/**
 * Clear a recycled folder (the spare, see publishAtomically) down to the
 * files of `keep` that are the very files published at the same path (the
 * same inode as `published` gives), and return those. Every other file goes,
 * and every folder left empty: what stays is what a fresh folder filled with
 * links to the kept files would hold, and whatever is written into the folder
 * afterwards makes a new file rather than writing through a link into the
 * published site.
 */
export function keepOnly(dir: string, keep: ReadonlySet<string>, published: (file: string) => Stats | undefined): Set<string> {
  const kept = new Set<string>();
  // Whether `folder` is empty once cleared.
  const clear = (folder: string, prefix: string): boolean => {
    let left = 0;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      const file = prefix + entry.name;
      if (entry.isDirectory()) {
        if (clear(full, `${file}/`)) rmdirSync(full);
        else left++;
        continue;
      }
      const live = entry.isFile() && keep.has(file) ? published(file) : undefined;
      if (live && sameFile(lstatSync(full), live)) {
        kept.add(file);
        left++;
      } else {
        unlinkSync(full);
      }
    }
    return left === 0;
  };
  clear(dir, '');
  return kept;
}

/** Remove files of a recycled folder that the build did not keep after all, and the folders that leaves empty. */
export function removeUnclaimed(dir: string, files: Iterable<string>): void {
  for (const file of files) {
    unlinkSync(path.join(dir, file));
    for (let folder = path.dirname(file); folder !== '.'; folder = path.dirname(folder)) {
      if (readdirSync(path.join(dir, folder)).length > 0) break;
      rmdirSync(path.join(dir, folder));
    }
  }
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.dev === b.dev;
}
