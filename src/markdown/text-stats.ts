import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export interface TextStats {
  /** Plain text of the first paragraph, trimmed: the summary when none is given. */
  firstParagraph: string;
  words: number;
}

declare module 'vfile' {
  interface DataMap {
    textStats: TextStats;
    /** All the text, a space between nodes: what related-article scoring reads. */
    plainText: string;
  }
}

/** Record what a page needs to know about the text (reading time, fallback summary) while the tree is at hand. */
export function remarkTextStats() {
  return (tree: Root, file: VFile): undefined => {
    let firstParagraph = '';
    for (const node of tree.children) {
      if (node.type !== 'paragraph') continue;
      firstParagraph = toString(node, { includeImageAlt: false }).replace(/\s+/g, ' ').trim();
      // An image on its own line is a paragraph too, but says nothing as a summary.
      if (firstParagraph !== '') break;
    }
    let words = 0;
    const parts: string[] = [];
    // Counted per node: the text of adjacent paragraphs would otherwise run together.
    visit(tree, (node) => {
      if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
        words += node.value.split(/\s+/).filter(Boolean).length;
        parts.push(node.value);
      }
    });
    file.data.textStats = { firstParagraph, words };
    file.data.plainText = parts.join(' ');
  };
}
