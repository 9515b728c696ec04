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
 * text. A block never closed runs to the end of the body. An attribute the
 * block does not take is ignored; a `[label]` is kept as the block's first
 * paragraph; content it does not hold is moved after it; a block left
 * empty is left out. Each of these is a warning.
 */
export function checkedBlocks(tree: Root, file: VFile, block: NewsroomBlock): ContainerDirective[] {
  const source = String(file.value);
  const isBlock = (node: RootContent): node is ContainerDirective => node.type === 'containerDirective' && node.name === block.name && !node.data?.hName;
  // Blocks not at the top, by the node they are in.
  const nested = new Map<Parent, Set<RootContent>>();
  visitParents(tree, 'containerDirective', (node, ancestors) => {
    const parent = ancestors.at(-1)!;
    if (parent.type === 'root' || !isBlock(node)) return;
    if (!nested.has(parent)) nested.set(parent, new Set());
    nested.get(parent)!.add(node);
  });
  // Innermost first, so a block unwrapped into another one is checked with the content it ends up in.
  for (const [parent, found] of [...nested].reverse()) {
    parent.children = (parent.children as RootContent[]).flatMap((child) => {
      if (!found.has(child) || !isBlock(child)) return [child];
      warnAt(file, `a ${block.called} inside ${kindOf(parent)} is shown as ordinary text`, child, `put :::${block.name} on a line of its own, outside lists, quotes and other blocks`);
      return child.children;
    });
  }
  const blocks: ContainerDirective[] = [];
  tree.children = tree.children.flatMap((child) => {
    if (!isBlock(child)) return [child];
    const moved = checkBlock(child, source, file, block);
    if (!child.children.some((inside) => inside.type !== 'definition')) {
      warnAt(file, `a ${block.called} with nothing in it is left out`, child, block.emptyHint);
      return [...child.children, ...moved];
    }
    blocks.push(child);
    return [child, ...moved];
  });
  return blocks;
}

/** Say what is wrong with a block at the top of the body; take out, and return, the content it does not hold. */
function checkBlock(node: ContainerDirective, source: string, file: VFile, block: NewsroomBlock): RootContent[] {
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
  return moved;
}
