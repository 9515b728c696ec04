import { safeSlug } from '../newsroom-files.js';
import type { ExportCategory } from './collect-export.js';
import type { WxrTerm } from './read-wxr.js';
import { TAKEN_TOP_LEVEL } from './old-addresses.js';

/*
 * WordPress categories nest; a Broadsheet article has one section and
 * tags. The top-level category of a post's first category is its section;
 * the categories below it, and every other category a post has, become
 * tags, so nothing a reader could browse by is lost.
 */

/** A category as the chain from itself up to the top (nicenames, the top last). */
export function categoryChain(nicename: string, categories: ReadonlyMap<string, ExportCategory>): ExportCategory[] {
  const chain: ExportCategory[] = [];
  const seen = new Set<string>();
  for (let current = categories.get(nicename); current && !seen.has(current.nicename); current = categories.get(current.parent)) {
    seen.add(current.nicename);
    chain.push(current);
  }
  return chain;
}

/** The section slug for a top-level category: a safe slug that is not one of the site's own top-level names. */
export function sectionSlug(nicename: string): string {
  let decoded = nicename;
  try {
    decoded = decodeURIComponent(nicename);
  } catch {
    // A malformed escape: slug the text as it is.
  }
  const slug = safeSlug(decoded, 'section');
  return TAKEN_TOP_LEVEL.has(slug) ? `${slug}-section` : slug;
}

/** A post's section and the tags its categories give it. */
export interface PostFiling {
  /** The top-level category (the section). */
  section: ExportCategory;
  /** Tag names from the other categories, in the post's order. */
  categoryTags: string[];
  /** Every category of the post (for the archive addresses that now lead to a tag). */
  categories: ExportCategory[][];
}

/**
 * Where a post is filed. Terms naming a category the channel did not list
 * are taken as top-level categories of that name. A post without a
 * category goes to `fallback` (WordPress's "Uncategorized").
 */
export function filePost(terms: readonly WxrTerm[], categories: Map<string, ExportCategory>, fallback: ExportCategory): PostFiling {
  const chains: ExportCategory[][] = [];
  for (const term of terms) {
    if (term.domain !== 'category' || !term.nicename) continue;
    if (!categories.has(term.nicename)) categories.set(term.nicename, { nicename: term.nicename, name: term.name || term.nicename, parent: '', description: '' });
    const chain = categoryChain(term.nicename, categories);
    if (chain.length && !chains.some((known) => known[0]?.nicename === chain[0]?.nicename)) chains.push(chain);
  }
  const first = chains[0];
  const section = first?.[first.length - 1] ?? fallback;
  const categoryTags: string[] = [];
  for (const chain of chains) {
    for (const category of chain) if (category.nicename !== section.nicename && !categoryTags.includes(category.name)) categoryTags.push(category.name);
  }
  return { section, categoryTags, categories: chains };
}
