import type { AdminSettings } from '../../content/schema.js';

/** The API origins Decap CMS talks to for each git host it can publish through. */
const BACKEND_ORIGINS: Readonly<Record<NonNullable<AdminSettings['backend']>['name'], readonly string[]>> = {
  github: ['https://api.github.com'],
  gitlab: ['https://gitlab.com'],
  bitbucket: ['https://api.bitbucket.org', 'https://bitbucket.org'],
};

/**
 * The Content-Security-Policy of /admin/ alone: what Decap CMS needs and the
 * reader pages never get. Its styles are made at run time (emotion:
 * 'unsafe-inline'); it compiles templates and schemas with `new Function`
 * ('unsafe-eval'); a picture chosen for upload is shown from a blob: or
 * data: address, which it also fetches; it talks to its git host's API (and to the local backend
 * of `serve`, on the page's own origin). Scripts still come only from the
 * site itself, and the page may not be framed.
 */
export function adminContentSecurityPolicy(admin: AdminSettings): string {
  const backend = admin.backend;
  const apis = backend ? [...BACKEND_ORIGINS[backend.name], ...(backend.base_url ? [new URL(backend.base_url).origin] : [])] : [];
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: data: blob:",
    "font-src 'self'",
    ["connect-src 'self' blob: data:", ...[...new Set(apis)].sort()].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
