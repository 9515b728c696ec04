import { lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../util/display-path.js';
import { articlePath } from '../routes/addresses.js';
import { contentFiles } from './content-files.js';
import { calendarParts, parseContentDate, type ContentDate } from './dates.js';
import { parseFrontMatter } from './front-matter.js';
import { readContentFile } from './load.js';
import { newArticle } from './new-article.js';
import { slugFromFileName } from './slug.js';
import type { Site } from './types.js';
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
 * exists, which is never replaced, an address another story has), `usage`
 * for an `--at` that is no date.
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
  const written = options.at === undefined ? undefined : parseContentDate(options.at, site.timezone);
  // Now, to the minute: a time an editor would write, and never after the clock.
  const date = written?.ok ? written.date : { epoch: Math.floor(options.now / 60_000) * 60_000, hasTime: true };
  const made = newArticle({
    headline: options.headline,
    section: options.section,
    authors: options.authors,
    draft: options.draft,
    date,
    timezone: site.timezone,
    known: { sections: files.categories.map(slugOf), authors: files.authors.map(slugOf) },
  });
  if ('refused' in made) return made;
  const target = path.join(options.contentDir, ...made.file.split('/'));
  const taken = addressTaken({ slug: slugOf(made.file), category: options.section, date }, files.articles, site);
  if (taken && path.resolve(taken.file) !== path.resolve(target)) {
    return { refused: `the address ${taken.address} is already the address of ${displayPath(taken.file)}: give another headline` };
  }
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

/**
 * The article among `articles` (full paths) that already has the address the
 * new one would get, which `check` would refuse: a story with the same slug
 * on another day, in the same section. Only files named with that slug are
 * read; a story that took it with a `slug:` field is left to `check`.
 */
function addressTaken(story: { slug: string; category: string; date: ContentDate }, articles: readonly string[], site: Site): { address: string; file: string } | undefined {
  const address = (slug: string, category: string, epoch: number) => articlePath(site.permalink, { slug, category, calendar: () => calendarParts(epoch, site.timezone) });
  const wanted = address(story.slug, story.category, story.date.epoch);
  for (const file of articles.filter((full) => slugOf(full) === story.slug)) {
    const source = readContentFile(file, []);
    const parsed = source && parseFrontMatter(source.text, source.path);
    if (!parsed?.ok) continue;
    const { slug = story.slug, category, date } = parsed.value.data;
    const when = typeof date === 'string' ? parseContentDate(date, site.timezone) : undefined;
    if (typeof slug !== 'string' || typeof category !== 'string' || !when?.ok) continue;
    // Addresses that differ only in capitals are one file on many file systems.
    if (address(slug, category, when.date.epoch).toLowerCase() === wanted.toLowerCase()) return { address: wanted, file };
  }
  return undefined;
}

function isFolder(folder: string): boolean {
  try {
    return lstatSync(folder).isDirectory();
  } catch {
    return false;
  }
}
