/*
 * What an editor reads when HTML is removed from a body: the reason names
 * the element or attribute as written, the hint says what to write instead.
 * Reasons with the same key are one warning with a count (raw-html.ts).
 */

export interface Wording {
  /** Removals with one key are reported once. */
  key: string;
  reason: string;
  hint: string;
}

const DESIGN = "styling and layout come from the site's design";
const NO_SCRIPT = 'a story cannot run scripts';
const SEE_EMBEDS = 'write the address of what it showed on its own line: a supported provider becomes an embed, any other address a link (see "Embeds" in the README)';
const VIDEO_HOSTS = /^(?:https?:)?\/\/(?:[\w-]+\.)*(?:youtube\.com|youtube-nocookie\.com|youtu\.be|vimeo\.com|dailymotion\.com)\//i;
const LINK_HINT = 'a link goes to an https:// or mailto: address or to a page of the site (/news/…)';
const IMAGE_HINT = 'an image is a file of the site (/images/…) or an https:// address';
const COMMENT_HINT = 'comments take Markdown, not HTML: **bold**, *italics*, [a link](https://…)';

const WITH_CONTENT_HINTS: Record<string, string> = {
  script: NO_SCRIPT,
  noscript: NO_SCRIPT,
  template: NO_SCRIPT,
  style: DESIGN,
  link: "the page's head comes from the front matter",
  meta: "the page's head comes from the front matter",
  base: "the page's head comes from the front matter",
  title: 'the headline is the title in the front matter',
  head: "the page's head comes from the front matter",
  object: 'link to the file instead, or write a supported address on its own line (see "Embeds" in the README)',
  embed: 'link to the file instead, or write a supported address on its own line (see "Embeds" in the README)',
  applet: 'link to the file instead',
  svg: 'save the drawing as an .svg file under public/images/ and show it as an image: ![what it shows](/images/drawing.svg)',
  math: 'write the formula as text, with <sup> and <sub>, or show it as an image',
  canvas: 'show an image instead',
  video: 'write the address of the video on its own line (see "Embeds" in the README), or link to the file',
  audio: 'write the address of the recording on its own line (see "Embeds" in the README), or link to the file',
};

/** An element removed with everything inside it. */
export function removedWithContent(tag: string, source: { src?: string | undefined; srcdoc?: string | undefined }, empty: boolean, comment: boolean): Wording {
  const { src, srcdoc } = source;
  const shown = src ? `<${tag} src="${shortValue(src)}">` : srcdoc ? `<${tag} srcdoc="${shortValue(srcdoc)}">` : `<${tag}>`;
  const reason = empty ? `${shown} removed` : `${shown} removed with everything inside it`;
  if (comment) return { key: `strip ${tag}`, reason, hint: COMMENT_HINT };
  if (tag === 'iframe' || tag === 'frame' || tag === 'frameset' || tag === 'noframes' || tag === 'noembed') {
    const video = src !== undefined && VIDEO_HOSTS.test(src);
    const hint = video ? 'write the video\'s address on its own line (see "Embeds" in the README)' : srcdoc ? 'a story cannot hold a page of its own' : SEE_EMBEDS;
    // Each address is a fix of its own: the same frame twice is one warning, two frames are two.
    return { key: `strip ${tag} ${reason}`, reason, hint };
  }
  const hint = WITH_CONTENT_HINTS[tag] ?? 'a story cannot hold a form: link to the form\'s page instead';
  return { key: `strip ${tag}`, reason, hint };
}

const WRAPPERS = new Set(['div', 'span', 'font', 'center', 'section', 'article', 'aside', 'header', 'footer', 'main', 'nav', 'u', 'big', 'small', 'tt', 'strike', 'blink', 'marquee', 'hgroup', 'address', 'body', 'html']);

const OUT_OF_PLACE: Record<string, string> = {
  li: 'put it inside <ul> or <ol>',
  dt: 'put it inside <dl>',
  dd: 'put it inside <dl>',
  summary: 'put it first inside <details>',
  figcaption: 'put it inside <figure>',
};

