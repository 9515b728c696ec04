import { readFrontMatterBlock, type FrontMatterBlock } from '../front-matter-block.js';
import type { SourceTree } from '../source-tree.js';
import type { ImportNotice } from '../types.js';

export interface OpenedEntry {
  text: string;
  block: FrontMatterBlock;
  /** Refuse the entry: a "not imported" notice naming its file (and line); returns undefined for the caller to return. */
  skip: (message: string, line?: number) => undefined;
}

/**
 * A Jekyll or Hugo source file's text and front matter, read the same way
 * for both; undefined, after a "not imported" notice, when its front
 * matter cannot be read.
 */
export function openEntry(tree: SourceTree, file: string, notices: ImportNotice[]): OpenedEntry | undefined {
  const text = tree.readText(file);
  const skip = (message: string, line?: number): undefined => {
    notices.push({ type: 'notice', kind: 'skipped', message: `not imported: ${message}`, source: { file, line } });
    return undefined;
  };
  const read = readFrontMatterBlock(text);
  if (!read.ok) return skip(`the front matter could not be read: ${read.problem.message}`, read.problem.line);
  return { text, block: read.block, skip };
}
