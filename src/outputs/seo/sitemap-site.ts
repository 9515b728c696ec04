/**
 * The site root as a URL that relative names resolve under. A missing final
 * slash is added (`https://example.org/news` → `https://example.org/news/`),
 * because `new URL('sitemap.xml', 'https://example.org/news')` would
 * otherwise land at the host's root.
 */
export function siteBase(siteUrl: string): URL {
  const base = absoluteUrl(siteUrl, 'siteUrl');
  // Every relative resolution drops a query or fragment, so one here can only be a mistyped setting.
  if (base.search !== '' || base.hash !== '') {
    throw new Error(`siteUrl must not have a query or fragment: ${siteUrl}`);
  }
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return base;
}

/**
 * A page URL in normalised form (`URL#href`: lower-case host, percent-encoded
 * path), refused unless it lies under `base`: sitemaps.org lets a sitemap
 * list only URLs in its own folder and below, and search engines drop the rest.
 */
export function urlUnderSite(url: string, base: URL): string {
  const parsed = absoluteUrl(url, 'page URL');
  if (parsed.hash !== '') {
    throw new Error(`page URL has a fragment, which names a place in a page, not a page: ${url}`);
  }
  if (!parsed.href.startsWith(base.href)) {
    throw new Error(`page URL ${url} is outside the site ${base.href}; a sitemap may list only URLs under its own folder`);
  }
  return parsed.href;
}

function absoluteUrl(value: string, what: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error(`${what} is not an absolute URL: ${value}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`${what} must be http or https: ${value}`);
  }
  return parsed;
}
