import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Images in an article body sit below the lead image and headline, so the
 * browser may fetch them as the reader scrolls.
 */
export function remarkLazyImages() {
  return (tree: Root): undefined => {
    visit(tree, 'image', (node) => {
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, loading: 'lazy', decoding: 'async' } };
    });
  };
}
