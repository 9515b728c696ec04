import { MAX_ALIASES } from '../content/limits.js';
import { WINDOWS_RESERVED } from '../content/slug.js';

// The same grammar as an article's `aliases:` (src/content/schema.ts): plain
// segments, no `..`, no percent-escapes, no query.
const ALIAS = /^\/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/)*(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*)?$/;

/** Why `address` cannot be kept as an alias, or undefined when it can. */
export function aliasProblem(address: string): string | undefined {
  if (address === '/') return 'it is the home page, which the new site has too';
  if (!ALIAS.test(address)) return 'only plain path segments (letters, digits, ".", "_", "~", "-") can be kept as a redirect';
  if (address.split('/').some((segment) => WINDOWS_RESERVED.test(segment.toLowerCase().replace(/\..*$/, '')))) {
    return 'it uses a name Windows reserves for devices';
  }
  return undefined;
}

/**
 * An address of the old site as a path of the new one: the old site's
 * own path prefix (Jekyll's `baseurl`, the path of Hugo's `baseURL`) taken
 * off, since the new site lives at the same prefix; `//` collapsed. An
 * absolute address on the old host counts as that path.
 */
export function sitePathOf(address: string, oldSite: { host?: string; prefix: string }): string | undefined {
  let path = address.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) {
    let url: URL;
    try {
      url = new URL(path.startsWith('//') ? `https:${path}` : path);
    } catch {
      return undefined;
    }
    if (!/^https?:$/.test(url.protocol) || !oldSite.host || url.host !== oldSite.host) return undefined;
    path = url.pathname;
  }
  if (!path.startsWith('/')) return undefined;
  path = path.replace(/\/{2,}/g, '/');
  if (oldSite.prefix && (path === oldSite.prefix || path.startsWith(`${oldSite.prefix}/`))) path = path.slice(oldSite.prefix.length) || '/';
  return path;
}

/** The aliases an item keeps, and what was said about the others. */
export interface AliasChoice {
  aliases: string[];
  refused: { address: string; why: string; line?: number }[];
}

/**
 * Chooses an item's aliases from its old addresses: each one that is a
 * plain path, not the item's new address, not claimed by an item before it
 * (`claimed` is shared across the import) and within `max` (the aliases
 * limit, lower when the article's tags take pages of their own).
 */
export function chooseAliases(
  addresses: readonly { path: string; line?: number }[],
  newAddress: string,
  claimed: Map<string, string>,
  owner: string,
  max = MAX_ALIASES,
): AliasChoice {
  const choice: AliasChoice = { aliases: [], refused: [] };
  for (const { path, line } of addresses) {
    if (path === newAddress || choice.aliases.includes(path)) continue;
    const problem = aliasProblem(path);
    const key = path.toLowerCase();
    const holder = claimed.get(key);
    if (problem) choice.refused.push({ address: path, why: problem, line });
    else if (holder !== undefined && holder !== owner) choice.refused.push({ address: path, why: `${holder} has it already`, line });
    else if (choice.aliases.length >= max) choice.refused.push({ address: path, why: `this item keeps at most ${max} old addresses (each is a page; see the limits in SECURITY.md)`, line });
    else {
      choice.aliases.push(path);
      claimed.set(key, owner);
    }
  }
  return choice;
}
