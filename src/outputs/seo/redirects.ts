import type { OutputFile } from './sitemaps.js';
import { absolute, HOST_FILES, pathPrefix, redirectFile } from '../../routes/addresses.js';
import { xmlAttribute } from '../../util/xml-text.js';

/** An old site path and the page it now lives at (site paths, without the site's own path prefix). */
export interface Redirect {
  from: string;
  to: string;
}

/**
 * A `_redirects` file (Netlify and Cloudflare Pages syntax: permanent, 301)
 * for hosts that read one, and for every other host a small page at each old
 * address that sends the reader on and names the new address as canonical.
 * Addresses carry the site's path prefix (`https://example.org/news/` →
 * `/news/…`), since hosts match the whole path.
 */
export function renderRedirects(redirects: readonly Redirect[], site: { url: string; language: string }): OutputFile[] {
  const prefix = pathPrefix(site);
  const sorted = [...redirects].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const lines = sorted.map(({ from, to }) => `${prefix}${from} ${prefix}${to} 301`);
  const pages = sorted.map(({ from, to }) => {
    const target = xmlAttribute(absolute(site, to));
    return {
      path: redirectFile(from),
      content: [
        '<!DOCTYPE html>',
        `<html lang="${xmlAttribute(site.language)}">`,
        '<head>',
        '<meta charset="utf-8">',
        '<title>This page has moved</title>',
        `<link rel="canonical" href="${target}">`,
        `<meta http-equiv="refresh" content="0; url=${target}">`,
        '<meta name="robots" content="noindex">',
        '</head>',
        '<body>',
        `<p>This page has moved to <a href="${target}">${target}</a>.</p>`,
        '</body>',
        '</html>',
        '',
      ].join('\n'),
    };
  });
  return [{ path: HOST_FILES.redirects, content: lines.length ? `${lines.join('\n')}\n` : '' }, ...pages];
}
