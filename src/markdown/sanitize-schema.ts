import { defaultSchema, type Schema } from 'hast-util-sanitize';

// ── Newsroom blocks and highlighted code (issue 15) ──
// Markup that only pull-quote.ts, key-facts.ts and highlight-code.ts make.
// Editors' own HTML must not be able to borrow these classes: the schema for
// what editors write leaves them out.
const BLOCK_TAG_NAMES = ['figure', 'figcaption', 'aside'];
const BLOCK_ATTRIBUTES: NonNullable<Schema['attributes']> = {
  figure: [['className', 'pull-quote']],
  aside: [['className', 'key-facts'], 'ariaLabelledBy'],
  p: [['className', 'key-facts-title']],
};
/** highlight.js's classes (`hljs-keyword`, `hljs-built_in`), on the spans inside highlighted code. */
const HIGHLIGHT_CLASS = /^hljs-[a-z][a-z_-]*$/;
// ── end of newsroom blocks and highlighted code ──

/**
 * GitHub's sanitizing rules, widened only for the attributes our own plugins
 * add. Raw HTML from editors never reaches this point (it is dropped before
 * sanitizing), so ids come only from our plugins (heading text, key facts
 * boxes): the `user-content-` prefix
 * GitHub uses against DOM clobbering is left off, because our article pages
 * run no script that named elements could confuse, and readers share
 * `#what-happens-next`, not `#user-content-what-happens-next`. Comments,
 * many bodies on one page, get no ids at all (comment-body.ts).
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  tagNames: [...(defaultSchema.tagNames ?? []), ...BLOCK_TAG_NAMES],
  attributes: {
    ...defaultSchema.attributes,
    a: [
      ...(defaultSchema.attributes?.a ?? []).filter((rule) => !(Array.isArray(rule) && rule[0] === 'className')),
      ['rel', 'noopener', 'nofollow', 'ugc'],
      ['className', 'external', 'data-footnote-backref'],
    ],
    img: [...(defaultSchema.attributes?.img ?? []), ['loading', 'lazy'], ['decoding', 'async']],
    span: [['className', 'visually-hidden', HIGHLIGHT_CLASS]],
    ...BLOCK_ATTRIBUTES,
  },
};
