import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { EMBED_ATTRIBUTES } from './embeds/facade.js';

/**
 * GitHub's sanitizing rules, widened only for the attributes our own plugins
 * add. Raw HTML from editors never reaches this point (it is dropped before
 * sanitizing), so ids come only from heading text: the `user-content-` prefix
 * GitHub uses against DOM clobbering is left off, because our article pages
 * run no script that named elements could confuse, and readers share
 * `#what-happens-next`, not `#user-content-what-happens-next`. Comments,
 * many bodies on one page, get no ids at all (comment-body.ts).
 */
export const sanitizeSchema: Schema = {
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
