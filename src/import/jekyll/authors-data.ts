import { parseDocument } from 'yaml';
import type { SourceTree } from '../source-tree.js';
import type { ImportNotice } from '../types.js';
import { asText } from '../static-site/fields.js';
import type { AuthorFound } from '../static-site/types.js';

const FILES = ['_data/authors.yml', '_data/authors.yaml', '_data/authors.json'];

/** Where each Broadsheet author field is found among the names themes use. */
const FIELDS: Record<string, string> = {
  name: 'name',
  display_name: 'name',
  bio: 'bio',
  description: 'bio',
  about: 'bio',
  role: 'role',
  position: 'role',
  job_title: 'role',
  avatar: 'avatar',
  picture: 'avatar',
  image: 'avatar',
  url: 'website',
  uri: 'website',
  web: 'website',
  website: 'website',
  homepage: 'website',
  email: 'email',
  twitter: 'x',
  x: 'x',
  github: 'github',
  mastodon: 'mastodon',
  linkedin: 'linkedin',
  bluesky: 'bluesky',
};

/** Handles some themes write instead of addresses. */
const HANDLE_SITES: Record<string, string> = { x: 'https://x.com/', github: 'https://github.com/', linkedin: 'https://www.linkedin.com/in/' };

/**
 * Authors from `_data/authors.yml` (the form jekyll-seo-tag and most
 * themes read: a mapping from the key posts name to the author's fields).
 * Fields with no Broadsheet equivalent are reported per author.
 */
export function readJekyllAuthors(tree: SourceTree): { authors: Map<string, AuthorFound>; notices: ImportNotice[] } {
  const authors = new Map<string, AuthorFound>();
  const notices: ImportNotice[] = [];
  const file = FILES.find((candidate) => tree.has(candidate));
  if (!file) return { authors, notices };
  const document = parseDocument(tree.readText(file), { logLevel: 'silent', uniqueKeys: false });
  const error = document.errors[0];
  const data: unknown = error ? undefined : document.toJS({ maxAliasCount: 50 });
  if (error || !data || typeof data !== 'object' || Array.isArray(data)) {
    notices.push({ type: 'notice', kind: 'skipped', message: `${file} is not a mapping of authors${error ? ` (${error.message.split('\n')[0]})` : ''}: no author described`, source: { file, line: error?.linePos?.[0].line } });
    return { authors, notices };
  }
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const fields = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { name: value };
    const found: AuthorFound = { name: asText(fields.name) ?? asText(fields.display_name) ?? key, links: {}, source: file };
    const left: string[] = [];
    for (const [field, raw] of Object.entries(fields)) {
      const target = FIELDS[field.toLowerCase()];
      const text = asText(raw);
      if (!target || text === undefined) left.push(field);
      else if (target === 'bio') found.bio = text;
      else if (target === 'role') found.role = text;
      else if (target === 'avatar') found.avatar = text;
      else if (target !== 'name') found.links[target] = target in HANDLE_SITES && !/^https?:/i.test(text) ? `${HANDLE_SITES[target]}${text.replace(/^@/, '')}` : text;
    }
    if (left.length) notices.push({ type: 'notice', kind: 'skipped', message: `author "${key}": ${left.map((field) => `"${field}"`).join(', ')} ${left.length === 1 ? 'has' : 'have'} no Broadsheet equivalent and ${left.length === 1 ? 'is' : 'are'} left out`, source: { file } });
    authors.set(key, found);
  }
  return { authors, notices };
}
