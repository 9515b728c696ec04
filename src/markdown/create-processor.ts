import remarkDirective from 'remark-directive';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkBlockDirectivesOnly } from './block-directives-only.js';
import { remarkCommentBody } from './comment-body.js';
import { remarkExternalLinks } from './external-links.js';
import { GFM_FEATURES, remarkGfmFeatures, type GfmFeature } from './gfm-on-demand.js';
import { remarkHeadingIds } from './heading-ids.js';
import { remarkHighlightCode } from './highlight-code.js';
import { remarkKeyFacts } from './key-facts.js';
import { remarkLazyImages } from './lazy-images.js';
import { remarkPullQuote } from './pull-quote.js';
import { sanitizeSchema } from './sanitize-schema.js';
import { remarkTextStats } from './text-stats.js';
import { remarkUnknownDirectives } from './unknown-directives.js';

export interface MarkdownOptions {
  /** The site's base URL, to tell outside links from our own. */
  siteUrl: string;
  /** A reader's comment: no headings, images, footnotes or newsroom blocks (see comment-body.ts), and its links marked as user content. */
  comment?: boolean | undefined;
}

/**
 * The one Markdown pipeline: every body, bio, section introduction and
 * comment goes through it. `gfm` narrows GitHub's extensions to those a body
 * needs (see gfm-on-demand.ts); the output is the same.
 */
export function createProcessor(options: MarkdownOptions, gfm: readonly GfmFeature[] = GFM_FEATURES) {
  return unified()
    .use(remarkParse)
    .use(remarkGfmFeatures, gfm)
    .use(remarkDirective)
    // `10:30` and `a:b` are prose: only `::name` and `:::name` lines are blocks.
    .use(remarkBlockDirectivesOnly)
    .use(options.comment ? [remarkCommentBody] : [])
    // Counted before the external-link plugin adds words for screen readers.
    .use(remarkTextStats)
    .use(remarkHeadingIds)
    .use(remarkExternalLinks, { siteUrl: options.siteUrl, userContent: options.comment })
    .use(remarkLazyImages)
    .use(options.comment ? [] : [remarkPullQuote, remarkKeyFacts, remarkHighlightCode])
    // Last among the transforms: what the directive plugins above left is no block of ours.
    .use(remarkUnknownDirectives, { comment: options.comment })
    .use(remarkHtml, { sanitize: sanitizeSchema });
}
