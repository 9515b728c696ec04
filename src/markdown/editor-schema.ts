import type { Schema } from 'hast-util-sanitize';

/*
 * The HTML an editor may write in a body, for what Markdown cannot say.
 * Editor HTML is sanitized with this schema alone, before any plugin of ours
 * adds markup (sanitize-schema.ts), so no class, id, data- or style attribute
 * an editor writes can pass for an embed, a processed picture or a
 * highlighted listing. Everything this schema removes is reported
 * (removed-html.ts).
 */

const PIXELS = /^\d{1,5}$/;
const SPAN = /^\d{1,3}$/;

/**
 * Elements whose content is not text for a reader (code, styles, frames,
 * form controls, foreign markup): removed with everything inside them. Any
 * other element that is not allowed is removed and its text kept.
 */
export const REMOVED_WITH_CONTENT: readonly string[] = [
  'script', 'noscript', 'template', 'style', 'xmp', 'plaintext', 'link', 'meta', 'base', 'title', 'head',
  'iframe', 'frame', 'frameset', 'noframes', 'object', 'embed', 'applet', 'noembed', 'param',
  'video', 'audio', 'source', 'track', 'canvas', 'svg', 'math',
  'input', 'button', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'output', 'progress', 'meter',
];

/** Allowed for editors: the HTML subset of "HTML in a story" in the README. */
export const editorSchema: Schema = {
  tagNames: [
    // What Markdown itself makes.
    'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'hr',
    'a', 'em', 'strong', 'b', 'i', 's', 'del', 'ins', 'code', 'pre', 'br', 'img',
    // What it cannot say.
    'figure', 'figcaption', 'details', 'summary',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
    'sup', 'sub', 'abbr', 'mark', 'kbd', 'cite', 'q', 'dl', 'dt', 'dd',
  ],
  attributes: {
    '*': ['title', 'lang', ['dir', 'ltr', 'rtl', 'auto']],
    a: ['href'],
    img: ['src', 'alt', ['width', PIXELS], ['height', PIXELS]],
    ol: [['start', /^\d{1,9}$/]],
    th: [['colSpan', SPAN], ['rowSpan', SPAN], ['scope', 'row', 'col', 'rowgroup', 'colgroup']],
    td: [['colSpan', SPAN], ['rowSpan', SPAN]],
    // The language of a listing, as fenced code blocks have it; highlighting adds its own classes later.
    code: [['className', /^language-[\w+#.-]+$/]],
    details: [['open', true]],
    q: ['cite'],
    blockquote: ['cite'],
    del: ['cite'],
    ins: ['cite'],
  },
  // Elements that break out of their context, or mean nothing, without these around them.
  ancestors: {
    li: ['ol', 'ul'],
    dt: ['dl'],
    dd: ['dl'],
    caption: ['table'],
    thead: ['table'],
    tbody: ['table'],
    tfoot: ['table'],
    tr: ['table'],
    th: ['table'],
    td: ['table'],
    summary: ['details'],
    figcaption: ['figure'],
  },
  protocols: {
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
  },
  strip: [...REMOVED_WITH_CONTENT],
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
};

/** Readers' comments take Markdown only: no element of raw HTML is kept. */
export const commentSchema: Schema = {
  tagNames: [],
  attributes: {},
  strip: [...REMOVED_WITH_CONTENT],
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
};
