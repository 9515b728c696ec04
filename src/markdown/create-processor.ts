import remarkDirective from 'remark-directive';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkBodyImages } from './body-images.js';
import { remarkBlockDirectivesOnly } from './block-directives-only.js';
import { remarkCommentBody } from './comment-body.js';
import type { CustomProvider } from './embeds/providers.js';
import { remarkEmbeds } from './embeds.js';
import { commentSchema, editorSchema } from './editor-schema.js';
import { remarkExternalLinks } from './external-links.js';
import { GFM_FEATURES, remarkGfmFeatures, type GfmFeature } from './gfm-on-demand.js';
import { remarkHeadingIds } from './heading-ids.js';
import { remarkHighlightCode } from './highlight-code.js';
import { remarkKeyFacts } from './key-facts.js';
import { remarkLazyImages } from './lazy-images.js';
import { remarkReadMore } from './read-more.js';
import { remarkRawHtml } from './raw-html.js';
import { remarkPullQuote } from './pull-quote.js';
import { sanitizeSchema } from './sanitize-schema.js';
import { remarkTextStats } from './text-stats.js';
import { remarkUnknownDirectives } from './unknown-directives.js';

export interface MarkdownOptions {
  /** The site's base URL, to tell outside links from our own. */
  siteUrl: string;
  /** A reader's comment: no headings, images, footnotes or newsroom blocks (see comment-body.ts), and its links marked as user content. */
  comment?: boolean | undefined;
  /** Embed providers the newsroom allows besides the built-in ones (site.yml `embeds:`). */
  embeds?: readonly CustomProvider[] | undefined;
}

/**
 * The one Markdown pipeline: every body, bio, section introduction and
 * comment goes through it. Editor HTML is sanitized with the editor's
 * schema on its own (raw-html.ts); remark-html sanitizes the whole result
 * again with that schema plus our plugins' markup (sanitize-schema.ts).
 * `gfm` narrows GitHub's extensions to those a body
 * needs (see gfm-on-demand.ts); the output is the same.
 */
export function createProcessor(options: MarkdownOptions, gfm: readonly GfmFeature[] = GFM_FEATURES) {
  return unified()
    .use(remarkParse)
    .use(remarkGfmFeatures, gfm)
    .use(remarkDirective)
    // `10:30` and `a:b` are prose: only `::name` and `:::name` lines are blocks.
    .use(remarkBlockDirectivesOnly)
    // First: every plugin after it sees an editor's HTML as Markdown nodes, already sanitized.
    .use(remarkRawHtml, { schema: options.comment ? commentSchema : editorSchema, comment: options.comment })
    .use(options.comment ? [remarkCommentBody] : [])
    // Readers' comments embed nothing: their addresses stay links.
    .use(options.comment ? [] : [[remarkEmbeds, { providers: options.embeds }]])
    // Comments name no articles.
    .use(options.comment ? [] : [remarkReadMore])
    // Counted before the external-link plugin adds words for screen readers.
    .use(remarkTextStats)
    .use(remarkHeadingIds)
    .use(remarkExternalLinks, { siteUrl: options.siteUrl, userContent: options.comment })
    // Comments have no images (comment-body.ts).
    .use(options.comment ? [] : [remarkBodyImages])
    .use(remarkLazyImages)
    .use(options.comment ? [] : [remarkPullQuote, remarkKeyFacts, remarkHighlightCode])
    // Last among the transforms: what the directive plugins above left is no block of ours.
    .use(remarkUnknownDirectives, { comment: options.comment })
    .use(remarkHtml, { sanitize: sanitizeSchema });
}
