import type { Element, ElementContent } from 'hast';
import type { Schema } from 'hast-util-sanitize';

type PropertyDefinition = NonNullable<Schema['attributes']>[string][number];
import { EMBED_SHAPES, type Embed, type EmbedKind } from './providers.js';

/** What the facade's link says before the page script offers to load the frame here. */
const ACTION: Record<EmbedKind, string> = {
  video: 'Watch on',
  audio: 'Listen on',
  post: 'Read the post on',
  chart: 'See the chart on',
  map: 'See the map on',
  other: 'Open on',
};

const span = (className: string, text: string): ElementContent => ({
  type: 'element',
  tagName: 'span',
  properties: { className: [className] },
  children: [{ type: 'text', value: text }],
});

/**
 * The static block that stands for an embed: a link to the original naming
 * the provider and the title, which loads nothing from the provider. Where
 * the provider has a frame, `data-embed-src` tells the page script
 * (public/js/embeds.js) what to load when the reader asks for it, and
 * `data-embed-kind` which of its sandbox settings to use; the script checks
 * the frame's origin against the page's own list before loading anything.
 */
export function embedFacade(embed: Embed, title: string): Element {
  const frame = embed.frame === undefined ? {} : { dataEmbedKind: embed.kind, dataEmbedSrc: embed.frame };
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['embed', `embed-${embed.shape}`], ...frame },
    children: [
      {
        type: 'element',
        tagName: 'a',
        properties: { className: ['embed-link'], href: embed.page },
        children: [span('embed-provider', embed.provider), span('embed-title', title), span('embed-action', `${ACTION[embed.kind]} ${embed.provider}`)],
      },
    ],
  };
}

const FACADE_ATTRIBUTES: PropertyDefinition[] = [
  ['className', 'embed', ...EMBED_SHAPES.map((shape) => `embed-${shape}`)],
  ['dataEmbedKind', ...Object.keys(ACTION)],
  'dataEmbedSrc',
];

/** What the facade needs the sanitizer to keep (sanitize-schema.ts), and nothing else. */
export const EMBED_ATTRIBUTES = {
  div: FACADE_ATTRIBUTES,
  linkClasses: ['embed-link'],
  spanClasses: ['embed-provider', 'embed-title', 'embed-action'],
};
