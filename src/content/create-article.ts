import { lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../util/display-path.js';
import { contentFiles } from './content-files.js';
import { parseContentDate } from './dates.js';
import { readContentFile } from './load.js';
import { newArticle } from './new-article.js';
import { slugFromFileName } from './slug.js';
import { peekSite } from './validate.js';

export interface CreateArticleOptions {
  contentDir: string;
  headline: string;
  section: string;
  authors: readonly string[];
  draft: boolean;
  /** `--at` as written: the story's date, in the site's timezone unless it names a zone. Default: `now`. */
  at?: string | undefined;
  /** The real clock, in ms. */
  now: number;
}

/**
 * Write a new article into the content folder (see newArticle) and give its
 * path as the editor would type it; or why not: `refused` for what the
 * newsroom does not allow (an unknown section or author, a file that
 * exists, which is never replaced), `usage` for an `--at` that is no date.
 */
export function createArticle(options: CreateArticleOptions): { written: string } | { refused: string } | { usage: string } {
  const given = options.at === undefined ? undefined : parseContentDate(options.at, 'UTC');
  if (given && !given.ok) {
    return { usage: `--at ${given.reason}: for new it is the story's date, in the site's timezone unless a zone is given (2026-12-07T09:00Z)` };
  }
  const folder = displayPath(options.contentDir);
  if (!isFolder(options.contentDir)) return { refused: `the content folder ${folder} does not exist (pass --content DIR)` };
  const files = contentFiles(options.contentDir, []);
  const siteFile = files.site === undefined ? undefined : readContentFile(files.site, []);
  const site = siteFile && peekSite({ site: siteFile, articles: [], authors: [], categories: [], pages: [], comments: [] });
  if (!site) return { refused: `${folder}/site.yml is missing or has errors, so the site's timezone is not known: run broadsheet check` };

  // Read again in the site's timezone: a date without a zone is its wall-clock time there.
  const date = options.at === undefined ? undefined : parseContentDate(options.at, site.timezone);
  const made = newArticle({
    headline: options.headline,
    section: options.section,
    authors: options.authors,
    draft: options.draft,
    // Now, to the minute: a time an editor would write, and never after the clock.
    date: date?.ok ? date.date : { epoch: Math.floor(options.now / 60_000) * 60_000, hasTime: true },
    timezone: site.timezone,
    known: { sections: files.categories.map(slugOf), authors: files.authors.map(slugOf) },
  });
  if ('refused' in made) return made;
  const target = path.join(options.contentDir, ...made.file.split('/'));
  mkdirSync(path.dirname(target), { recursive: true });
  try {
    // `wx`: the file is created only if it does not exist, in the same step.
    writeFileSync(target, made.text, { flag: 'wx' });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
    return { refused: `${displayPath(target)} already exists and is not replaced: edit it, or give another headline` };
  }
  return { written: displayPath(target) };
}

const slugOf = (file: string): string => slugFromFileName(path.basename(file));

function isFolder(folder: string): boolean {
  try {
    return lstatSync(folder).isDirectory();
  } catch {
    return false;
  }
}
