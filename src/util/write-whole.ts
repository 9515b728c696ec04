import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Write `text` to `file` under a temporary name and rename it into place,
 * making the folder first: a killed build, or another thread writing the
 * same file, never leaves half of it. The temporary name carries the
 * process and a random part, as worker threads share the process.
 */
export function writeWhole(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
