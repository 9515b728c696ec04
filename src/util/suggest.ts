import { distance } from 'fastest-levenshtein';
import { compareText } from './problems.js';

/**
 * The candidates closest to `word` by edit distance, nearest first.
 * Only reasonably close ones are offered: a hint that names an unrelated
 * slug sends the editor the wrong way.
 */
export function closestMatches(
  word: string,
  candidates: Iterable<string>,
  options: { limit?: number } = {},
): string[] {
  const limit = options.limit ?? 3;
  const needle = word.toLowerCase();
  const allowed = Math.max(2, Math.floor(needle.length / 3));
  return [...new Set(candidates)]
    .map((candidate) => ({ candidate, cost: editCost(needle, candidate.toLowerCase()) }))
    .filter(({ cost }) => cost <= allowed)
    .sort((a, b) => a.cost - b.cost || compareText(a.candidate, b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

// A prefix ("jane" for "jane-doe") is a likelier slip than the raw distance says.
function editCost(a: string, b: string): number {
  if (a.length >= 3 && (b.startsWith(a) || a.startsWith(b))) return 1;
  return distance(a, b);
}

/** `did you mean "a" or "b"?`, or undefined when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const matches = closestMatches(word, candidates);
  if (matches.length === 0) return undefined;
  return `did you mean ${matches.map((m) => `"${m}"`).join(' or ')}?`;
}
