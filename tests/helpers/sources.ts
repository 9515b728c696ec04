import type { ContentSources } from '../../src/content/types.js';

export const SITE_YML = [
  'title: The Test Gazette',
  'url: https://gazette.example.org/',
  'language: en-GB',
  'timezone: Europe/London',
  'description: A newsroom for tests.',
  'perPage: 2',
  '',
].join('\n');

export const AUTHORS: Record<string, string> = {
  'jane-doe': '---\nname: Jane Doe\nrole: Senior News Editor\n---\nJane has covered the city since 2010.\n',
  'sam-roe': '---\nname: Sam Roe\nrole: Business Reporter\n---\nSam follows the money.\n',
};

export const CATEGORIES: Record<string, string> = {
  news: '---\nname: News\norder: 1\n---\nThe news.\n',
  business: '---\nname: Business\norder: 2\n---\nThe money.\n',
};

/** Front matter lines plus a body, as an editor would write them. */
export function article(fields: Record<string, string>, body = 'The first paragraph.\n'): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n${body}`;
}

export const validArticle = (overrides: Record<string, string> = {}): string =>
  article({ title: 'Harbour wall repaired', date: '2025-03-14T08:30:00', authors: '[jane-doe]', category: 'news', tags: '[Harbour, Council]', ...overrides });

/** In-memory sources for validateContent; file paths are as the loader shows them. */
export function sources(
  articles: Record<string, string>,
  extra: {
    site?: string | null;
    authors?: Record<string, string>;
    categories?: Record<string, string>;
    pages?: Record<string, string>;
    comments?: Record<string, string>;
  } = {},
): ContentSources {
  const files = (folder: string, entries: Record<string, string>) =>
    Object.entries(entries).map(([name, text]) => ({ path: `content/${folder}/${name.endsWith('.md') ? name : `${name}.md`}`, text }));
  return {
    site: extra.site === null ? undefined : { path: 'content/site.yml', text: extra.site ?? SITE_YML },
    articles: files('articles', articles),
    authors: files('authors', extra.authors ?? AUTHORS),
    categories: files('categories', extra.categories ?? CATEGORIES),
    pages: files('pages', extra.pages ?? {}),
    // Keyed by the path under comments/, such as `harbour-wall/1.yml`.
    comments: Object.entries(extra.comments ?? {}).map(([name, text]) => ({
      path: `content/comments/${name}`,
      text,
      folder: name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '',
    })),
  };
}
