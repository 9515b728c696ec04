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
 * builds agree. Candidates come from a tag index rather than every pair.
 * `articles` must be newest first.
 */
export function relatedBySharedTags(articles: readonly Article[], options: RelatedOptions = {}): Map<Article, Article[]> {
  const max = options.max ?? 6;
  const min = options.min ?? 4;
  const byTag = groupBy(articles, (a) => a.tags.map((t) => t.slug));
  const bySection = groupBy(articles, (a) => [a.category]);
  const rank = new Map(articles.map((a, index) => [a, index]));

  const result = new Map<Article, Article[]>();
  for (const article of articles) {
    const scores = new Map<Article, number>();
    for (const tag of article.tags) {
      for (const other of byTag.get(tag.slug) ?? []) scores.set(other, (scores.get(other) ?? 0) + 2);
    }
    for (const other of scores.keys()) {
      if (other.category === article.category) scores.set(other, (scores.get(other) ?? 0) + 1);
    }
    scores.delete(article);
    const better = (a: Article, b: Article) =>
      (scores.get(b) ?? 0) - (scores.get(a) ?? 0) || (rank.get(a) ?? 0) - (rank.get(b) ?? 0) || compareText(a.slug, b.slug);
    const chosen = topK([...scores.keys()], max, better);
    fillUp(chosen, bySection.get(article.category) ?? [], article, min);
    fillUp(chosen, articles, article, min);
    result.set(article, chosen);
  }
  return result;
}

/** The `k` best items in order, without sorting them all: candidate lists grow with the archive. */
function topK<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  for (const item of items) {
    if (best.length === k && compare(item, best[k - 1] as T) >= 0) continue;
    let index = best.length;
    while (index > 0 && compare(item, best[index - 1] as T) < 0) index--;
    best.splice(index, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

function fillUp(chosen: Article[], pool: readonly Article[], self: Article, min: number): void {
  for (const candidate of pool) {
    if (chosen.length >= min) return;
    if (candidate !== self && !chosen.includes(candidate)) chosen.push(candidate);
  }
}

function groupBy<T>(items: readonly T[], keys: (item: T) => string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}
