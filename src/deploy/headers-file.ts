/*
 * Reads a `_headers` file (Netlify and Cloudflare Pages syntax) and says
 * which headers a host sends with a given address, so that a host without
 * one (S3 behind a CDN) can be given the same values file by file.
 */

/** One block of a `_headers` file: an address pattern and what it does to the headers of matching responses. */
export interface HeaderRule {
  /** The pattern as written (`/img/*`). */
  pattern: string;
  /** The line the pattern is on, from 1. */
  line: number;
  /** In file order: a header added (`name: value`), or every value earlier rules gave a name taken away (`! name`). */
  actions: ({ name: string; value: string } | { detach: string })[];
  matches: (sitePath: string) => boolean;
}

/** A line of a `_headers` file that no host would read as we do. */
export interface HeadersFileProblem {
  line: number;
  message: string;
}

/** A header's value for one address and the lines of the rules that gave it. */
export interface ResolvedHeader {
  value: string;
  lines: number[];
}

/**
 * The rules of a `_headers` file, and every line that is neither a rule, a
 * header of one, a comment nor blank. Absolute-address rules
 * (`https://host/…`) match by host name, which a bucket does not have: they
 * are reported and left out.
 */
export function parseHeadersFile(text: string): { rules: HeaderRule[]; problems: HeadersFileProblem[] } {
  const rules: HeaderRule[] = [];
  const problems: HeadersFileProblem[] = [];
  let current: HeaderRule | undefined;
  let skipping = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (!/^\s/.test(raw)) {
      skipping = !trimmed.startsWith('/');
      current = undefined;
      if (skipping) {
        problems.push({ line, message: `"${trimmed}" is not a site path: only rules for paths starting with "/" can be applied to files` });
        return;
      }
      current = { pattern: trimmed, line, actions: [], matches: pathMatcher(trimmed) };
      rules.push(current);
      return;
    }
    if (skipping) return;
    if (!current) {
      problems.push({ line, message: 'a header before any path: it belongs to no rule' });
      return;
    }
    if (trimmed.startsWith('!')) {
      current.actions.push({ detach: trimmed.slice(1).trim().toLowerCase() });
      return;
    }
    const colon = trimmed.indexOf(':');
    if (colon <= 0) {
      problems.push({ line, message: `"${trimmed}" is not a header: a header is "Name: value"` });
      return;
    }
    current.actions.push({ name: trimmed.slice(0, colon).trim().toLowerCase(), value: trimmed.slice(colon + 1).trim() });
  });
  return { rules, problems };
}

/**
 * The headers a response at `sitePath` gets, by lower-case name, as
 * Cloudflare Pages documents it: every matching rule applies, in file
 * order; a name given again is joined to what it had with ", "; `! name`
 * takes away what the rules above gave it. `lines` tells a value made of
 * two rules' values (where hosts differ: Netlify's own emulation keeps the
 * last) from one rule's.
 */
export function headersFor(rules: readonly HeaderRule[], sitePath: string): Map<string, ResolvedHeader> {
  const headers = new Map<string, ResolvedHeader>();
  for (const rule of rules) {
    if (!rule.matches(sitePath)) continue;
    for (const action of rule.actions) {
      if ('detach' in action) {
        headers.delete(action.detach);
        continue;
      }
      const before = headers.get(action.name);
      headers.set(
        action.name,
        before
          ? { value: `${before.value}, ${action.value}`, lines: before.lines.includes(rule.line) ? before.lines : [...before.lines, rule.line] }
          : { value: action.value, lines: [rule.line] },
      );
    }
  }
  return headers;
}

/**
 * A rule's pattern as a test of a site path (not percent-encoded): `*`
 * matches anything, `/` included (a splat); `:name` matches one path
 * segment (a placeholder); the rest is literal, percent-decoded, since
 * Broadsheet escapes a file name's `*` and `:` in the rules it writes.
 */
function pathMatcher(pattern: string): (sitePath: string) => boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((piece) => (piece === '*' ? '.*' : /^:[A-Za-z]/.test(piece) ? '[^/]+' : escapeRegExp(decoded(piece))))
    .join('');
  const expression = new RegExp(`^${source}$`, 's');
  return (sitePath) => expression.test(sitePath);
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
