/*
 * WordPress shortcodes in a post's text, turned into the HTML that the body
 * converter knows how to write as Broadsheet syntax: `[caption]` → a
 * figure, `[embed]` and Jetpack's `[youtube]`/`[vimeo]` → an embed,
 * `[video]`/`[audio]` → media elements, `[gallery ids=…]` → a figure of
 * images. Any other shortcode stays as written and is listed, so that an
 * editor can find it in the new file.
 */

/** What the shortcode converter needs from the rest of the import. */
export interface ShortcodeContext {
  /** An attachment of the export by id: its address, alt text and caption. */
  attachment(id: string): { url: string; alt: string; caption: string } | undefined;
}

/** A shortcode kept as text (`text`), or a warning about one converted with a loss. */
export interface ShortcodeNote {
  kind: 'unconverted' | 'warning';
  message: string;
  /** The shortcode's name, to find the line it ended up on (`[name` in the written file). */
  name?: string;
}

const ATTRIBUTE = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s'"\]]+))|"([^"]*)"|'([^']*)'|(\S+)/g;

/** A shortcode's attributes: named ones by name, positional ones as `0`, `1`… */
export function shortcodeAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  let position = 0;
  for (const match of text.matchAll(ATTRIBUTE)) {
    if (match[1] !== undefined) attributes.set(match[1].toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '');
    else attributes.set(String(position++), match[5] ?? match[6] ?? match[7] ?? '');
  }
  return attributes;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Names with a closing tag (`[caption]…[/caption]`) that are converted. */
const ENCLOSING = new Set(['caption', 'wp_caption', 'embed', 'video', 'audio']);

/**
 * Shortcode openings: `[[name …]]` (an escaped shortcode, shown as
 * written), `[name …]`, `[name …/]`. The name rule is WordPress's.
 */
const OPENING = /\[(\[?)([a-zA-Z0-9_][\w-]*)(?![\w-])((?:[^\]"'[]|"[^"]*"|'[^']*')*?)(\/?)\](\]?)/g;

/**
 * Replace the shortcodes WordPress shows as media with HTML, and note the
 * rest. `[word]` alone (`[sic]`, `[1]`) is prose, not a shortcode, and
 * passes silently; one with attributes, a closing tag or a `_`/`-` in its
 * name is listed.
 */
export function convertShortcodes(text: string, context: ShortcodeContext): { html: string; notes: ShortcodeNote[] } {
  const notes: ShortcodeNote[] = [];
  let html = '';
  let last = 0;
  OPENING.lastIndex = 0;
  for (let match = OPENING.exec(text); match; match = OPENING.exec(text)) {
    const [whole, escapeOpen = '', rawName = '', rawAttributes = '', selfClosing = '', escapeClose = ''] = match;
    const name = rawName.toLowerCase();
    if (escapeOpen && escapeClose) {
      html += text.slice(last, match.index) + whole.slice(1, -1);
      last = match.index + whole.length;
      continue;
    }
    let end = match.index + whole.length;
    let inner: string | undefined;
    const closing = `[/${rawName}]`;
    if (!selfClosing) {
      const close = text.toLowerCase().indexOf(closing.toLowerCase(), end);
      const nextOpen = text.toLowerCase().indexOf(`[${name}`, end);
      if (close !== -1 && (nextOpen === -1 || nextOpen > close || !ENCLOSING.has(name))) {
        inner = text.slice(end, close);
        end = close + closing.length;
      }
    }
    const attributes = shortcodeAttributes(rawAttributes);
    const converted = convertOne(name, attributes, inner, context, notes);
    if (converted === undefined) {
      const looksLikeShortcode = /=/.test(rawAttributes) || inner !== undefined || /[_-]/.test(name) || KNOWN_UNSUPPORTED.has(name);
      if (looksLikeShortcode) {
        notes.push({ kind: 'unconverted', message: `shortcode [${rawName}] has no Broadsheet equivalent; kept as text`, name: rawName });
      }
      // Kept as written, its inner text included, so that nothing is lost.
      continue;
    }
    html += text.slice(last, match.index) + converted;
    last = end;
    OPENING.lastIndex = end;
  }
  return { html: html + text.slice(last), notes };
}

/** Shortcodes of WordPress itself and common plugins that are named even without attributes. */
const KNOWN_UNSUPPORTED = new Set(['playlist', 'contact-form', 'contact-form-7', 'wpforms', 'gravityform', 'ninja_form', 'poll', 'instagram', 'soundcloud', 'googlemaps', 'archives', 'sitemap']);

function convertOne(name: string, attributes: Map<string, string>, inner: string | undefined, context: ShortcodeContext, notes: ShortcodeNote[]): string | undefined {
  switch (name) {
    case 'caption':
    case 'wp_caption': {
      const body = inner ?? '';
      // The caption is the text after the image (or its link), or the old `caption=` attribute.
      const imageEnd = /<\/a>|<img\b[^>]*>/gi;
      let cut = 0;
      for (const found of body.matchAll(imageEnd)) cut = (found.index ?? 0) + found[0].length;
      const caption = (attributes.get('caption') ?? body.slice(cut)).trim();
      return `<figure>${body.slice(0, cut)}<figcaption>${caption}</figcaption></figure>`;
    }
    case 'embed':
    case 'youtube':
    case 'vimeo': {
      const url = (inner ?? attributes.get('0') ?? attributes.get('url') ?? '').trim();
      if (!url) return undefined;
      return `<bs-embed url="${escapeAttribute(url)}"></bs-embed>`;
    }
    case 'video':
    case 'audio': {
      const src = attributes.get('src') ?? ['mp4', 'm4v', 'webm', 'ogv', 'mp3', 'ogg', 'oga', 'wav', 'm4a', 'flac'].map((key) => attributes.get(key)).find(Boolean);
      if (!src) return undefined;
      return `<${name} src="${escapeAttribute(src)}"></${name}>`;
    }
    case 'gallery': {
      const ids = (attributes.get('ids') ?? attributes.get('include') ?? '').split(',').map((id) => id.trim()).filter(Boolean);
      if (ids.length === 0) {
        notes.push({ kind: 'unconverted', message: 'shortcode [gallery] without ids shows the post’s attached images, which the export does not list; kept as text', name: 'gallery' });
        return undefined;
      }
      const images: string[] = [];
      for (const id of ids) {
        const found = context.attachment(id);
        if (!found) {
          notes.push({ kind: 'warning', message: `[gallery] names attachment ${id}, which is not in the export; left out` });
          continue;
        }
        const caption = found.caption ? `<figcaption>${escapeAttribute(found.caption)}</figcaption>` : '';
        images.push(`<figure><img src="${escapeAttribute(found.url)}" alt="${escapeAttribute(found.alt)}">${caption}</figure>`);
      }
      return `<figure class="bs-gallery">${images.join('')}</figure>`;
    }
    default:
      return undefined;
  }
}
