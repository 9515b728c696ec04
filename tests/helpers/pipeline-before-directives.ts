import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { remarkExternalLinks } from '../../src/markdown/external-links.js';
import { GFM_FEATURES, remarkGfmFeatures } from '../../src/markdown/gfm-on-demand.js';
import { remarkHeadingIds } from '../../src/markdown/heading-ids.js';
import { remarkLazyImages } from '../../src/markdown/lazy-images.js';
import { sanitizeSchema } from '../../src/markdown/sanitize-schema.js';
import { remarkTextStats } from '../../src/markdown/text-stats.js';

/**
 * A renderer made as the Markdown pipeline was before directives and code
 * highlighting (issue 15), with every GitHub extension on (which gives the
 * same HTML as choosing them per body): what bodies are compared with, and
 * what the benchmark measures against.
 */
export function createRendererBeforeDirectives(siteUrl: string) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfmFeatures, GFM_FEATURES)
    .use(remarkTextStats)
    .use(remarkHeadingIds)
    .use(remarkExternalLinks, { siteUrl })
    .use(remarkLazyImages)
    .use(remarkHtml, { sanitize: sanitizeSchema });
  return (markdown: string) => {
    const file = new VFile(markdown);
    const html = String(processor.processSync(file));
    return { html, ...file.data.textStats, text: file.data.plainText };
  };
}
