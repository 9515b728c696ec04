import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * Give every heading an `id` made from its text, so readers can link to a
 * section of an article (`#what-happens-next`). Repeated headings get `-1`,
 * `-2`… as on GitHub.
 */
export function remarkHeadingIds() {
  return (tree: Root): undefined => {
    const slugger = new GithubSlugger();
    visit(tree, 'heading', (node) => {
      const id = slugger.slug(toString(node));
      if (id === '') return;
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
    });
  };
}
