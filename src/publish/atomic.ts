import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isRunning } from '../util/process-running.js';

/**
 * Build into a folder next to `outDir` and put it in place only when `write`
 * succeeded, so a failed build leaves the previous site whole and no page of
 * a deleted article survives.
 *
 * The site it replaces is kept beside it as the spare (`_site.spare`), and
 * with `recycle` the next build fills that folder instead of a fresh one
 * (`write` is told which): most of its files are the same files as the
 * published site's (hard links), so making the new site costs the files that
 * changed, not a link per file of the archive, and no folder of ten thousand
 * pages is removed after each build. `write` must then remove whatever of
 * the spare it does not keep (see keepOnly).
 *
 * `protect` lists folders the output must never contain or replace (the
 * content, the templates): `--out .` must not delete the newsroom.
 */
export async function publishAtomically<T>(
  outDir: string,
  write: (stagingDir: string, recycled: boolean) => Promise<T>,
  options: { protect?: string[]; recycle?: boolean } = {},
): Promise<T> {
  const target = path.resolve(outDir);
  refuseDangerousTarget(target, [process.cwd(), ...(options.protect ?? [])]);
  await mkdir(path.dirname(target), { recursive: true });
  await recoverInterrupted(target);

  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = `${target}.building-${suffix}`;
  const retired = `${target}.old-${suffix}`;
  const spare = `${target}.spare`;
  // The rename claims the spare: a build running beside this one finds none and starts afresh.
  const recycled = options.recycle === true && (await isSpare(spare)) && (await rename(spare, staging).then(() => true, () => false));
  if (!recycled) await mkdir(staging);
  try {
    const result = await write(staging, recycled);
    const existing = await lstat(target).catch(() => undefined);
    if (existing) await rename(target, retired);
    await rename(staging, target);
    if (existing) await keepAsSpare(retired, spare);
    return result;
  } catch (cause) {
    await rm(staging, { recursive: true, force: true });
    throw cause;
  }
}

/**
 * A file in every spare, written before it becomes one: a folder of that
 * name that Broadsheet did not make (someone's own `site.spare/` beside
 * `--out site`) is never filled or removed. The site never holds it: the
 * build filling a spare removes it with everything else it does not keep.
 */
const SPARE_MARK = '.broadsheet-spare';

/** The retired site becomes the spare, in place of an older one that was not recycled. */
async function keepAsSpare(retired: string, spare: string): Promise<void> {
  if (await isSpare(spare)) await rm(spare, { recursive: true, force: true });
  await writeFile(path.join(retired, SPARE_MARK), 'The site before the last, kept by Broadsheet for its next build to fill. Safe to delete.\n');
  // Another build may have put its own spare there meanwhile, or the name is someone else's folder: one is enough.
  await rename(retired, spare).catch(() => rm(retired, { recursive: true, force: true }));
}

async function isSpare(folder: string): Promise<boolean> {
  return (await lstat(path.join(folder, SPARE_MARK)).catch(() => undefined))?.isFile() === true;
}

/**
 * Clean up after a build of `target` that was killed: put the previous site
 * back when the kill fell between the two renames, then remove the staging
 * and retired folders of builds whose process is gone. Folders of a running
 * process are left alone, as another build may still be using them.
 */
export async function recoverInterrupted(target: string): Promise<void> {
  const dir = path.dirname(target);
  const prefix = `${path.basename(target)}.`;
  // A folder that does not exist yet holds no leftovers.
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const leftovers = entries.flatMap((entry) => {
    const match = entry.isDirectory() && entry.name.startsWith(prefix) ? LEFTOVER.exec(entry.name.slice(prefix.length)) : null;
    return match && !isRunning(Number(match[2])) ? [{ folder: path.join(dir, entry.name), retired: match[1] === 'old' }] : [];
  });

  // No target but a retired folder means the kill came after the old site was
  // moved aside and before the new one took its place; the retired folder is
  // the last complete site. Several can only come from repeated kills of
  // older versions without this recovery: the newest is the latest site.
  if (!(await lstat(target).catch(() => undefined))) {
    const retired = leftovers.filter((leftover) => leftover.retired);
    const times = await Promise.all(retired.map(async ({ folder }) => (await stat(folder)).mtimeMs));
    const newest = retired[times.indexOf(Math.max(...times))];
    if (newest) {
      await rename(newest.folder, target);
      leftovers.splice(leftovers.indexOf(newest), 1);
    }
  }
  // A staging folder may be half written, so it is never put in place.
  for (const { folder } of leftovers) await rm(folder, { recursive: true, force: true });
}

/** The suffix publishAtomically gives its folders: the role, then the pid of the build. */
const LEFTOVER = /^(building|old)-(\d+)-[0-9a-f]+$/;

function refuseDangerousTarget(target: string, protectedDirs: string[]): void {
  if (target === path.parse(target).root) throw new Error(`refusing to replace ${target}: the output folder cannot be the root`);
  for (const dir of protectedDirs.map((d) => path.resolve(d))) {
    if (dir === target || dir.startsWith(target + path.sep)) {
      throw new Error(`refusing to replace ${target}: it holds ${dir}; choose an output folder of its own (such as _site)`);
    }
  }
}
