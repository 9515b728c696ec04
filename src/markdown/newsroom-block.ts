import type { Parent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { attributePlace, fenceOf, kindOf, warnAt } from './directive-notes.js';

/** A block an editor writes as `:::name{attributes}` … `:::` (a pull quote, a key facts box). */
export interface NewsroomBlock {
  /** As written after the colons. */
  name: string;
  /** As an editor calls it, in messages: "pull quote". */
  called: string;
  /** The attributes it takes. */
  attributes: readonly string[];
  /** What to write instead of another attribute. */
  attributesHint: string;
  /** The content it holds; anything else is shown after it. */
  holds: readonly RootContent['type'][];
  /** Said of what it holds, in messages: "only text". */
  holdsWords: string;
  /** What to write instead of a `[label]`. */
  labelHint: string;
  /** What to write when it holds nothing. */
  emptyHint: string;
}

/**
 * The body's `:::name` blocks, ready for the caller to turn into markup,
 * after saying what is wrong with each. A block inside a list, a quote or
 * another block is not one: its content is shown in its place as ordinary
 * text. A block never closed runs to the end of the body. Another
 * attribute than the block takes is ignored; a `[label]` is
 * kept as the block's first paragraph; content it does not hold is moved
 * after it; a block left empty is left out. Each of these is a warning.
 */
export function checkedBlocks(tree: Root, file: VFile, block: NewsroomBlock): ContainerDirective[] {
  const source = String(file.value);
  const found: { node: ContainerDirective; parent: Parent }[] = [];
  visitParents(tree, 'containerDirective', (node, ancestors) => {
    if (node.name === block.name && !node.data?.hName) found.push({ node, parent: ancestors.at(-1)! });
  });
  const blocks: ContainerDirective[] = [];
  // Innermost first, so a block unwrapped into another one is checked with the content it ends up in.
  for (const { node, parent } of found.reverse()) {
    const siblings = parent.children as RootContent[];
    const index = siblings.indexOf(node);
    if (parent.type !== 'root') {
      warnAt(file, `a ${block.called} inside ${kindOf(parent)} is shown as ordinary text`, node, `put :::${block.name} on a line of its own, outside lists, quotes and other blocks`);
      siblings.splice(index, 1, ...node.children);
      continue;
    }
    const fence = fenceOf(source, node);
    if (fence && !fence.closed) {
      warnAt(file, `the ${block.called} is never closed: all that follows it is in it`, node, `end it with a line of ${fence.colons}`);
    }
    for (const key of Object.keys(node.attributes ?? {})) {
      if (block.attributes.includes(key)) continue;
      warnAt(file, `${block.called}: the attribute "${key}" is ignored`, node, block.attributesHint, attributePlace(source, node, key));
    }
    const label = node.children[0];
    if (label?.type === 'paragraph' && label.data?.directiveLabel) {
      warnAt(file, `${block.called}: the text in [brackets] is shown as its first paragraph`, label, block.labelHint);
    }
    const moved = node.children.filter((child) => !block.holds.includes(child.type) && child.type !== 'definition');
    for (const child of moved) {
      warnAt(file, `a ${block.called} holds ${block.holdsWords}: ${kindOf(child)} in it is shown after it`, child, `move it out of the ${block.called}`);
    }
    node.children = node.children.filter((child) => !moved.includes(child));
    siblings.splice(index + 1, 0, ...moved);
    if (!node.children.some((child) => child.type !== 'definition')) {
      warnAt(file, `a ${block.called} with nothing in it is left out`, node, block.emptyHint);
      siblings.splice(index, 1, ...node.children);
      continue;
    }
    blocks.push(node);
  }
  return blocks.reverse();
}
