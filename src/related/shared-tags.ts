import { compareText } from '../problems.js';
import type { Article } from '../types.js';

export interface RelatedOptions {
  /** At most this many links. */
  max?: number;
  /** Fill up to this many with the newest stories of the section, then of the site. */
  min?: number;
}

/**
 * "You may also like": articles sharing tags (2 points each) and the section
 * (1 point), best first; ties go to the newer article, then the slug, so two
 * builds agree. Candidates come from a tag index rather than every pair, and
 * scores live in one reused array indexed by article.
 * `articles` must be newest first.
 */
export function relatedBySharedTags(articles: readonly Article[], options: RelatedOptions = {}): Map<Article, Article[]> {
  const max = options.max ?? 6;
  const min = options.min ?? 4;
  const byTag = groupIndices(articles, (a) => a.tags.map((t) => t.slug));
  const bySection = groupIndices(articles, (a) => [a.category]);
  const scores = new Float64Array(articles.length);
  // Dense section ids: reading .category from thousands of scattered
  // article objects costs a cache miss each.
  const sectionIds = new Map<string, number>();
  const sectionOf = Int32Array.from(articles, (a) => sectionIds.get(a.category) ?? sectionIds.set(a.category, sectionIds.size).size - 1);
  const touched: number[] = [];
  // Better first: higher score, then newer (lower index, as the list is newest first), then slug.
  const better = (a: number, b: number) =>
    (scores[b] as number) - (scores[a] as number) || a - b || compareText((articles[a] as Article).slug, (articles[b] as Article).slug);

  const result = new Map<Article, Article[]>();
  articles.forEach((article, self) => {
    for (const tag of article.tags) {
      for (const other of byTag.get(tag.slug) ?? []) {
        if (scores[other] === 0) touched.push(other);
        scores[other] = (scores[other] as number) + 2;
      }
    }
    const section = sectionOf[self];
    for (const other of touched) {
      if (sectionOf[other] === section) scores[other] = (scores[other] as number) + 1;
    }
    const candidates = touched.filter((other) => other !== self);
    const chosen = topK(candidates, max, better);
    for (const other of touched) scores[other] = 0;
    touched.length = 0;
    fillUp(chosen, bySection.get(article.category) ?? [], self, min);
    fillUp(chosen, articles.keys(), self, min);
    result.set(
      article,
      chosen.map((index) => articles[index] as Article),
    );
  });
  return result;
}

/** The `k` best items in order, without sorting them all: candidate lists grow with the archive. */
function topK(items: readonly number[], k: number, compare: (a: number, b: number) => number): number[] {
  const best: number[] = [];
  for (const item of items) {
    if (best.length === k && compare(item, best[k - 1] as number) >= 0) continue;
    let index = best.length;
    while (index > 0 && compare(item, best[index - 1] as number) < 0) index--;
    best.splice(index, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

function fillUp(chosen: number[], pool: Iterable<number>, self: number, min: number): void {
  for (const candidate of pool) {
    if (chosen.length >= min) return;
    if (candidate !== self && !chosen.includes(candidate)) chosen.push(candidate);
  }
}

function groupIndices(articles: readonly Article[], keys: (article: Article) => string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  articles.forEach((article, index) => {
    for (const key of keys(article)) {
      const group = groups.get(key);
      if (group) group.push(index);
      else groups.set(key, [index]);
    }
  });
  return groups;
}
