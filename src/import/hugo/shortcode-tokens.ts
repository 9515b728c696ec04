/**
 * Hugo shortcodes in a body, found as Hugo reads them: `{{< name args >}}`
 * and `{{% name args %}}`, closing tags `{{< /name >}}`, self-closing
 * `{{< name />}}`, and the comment form (`{{</*` … `*` `/>}}`) that Hugo
 * prints as the shortcode's text. Arguments are positional or `key=value`, with
 * values bare, in double quotes (with `\"` escapes) or in backticks (raw).
 * No library reads Hugo's shortcode grammar; this is the small part of it
 * an import needs.
 */
export interface ShortcodeToken {
  start: number;
  end: number;
  name: string;
  /** `{{< /name >}}` */
  closing: boolean;
  selfClosing: boolean;
  positional: string[];
  named: Map<string, string>;
  /** The comment form: Hugo shows the shortcode as written, without the comment marks. */
  literal?: string;
}

/** Every shortcode of `body`, in order; a `{{<` that is never closed is left as text. */
export function shortcodeTokens(body: string): ShortcodeToken[] {
  const tokens: ShortcodeToken[] = [];
  let at = 0;
  for (;;) {
    const start = body.indexOf('{{', at);
    if (start < 0) return tokens;
    const kind = body[start + 2];
    if (kind !== '<' && kind !== '%') {
      at = start + 2;
      continue;
    }
    const close = kind === '<' ? '>}}' : '%}}';
    if (body.startsWith('/*', start + 3) || body.startsWith(' /*', start + 3)) {
      const end = body.indexOf(`*/${close}`, start);
      const endSpaced = body.indexOf(`*/ ${close}`, start);
      const stop = [end, endSpaced].filter((value) => value >= 0).sort((a, b) => a - b)[0];
      if (stop === undefined) return tokens;
      const stopEnd = stop + (stop === end ? 2 + close.length : 3 + close.length);
      const inner = body.slice(body.indexOf('/*', start) + 2, stop);
      tokens.push({ start, end: stopEnd, name: '', closing: false, selfClosing: false, positional: [], named: new Map(), literal: `{{${kind}${inner}${kind === '<' ? '>' : '%'}}}` });
      at = stopEnd;
      continue;
    }
    const read = readInner(body, start + 3, close);
    if (!read) return tokens;
    const token = parseInner(read.inner);
    if (token) tokens.push({ start, end: read.end, ...token });
    at = read.end;
  }
}

/** The text up to the closing delimiter, quotes respected. */
function readInner(body: string, from: number, close: string): { inner: string; end: number } | undefined {
  let quote: string | undefined;
  for (let index = from; index < body.length; index += 1) {
    const char = body[index];
    if (quote) {
      if (char === '\\' && quote === '"') index += 1;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === '`') quote = char;
    else if (body.startsWith(close, index)) return { inner: body.slice(from, index), end: index + close.length };
    else if (char === '\n' && body.startsWith('{{', index + 1)) return undefined;
  }
  return undefined;
}

function parseInner(inner: string): Omit<ShortcodeToken, 'start' | 'end'> | undefined {
  let text = inner.trim();
  const closing = text.startsWith('/');
  if (closing) text = text.slice(1).trim();
  const selfClosing = !closing && text.endsWith('/');
  if (selfClosing) text = text.slice(0, -1).trim();
  const name = /^[A-Za-z0-9_./-]+/.exec(text)?.[0];
  if (!name) return undefined;
  const positional: string[] = [];
  const named = new Map<string, string>();
  for (const match of text.slice(name.length).matchAll(/\s*(?:([A-Za-z0-9_-]+)=)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`]+))/g)) {
    const value = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? match[4] ?? '');
    if (match[1]) named.set(match[1].toLowerCase(), value);
    else positional.push(value);
  }
  return { name, closing, selfClosing, positional, named };
}
