import { MAX_SLUG_LENGTH } from '../../content/slug.js';
import { TAKEN_TOP_LEVEL } from '../../routes/addresses.js';
import { safeSlug } from '../newsroom-files.js';
import type { SiteEntry } from './types.js';


/** Where each entry goes in the newsroom. */
export interface PlannedEntry {
  entry: SiteEntry;
  slug: string;
  /** The section's slug (articles). */
  section?: string;
  /** Its new site path: `/<section>/<slug>/` (the default permalink), `/<slug>/` for a page. */
  address: string;
  /** Relative to the content folder. */
  path: string;
  /** Said when the slug had to change. */
  renamed?: string;
}

export interface NewsroomPlan {
  entries: PlannedEntry[];
  /** Section slug → its name as first written. */
  sections: Map<string, string>;
  sectionOf(name: string): string;
}

/**
 * Gives every entry a slug no other takes (articles across all sections,
 * so a file name and a comment folder never need the section to be told
 * apart; pages apart from sections and the site's own pages), a file and
 * its new address. Entries are taken in source order, so the first keeps
 * its slug and the same source always gives the same plan.
 */
export function planNewsroom(entries: readonly SiteEntry[], slugHint: (section: string) => string | undefined = () => undefined): NewsroomPlan {
  const sections = new Map<string, string>();
  const sectionByName = new Map<string, string>();
  const sectionOf = (name: string): string => {
    const known = sectionByName.get(name);
    if (known) return known;
    let slug = safeSlug(slugHint(name) ?? name, 'posts');
    if (TAKEN_TOP_LEVEL.has(slug)) slug = `${slug}-section`;
    if (!sections.has(slug)) sections.set(slug, name);
    sectionByName.set(name, slug);
    return slug;
  };
  const ordered = [...entries].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  for (const entry of ordered) if (entry.kind === 'article' && entry.section !== undefined) sectionOf(entry.section);

  const articleSlugs = new Set<string>();
  const pageSlugs = new Set<string>([...TAKEN_TOP_LEVEL, ...sections.keys()]);
  const planned: PlannedEntry[] = [];
  for (const entry of ordered) {
    const used = entry.kind === 'article' ? articleSlugs : pageSlugs;
    const slug = unique(entry.slug, used);
    used.add(slug);
    const renamed = slug === entry.slug ? undefined : `the slug "${entry.slug}" is taken by another item; this one is "${slug}"`;
    if (entry.kind === 'page') {
      planned.push({ entry, slug, address: `/${slug}/`, path: `pages/${slug}.md`, renamed });
    } else {
      const section = sectionOf(entry.section ?? '');
      const day = (entry.date ?? '').slice(0, 10);
      planned.push({ entry, slug, section, address: `/${section}/${slug}/`, path: `articles/${day.slice(0, 4)}/${day}-${slug}.md`, renamed });
    }
  }
  return { entries: planned, sections, sectionOf };
}

function unique(slug: string, used: ReadonlySet<string>): string {
  if (!used.has(slug)) return slug;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${slug.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}
