import remarkGfm from 'remark-gfm';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkExternalLinks } from './external-links.js';
import { remarkHeadingIds } from './heading-ids.js';
import { remarkLazyImages } from './lazy-images.js';
import { sanitizeSchema } from './sanitize-schema.js';
import { remarkTextStats } from './text-stats.js';

export interface MarkdownOptions {
  /** The site's base URL, to tell outside links from our own. */
  siteUrl: string;
}

/** The one Markdown pipeline: every body, bio and section introduction goes through it. */
export function createProcessor(options: MarkdownOptions) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    // Counted before the external-link plugin adds words for screen readers.
    .use(remarkTextStats)
    .use(remarkHeadingIds)
    .use(remarkExternalLinks, { siteUrl: options.siteUrl })
    .use(remarkLazyImages)
    .use(remarkHtml, { sanitize: sanitizeSchema });
}
