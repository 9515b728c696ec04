import { VFile } from 'vfile';
import { createProcessor, type MarkdownOptions } from './create-processor.js';
import { gfmFeaturesIn, mayHaveLiteralLinks, type GfmFeature } from './gfm-on-demand.js';
import type { BodyImage } from './body-images.js';
import type { ReadMoreRef } from './read-more.js';
import type { TextStats } from './text-stats.js';

export interface RenderedMarkdown extends TextStats {
  /** Sanitized HTML, safe to place in a page as it is. */
  html: string;
  /**
   * The digest that starts every mark in `html` (body-marker.ts); present
   * when the body has images or "Read more" blocks for the model to fill in.
   */
  marker?: string | undefined;
  /** The body's images that name files of the site, by the index in their marks. */
  images?: BodyImage[] | undefined;
  /** The body's "Read more" blocks, by the index in their marks. */
  readMore?: ReadMoreRef[] | undefined;
  /** Set when the body has an embed: the origins of the frames its embeds may load, sorted (none for link cards alone). */
  embeds?: { origins: string[] } | undefined;
}

/**
 * Something a plugin says about the body it rendered (`file.message(…)` in
 * unified's terms): something removed, an embed without a title. A warning
 * unless the plugin set `fatal`; the hint is the message's `note`. Lines and
 * columns count from the body's first line; the caller knows where it starts.
 */
export interface BodyNote {
  severity: 'error' | 'warning';
  message: string;
  hint?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
}

/** What a renderer returns: the rendering, and what its plugins said about the body. */
export type Rendering = RenderedMarkdown & { notes: BodyNote[] };

/** Make a renderer for one site: the processor is built once and reused for every file. */
export function createRenderer(options: MarkdownOptions): (markdown: string) => Rendering {
  const render = createTextRenderer(options);
  return (markdown) => {
    const { text: _text, ...rendered } = render(markdown);
    return rendered;
  };
}

/** Like createRenderer, and also the plain text, which is not kept with the rendering. */
export function createTextRenderer(options: MarkdownOptions): (markdown: string) => Rendering & { text: string } {
  // One processor per set of GitHub extensions met, each built once.
  const processors = new Map<string, ReturnType<typeof createProcessor>>();
  const processorFor = (gfm: GfmFeature[]) => {
    const key = gfm.join(' ');
    let processor = processors.get(key);
    if (!processor) processors.set(key, (processor = createProcessor(options, gfm)));
    return processor;
  };
  return (markdown) => {
    const wanted = gfmFeaturesIn(markdown);
    // Literal links are looked for in the text of a first parse without them,
    // as an https:// in a link's address alone does not need them.
    let processor = processorFor(wanted.filter((feature) => feature !== 'autolink'));
    let tree = processor.parse(markdown);
    if (wanted.includes('autolink') && mayHaveLiteralLinks(tree)) {
      processor = processorFor(wanted);
      tree = processor.parse(markdown);
    }
    const file = new VFile(markdown);
    // The plugins change the tree in place.
    processor.runSync(tree, file);
    const html = processor.stringify(tree, file);
    const stats = file.data.textStats ?? { firstParagraph: '', words: 0 };
    const { bodyMarker: marker, bodyImages: images, readMore } = file.data;
    // Left out when empty: most bodies have none, and every rendering is cached.
    const marks = marker === undefined ? {} : { marker, ...(images && { images }), ...(readMore && { readMore }) };
    const embeds = file.data.embeds ? { embeds: file.data.embeds } : {};
    return { html: String(html), ...stats, ...marks, ...embeds, text: file.data.plainText ?? '', notes: file.messages.map(noteOf) };
  };
}

function noteOf(message: VFile['messages'][number]): BodyNote {
  return {
    severity: message.fatal === true ? 'error' : 'warning',
    message: message.reason,
    hint: message.note,
    line: message.line,
    column: message.column,
  };
}