/** An element removed while its text stays. `misplaced`: allowed, but not where it stands. */
export function removedKeepingText(tag: string, misplaced: boolean, empty: boolean, comment: boolean): Wording {
  const kept = empty ? '' : '; its text is kept';
  if (misplaced) {
    return { key: `misplaced ${tag}`, reason: `<${tag}> outside its container removed${kept}`, hint: OUT_OF_PLACE[tag] ?? 'put it inside <table>' };
  }
  const reason = `<${tag}> removed${kept}`;
  if (comment) return { key: `unwrap ${tag}`, reason, hint: COMMENT_HINT };
  if (WRAPPERS.has(tag)) return { key: `unwrap ${tag}`, reason, hint: `${DESIGN}: write the text without the tag` };
  if (tag === 'form' || tag === 'label' || tag === 'fieldset' || tag === 'legend') return { key: `unwrap ${tag}`, reason, hint: "a story cannot hold a form: link to the form's page instead" };
  return { key: `unwrap ${tag}`, reason, hint: 'a story takes only the HTML listed under "HTML in a story" in the README' };
}

/** An attribute removed from an element that stays. `allowed`: the attributes that element may have. */
export function removedAttribute(tag: string, attribute: string, value: unknown, allowed: readonly string[]): Wording {
  const key = `attribute ${tag} ${attribute}`;
  if (attribute === 'style' || attribute === 'class' || attribute === 'align' || attribute === 'bgcolor' || attribute === 'color') {
    return { key, reason: `${attribute} attribute removed from <${tag}>`, hint: DESIGN };
  }
  if (/^on/.test(attribute)) return { key: `attribute ${tag} on*`, reason: `${attribute} attribute removed from <${tag}>`, hint: `${NO_SCRIPT}: the handler never runs` };
  if (attribute === 'id' || attribute === 'name') {
    return { key, reason: `${attribute} attribute removed from <${tag}>`, hint: 'headings get an id for links to them by themselves; other elements cannot have one' };
  }
  if (attribute === 'srcdoc') return { key, reason: `srcdoc attribute removed from <${tag}>`, hint: 'a story cannot hold a page of its own' };
  if ((attribute === 'href' || attribute === 'src' || attribute === 'cite') && typeof value === 'string' && allowed.includes(attribute)) {
    const data = /^\s*data:/i.test(value);
    const hint = data && attribute === 'src' ? 'save the file under public/images/ and use its path: /images/…' : attribute === 'src' ? IMAGE_HINT : LINK_HINT;
    return { key: `${key} ${data ? 'data' : 'scheme'}`, reason: `${attribute}="${shortValue(value)}" removed from <${tag}>: not a web address`, hint };
  }
  if (allowed.includes(attribute)) {
    const hint = attribute === 'width' || attribute === 'height' ? 'width and height are whole numbers of pixels' : attribute === 'colspan' || attribute === 'rowspan' ? 'colspan and rowspan are whole numbers' : `see which values <${tag}> ${attribute} may have under "HTML in a story" in the README`;
    return { key: `${key} value`, reason: `${attribute}="${shortValue(String(value))}" removed from <${tag}>`, hint };
  }
  const others = allowed.length > 0 ? `<${tag}> may have ${listed(allowed)}` : `<${tag}> takes no attributes`;
  return { key, reason: `${attribute} attribute removed from <${tag}>`, hint: others };
}

/** An image left out: its only address was removed. */
export function removedImage(src: unknown): Wording {
  const shown = typeof src === 'string' ? `<img src="${shortValue(src)}">` : '<img> without src';
  const data = typeof src === 'string' && /^\s*data:/i.test(src);
  if (typeof src !== 'string') return { key: 'image without src', reason: '<img> without src removed', hint: 'give the image its address: <img src="/images/…" alt="…">' };
  return { key: `image ${data ? 'data' : 'other'}`, reason: `${shown} removed: not a web address`, hint: data ? 'save the file under public/images/ and use its path: /images/…' : IMAGE_HINT };
}

/** An element an editor opened and never closed. `scope`: how far it reaches. */
export function unclosed(tag: string, scope: string): Wording {
  return { key: `unclosed ${tag}`, reason: `<${tag}> is never closed, so everything after it to the end of the ${scope} is inside it`, hint: `close it with </${tag}>` };
}

function listed(names: readonly string[]): string {
  if (names.length === 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function shortValue(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}
