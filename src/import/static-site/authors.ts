import { markdownFile, safeSlug } from '../newsroom-files.js';
import type { ImportEvent } from '../types.js';
import { localPath } from './entry-addresses.js';
import type { ImageShelf } from './image-shelf.js';
import type { AuthorFound, StaticSite } from './types.js';

/** The authors an import credits: those the site describes, and one per other name a post gives. */
export interface AuthorBook {
  /** The slug of the author a post names by key (`jane`) or by name (`Jane Doe`). */
  slugOf(nameOrKey: string): string;
  readonly count: number;
  readonly entries: ReadonlyMap<string, { name: string; found?: AuthorFound }>;
}

export function createAuthorBook(described: ReadonlyMap<string, AuthorFound>): AuthorBook {
  const entries = new Map<string, { name: string; found?: AuthorFound }>();
  const byKey = new Map<string, string>();
  for (const [key, found] of [...described].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const slug = safeSlug(key, safeSlug(found.name, 'author'));
    if (!entries.has(slug)) entries.set(slug, { name: found.name, found });
    byKey.set(key, slug);
  }
  // A post may name a described author by the name rather than the key.
  for (const [key, found] of described) if (!byKey.has(found.name)) byKey.set(found.name, byKey.get(key) ?? '');
  return {
    slugOf(nameOrKey) {
      const known = byKey.get(nameOrKey);
      if (known) return known;
      const slug = safeSlug(nameOrKey, 'author');
      if (!entries.has(slug)) entries.set(slug, { name: nameOrKey });
      byKey.set(nameOrKey, slug);
      return slug;
    },
    get count() {
      return entries.size;
    },
    entries,
  };
}

const LINK_KEYS = ['website', 'email', 'mastodon', 'bluesky', 'x', 'linkedin', 'github'] as const;

/** One file per author, the described ones with their role, avatar (copied into public/), links and bio. */
export function* authorFiles(site: StaticSite, book: AuthorBook, shelf: ImageShelf): Generator<ImportEvent> {
  for (const [slug, { name, found }] of [...book.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const path = `authors/${slug}.md`;
    const item = `author “${name}”`;
    const source = { file: found?.source ?? '.', item };
    let avatar: string | undefined;
    if (found?.avatar) {
      const sitePath = localPath(found.avatar, site.oldSite);
      const located = sitePath === undefined ? undefined : site.locateImage(undefined, sitePath);
      if (located) avatar = shelf.place(located, item);
      else yield { type: 'notice', kind: 'warning', message: `the avatar ${found.avatar} is not in the site's folder: left out`, source, target: { path } };
    }
    const links: Record<string, string> = {};
    for (const key of LINK_KEYS) {
      const value = found?.links[key];
      if (value === undefined) continue;
      if (key === 'email' ? /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(value) : /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value)) links[key] = value;
      else yield { type: 'notice', kind: 'warning', message: `the ${key} link "${value}" is not an address: left out`, source, target: { path } };
    }
    const data = { name, role: found?.role, avatar, links: Object.keys(links).length ? links : undefined };
    yield { type: 'file', root: 'content', path, content: markdownFile(data, found?.bio ?? ''), source };
  }
}
