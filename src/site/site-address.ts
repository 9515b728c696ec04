/** A site path (`/news/x/`) as an absolute URL under the site's address, which may have a path of its own. */
export const absolute = (site: { url: string }, sitePath: string): string => new URL(sitePath.replace(/^\//, ''), site.url).href;

/** The site's own path without its final slash: `''` at a host's root, `/news` under a sub-path. */
export const pathPrefix = (site: { url: string }): string => new URL(site.url).pathname.replace(/\/$/, '');
