import path from 'node:path';
import { displayPath } from '../util/display-path.js';
import { entriesBelow, type FileBelow } from '../util/files-below.js';
import { compareText, error, warning, type Problem } from '../util/problems.js';

/** The files of a content folder that are read, by what they are; full paths in path order. */
export interface ContentFiles {
  site: string | undefined;
  articles: string[];
  authors: string[];
  categories: string[];
  /** With the folder under `comments/` each sits in (`/`-separated; it names the article). */
  comments: { full: string; folder: string }[];
}

/** The folders of content/ and the one extension read in each. */
const FOLDERS = { articles: '.md', authors: '.md', categories: '.md', comments: '.yml' } as const;
type Folder = keyof typeof FOLDERS;

/**
 * Files that systems and tools leave in any folder and no editor means to
 * publish: passed over without a warning, so that `--strict` stays usable.
 */
const PLACEHOLDERS = new Set(['.gitkeep', '.keep', '.DS_Store', 'Thumbs.db', 'desktop.ini']);

/** What `broadsheet import` last wrote (file → hash), committed at the top of content/ and not read as content. */
export const IMPORT_RECORD = '.broadsheet-import.json';

/**
 * Which files under `contentDir` are read, from one walk that follows no
 * symbolic link, and a problem for every entry that is not read: a link
 * (an error: a contributed link could publish any file of the build machine),
 * anything that is not a regular file (an error: reading a pipe would hang
 * the build), and a file that would be silently left out, a dot-file, a file
 * named just `.md`, an unknown extension or a file outside the known folders
 * (a warning naming it, so a story saved as `.markdown` is not lost unseen).
 */
export function contentFiles(contentDir: string, problems: Problem[]): ContentFiles {
  const found: ContentFiles = { site: undefined, articles: [], authors: [], categories: [], comments: [] };
  const { files, links, others } = entriesBelow(contentDir);
  for (const link of links) problems.push(symbolicLinkProblem(displayPath(link.full)));
  for (const other of others) {
    problems.push(error(displayPath(other.full), 'is not a regular file (a pipe, socket or device), so it is not read', { hint: 'delete it' }));
  }
  const unknownFolders = new Set<string>();
  for (const entry of [...files].sort((a, b) => compareText(a.full, b.full))) {
    const [top = '', ...rest] = entry.file.split('/');
    if (rest.length === 0) {
      if (top === 'site.yml') found.site = entry.full;
      else if (!PLACEHOLDERS.has(top) && top !== IMPORT_RECORD) problems.push(notRead(entry, outsideFolders()));
    } else if (Object.hasOwn(FOLDERS, top)) {
      const folder = top as Folder;
      const skipped = skipReason(rest, FOLDERS[folder], folder);
      if (skipped) {
        if (skipped !== 'placeholder') problems.push(notRead(entry, skipped));
      } else if (folder === 'comments') {
        found.comments.push({ full: entry.full, folder: rest.slice(0, -1).join('/') });
      } else {
        found[folder].push(entry.full);
      }
    } else if (!unknownFolders.has(top)) {
      // Once per folder: a folder of images kept next to the content is one mistake, not hundreds.
      unknownFolders.add(top);
      problems.push(warning(displayPath(path.join(contentDir, top)), `is not read: ${outsideFolders().message}`, { hint: outsideFolders().hint }));
    }
  }
  return found;
}

/** Whether a full build reads the file at `file` (`/`-separated, below articles/) as an article. */
export function isArticleFile(file: string): boolean {
  return skipReason(file.split('/'), FOLDERS.articles, 'articles') === undefined;
}

/** The error for a symbolic link met in content/, a file or a folder. */
export function symbolicLinkProblem(shown: string): Problem {
  return error(shown, 'symbolic links are not read', { hint: 'commit the file (or the folder) itself, not a link to it' });
}

interface Reason {
  message: string;
  hint: string;
}

function notRead(entry: FileBelow, reason: Reason): Problem {
  return warning(displayPath(entry.full), `is not read: ${reason.message}`, { hint: reason.hint });
}

const outsideFolders = (): Reason => ({
  message: 'content/ holds site.yml and the folders articles/, authors/, categories/ and comments/',
  hint: 'move it into one of those folders, or out of content/',
});

/** Why a file at `parts` (its path below the folder) is not read, or undefined when it is. */
function skipReason(parts: string[], extension: string, folder: Folder): Reason | 'placeholder' | undefined {
  const name = parts[parts.length - 1] ?? '';
  if (PLACEHOLDERS.has(name)) return 'placeholder';
  const what = folder === 'comments' ? 'a comment id' : 'an address';
  if (name.toLowerCase() === extension) {
    return { message: `a file named just "${name}" has no name to make ${what} from`, hint: `give it a name, such as ${folder === 'comments' ? 'reader-1.yml' : 'harbour-wall.md'}` };
  }
  if (name.startsWith('.')) {
    return { message: 'its name starts with "." (hidden files are left out)', hint: `rename it without the leading "." to publish it, or delete it` };
  }
  if (parts.slice(0, -1).some((part) => part.startsWith('.'))) {
    return { message: 'it is in a folder whose name starts with "." (hidden folders are left out)', hint: 'move it out of that folder to publish it, or delete it' };
  }
  if (!name.toLowerCase().endsWith(extension)) {
    const stem = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
    return { message: `only ${extension} files are read in ${folder}/`, hint: `rename it to ${stem}${extension} if it is meant to be published, or move it out of content/` };
  }
  return undefined;
}
