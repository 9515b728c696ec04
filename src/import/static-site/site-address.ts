import { siteUrlProblem } from '../../content/web-address.js';

/** Used when the old site does not say where it lived; `check` accepts it and the report says to change it. */
export const PLACEHOLDER_URL = 'https://example.org/';

/**
 * The new site's `url` from the old site's address and path prefix
 * (Jekyll's `url` + `baseurl`, or Hugo's `baseURL` alone), and how the old
 * site's own addresses are recognised (host, prefix).
 */
export function siteAddress(
  url: string | undefined,
  prefix: string | undefined,
): { url: string; oldSite: { host?: string; prefix: string }; problem?: string } {
  let base: URL | undefined;
  try {
    base = url ? new URL(url) : undefined;
  } catch {
    base = undefined;
  }
  const path = `${base?.pathname ?? ''}/${prefix ?? ''}`.replace(/\/{2,}/g, '/').replace(/\/$/, '');
  const oldSite = { host: base?.host, prefix: path };
  if (!base || !/^https?:$/.test(base.protocol)) {
    return { url: PLACEHOLDER_URL.replace(/\/$/, `${path}/`), oldSite, problem: `the site's address ${url ? `"${url}" is not a web address` : 'is not given'}: ${PLACEHOLDER_URL} stands in for it; set url: in site.yml` };
  }
  const candidate = `${base.protocol}//${base.host}${path}/`;
  const problem = siteUrlProblem(candidate);
  if (problem) return { url: PLACEHOLDER_URL, oldSite, problem: `the site's address ${candidate} ${problem}: ${PLACEHOLDER_URL} stands in for it; set url: in site.yml` };
  return { url: candidate, oldSite };
}
