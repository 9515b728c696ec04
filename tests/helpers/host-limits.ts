import { parseHeadersFile } from '../../src/deploy/headers-file.js';

/*
 * What Netlify and Cloudflare Pages document about the _headers and
 * _redirects files they read, as checks of a built site's files. Sources:
 * developers.cloudflare.com/pages/configuration/headers/ and
 * …/redirects/ (limits), docs.netlify.com/manage/routing/headers/ and
 * …/redirects/overview/ (syntax).
 */

/** Cloudflare Pages: header rules in one _headers file. */
export const CLOUDFLARE_HEADER_RULES = 100;
/** Cloudflare Pages: characters in one line of _headers, spacing, name and value included. */
export const CLOUDFLARE_HEADER_LINE = 2000;
/** Cloudflare Pages: redirects from a fixed path, and from a pattern (`*`, `:name`). */
export const CLOUDFLARE_STATIC_REDIRECTS = 2000;
export const CLOUDFLARE_DYNAMIC_REDIRECTS = 100;
/** Cloudflare Pages: characters in one redirect. */
export const CLOUDFLARE_REDIRECT_LINE = 1000;

/** A place in a host file a host would not read as intended. */
export interface HostNote {
  file: '_headers' | '_redirects';
  line: number;
  message: string;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Characters a path may hold unencoded: Netlify asks for the rest to be percent-encoded. */
const PLAIN_PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;
const DYNAMIC = /\*|:[A-Za-z]/;

/** Lines of a _headers file that Netlify's or Cloudflare's syntax would not read as a rule, a header or a comment. */
export function headersSyntax(text: string): HostNote[] {
  const { rules, problems } = parseHeadersFile(text);
  return [
    ...problems.map((p) => ({ file: '_headers' as const, ...p })),
    ...rules.filter((rule) => !PLAIN_PATH.test(rule.pattern)).map((rule) => ({ file: '_headers' as const, line: rule.line, message: `"${rule.pattern}" has characters to percent-encode` })),
    ...rules.filter((rule) => rule.actions.length === 0).map((rule) => ({ file: '_headers' as const, line: rule.line, message: 'a rule with no header' })),
    ...rules.flatMap((rule) =>
      rule.actions.flatMap((action, i) => ('name' in action && !TOKEN.test(action.name) ? [{ file: '_headers' as const, line: rule.line + i + 1, message: `"${action.name}" is not a header name` }] : [])),
    ),
  ];
}

/** Lines of a _redirects file that are not `from to [status]` with site paths and a redirect status. */
export function redirectsSyntax(text: string): HostNote[] {
  return lines(text).flatMap(({ line, fields }) =>
    fields.length === 3 && PLAIN_PATH.test(fields[0] ?? '') && PLAIN_PATH.test(fields[1] ?? '') && /^30[1278]$/.test(fields[2] ?? '')
      ? []
      : [{ file: '_redirects' as const, line, message: `"${fields.join(' ')}" is not "from to status"` }],
  );
}

/** Where a site's _headers and _redirects go past what Cloudflare Pages applies. */
export function cloudflareLimits(headers: string, redirects: string): HostNote[] {
  const notes: HostNote[] = [];
  const { rules } = parseHeadersFile(headers);
  if (rules.length > CLOUDFLARE_HEADER_RULES)
    notes.push({ file: '_headers', line: rules[CLOUDFLARE_HEADER_RULES]?.line ?? 0, message: `${rules.length} header rules; Cloudflare Pages applies ${CLOUDFLARE_HEADER_RULES}` });
  headers.split('\n').forEach((text, i) => {
    if (text.length > CLOUDFLARE_HEADER_LINE) notes.push({ file: '_headers', line: i + 1, message: `${text.length} characters; at most ${CLOUDFLARE_HEADER_LINE}` });
  });
  const entries = lines(redirects);
  const dynamic = entries.filter(({ fields }) => DYNAMIC.test(fields[0] ?? ''));
  const statics = entries.filter(({ fields }) => !DYNAMIC.test(fields[0] ?? ''));
  if (statics.length > CLOUDFLARE_STATIC_REDIRECTS)
    notes.push({ file: '_redirects', line: statics[CLOUDFLARE_STATIC_REDIRECTS]?.line ?? 0, message: `${statics.length} static redirects; Cloudflare Pages applies ${CLOUDFLARE_STATIC_REDIRECTS}` });
  if (dynamic.length > CLOUDFLARE_DYNAMIC_REDIRECTS) notes.push({ file: '_redirects', line: dynamic[CLOUDFLARE_DYNAMIC_REDIRECTS]?.line ?? 0, message: `${dynamic.length} dynamic redirects; at most ${CLOUDFLARE_DYNAMIC_REDIRECTS}` });
  const firstDynamic = dynamic[0]?.line ?? Infinity;
  const late = statics.find(({ line }) => line > firstDynamic);
  if (late) notes.push({ file: '_redirects', line: late.line, message: 'a static redirect after a dynamic one counts as dynamic' });
  for (const { line, text } of entries) if (text.length > CLOUDFLARE_REDIRECT_LINE) notes.push({ file: '_redirects', line, message: `${text.length} characters; at most ${CLOUDFLARE_REDIRECT_LINE}` });
  return notes;
}

function lines(text: string): { line: number; text: string; fields: string[] }[] {
  return text
    .split('\n')
    .map((raw, i) => ({ line: i + 1, text: raw, fields: raw.trim().split(/\s+/) }))
    .filter(({ text: raw }) => raw.trim() !== '' && !raw.trim().startsWith('#'));
}
