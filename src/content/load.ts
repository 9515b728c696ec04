import { lstatSync, readFileSync, type Stats } from 'node:fs';
import { displayPath } from '../util/display-path.js';
import { error, type Problem } from '../util/problems.js';
import { contentFiles, symbolicLinkProblem } from './content-files.js';
import type { ContentSources, SourceFile } from './types.js';

/** Larger files are refused before parsing: no article is this long, and a hostile one should not stall the build. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** A reader's comment is a few paragraphs; the public writes these, so the limit is far lower. */
export const MAX_COMMENT_BYTES = 64 * 1024;

export interface LoadedContent {
  sources: ContentSources;
  problems: Problem[];
}

/**
 * Read a content folder: `site.yml`, the Markdown files under `articles/`,
 * `authors/`, `categories/` and `pages/` (nested folders allowed), and the approved
 * comments, `comments/<article>/*.yml`. This is the only code that reads
 * `content/`. No symbolic link is followed, not even `contentDir` itself: a
 * contributed link could otherwise publish any file on the build machine,
 * and Broadsheet cannot tell a link the user typed from one committed as
 * `content`. Files that are not read are reported (see contentFiles).
 */
export async function loadContent(contentDir: string): Promise<LoadedContent> {
  const problems: Problem[] = [];
  const folderProblem = contentFolderProblem(contentDir);
  if (folderProblem) {
    problems.push(folderProblem);
    return { sources: { site: undefined, articles: [], authors: [], categories: [], pages: [], comments: [] }, problems };
  }
  // Synchronous reads: thousands of small files come from the page cache
  // faster one after another than through the thread pool's promises.
  const files = contentFiles(contentDir, problems);
  const read = (file: string, maxBytes = MAX_FILE_BYTES) => {
    const stat = statOrUndefined(file);
    return stat && readSource(file, stat, problems, maxBytes);
  };
  const readAll = (list: string[]) => list.flatMap((file) => read(file) ?? []);
  return {
    sources: {
      site: files.site === undefined ? undefined : read(files.site),
      articles: readAll(files.articles),
      authors: readAll(files.authors),
      categories: readAll(files.categories),
      pages: readAll(files.pages),
      // Each comment keeps the folder it sits in: that names its article.
      comments: files.comments.flatMap(({ full, folder }) => {
        const source = read(full, MAX_COMMENT_BYTES);
        return source ? [{ ...source, folder }] : [];
      }),
    },
    problems,
  };
}

/** What is wrong with the content folder itself, if anything. */
function contentFolderProblem(contentDir: string): Problem | undefined {
  const stat = statOrUndefined(contentDir);
  const shown = displayPath(contentDir);
  if (!stat) return error(shown, 'the content folder does not exist', { hint: 'pass --content DIR' });
  if (stat.isSymbolicLink()) {
    return error(shown, 'the content folder is a symbolic link, and content is never read through links', {
      hint: 'pass the folder it points to with --content DIR',
    });
  }
  if (!stat.isDirectory()) return error(shown, 'the content folder is not a folder', { hint: 'pass --content DIR' });
  return undefined;
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/** Read one content file with the same rules as loadContent; undefined (with a problem) when refused. */
export function readContentFile(file: string, problems: Problem[]): SourceFile | undefined {
  const stat = statOrUndefined(file);
  return stat ? readSource(file, stat, problems) : undefined;
}

function readSource(file: string, stat: Stats, problems: Problem[], maxBytes = MAX_FILE_BYTES): SourceFile | undefined {
  const shown = displayPath(file);
  if (stat.isSymbolicLink()) {
    problems.push(symbolicLinkProblem(shown));
    return undefined;
  }
  if (stat.size > maxBytes) {
    problems.push(error(shown, `the file is ${describeSize(stat.size, maxBytes)}; the limit is ${describeSize(maxBytes, maxBytes, 0)}`));
    return undefined;
  }
  const decoded = decodeUtf8(readFileSync(file));
  if (!decoded.ok) {
    problems.push(
      error(shown, 'the file is not valid UTF-8 text', {
        position: { line: decoded.line, column: 1 },
        hint: 'save the file as UTF-8 in your editor',
      }),
    );
    return undefined;
  }
  return { path: shown, text: decoded.text };
}

/** In MB when the limit is counted in MB, else in KB. */
function describeSize(bytes: number, limit: number, digits = 1): string {
  const unit = limit >= 1048576 ? 1048576 : 1024;
  return `${(bytes / unit).toFixed(digits)} ${unit === 1024 ? 'KB' : 'MB'}`;
}

/** Decode strictly, and say on which line the first bad byte sits. */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; line: number } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const bad = firstInvalidByte(bytes);
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    return { ok: false, line };
  }
}

/**
 * Where UTF-8 decoding first fails. A streaming decoder accepts a prefix
 * that ends inside a character, so "this prefix decodes" only turns false
 * once the prefix reaches a bad byte: a binary search finds it.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  const decodes = (length: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (decodes(middle)) good = middle;
    else bad = middle;
  }
  return good;
}
