import { copyFileSync, linkSync, lstatSync, mkdirSync, utimesSync, type Stats } from 'node:fs';
import path from 'node:path';

/** Makes a folder and those on the way to it. */
export type FolderMaker = (dir: string) => void;

const makeEveryTime: FolderMaker = (dir) => mkdirSync(dir, { recursive: true });

/**
 * A folder maker for one filling of a folder that nothing else removes from
 * meanwhile: each folder is made once. Thousands of files go into a few
 * hundred folders, and a recursive mkdir per file cost 0.2 s a build at
 * 1,000 articles.
 */
export function folderMaker(): FolderMaker {
  const made = new Set<string>();
  return (dir) => {
    if (made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  };
}

/** Put `from` at `to` as a hard link, making the folders on the way: the same bytes and time, no copy. */
export function linkOrCopy(from: string, to: string, makeFolder: FolderMaker = makeEveryTime): void {
  makeFolder(path.dirname(to));
  try {
    linkSync(from, to);
  } catch {
    // Some file systems refuse hard links; a copy with the old time does the same job.
    copyKeepingTime(from, to, lstatSync(from), makeFolder);
  }
}

/** Copy a file and give the copy the modification time in `stat`. */
export function copyKeepingTime(from: string, to: string, stat: Stats, makeFolder: FolderMaker = makeEveryTime): void {
  makeFolder(path.dirname(to));
  copyFileSync(from, to);
  utimesSync(to, stat.atime, stat.mtime);
}
