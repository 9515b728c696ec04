import { compareText } from '../util/problems.js';
import { headersFor, parseHeadersFile, type HeaderRule, type HeadersFileProblem } from './headers-file.js';

/** A file of the built site: its path in the output folder (`/`-separated) and the MD5 of its bytes (hex). */
export interface LocalFile {
  file: string;
  md5: string;
}

/** An object already in the bucket, by the same relative path, with the ETag the listing gave it. */
export interface RemoteFile {
  file: string;
  etag: string;
}

/**
 * When a file goes up: assets first, then the pages and documents that
 * name them (HTML, feeds, sitemaps, the search's entry file), then the host
 * files, `_headers` last, since it records which rules the bucket's objects
 * were given.
 */
export type UploadPhase = 'asset' | 'page' | 'host';

export interface Upload {
  file: string;
  phase: UploadPhase;
  /** new: not in the bucket; changed: other bytes; headers: same bytes, other Cache-Control or Content-Type. */
  reason: 'new' | 'changed' | 'headers';
  md5: string;
  cacheControl: string;
  contentType: string;
}

export interface DeployPlan {
  /** In the order they must go up; a phase starts when the one before it has finished. */
  uploads: Upload[];
  unchanged: number;
  /** Objects of files the build no longer has: removed only once every upload has succeeded. */
  deletes: string[];
  /** What stops the deploy: `_headers` lines no host reads as we would, values hosts would differ on. */
  problems: HeadersFileProblem[];
  /** Headers of `_headers` an object cannot carry (a security policy…): the CDN must add them. */
  cdnHeaders: string[];
}

export interface PlanInput {
  local: readonly LocalFile[];
  remote: readonly RemoteFile[];
  /** The built `_headers`. */
  headers: string;
  /** The `_headers` the bucket holds, which the objects there were given; undefined when it has none. */
  previousHeaders: string | undefined;
  /** The site's path prefix (`/news` for `https://example.org/news/`, `''` at the root): its rules start with it. */
  sitePrefix: string;
  /** The media type of a file by its name, for files no rule gives one. */
  typeOf: (file: string) => string;
}

/**
 * What Netlify and Cloudflare Pages send when no rule gives a Cache-Control:
 * every cache asks again before it reuses a copy, so a published page is
 * seen at once. A CDN left to its own default would keep the old home page
 * for as long as it likes.
 */
export const DEFAULT_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/** The headers an S3 object keeps and sends back; any other header in `_headers` is the CDN's to add. */
const OBJECT_HEADERS = new Set(['cache-control', 'content-type']);

const HOST_FILES = new Set(['_headers', '_redirects']);
const PAGE_FILE = /\.(html?|xml|json|txt)$/;

/**
 * The deploy of a built site to a bucket as an ordered plan: which files
 * to upload and with what Cache-Control and Content-Type (from the site's
 * `_headers`, as the hosts that read it would send them), which to leave,
 * which objects to delete after.
 */
export function planDeploy(input: PlanInput): DeployPlan {
  const current = parseHeadersFile(input.headers);
  const previous = input.previousHeaders === undefined ? undefined : parseHeadersFile(input.previousHeaders).rules;
  const remote = new Map(input.remote.map(({ file, etag }) => [file, normalEtag(etag)]));
  const conflicts = new Map<string, HeadersFileProblem>();
  const uploads: Upload[] = [];
  let unchanged = 0;
  for (const { file, md5 } of input.local) {
    const sitePath = sitePathOf(input.sitePrefix, file);
    const wanted = objectHeaders(current.rules, sitePath, file, input.typeOf, (name, lines) => {
      const key = `${name} ${lines.join(',')}`;
      if (!conflicts.has(key))
        conflicts.set(key, {
          line: lines[0] ?? 0,
          message: `${name} of ${sitePath} is given by the rules on lines ${lines.join(' and ')}: Cloudflare Pages joins the values, Netlify keeps one; give it in one rule`,
        });
    });
    const etag = remote.get(file);
    const reason: Upload['reason'] | undefined =
      etag === undefined ? 'new' : etag !== md5.toLowerCase() ? 'changed' : !previous || !sameHeaders(wanted, objectHeaders(previous, sitePath, file, input.typeOf)) ? 'headers' : undefined;
    if (reason) uploads.push({ file, phase: phaseOf(file), reason, md5, ...wanted });
    else unchanged += 1;
  }
  const order: UploadPhase[] = ['asset', 'page', 'host'];
  uploads.sort((a, b) => order.indexOf(a.phase) - order.indexOf(b.phase) || hostOrder(a.file) - hostOrder(b.file) || compareText(a.file, b.file));
  const built = new Set(input.local.map(({ file }) => file));
  return {
    uploads,
    unchanged,
    deletes: [...remote.keys()].filter((file) => !built.has(file)).sort(compareText),
    problems: [...current.problems, ...conflicts.values()].sort((a, b) => a.line - b.line),
    cdnHeaders: [...new Set(current.rules.flatMap((rule) => rule.actions.flatMap((action) => ('name' in action && !OBJECT_HEADERS.has(action.name) ? [action.name] : []))))].sort(compareText),
  };
}

/** The address a file is served at under the site's prefix: `news/a/index.html` → `/news/a/`. */
export function sitePathOf(sitePrefix: string, file: string): string {
  return `${sitePrefix}/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

function objectHeaders(
  rules: readonly HeaderRule[],
  sitePath: string,
  file: string,
  typeOf: (file: string) => string,
  onConflict?: (name: string, lines: number[]) => void,
): { cacheControl: string; contentType: string } {
  const headers = headersFor(rules, sitePath);
  for (const name of OBJECT_HEADERS) {
    const lines = headers.get(name)?.lines ?? [];
    if (lines.length > 1) onConflict?.(name, lines);
  }
  return {
    cacheControl: headers.get('cache-control')?.value ?? DEFAULT_CACHE_CONTROL,
    contentType: headers.get('content-type')?.value ?? typeOf(file),
  };
}

const sameHeaders = (a: { cacheControl: string; contentType: string }, b: { cacheControl: string; contentType: string }): boolean =>
  a.cacheControl === b.cacheControl && a.contentType === b.contentType;

function phaseOf(file: string): UploadPhase {
  return HOST_FILES.has(file) ? 'host' : PAGE_FILE.test(file) ? 'page' : 'asset';
}

/** `_headers` after `_redirects`: it is the record of the deploy, written when all else is. */
const hostOrder = (file: string): number => (file === '_headers' ? 1 : 0);

/** An ETag as the listing gives it (`"d41d8…"`, `W/"…"`) reduced to its hex, lower case; a multipart one keeps its `-N` and so never equals an MD5. */
function normalEtag(etag: string): string {
  return etag.replace(/^W\//, '').replace(/"/g, '').toLowerCase();
}
