import { randomBytes } from 'node:crypto';
import { lstat, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Build into a fresh folder next to `outDir` and put it in place only when
 * `write` succeeded, so a failed build leaves the previous site whole and no
 * page of a deleted article survives.
 *
 * `protect` lists folders the output must never contain or replace (the
 * content, the templates): `--out .` must not delete the newsroom.
 */
export async function publishAtomically<T>(
  outDir: string,
  write: (stagingDir: string) => Promise<T>,
  options: { protect?: string[] } = {},
): Promise<T> {
  const target = path.resolve(outDir);
  refuseDangerousTarget(target, [process.cwd(), ...(options.protect ?? [])]);
  await mkdir(path.dirname(target), { recursive: true });

  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = `${target}.building-${suffix}`;
  const retired = `${target}.old-${suffix}`;
  await mkdir(staging);
  try {
    const result = await write(staging);
    const existing = await lstat(target).catch(() => undefined);
    if (existing) await rename(target, retired);
    await rename(staging, target);
    if (existing) await rm(retired, { recursive: true, force: true });
    return result;
  } catch (cause) {
    await rm(staging, { recursive: true, force: true });
    throw cause;
  }
}

function refuseDangerousTarget(target: string, protectedDirs: string[]): void {
  if (target === path.parse(target).root) throw new Error(`refusing to replace ${target}: the output folder cannot be the root`);
  for (const dir of protectedDirs.map((d) => path.resolve(d))) {
    if (dir === target || dir.startsWith(target + path.sep)) {
      throw new Error(`refusing to replace ${target}: it holds ${dir}; choose an output folder of its own (such as _site)`);
    }
  }
}
