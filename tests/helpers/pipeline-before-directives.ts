import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { remarkBodyImages } from '../../src/markdown/body-images.js';
import { editorSchema } from '../../src/markdown/editor-schema.js';
import { remarkExternalLinks } from '../../src/markdown/external-links.js';
import { gfmFeaturesIn, mayHaveLiteralLinks, remarkGfmFeatures, type GfmFeature } from '../../src/markdown/gfm-on-demand.js';
import { remarkHeadingIds } from '../../src/markdown/heading-ids.js';
import { remarkLazyImages } from '../../src/markdown/lazy-images.js';
import { remarkRawHtml } from '../../src/markdown/raw-html.js';
import { sanitizeSchema } from '../../src/markdown/sanitize-schema.js';
import { remarkTextStats } from '../../src/markdown/text-stats.js';

/**
 * A renderer made as the Markdown pipeline is without directives, embeds
 * and code highlighting (issue 15) — the plugins that need no directive
 * syntax (raw HTML, body images) kept — GitHub's extensions chosen per body
 * as render.ts does: what bodies are compared with, and what the benchmark
 * measures against.
 */
export function createRendererBeforeDirectives(siteUrl: string) {
  const processors = new Map<string, ReturnType<typeof processorFor>>();
  const processorFor = (gfm: readonly GfmFeature[]) =>
    unified()
      .use(remarkParse)
      .use(remarkGfmFeatures, gfm)
      .use(remarkRawHtml, { schema: editorSchema })
      .use(remarkTextStats)
      .use(remarkHeadingIds)
      .use(remarkExternalLinks, { siteUrl })
      .use(remarkBodyImages)
      .use(remarkLazyImages)
      .use(remarkHtml, { sanitize: sanitizeSchema });
  const cached = (gfm: readonly GfmFeature[]) => {
    const key = gfm.join(' ');
    if (!processors.has(key)) processors.set(key, processorFor(gfm));
    return processors.get(key)!;
  };
  return (markdown: string) => {
    const wanted = gfmFeaturesIn(markdown);
    let processor = cached(wanted.filter((feature) => feature !== 'autolink'));
    let tree = processor.parse(markdown);
    if (wanted.includes('autolink') && mayHaveLiteralLinks(tree)) {
      processor = cached(wanted);
      tree = processor.parse(markdown);
    }
    const file = new VFile(markdown);
    processor.runSync(tree, file);
    const html = String(processor.stringify(tree, file));
    return { html, ...file.data.textStats, text: file.data.plainText };
  };
}
