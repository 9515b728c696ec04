/**
 * An article's content words and how often each occurs, as two parallel
 * lists: one object per article rather than one per word, which matters when
 * a hundred thousand articles are held at once.
 */
export interface TermCounts {
  words: string[];
  counts: number[];
}

export const NO_TERMS: TermCounts = { words: [], counts: [] };

/** Content words kept per article, the most frequent: enough for TF-IDF to find its distinctive ones. */
export const TERMS_KEPT = 60;

const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * Count the content words of `text` into `counts`: lowercase runs of letters
 * and digits of three characters or more, without stop words and without
 * numbers (a four-digit year is kept: "2026" says something about a story).
 */
export function countTerms(text: string, stopWords: ReadonlySet<string>, counts = new Map<string, number>(), weight = 1): Map<string, number> {
  for (const [token] of text.toLowerCase().matchAll(TOKEN)) {
    if (token.length < 3 || token.length > 40 || stopWords.has(token)) continue;
    if (/^\p{N}+$/u.test(token) && token.length !== 4) continue;
    counts.set(token, (counts.get(token) ?? 0) + weight);
  }
  return counts;
}

/** The `limit` most frequent terms, ties in code-point order, so every build keeps the same ones. */
export function topTerms(counts: ReadonlyMap<string, number>, limit: number): TermCounts {
  const top = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).slice(0, limit);
  return { words: top.map(([word]) => word), counts: top.map(([, count]) => count) };
}
