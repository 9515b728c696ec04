import { ID_PLACEHOLDER } from '../markdown/embeds/providers.js';
import { endpointProblem } from './web-address.js';

/** Characters a site.yml embed pattern's query may hold: nothing that means anything to a header. */
const QUERY_CHARACTERS = new Set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%=&');

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
  const example = parts.join('id');
  const [beforeQuery = '', query] = example.split('?', 2);
  const problem = endpointProblem(beforeQuery);
  if (problem) return problem;
  if (query !== undefined) {
    for (const char of query) if (!QUERY_CHARACTERS.has(char)) return `has "${char}" in its query, where only letters, digits, "-", ".", "_", "~", "%", "=" and "&" may be`;
  }
  const read = new URL(example).href;
  if (read !== example) return `is read by browsers as ${read.split('id').join(ID_PLACEHOLDER)}; write it that way`;
  return undefined;
}
