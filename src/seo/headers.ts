import type { OutputFile } from './sitemaps.js';

/**
 * The policy every page satisfies: our templates load one stylesheet and no
 * script from this site, and article bodies may show images from elsewhere.
 * JSON-LD blocks are data, not scripts, so `script-src` does not apply to
 * them. A newsroom that adds a script or a font service changes it here.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  'upgrade-insecure-requests',
].join('; ');

/**
 * A `_headers` file (Netlify and Cloudflare Pages syntax): security headers
 * on every path under the site, and a year of caching for `immutable`, the
 * site paths of assets whose names carry a hash of their bytes.
 */
export function renderHeaders(site: { url: string }, immutable: readonly string[]): OutputFile {
  const prefix = new URL(site.url).pathname.replace(/\/$/, '');
  const lines = [
    `${prefix}/*`,
    `  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  X-Frame-Options: DENY',
    ...[...immutable].sort().flatMap((sitePath) => [`${prefix}${sitePath}`, '  Cache-Control: public, max-age=31536000, immutable']),
  ];
  return { path: '_headers', content: `${lines.join('\n')}\n` };
}
