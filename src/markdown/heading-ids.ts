import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { isTemplateId, TEMPLATE_IDS } from './template-ids.js';

/**
 * Give every heading an `id` made from its text, so readers can link to a
 * section of an article (`#what-happens-next`). Repeated headings get `-1`,
 * `-2`… as on GitHub, and so does a heading whose id the page's templates
 * use (`## Main` → `main-1`): those ids count as written before the body.
 * An id of a family no suffix leaves (`comment-…`, any comment's anchor)
 * gets `section-` in front. Every other heading keeps the id it always had.
 */
export function remarkHeadingIds() {
  return (tree: Root): undefined => {
    const slugger = new GithubSlugger();
    for (const id of TEMPLATE_IDS) slugger.slug(id);
    visit(tree, 'heading', (node) => {
      const text = toString(node);
      let id = slugger.slug(text);
      if (id === '') return;
      if (isTemplateId(id)) id = slugger.slug(id);
      if (isTemplateId(id)) id = slugger.slug(`section ${text}`);
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
    });
  };
}
