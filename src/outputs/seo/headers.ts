import { ADMIN_FOLDER, HOST_FILES, pathPrefix } from '../../routes/addresses.js';
import type { OutputFile } from './sitemaps.js';

/**
 * The policy every page satisfies: our templates load one stylesheet from
 * this site and, on the search page only, one script with the search index's
 * WebAssembly; article bodies may show images from elsewhere.
 * JSON-LD blocks are data, not scripts, so `script-src` does not apply to
 * them. Forms post to this site, and to `formOrigins`: the comment
 * endpoint's origin when site.yml sets one. Frames come from `frameOrigins`,
 * the providers of the site's embeds. A newsroom that adds a script or
 * a font service changes it here.
 */
export function contentSecurityPolicy(formOrigins: readonly string[] = [], frameOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    // Frames only from the providers the site's embeds use, loaded when a reader asks (embeds.js); none otherwise but the site's own.
    ...(frameOrigins.length > 0 ? [['frame-src', ...frameOrigins].join(' ')] : []),
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

/**
 * The policy of an SVG file: opened on its own, a browser shows it as a
 * document of the site's origin, where a script in it would run. `sandbox`
 * gives it an origin of its own and runs no script. Hosts add it to the
 * site's policy (every matching rule applies), so nothing loads from
 * outside either.
 */
export const SVG_CONTENT_SECURITY_POLICY = 'sandbox';

/** The policy of a site whose forms post only to itself. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * A `_headers` file (Netlify and Cloudflare Pages syntax): security headers
 * on every path under the site, a sandbox for each of `svgFiles` (site
 * paths), and a year of caching for `immutable`, the site paths of assets
 * whose names carry a hash of their bytes. `formOrigins` are the other
 * origins the site's forms post to, `frameOrigins` those its embeds load
 * frames from. The SVG files are named one by one:
 * hosts differ on a `*` inside a segment (`/*.svg`), none on a plain path.
 * A preview (`site.noindex`) also asks search engines, by header, to list
 * none of its files: its feeds, images and JSON carry no robots meta tag.
 * With `adminPolicy` (the web editor is on), `/admin/*` gets that policy in
 * place of the readers' one, and asks not to be indexed: the rule comes
 * after the site's and first takes the site's policy away (`!`, Cloudflare
 * Pages), since every matching rule applies and two policies would both be
 * enforced. Netlify ignores the `!` line; its emulation keeps the later
 * rule's value.
 */
export function renderHeaders(
  site: { url: string; noindex?: boolean | undefined },
  immutable: readonly string[],
  formOrigins: readonly string[] = [],
  svgFiles: readonly string[] = [],
  frameOrigins: readonly string[] = [],
  adminPolicy?: string,
): OutputFile {
  const prefix = pathPrefix(site);
  const lines = [
    `${prefix}/*`,
    `  Content-Security-Policy: ${contentSecurityPolicy(formOrigins, frameOrigins)}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  X-Frame-Options: DENY',
    ...(site.noindex ? ['  X-Robots-Tag: noindex'] : []),
    ...(adminPolicy
      ? [
          `${prefix}/${ADMIN_FOLDER}/*`,
          '  ! Content-Security-Policy',
          `  Content-Security-Policy: ${adminPolicy}`,
          ...(site.noindex ? [] : ['  X-Robots-Tag: noindex']),
        ]
      : []),
    ...[...svgFiles].sort().flatMap((sitePath) => [`${prefix}${headerPath(sitePath)}`, `  Content-Security-Policy: ${SVG_CONTENT_SECURITY_POLICY}`]),
    ...[...immutable].sort().flatMap((sitePath) => [`${prefix}${sitePath}`, '  Cache-Control: public, max-age=31536000, immutable']),
  ];
  return { path: HOST_FILES.headers, content: `${lines.join('\n')}\n` };
}

/**
 * A site path as a `_headers` rule: every character but letters, digits,
 * `-._~` and `/` escaped, so that no file name can be read as a pattern
 * (`*`, `:name`), end the line or start a header of its own.
 */
function headerPath(sitePath: string): string {
  return sitePath
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}
