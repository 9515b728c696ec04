import { ID_PLACEHOLDER } from '../markdown/embeds/providers.js';
import { endpointProblem } from './web-address.js';

/** Stands for an id while the pattern is read as an address: nothing a pattern would hold by chance. */
const SAMPLE_ID = 'embedid0sample0embedid';

const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%';
/** Characters a site.yml embed pattern's path may hold (`@` for Mastodon-like accounts). */
const PATH_CHARACTERS = new Set(`${UNRESERVED}/@`);
/** Characters its query may hold. */
const QUERY_CHARACTERS = new Set(`${UNRESERVED}=&`);

/**
 * Why `value` cannot be the address or frame pattern of a provider in
 * site.yml (`embeds:`), or undefined when it can: an https address, written
 * as a browser reads it, with exactly one `{id}` after the host, and
 * nothing but a path and a plain query. The pattern's origin goes into the
 * CSP header, so its host is held to the same grammar as the comment
 * endpoint's (web-address.ts).
 */
export function embedPatternProblem(value: string): string | undefined {
  if (!value.startsWith('https://')) return 'must be an https:// address';
  const parts = value.split(ID_PLACEHOLDER);
  if (parts.length !== 2) return `must hold ${ID_PLACEHOLDER} exactly once, where the address has the video's or chart's id`;
  const hostEnd = value.indexOf('/', 'https://'.length);
  if (hostEnd === -1 || value.indexOf(ID_PLACEHOLDER) < hostEnd) return `must have ${ID_PLACEHOLDER} in its path or query, not in the host`;
  const example = parts.join(SAMPLE_ID);
  const [beforeQuery = '', query] = example.split('?', 2);
  const path = beforeQuery.slice(hostEnd);
  // The host, as the comment endpoint's: only it goes into the CSP.
  const problem = endpointProblem(beforeQuery.slice(0, hostEnd)) ?? (path.includes('#') ? 'must not have a fragment (#…)' : undefined);
  if (problem) return problem;
  for (const char of path) if (!PATH_CHARACTERS.has(char)) return `has "${char}" in its path, where only letters, digits, "-", ".", "_", "~", "@", "/" and %-escapes may be`;
  for (const char of query ?? '') if (!QUERY_CHARACTERS.has(char)) return `has "${char}" in its query, where only letters, digits, "-", ".", "_", "~", "%", "=" and "&" may be`;
  const read = new URL(example).href;
  if (read !== example) return `is read by browsers as ${read.split(SAMPLE_ID.toLowerCase()).join(ID_PLACEHOLDER)}; write it that way`;
  return undefined;
}
