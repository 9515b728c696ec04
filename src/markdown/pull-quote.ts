import type { BlockContent, DefinitionContent, Root } from 'mdast';
import type { VFile } from 'vfile';
import { checkedBlocks, type NewsroomBlock } from './newsroom-block.js';

const PULL_QUOTE: NewsroomBlock = {
  name: 'pullquote',
  called: 'pull quote',
  attributes: ['by'],
  attributesHint: 'a pull quote takes only by="…" (who said it); its look comes from the site\'s stylesheet',
  holds: ['paragraph'],
  holdsWords: 'only text',
  labelHint: 'write who said it as :::pullquote{by="…"}',
  emptyHint: 'write the quotation on the lines between :::pullquote and :::',
};

/**
 * `:::pullquote{by="…"}` … `:::`: a quotation set large in the column, as
 * a `figure` holding a `blockquote`, and a `figcaption` with who said it.
 * A figure because the attribution belongs with the quote but not inside
 * it (HTML's way of crediting a quotation), and not an `aside`: a pull
 * quote is the story's own words, not a complementary landmark for screen
 * readers to list. See newsroom-block.ts for what is reported.
 */
export function remarkPullQuote() {
  return (tree: Root, file: VFile): undefined => {
    for (const node of checkedBlocks(tree, file, PULL_QUOTE)) {
      const by = node.attributes?.by?.trim();
      const children: (BlockContent | DefinitionContent)[] = [{ type: 'blockquote', children: node.children }];
      if (by) children.push({ type: 'paragraph', children: [{ type: 'text', value: by }], data: { hName: 'figcaption' } });
      node.children = children;
      node.data = { ...node.data, hName: 'figure', hProperties: { className: ['pull-quote'] } };
    }
  };
}
