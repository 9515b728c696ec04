import { HOST_FILES, pathPrefix } from '../../routes/addresses.js';
import type { OutputFile } from './sitemaps.js';

/**
 * The policy every page satisfies: our templates load one stylesheet from
 * this site and, on the search page only, one script with the search index's
 * WebAssembly; article bodies may show images from elsewhere.
 * JSON-LD blocks are data, not scripts, so `script-src` does not apply to
 * them. Forms post to this site, and to `formOrigins`: the comment
 * endpoint's origin when site.yml sets one. A newsroom that adds a script or
 * a font service changes it here.
 */
export function contentSecurityPolicy(formOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    // The search page's script runs Pagefind's WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval').
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' https: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...formOrigins].join(' '),
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}

/** The policy of a site whose forms post only to itself. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * A `_headers` file (Netlify and Cloudflare Pages syntax): security headers
 * on every path under the site, and a year of caching for `immutable`, the
 * site paths of assets whose names carry a hash of their bytes.
 * `formOrigins` are the other origins the site's forms post to.
 */
export function renderHeaders(site: { url: string }, immutable: readonly string[], formOrigins: readonly string[] = []): OutputFile {
  const prefix = pathPrefix(site);
  const lines = [
    `${prefix}/*`,
    `  Content-Security-Policy: ${contentSecurityPolicy(formOrigins)}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  X-Frame-Options: DENY',
    ...[...immutable].sort().flatMap((sitePath) => [`${prefix}${sitePath}`, '  Cache-Control: public, max-age=31536000, immutable']),
  ];
  return { path: HOST_FILES.headers, content: `${lines.join('\n')}\n` };
}
