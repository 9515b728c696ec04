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
 * The search index in parts, one per year of publication, newest first: the
 * published articles (no banner) of each year; then the published pages
 * (About, Ethics policy…) in a part of their own. A story changed or added
 * re-indexes its year alone, and indexing needs memory for one year's
 * stories, not the archive's. Years do not overlap, so "newest first" across
 * parts is one part after another (see public/js/search.js).
 */
export function searchShards(
  articles: readonly { url: string; year: string; banner?: unknown }[],
  pages: readonly { url: string; banner?: unknown }[] = [],
): SearchShard[] {
  const byYear = groupBy(
    articles.filter((article) => !article.banner),
    (article) => article.year,
  );
  const shown = pages.filter((page) => !page.banner);
  return [
    ...[...byYear].sort(([a], [b]) => Number(b) - Number(a)).map(([name, found]) => ({ name, pages: found.map((page) => fileOf(page.url)) })),
    ...(shown.length > 0 ? [{ name: PAGES_SHARD, pages: shown.map((page) => fileOf(page.url)) }] : []),
  ];
}
