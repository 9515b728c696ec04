import { MAX_TAGS } from '../../content/limits.js';
import { tagProblem } from '../../content/check-article.js';
import type { ImportNotice } from '../types.js';

/** A front matter value read as text: numbers and booleans as written (a tag `47`), anything else undefined. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * A front matter value read as a list of texts: a list, or one value. With
 * `words`, a text is split at spaces (Jekyll's `tags: harbour council`).
 */
export function asTextList(value: unknown, words = false): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const texts = items.map(asText).filter((item): item is string => item !== undefined);
  return words && !Array.isArray(value) ? texts.flatMap((item) => item.split(/\s+/).filter(Boolean)) : texts;
}

/** Texts without repeats, compared as their slugs would be (case and spacing aside). */
export function distinct(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  return texts.filter((text) => {
    const key = text.toLowerCase().replace(/[\s_-]+/g, '-');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The value at a dotted path (`author.name`) of nested mappings. */
export function valueAt(data: unknown, path: string): unknown {
  let value = data;
  for (const key of path.split('.')) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * Front matter fields no Broadsheet field takes (`layout`, `toc`,
 * `comments_id`…), counted over the import and reported once each with
 * the first file that had it, so an archive of thousands of posts gets a
 * readable report and nothing is left out without a word.
 */
export function createLeftFields(): { add(file: string, keys: Iterable<string>): void; notices(): ImportNotice[] } {
  const left = new Map<string, { first: string; count: number }>();
  return {
    add(file, keys) {
      for (const key of keys) {
        const known = left.get(key);
        if (known) known.count += 1;
        else left.set(key, { first: file, count: 1 });
      }
    },
    notices() {
      return [...left]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, { first, count }]) => ({
          type: 'notice' as const,
          kind: 'skipped' as const,
          message: `the front matter field "${key}" has no Broadsheet equivalent and is left out (${count} ${count === 1 ? 'file' : 'files'}; the first is named here)`,
          source: { file: first },
        }));
    },
  };
}

/** The 1-based line where the front matter (the lines before `bodyLine`) sets `key` at the top level, as YAML, TOML or JSON writes it. */
export function lineOfKey(text: string, key: string, bodyLine: number): number | undefined {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^(?:${escaped}|"${escaped}")\\s*[:=]`);
  const lines = text.split(/\r?\n/, bodyLine);
  const at = lines.findIndex((line, index) => index > 0 && index < bodyLine - 1 && pattern.test(line.trimStart()));
  return at < 0 ? undefined : at + 1;
}

/**
 * The tags an article keeps: each one Broadsheet can make a page of
 * (`tagProblem`), at most `MAX_TAGS`; a word for each left out.
 */
export function keptTags(tags: readonly string[]): { tags: string[]; left: string[] } {
  const left: string[] = [];
  const kept: string[] = [];
  for (const tag of tags) {
    const problem = tagProblem(tag);
    if (problem) left.push(`${problem.message}: the tag is left out`);
    else kept.push(tag);
  }
  if (kept.length > MAX_TAGS) left.push(`${kept.length} tags: the first ${MAX_TAGS} are kept`);
  return { tags: kept.slice(0, MAX_TAGS), left };
}
