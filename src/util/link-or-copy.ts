import { copyFileSync, linkSync, lstatSync, mkdirSync, utimesSync, type Stats } from 'node:fs';
import path from 'node:path';

/** Put `from` at `to` as a hard link, making the folders on the way: the same bytes and time, no copy. */
export function linkOrCopy(from: string, to: string): void {
  mkdirSync(path.dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    // Some file systems refuse hard links; a copy with the old time does the same job.
    copyKeepingTime(from, to, lstatSync(from));
  }
}

/** Copy a file and give the copy the modification time in `stat`. */
export function copyKeepingTime(from: string, to: string, stat: Stats): void {
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(from, to);
  utimesSync(to, stat.atime, stat.mtime);
}
