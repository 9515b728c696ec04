import type { Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { didYouMean } from '../util/suggest.js';
import { fenceOf, warnAt, writtenName } from './directive-notes.js';

/** The blocks Broadsheet's plugins make, by name, and how each is written. */
export const KNOWN_BLOCKS: Readonly<Record<string, string>> = {
  pullquote: ':::pullquote',
  keyfacts: ':::keyfacts',
  embed: '::embed',
  readmore: '::readmore',
};

/** Past this many unknown blocks in one body, the rest are counted in one warning. */
const WARNINGS_PER_BODY = 20;

export interface UnknownDirectivesOptions {
  /** A reader's comment: its blocks are shown as the text that was typed, without a warning (comments have none). */
  comment?: boolean | undefined;
}

/**
 * The rule for `::name` and `:::name` blocks no plugin made anything of
 * (the plugins that do mark theirs with an element name). Runs after them.
 * In a story, each is a warning naming the blocks there are; a `:::name`
 * block's content is shown in its place as ordinary text, a `::name` line's
 * `[label]` as a paragraph. In a comment, the lines are shown as typed.
 */
export function remarkUnknownDirectives(options: UnknownDirectivesOptions = {}) {
  return (tree: Root, file: VFile): undefined => {
    const source = String(file.value);
    let unknown = 0;
    let firstUnreported: RootContent | undefined;
    // A worklist, not recursion: blocks are replaced by their content, which may hold more.
    const parents: Parent[] = [tree];
    for (let parent = parents.pop(); parent; parent = parents.pop()) {
      const children = parent.children as RootContent[];
      for (let index = 0; index < children.length; index++) {
        const child = children[index]!;
        if ((child.type === 'leafDirective' || child.type === 'containerDirective') && !child.data?.hName) {
          if (!options.comment && ++unknown <= WARNINGS_PER_BODY) report(file, child);
          else if (!options.comment) firstUnreported ??= child;
          children.splice(index, 1, ...(options.comment ? asTyped(child, source) : content(child)));
          // What took its place is looked at next.
          index--;
          continue;
        }
        if ('children' in child) parents.push(child);
      }
    }
    if (firstUnreported) {
      warnAt(file, `${unknown - WARNINGS_PER_BODY} more unknown blocks from here on are shown as ordinary text or left out`, firstUnreported, 'see the warnings above');
    }
  };
}

function report(file: VFile, node: LeafDirective | ContainerDirective): void {
  const written = writtenName(node);
  const known = Object.hasOwn(KNOWN_BLOCKS, node.name) ? KNOWN_BLOCKS[node.name] : undefined;
  const shown = node.type === 'leafDirective' && node.children.length === 0 ? 'is left out' : 'is shown as ordinary text';
  if (known === written) {
    warnAt(file, `"${written}" ${shown}`, node, 'this block is not made here');
    return;
  }
  if (known !== undefined) {
    const how = known.startsWith(':::') ? `${known} on a line of its own, then its content, then ::: on a line of its own` : `${known} with its settings on one line`;
    warnAt(file, `"${written}" ${shown}: this block is written ${known}`, node, `write ${how}`);
    return;
  }
  const names = Object.keys(KNOWN_BLOCKS);
  const list = `the blocks are ${Object.values(KNOWN_BLOCKS).join(', ')}`;
  const suggestion = didYouMean(node.name, names);
  warnAt(file, `unknown block "${written}" ${shown}`, node, suggestion ? `${suggestion} (${list})` : list);
}

/** A story's unknown block: its content in its place. */
function content(node: LeafDirective | ContainerDirective): RootContent[] {
  if (node.type === 'containerDirective') return node.children;
  return node.children.length > 0 ? [{ type: 'paragraph', children: node.children }] : [];
}

/** A comment's block: its opening line (and its closing fence) as typed, its content between. */
function asTyped(node: LeafDirective | ContainerDirective, source: string): RootContent[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return content(node);
  const lineEnd = source.indexOf('\n', start);
  const opening = paragraph(source.slice(start, lineEnd === -1 || lineEnd > end ? end : lineEnd).trimEnd());
  if (node.type === 'leafDirective') return [opening];
  const closing = source.slice(source.lastIndexOf('\n', end - 1) + 1, end);
  // The label is in the opening line already.
  const inside = node.children.filter((child) => !(child.type === 'paragraph' && child.data?.directiveLabel));
  return [opening, ...inside, ...(fenceOf(source, node)?.closed ? [paragraph(closing.replace(/^[ \t>]*/, ''))] : [])];
}

const paragraph = (value: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value } satisfies PhrasingContent] });
