import { stringify } from 'yaml';
import { MAX_SLUG_LENGTH, slugifyText, slugProblem } from '../content/slug.js';

/**
 * A slug our content model accepts, made from any text an export holds
 * (a WordPress post_name, a Jekyll file name, a Hugo title). `fallback`
 * is used when nothing of the text survives (a title in a script with no
 * transliteration, or "../../"). Never contains a separator or a dot.
 */
export function safeSlug(text: string, fallback: string): string {
  const slug = slugifyText(text).slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
  if (slug && !slugProblem(slug)) return slug;
  const other = slugifyText(fallback).slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
  return other && !slugProblem(other) ? other : 'item';
}

// The same data always gives the same bytes: keys in the order the importer
// wrote them, no line folding (a long summary stays one line a diff can show),
// and strings that would read as another type (`47`, `yes`, a date) quoted.
const YAML_OPTIONS = { lineWidth: 0, minContentWidth: 0 } as const;

/** A Markdown file with YAML front matter; `undefined` values are left out. */
export function markdownFile(data: Record<string, unknown>, body: string): string {
  const text = body.trim();
  return `---\n${stringify(withoutUndefined(data), YAML_OPTIONS)}---\n${text ? `${text}\n` : ''}`;
}

/** A YAML file (a comment); `undefined` values are left out. */
export function yamlFile(data: Record<string, unknown>): string {
  return stringify(withoutUndefined(data), YAML_OPTIONS);
}

function withoutUndefined(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
}
