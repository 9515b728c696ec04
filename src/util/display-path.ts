import path from 'node:path';

/** Paths in messages are relative to where the editor ran the command, with `/`. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  const shown = relative === '' || relative.startsWith('..') ? file : relative;
  return shown.split(path.sep).join('/');
}
