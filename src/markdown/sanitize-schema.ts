import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { MARK_VALUE } from './body-marker.js';
import { EMBED_ATTRIBUTES } from './embeds/facade.js';

/*
 * GitHub's sanitizing rules, widened only for the attributes our own plugins
 * add. Raw HTML from editors never reaches this point (it is dropped before
 * sanitizing), so ids come only from heading text: the `user-content-` prefix
 * GitHub uses against DOM clobbering is left off, because our article pages
 * run no script that named elements could confuse, and readers share
 * `#what-happens-next`, not `#user-content-what-happens-next`. Comments,
 * many bodies on one page, get no ids at all (comment-body.ts).
 */
const baseSchema: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  attributes: {
    ...defaultSchema.attributes,
    a: [
      ...(defaultSchema.attributes?.a ?? []).filter((rule) => !(Array.isArray(rule) && rule[0] === 'className')),
      ['rel', 'noopener', 'nofollow', 'ugc'],
      ['className', 'external', 'data-footnote-backref', ...EMBED_ATTRIBUTES.linkClasses],
    ],
    // Embeds (embeds.ts): the facade's block, its link and its parts.
    div: [...(defaultSchema.attributes?.div ?? []), ...EMBED_ATTRIBUTES.div],
    img: [...(defaultSchema.attributes?.img ?? []), ['loading', 'lazy'], ['decoding', 'async']],
    span: [['className', 'visually-hidden', ...EMBED_ATTRIBUTES.spanClasses]],
  },
};

// --- Figures and "Read more" blocks (issue 15: body-images.ts, read-more.ts) ---
// A figure of a body image with its caption and credit, and the marks the
// model fills in (body-marker.ts). The <picture> and <source> put in for a
// mark are made by our code after sanitizing and need nothing here. (GitHub's
// defaults do list `picture` and `source[srcset]`: an editor's own would go
// around the image pipeline, so the raw-HTML subset should not let them in.)
const figureTags = ['figure', 'figcaption'];
const figureAttributes: NonNullable<Schema['attributes']> = {
  figure: [['className', 'body-figure']],
  figcaption: [],
  img: [['dataBodyImage', MARK_VALUE]],
  p: [['className', 'read-more'], ['dataReadMore', MARK_VALUE]],
  span: [['className', 'credit', 'read-more-label']],
};

// One class list per tag: hast-util-sanitize uses the first rule it finds for an attribute.
function widen(schema: Schema, tags: readonly string[], extra: NonNullable<Schema['attributes']>): Schema {
  const attributes = { ...schema.attributes };
  for (const [tag, rules] of Object.entries(extra)) {
    const current = attributes[tag] ?? [];
    const classes = [current, rules].flatMap((list) => list.flatMap((rule) => (Array.isArray(rule) && rule[0] === 'className' ? rule.slice(1) : [])));
    const others = [current, rules].flatMap((list) => list.filter((rule) => !(Array.isArray(rule) && rule[0] === 'className')));
    attributes[tag] = classes.length > 0 ? [...others, ['className', ...classes]] : others;
  }
  return { ...schema, tagNames: [...(schema.tagNames ?? []), ...tags.filter((tag) => !schema.tagNames?.includes(tag))], attributes };
}

/** The rules every body is sanitized with: GitHub's, widened only for the markup our own plugins make (see above). */
export const sanitizeSchema: Schema = widen(baseSchema, figureTags, figureAttributes);
