/*
 * The grammar of the addresses site.yml gives that end up in the host's
 * files (`_headers`, `_redirects`, robots.txt) or in an HTTP header (the
 * CSP's form-action). The WHATWG URL parser is no check for these: it
 * accepts `https://x;sandbox/entry` (host `x;sandbox`, which then goes into
 * the CSP as a directive of its own), spaces, `*` and `:name` (patterns to
 * the host), `?` and `#`. So each value is matched as it is written against
 * a grammar narrow enough that nothing in it can mean anything to a header
 * or a host file: DNS host names, a port, and a path of unreserved
 * characters (RFC 3986) and %-escapes.
 */

/** A DNS name: labels of letters, digits and inner hyphens, joined by dots; then a port. */
const HOST_AND_PORT = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?(?::([0-9]{1,5}))?$/;
/** Anything but unreserved characters, `/` and %-escapes: `*`, `:`, `;`, `,`, spaces and quotes mean something to a host file or a header. */
const NOT_PATH = /[^A-Za-z0-9._~/%-]|%(?![0-9A-Fa-f]{2})/;

/** The first thing, in an editor's words, that keeps `value` from being a `scheme` address of a host and a path; undefined when it is one. */
function addressProblem(value: string, scheme: 'http' | 'https'): string | undefined {
  const rest = value.slice(`${scheme}://`.length);
  if (/[?#]/.test(rest)) return 'must not have a query (?…) or a fragment (#…)';
  const authority = rest.split('/', 1)[0] ?? '';
  if (authority.includes('@')) return 'must not hold a user name or password';
  const host = HOST_AND_PORT.exec(authority);
  if (!host) return `has the host "${printable(authority)}", which is not a name of letters, digits, "-" and "."`;
  if (Number(host[1] ?? 0) > 65535) return `has the port ${host[1]}, above 65535`;
  const bad = NOT_PATH.exec(rest.slice(authority.length));
  if (bad) return `has "${printable(bad[0])}" in its path, where only letters, digits, "-", ".", "_", "~", "/" and %-escapes may be`;
  return undefined;
}

/** Control characters shown as escapes: the value is printed in a one-line message. */
const printable = (text: string): string => JSON.stringify(text).slice(1, -1);

/** Why `value` cannot be the site's address (`url` in site.yml), or undefined when it can. */
export function siteUrlProblem(value: string): string | undefined {
  if (value.startsWith('https://')) return addressProblem(value, 'https');
  if (value.startsWith('http://')) return addressProblem(value, 'http');
  return 'must be an http(s) address';
}

/** Why `value` cannot be the comment form's endpoint, or undefined when it can: an https origin and a path, nothing else. */
export function endpointProblem(value: string): string | undefined {
  return value.startsWith('https://') ? addressProblem(value, 'https') : 'must be an https:// address';
}
