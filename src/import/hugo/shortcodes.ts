import { aloneOnLine, asBlock, fencedCode, type BodyPiece } from '../body-pieces.js';
import { embedLine, gistLink, instagramAddress, tweetAddress, vimeoAddress, youtubeAddress } from '../embed-text.js';
import { valueAt } from '../static-site/fields.js';
import { shortcodeTokens, type ShortcodeToken } from './shortcode-tokens.js';

/** What a shortcode may name: the page's front matter, the site's params, other content. */
export interface ShortcodeContext {
  page: Record<string, unknown>;
  params: Record<string, unknown>;
  /** The new address of the content a `ref`/`relref` names (`posts/harbour.md`, `harbour`), if it was imported. */
  addressOfRef(reference: string): string | undefined;
}

type Converter = (token: ShortcodeToken, inner: string | undefined, context: ShortcodeContext) => { text: string; warning?: string; block?: boolean } | string | undefined;

const first = (token: ShortcodeToken, ...keys: string[]) => keys.map((key) => token.named.get(key)).find((value) => value !== undefined) ?? token.positional[0];

/** Hugo's built-in shortcodes that have a Broadsheet form, by name. */
const CONVERTERS: Record<string, Converter> = {
  youtube: (token) => {
    const address = youtubeAddress(first(token, 'id') ?? '');
    return address && { text: embedLine(address, token.named.get('title')), block: true };
  },
  vimeo: (token) => {
    const address = vimeoAddress(first(token, 'id') ?? '');
    return address && { text: embedLine(address, token.named.get('title')), block: true };
  },
  tweet: (token) => {
    const id = token.named.get('id') ?? (token.positional.length === 2 ? token.positional[1] : token.positional[0]);
    const user = token.named.get('user') ?? (token.positional.length === 2 ? token.positional[0] : undefined);
    const address = id && tweetAddress(user, id);
    return address && { text: address, block: true };
  },
  x: (token, inner, context) => CONVERTERS.tweet?.(token, inner, context),
  instagram: (token) => {
    const address = instagramAddress(first(token, 'id') ?? '');
    return address && { text: address, block: true };
  },
  gist: (token) => {
    if (token.positional.length !== 2) return undefined;
    const link = gistLink(token.positional[0], token.positional[1] ?? '');
    return link && { text: link, block: true, warning: 'a gist has no Broadsheet embed: it is a link to the gist now' };
  },
  figure: figure,
  ref: (token, _, context) => refAddress(token, context),
  relref: (token, _, context) => refAddress(token, context),
  param: (token, _, context) => {
    const key = first(token, 'name') ?? '';
    const value = valueAt(context.page, key) ?? valueAt(context.page, `params.${key}`) ?? valueAt(context.params, key);
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
  },
  highlight: (token, inner) => (inner === undefined ? undefined : { text: fencedCode(inner, token.positional[0]), block: true }),
  details: (token, inner) => {
    if (inner === undefined) return undefined;
    const summary = escapeHtml(token.named.get('summary') ?? 'Details');
    return { text: `<details${token.named.get('open') === 'true' ? ' open' : ''}>\n<summary>${summary}</summary>\n\n${inner.trim()}\n\n</details>`, block: true };
  },
};

/** Shortcodes with a closing tag: their inner text is part of the conversion. */
const PAIRED = new Set(['highlight', 'details']);

/**
 * Converts a body's Hugo shortcodes into Broadsheet's Markdown: videos and
 * posts to embeds, figures to images with a caption and credit, `ref` to
 * the new address, `highlight` to fenced code, `details` to the allowed
 * HTML. Every other shortcode is kept as written, with a note naming it.
 */
export function convertShortcodes(body: string, context: ShortcodeContext): BodyPiece[] {
  const tokens = shortcodeTokens(body);
  const pieces: BodyPiece[] = [];
  let at = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (!token) continue;
    const own = index;
    if (token.start > at) pieces.push({ text: body.slice(at, token.start), at });
    let end = token.end;
    if (token.literal !== undefined) {
      pieces.push({ text: token.literal, at: token.start });
      at = end;
      continue;
    }
    let inner: string | undefined;
    if (PAIRED.has(token.name) && !token.closing && !token.selfClosing) {
      const closeAt = tokens.findIndex((other, position) => position > index && other.closing && other.name === token.name);
      const close = tokens[closeAt];
      if (close) {
        inner = body.slice(token.end, close.start);
        end = close.end;
        index = closeAt;
      }
    }
    const converted = token.closing ? undefined : CONVERTERS[token.name]?.(token, inner, context);
    if (converted === undefined) {
      const text = body.slice(token.start, token.end);
      pieces.push({ text, at: token.start, note: { kind: 'unconverted', message: `the shortcode ${text.length > 60 ? `{{< ${token.closing ? '/' : ''}${token.name} … >}}` : text.replace(/\s+/g, ' ')} has no Broadsheet equivalent: kept as written` } });
      // A paired shortcode kept as written: its inner text and closing tag are read on their own.
      at = token.end;
      index = own;
      continue;
    }
    const result = typeof converted === 'string' ? { text: converted } : converted;
    const text = result.block ? asBlock(result.text, aloneOnLine(body, token.start, end)) : result.text;
    pieces.push({ text, at: token.start, note: result.warning ? { kind: 'warning', message: result.warning } : undefined });
    at = end;
  }
  if (at < body.length) pieces.push({ text: body.slice(at), at });
  return pieces;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function refAddress(token: ShortcodeToken, context: ShortcodeContext): string | undefined {
  const reference = first(token, 'path');
  if (!reference) return undefined;
  const hash = reference.indexOf('#');
  const path = hash < 0 ? reference : reference.slice(0, hash);
  const fragment = hash < 0 ? '' : reference.slice(hash);
  if (!path) return fragment || undefined;
  const address = context.addressOfRef(path);
  return address && address + fragment;
}

/** A title for Markdown's `"…"`: one line, its quotes escaped. */
const titleText = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\\/g, '\\\\').replace(/"/g, '\\"');

/**
 * `{{< figure src= alt= caption= title= attr= link= >}}` as an image alone in
 * its paragraph whose title is "caption | credit", which Broadsheet shows as
 * a figure. `title` and `caption` together make the caption; `attr` is the
 * credit. A figure's link has no place in a figure and is reported.
 */
function figure(token: ShortcodeToken): { text: string; warning?: string; block: boolean } | undefined {
  const src = token.named.get('src');
  if (!src || /[\s<>]/.test(src)) return undefined;
  const caption = [token.named.get('title'), token.named.get('caption')].filter(Boolean).join(': ').replace(/\|/g, '/');
  const credit = token.named.get('attr')?.replace(/\|/g, '/');
  const stated = token.named.get('alt')?.trim();
  // A caption's Markdown is not alt text: links become their words, emphasis marks go.
  const plainCaption = caption.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '');
  const alt = (stated || plainCaption || (src.split('/').at(-1) ?? src)).replace(/[[\]]/g, '');
  const title = credit ? `${caption} | ${credit}` : caption;
  const warnings = [
    stated ? undefined : 'the figure has no alt text: its caption (or file name) stands in; describe the picture',
    token.named.get('link') ? `the figure's link to ${token.named.get('link')} is left out (a figure is not a link)` : undefined,
  ].filter(Boolean);
  return { text: `![${alt}](${src}${title ? ` "${titleText(title)}"` : ''})`, block: true, warning: warnings.length ? warnings.join('; ') : undefined };
}
