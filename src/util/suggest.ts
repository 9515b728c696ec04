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
  options: { limit?: number; allowed?: number } = {},
): string[] {
  const limit = options.limit ?? 3;
  const needle = word.toLowerCase();
  const allowed = options.allowed ?? Math.max(2, Math.floor(needle.length / 3));
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

/** `did you mean "a" or "b"?`, or undefined when nothing is close. Capitals are no distance: `New` is close to `news`. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const matches = closestMatches(word, candidates);
  return matches.length === 0 ? undefined : `did you mean ${matches.map((m) => `"${m}"`).join(' or ')}?`;
}

/**
 * `did you mean "/images/harbour-dawn.jpg"?` for a site path that names no
 * file, or undefined when no file is close: the same path in other
 * capitals (said to be so), the same file name in another folder, or a
 * path a few keystrokes away. Only the file name's length sets how far is close, so
 * that a long folder does not make every file in it "close".
 */
export function didYouMeanPath(sitePath: string, files: Iterable<string>): string | undefined {
  const candidates = [...new Set(files)];
  const lower = sitePath.toLowerCase();
  const name = lower.slice(lower.lastIndexOf('/') + 1);
  const sameName = candidates.filter((file) => file.toLowerCase() === lower || file.toLowerCase().endsWith(`/${name}`));
  const matches = sameName.length > 0 ? sameName.sort(compareText).slice(0, 3) : closestMatches(sitePath, candidates, { allowed: Math.max(2, Math.floor(name.length / 4)) });
  if (matches.length === 0) return undefined;
  // Many hosts tell capitals apart, and a path that works on a laptop fails there.
  const capitalsOnly = matches.length === 1 && matches[0]?.toLowerCase() === lower;
  return `did you mean ${matches.map((m) => `"${m}"`).join(' or ')}?${capitalsOnly ? ' (capitals count in file names)' : ''}`;
}
