import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkStringify from 'remark-stringify';
import { visit } from 'unist-util-visit';
import type { Root } from 'hast';
import { joinPieces, type BodyPiece } from './body-pieces.js';

/** Elements a plain story written in HTML is made of, each with a Markdown form. */
const SIMPLE = new Set([
  'p', 'a', 'em', 'strong', 'b', 'i', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote',
  'img', 'pre', 'code', 'br', 'hr', 'del', 's', 'sup', 'sub',
]);

const parser = unified().use(rehypeParse, { fragment: true });

/**
 * The elements of an HTML body that have no Markdown form (`<div>`,
 * `<script>`, `<table>`, `<iframe>`…), sorted; none means the body is
 * simple enough to convert without losing anything.
 */
export function unsimpleElements(html: string): string[] {
  const tree = parser.parse(html) as Root;
  const found = new Set<string>();
  visit(tree, 'element', (node) => {
    if (!SIMPLE.has(node.tagName)) found.add(node.tagName);
  });
  return [...found].sort();
}

const converter = unified().use(rehypeParse, { fragment: true }).use(rehypeRemark).use(remarkStringify, { bullet: '-', emphasis: '*', fences: true });

/** A simple HTML body as Markdown (unified's HTML → Markdown packages). */
export function htmlToMarkdown(html: string): string {
  return String(converter.processSync(html));
}

/**
 * An HTML body whose template constructs were converted into `pieces`, as
 * Markdown; their notes stay at the top, since the HTML's lines are gone.
 */
export function htmlAsMarkdown(source: string, pieces: readonly BodyPiece[]): BodyPiece[] {
  const joined = joinPieces(source, pieces);
  const notes = pieces.filter((piece) => piece.note).map((piece) => ({ ...piece, text: '' }));
  return [...notes, { text: htmlToMarkdown(joined.text), at: 0 }];
}
