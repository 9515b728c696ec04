import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { MARK_VALUE } from './body-marker.js';
import { editorSchema } from './editor-schema.js';
import { EMBED_ATTRIBUTES } from './embeds/facade.js';

/** Elements and attributes a set of plugins emits, to be allowed in the final sanitize. */
export type PluginMarkup = Pick<Schema, 'tagNames' | 'attributes' | 'ancestors' | 'protocols' | 'required'>;

type AttributeRule = NonNullable<Schema['attributes']>[string][number];


/**
 * `base` widened by the markup of our plugins: the schema remark-html
 * sanitizes the whole body with. Editor HTML has already passed `base`
 * alone (raw-html.ts), so what only the plugins may emit stays theirs.
 * Lists are joined; two rules for one attribute allow the values of both.
 */
export function withPluginMarkup(base: Schema, ...markups: readonly PluginMarkup[]): Schema {
  const schema: Schema = { ...base };
  for (const markup of markups) {
    schema.tagNames = union(schema.tagNames, markup.tagNames);
    schema.ancestors = joinRecords(schema.ancestors, markup.ancestors, union);
    schema.protocols = joinRecords(schema.protocols, markup.protocols, union);
    schema.required = { ...schema.required, ...markup.required };
    schema.attributes = joinRecords(schema.attributes, markup.attributes, joinAttributes);
  }
  return schema;
}

function union<T>(a: readonly T[] | null | undefined, b: readonly T[] | null | undefined): T[] {
  return [...new Set([...(a ?? []), ...(b ?? [])])];
}

function joinRecords<T>(a: Record<string, T> | null | undefined, b: Record<string, T> | null | undefined, join: (x: T, y: T) => T): Record<string, T> {
  const result: Record<string, T> = { ...a };
  for (const [key, value] of Object.entries(b ?? {})) {
    const existing = Object.hasOwn(result, key) ? result[key] : undefined;
    result[key] = existing === undefined ? value : join(existing, value);
  }
  return result;
}

function joinAttributes(a: readonly AttributeRule[], b: readonly AttributeRule[]): AttributeRule[] {
  const rules = new Map<string, AttributeRule>();
  for (const rule of [...a, ...b]) {
    const name = typeof rule === 'string' ? rule : rule[0];
    const earlier = rules.get(name);
    // A bare name, or a rule with no list of values, allows any value.
    const anyValue = (r: AttributeRule | undefined) => r !== undefined && (typeof r === 'string' || r.length < 2);
    if (anyValue(earlier)) continue;
    if (earlier === undefined || anyValue(rule)) rules.set(name, rule);
    else rules.set(name, [name, ...union((earlier as readonly unknown[]).slice(1), (rule as readonly unknown[]).slice(1))] as AttributeRule);
  }
  return [...rules.values()];
}

/**
 * What Markdown makes (mdast-util-to-hast and GitHub's extensions: footnotes,
 * task lists, table alignment, code languages), as GitHub sanitizes it.
 */
export const markdownMarkup: PluginMarkup = {
  tagNames: defaultSchema.tagNames,
  attributes: defaultSchema.attributes,
  ancestors: defaultSchema.ancestors,
  protocols: defaultSchema.protocols,
  required: defaultSchema.required,
};

/** What our own plugins add: external-links.ts, lazy-images.ts. */
export const ourPluginMarkup: PluginMarkup = {
  attributes: {
    a: [['rel', 'noopener', 'nofollow', 'ugc'], ['className', 'external']],
    img: [['loading', 'lazy'], ['decoding', 'async']],
    span: [['className', 'visually-hidden']],
  },
};

/** Embeds (embeds.ts): the facade's block, its link and its parts. */
export const embedMarkup: PluginMarkup = {
  attributes: {
    a: [['className', ...EMBED_ATTRIBUTES.linkClasses]],
    div: [...EMBED_ATTRIBUTES.div],
    span: [['className', ...EMBED_ATTRIBUTES.spanClasses]],
  },
};

/**
 * Figures of body images with caption and credit, and "Read more" blocks
 * (body-images.ts, read-more.ts), with the marks the model fills in
 * (body-marker.ts). The <picture> put in for a mark is made by our code after
 * sanitizing and needs nothing here.
 */
export const figureMarkup: PluginMarkup = {
  tagNames: ['figure', 'figcaption'],
  attributes: {
    figure: [['className', 'body-figure']],
    img: [['dataBodyImage', MARK_VALUE]],
    p: [['className', 'read-more'], ['dataReadMore', MARK_VALUE]],
    span: [['className', 'credit', 'read-more-label']],
  },
};

/**
 * Newsroom blocks and highlighted code (pull-quote.ts, key-facts.ts,
 * highlight-code.ts): highlight.js's classes (`hljs-keyword`,
 * `hljs-built_in`) on the spans inside highlighted code.
 */
export const blockMarkup: PluginMarkup = {
  tagNames: ['figure', 'figcaption', 'aside'],
  attributes: {
    figure: [['className', 'pull-quote']],
    aside: [['className', 'key-facts'], 'ariaLabelledBy'],
    p: [['className', 'key-facts-title']],
    span: [['className', /^hljs-[a-z][a-z_-]*$/]],
  },
};

/**
 * The schema remark-html sanitizes every body with. Heading ids come only
 * from heading text (heading-ids.ts): the `user-content-` prefix GitHub uses
 * against DOM clobbering is left off, because our article pages run no
 * script that named elements could confuse, and readers share
 * `#what-happens-next`, not `#user-content-what-happens-next`. Comments,
 * many bodies on one page, get no ids at all (comment-body.ts).
 */
export const sanitizeSchema: Schema = withPluginMarkup(
  { ...editorSchema, clobber: defaultSchema.clobber, clobberPrefix: '' },
  markdownMarkup,
  ourPluginMarkup,
  embedMarkup,
  figureMarkup,
  blockMarkup,
);
