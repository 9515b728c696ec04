/** What the guard sees of a request: its line and headers, as node:http gives them. */
export interface GuardedRequest {
  method?: string | undefined;
  url?: string | undefined;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

export type Verdict = { ok: true } | { ok: false; status: 400 | 403 | 405 | 414 | 421; reason: string };

/** Longer than any address the site has; a longer one is an attack or a mistake. */
export const MAX_URL_LENGTH = 2048;

const OK: Verdict = { ok: true };
// RFC 3986: a path is pchars and "/"; a query may also hold "?". Anything
// else (spaces, backslashes, raw non-ASCII, "#") no browser sends.
const PATH = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;
const QUERY = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/;
const PERCENT_ENCODED = /^(?:[^%]|%[0-9A-Fa-f]{2})*$/;
const CONTROL = /[\u0000-\u001f\u007f]/;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The methods the output folder is served to. */
export const READ_METHODS: readonly string[] = ['GET', 'HEAD'];

/**
 * Decide whether the dev server may answer a request: it must name this
 * server (Host), come from one of its own pages if from a page at all
 * (Origin), use one of `methods` (reading, GET and HEAD, unless a route of
 * the dev server takes more), and ask for a path that stays inside the
 * output folder under any decoding. The dev server behind it decodes paths
 * with `decodeURIComponent` and throws on what it cannot decode, so every
 * such path is refused here first.
 */
export function checkRequest(request: GuardedRequest, allowedHosts: ReadonlySet<string>, methods: readonly string[] = READ_METHODS): Verdict {
  const refused = checkSender(request, allowedHosts);
  if (refused) return refused;
  if (request.method === undefined || !methods.includes(request.method)) return { ok: false, status: 405, reason: `only ${listed(methods)} ${methods.length === 1 ? 'is' : 'are'} served` };
  return checkTarget(request.url);
}

/**
 * The same for a request to the web editor's local backend, which writes
 * files: JSON POSTed by a script of one of this server's own pages. A
 * browser sends Origin with every POST a script makes; one without it did
 * not come from a page, and is refused like one from another site.
 */
export function checkBackendRequest(request: GuardedRequest, allowedHosts: ReadonlySet<string>): Verdict {
  const refused = checkSender(request, allowedHosts);
  if (refused) return refused;
  if (request.method !== 'POST') return { ok: false, status: 405, reason: 'the local backend takes POST' };
  if (request.headers.origin === undefined) return { ok: false, status: 403, reason: 'the local backend answers only the pages of this server' };
  const type = request.headers['content-type'];
  if (typeof type !== 'string' || !/^application\/json\s*(?:;|$)/i.test(type)) return { ok: false, status: 400, reason: 'the local backend takes JSON' };
  return checkTarget(request.url);
}

/** The same for the live-reload WebSocket's upgrade request. */
export function checkUpgrade(request: GuardedRequest, allowedHosts: ReadonlySet<string>): Verdict {
  const refused = checkSender(request, allowedHosts);
  if (refused) return refused;
  if (request.method !== 'GET') return { ok: false, status: 405, reason: 'a WebSocket opens with GET' };
  const upgrade = request.headers.upgrade;
  if (typeof upgrade !== 'string' || upgrade.toLowerCase() !== 'websocket') return { ok: false, status: 400, reason: 'only WebSocket upgrades are served' };
  return checkTarget(request.url);
}

/**
 * Host against DNS rebinding: a page on an attacker's name that resolves to
 * this machine sends its own name. Origin against other sites' pages: a
 * browser sends it on WebSocket upgrades and on requests scripts make
 * across sites; a request without one did not come from another site's page.
 */
function checkSender({ headers }: GuardedRequest, allowedHosts: ReadonlySet<string>): Verdict | undefined {
  const host = headers.host;
  if (typeof host !== 'string' || host === '') return { ok: false, status: 400, reason: 'a request must name its host' };
  if (!allowedHosts.has(host.toLowerCase())) return { ok: false, status: 421, reason: 'this server does not answer to that host name' };
  const origin = headers.origin;
  if (origin === undefined) return undefined;
  if (typeof origin !== 'string' || !origin.toLowerCase().startsWith('http://') || !allowedHosts.has(origin.slice('http://'.length).toLowerCase())) {
    return { ok: false, status: 403, reason: 'requests from other sites are refused' };
  }
  return undefined;
}

/** An origin-form target ("/path?query") whose every segment decodes to a plain name. */
function checkTarget(url: string | undefined): Verdict {
  if (url === undefined || !url.startsWith('/') || url.startsWith('//')) return { ok: false, status: 400, reason: 'the address must be a path' };
  if (url.length > MAX_URL_LENGTH) return { ok: false, status: 414, reason: `addresses longer than ${MAX_URL_LENGTH} characters are refused` };
  const queryAt = url.indexOf('?');
  const pathPart = queryAt < 0 ? url : url.slice(0, queryAt);
  if (!PATH.test(pathPart) || (queryAt >= 0 && !QUERY.test(url.slice(queryAt + 1)))) {
    return { ok: false, status: 400, reason: 'the address holds characters a URL may not' };
  }
  for (const segment of pathPart.split('/')) {
    const name = decodeSegment(segment);
    if (name === undefined) return { ok: false, status: 400, reason: 'malformed percent-encoding or UTF-8' };
    if (name.includes('/') || name.includes('\\')) return { ok: false, status: 400, reason: 'encoded slashes are refused' };
    if (CONTROL.test(name)) return { ok: false, status: 400, reason: 'control characters are refused' };
    // Browsers resolve "." and ".." before sending; one arriving is an attempt to leave the folder.
    if (name === '.' || name === '..') return { ok: false, status: 400, reason: 'dot segments are refused' };
  }
  return OK;
}

/** "GET and HEAD", "GET, HEAD and POST". */
function listed(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? 'no methods');
}

/** Percent-decoding that, unlike decodeURIComponent, never throws: undefined for bad escapes or bytes that are not UTF-8 (overlong forms included). */
function decodeSegment(segment: string): string | undefined {
  if (!segment.includes('%')) return segment;
  if (!PERCENT_ENCODED.test(segment)) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < segment.length; i++) {
    if (segment[i] === '%') {
      bytes.push(Number.parseInt(segment.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(segment.charCodeAt(i));
    }
  }
  try {
    return utf8.decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
}
