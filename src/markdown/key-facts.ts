import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { warnAt } from './directive-notes.js';
import { checkedBlocks, type NewsroomBlock } from './newsroom-block.js';

const KEY_FACTS: NewsroomBlock = {
  name: 'keyfacts',
  called: 'key facts box',
  attributes: ['title'],
  attributesHint: 'a key facts box takes only title="…"; its look comes from the site\'s stylesheet',
  holds: ['list', 'paragraph'],
  holdsWords: 'lists and text',
  labelHint: 'write its title as :::keyfacts{title="…"}',
  emptyHint: 'write the facts as a list between :::keyfacts and :::, one "- " line each',
};

/** The label of a box without a `title`. */
const DEFAULT_TITLE = 'Key facts';

/**
 * `:::keyfacts{title="…"}` … `:::`: a boxed list of the story's facts, as
 * an `aside` named by its label through `aria-labelledby`. The label is a
 * paragraph, not a heading: the box sits between two paragraphs of a
 * section, and a heading there would make the rest of that section look,
 * to a reader who moves by headings, as if it belonged to the box. Screen
 * readers list the box among the page's landmarks by its name instead. The
 * label's id is `key-facts-N`, the Nth box of the body, an id no heading
 * takes (template-ids.ts). A box without a list is still shown, with a
 * warning; see newsroom-block.ts for the rest of what is reported.
 */
export function remarkKeyFacts() {
  return (tree: Root, file: VFile): undefined => {
    checkedBlocks(tree, file, KEY_FACTS).forEach((node, index) => {
      if (!node.children.some((child) => child.type === 'list')) {
        warnAt(file, 'a key facts box has no list', node, 'write each fact on a line of its own starting with "- "');
      }
      const title = node.attributes?.title?.trim() || DEFAULT_TITLE;
      const id = `key-facts-${index + 1}`;
      node.children.unshift({ type: 'paragraph', children: [{ type: 'text', value: title }], data: { hProperties: { className: ['key-facts-title'], id } } });
      node.data = { ...node.data, hName: 'aside', hProperties: { className: ['key-facts'], ariaLabelledBy: [id] } };
    });
  };
}
