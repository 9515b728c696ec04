import { groupBy } from '../util/group-by.js';
import { fileOf } from './addresses.js';

/** One part of the search index: a name (its folder under pagefind/) and the pages it holds, as files relative to the site. */
export interface SearchShard {
  name: string;
  pages: readonly string[];
}

/** The part of the search index that holds the pages (About…): not a year, so a year filter or "newest first" leaves them out. */
export const PAGES_SHARD = 'pages';

/**
 * Stories per part before a year is split by months. Pagefind indexes a
 * part again whole when one of its pages changes, at ~1.8 ms a page here:
 * a changed story costs its part's pages, not its year's. Each part is a few
 * more small requests when a reader opens the search page, so parts are not
 * made smaller than this needs.
 */
export const PART_PAGES = 1000;

/**
 * The search index in parts, newest first: the published articles (no
 * banner) of each year, a year of more than `perPart` stories in runs of
 * whole months (see monthRuns); then the published pages (About, Ethics
 * policy…) in a part of their own. A story changed or added re-indexes its
 * part alone, and indexing needs memory for one part, not the archive.
 * Parts do not overlap in time, so "newest first" across parts is one part
 * after another (see public/js/search.js). A part is named by its year, or
 * by the year and first month of its run ("2025-07"): the name starts with
 * the year a search filter names.
 */
export function searchShards(
  articles: readonly { url: string; published: { iso: string }; banner?: unknown }[],
  pages: readonly { url: string; banner?: unknown }[] = [],
  perPart = PART_PAGES,
): SearchShard[] {
  const byYear = groupBy(
    articles.filter((article) => !article.banner),
    (article) => article.published.iso.slice(0, 4),
  );
  const shown = pages.filter((page) => !page.banner);
  const years = [...byYear].sort(([a], [b]) => Number(b) - Number(a));
  return [
    ...years.flatMap(([year, found]) =>
      found.length <= perPart
        ? [{ name: year, pages: found.map((page) => fileOf(page.url)) }]
        : monthRuns(found, perPart).map(([month, run]) => ({ name: `${year}-${month}`, pages: run.map((page) => fileOf(page.url)) })),
    ),
    ...(shown.length > 0 ? [{ name: PAGES_SHARD, pages: shown.map((page) => fileOf(page.url)) }] : []),
  ];
}

/**
 * One year's stories in runs of consecutive months, each run under its
 * first month, newest run first. Runs are filled from January on and a new
 * one starts when the next month would take a run past `perPart` (a month
 * larger than that is a run of its own), so stories added to the latest
 * month change the last run alone.
 */
function monthRuns<T extends { published: { iso: string } }>(stories: readonly T[], perPart: number): [string, T[]][] {
  const byMonth = [...groupBy(stories, (story) => story.published.iso.slice(5, 7))].sort(([a], [b]) => Number(a) - Number(b));
  const runs: [string, T[]][] = [];
  for (const [month, found] of byMonth) {
    const last = runs.at(-1);
    if (last && last[1].length + found.length <= perPart) last[1].push(...found);
    else runs.push([month, [...found]]);
  }
  return runs.reverse();
}
