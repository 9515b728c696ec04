import type { Root } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';
import { visit, EXIT } from 'unist-util-visit';

/*
 * GitHub's Markdown extensions, each switched on only for a body that could
 * use it. Every extension makes the parser try its syntax at many points of
 * every body: all five together make parsing a typical article 3.6 times
 * slower (measured: 5.5 ms against 1.5 ms for 5.5 KB), yet most articles use
 * none of them. A construct whose syntax cannot occur in a body changes
 * nothing when it is left out, so the HTML is the same as with all five on.
 */

export type GfmFeature = 'autolink' | 'footnote' | 'strikethrough' | 'table' | 'taskList';

/** In the order remark-gfm registers them, so that they take precedence in the same way. */
export const GFM_FEATURES: readonly GfmFeature[] = ['autolink', 'footnote', 'strikethrough', 'table', 'taskList'];

// What each construct cannot be written without. A table needs a pipe in its
// head or delimiter row, or a colon beside a dash there (`a` over `:-:` is a
// table of one column, `a` over `-` a heading); a footnote,
// its call and its definition alike, starts `[^`; strikethrough is tildes; a
// task item's box is `[ ]` or `[x]` (any whitespace inside). A literal link
// starts `http://`, `https://` or `www.`, or is an address with `@`
// (`mailto:` and `xmpp:` ones too).
const LITERAL_LINK = /https?:\/\/|www\.|@/i;
const NEEDS: Record<GfmFeature, RegExp> = {
  autolink: LITERAL_LINK,
  footnote: /\[\^/,
  strikethrough: /~/,
  table: /\||:[ \t]*-|-[ \t]*:/,
  taskList: /\[[\sxX]\]/,
};

/** The extensions whose syntax occurs somewhere in `markdown`. */
export function gfmFeaturesIn(markdown: string): GfmFeature[] {
  return GFM_FEATURES.filter((feature) => NEEDS[feature].test(markdown));
}

/**
 * Whether a tree parsed without literal links has text in which one could
 * start. Both the parser and the tree transform of the autolink extension
 * find literal links only in text, never in link addresses, code or HTML,
 * so a body whose only `https://` is in `[a](https://…)` needs no second parse.
 */
export function mayHaveLiteralLinks(tree: Root): boolean {
  let found = false;
  visit(tree, 'text', (node) => {
    if (!LITERAL_LINK.test(node.value)) return undefined;
    found = true;
    return EXIT;
  });
  return found;
}

/** A remark plugin: the parser extensions of the chosen features (nothing for turning trees back into Markdown, which we never do). */
export function remarkGfmFeatures(this: Processor, features: readonly GfmFeature[] = GFM_FEATURES): undefined {
  const data = this.data();
  const syntax = (data.micromarkExtensions ??= []);
  const fromMarkdown = (data.fromMarkdownExtensions ??= []);
  for (const feature of GFM_FEATURES) {
    if (!features.includes(feature)) continue;
    const extension = EXTENSIONS[feature]();
    syntax.push(extension.syntax);
    fromMarkdown.push(extension.tree);
  }
}

const EXTENSIONS = {
  autolink: () => ({ syntax: gfmAutolinkLiteral(), tree: gfmAutolinkLiteralFromMarkdown() }),
  footnote: () => ({ syntax: gfmFootnote(), tree: gfmFootnoteFromMarkdown() }),
  strikethrough: () => ({ syntax: gfmStrikethrough(), tree: gfmStrikethroughFromMarkdown() }),
  table: () => ({ syntax: gfmTable(), tree: gfmTableFromMarkdown() }),
  taskList: () => ({ syntax: gfmTaskListItem(), tree: gfmTaskListItemFromMarkdown() }),
};
