import type { Parent, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * Directives no plugin claimed, back to what the editor wrote. With
 * remark-directive on, prose such as `Note:this` or an emoji code `:smile:`
 * parses as a text directive; it is printed as written, silently, since it
 * was never meant as one. A `::name` or `:::name` block no plugin knows is
 * printed as written too (a container keeps its contents), with a warning.
 * A directive a plugin claimed has the element it becomes (`data.hName`).
 */
export function remarkUnknownDirectives() {
  return (tree: Root, file: VFile): undefined => {
    const source = String(file.value);
    const written = (node: RootContent): string => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      return start === undefined || end === undefined ? '' : source.slice(start, end);
    };
    visit(tree, (node, index, parent) => {
      if (parent === undefined || index === undefined) return undefined;
      // A plugin that claims a directive gives it the element it becomes.
      if (isDirective(node) && node.data?.hName !== undefined) return SKIP;
      if (node.type === 'textDirective') {
        siblings(parent).splice(index, 1, { type: 'text', value: written(node), position: node.position });
        return SKIP;
      }
      if (node.type !== 'leafDirective' && node.type !== 'containerDirective') return undefined;
      const message = file.message(`unknown block ${node.type === 'leafDirective' ? '::' : ':::'}${node.name} is printed as written`, node);
      message.note = 'a line starting with :: or ::: is a directive; write ::embed{url="…"}, or put a \\ before the first colon';
      if (node.type === 'leafDirective') {
        siblings(parent).splice(index, 1, { type: 'paragraph', children: [{ type: 'text', value: written(node) }], position: node.position });
        return SKIP;
      }
      const opening = written(node).split('\n', 1)[0] ?? '';
      siblings(parent).splice(index, 1, { type: 'paragraph', children: [{ type: 'text', value: opening }] }, ...node.children, {
        type: 'paragraph',
        children: [{ type: 'text', value: ':::' }],
      });
      return [SKIP, index + 1];
    });
  };
}

/** A parent's children as one list type: every node here may stand where the one it replaces stood. */
const siblings = (parent: Parent): RootContent[] => parent.children as RootContent[];

const isDirective = (node: { type: string }): node is LeafDirective | ContainerDirective | TextDirective =>
  node.type === 'leafDirective' || node.type === 'containerDirective' || node.type === 'textDirective';
