import { createProcessor, type MarkdownOptions } from './create-processor.js';
import type { TextStats } from './text-stats.js';

export interface RenderedMarkdown extends TextStats {
  /** Sanitized HTML, safe to place in a page as it is. */
  html: string;
}

/** Make a renderer for one site: the processor is built once and reused for every file. */
export function createRenderer(options: MarkdownOptions): (markdown: string) => RenderedMarkdown {
  const render = createTextRenderer(options);
  return (markdown) => {
    const { text: _text, ...rendered } = render(markdown);
    return rendered;
  };
}

/** Like createRenderer, and also the plain text, which is not kept with the rendering. */
export function createTextRenderer(options: MarkdownOptions): (markdown: string) => RenderedMarkdown & { text: string } {
  const processor = createProcessor(options);
  return (markdown) => {
    const file = processor.processSync(markdown);
    const stats = file.data.textStats ?? { firstParagraph: '', words: 0 };
    return { html: String(file), ...stats, text: file.data.plainText ?? '' };
  };
}
