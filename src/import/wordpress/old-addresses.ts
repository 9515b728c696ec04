import { articleSchema } from '../../content/schema.js';
import { TAKEN_TOP_LEVEL as SITE_TOP_LEVEL } from '../../routes/addresses.js';

/*
 * The addresses a WordPress site had, as site paths a static host can keep
 * answering: a permalink (`/2019/05/14/harbour-wall/`), a page
 * (`/about/team/`), a category or tag archive (`/category/news/`,
 * `/tag/tram-line/`). A path becomes an `aliases:` entry or a `redirects:`
 * line only when the content model accepts it as a site path.
 */

const aliases = articleSchema('UTC').shape.aliases;

/** Does the content model accept `path` as an old address (an alias or a redirect)? */
export function isKeepablePath(path: string): boolean {
  return aliases.safeParse([path]).success;
}

/** What an address of the export is, seen from the site's root. */
export type OldAddress = { kind: 'path'; path: string } | { kind: 'query'; query: string } | { kind: 'elsewhere' };

/**
 * `link` (an item's `<link>`, a `guid`) as a path under the site's address
 * (`https://news.example/blog/2019/x/` with the site at `/blog/` →
 * `/2019/x/`); a query string (`/?p=123`, plain permalinks) is told apart,
 * since a static host answers by path alone.
 */
export function oldAddress(link: string, site: URL): OldAddress {
  if (!URL.canParse(link, site)) return { kind: 'elsewhere' };
  const url = new URL(link, site);
  if (url.hostname.toLowerCase() !== site.hostname.toLowerCase()) return { kind: 'elsewhere' };
  const base = site.pathname.replace(/\/?$/, '/');
  if (!url.pathname.startsWith(base) && `${url.pathname}/` !== base) return { kind: 'elsewhere' };
  const path = `/${url.pathname.slice(base.length)}`;
  if (url.search) return { kind: 'query', query: `${path}${url.search}` };
  return { kind: 'path', path };
}

/**
 * Top-level names a section or page must not take: the site's own, and
 * WordPress's own folder words (an old `/comments/` or `/categories/` address
 * would otherwise look like a section).
 */
export const TAKEN_TOP_LEVEL: ReadonlySet<string> = new Set([...SITE_TOP_LEVEL, 'comments', 'categories', 'pages']);
