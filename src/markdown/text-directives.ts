import type { Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';

/**
 * Give back, as the text that was typed, every inline directive
 * (`:name[label]{attributes}`). No plugin gives `:name` a meaning, yet
 * remark-directive reads one in ordinary prose: `10:30`, `ratio a:b`,
 * `Note:this`. The name and the attributes come back from the body's own
 * characters; the label keeps its parsed children, so `a:b[*c*]` keeps its
 * emphasis as it would without directives. Runs right after parsing, so
 * that word counts and the text related-article scoring reads see the
 * words as written.
 */
export function remarkTextDirectivesAsText() {
  return (tree: Root, file: VFile): undefined => {
    const source = String(file.value);
    // Worklists, not recursion: labels nest (`:a[:a[:a[…]]]`) as deep as an editor types them.
    const parents: Parent[] = [tree];
    for (let parent = parents.pop(); parent; parent = parents.pop()) {
      const children = parent.children as RootContent[];
      if (children.some((child) => child.type === 'textDirective')) parent.children = unfold(children, source);
      for (const child of parent.children as RootContent[]) if ('children' in child) parents.push(child);
    }
  };
}

/** The children with every directive among them, and in their labels, replaced by what was typed; neighbouring texts joined as the parser would have. */
function unfold(children: readonly RootContent[], source: string): RootContent[] {
  const unfolded: RootContent[] = [];
  const pending = [...children].reverse();
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'textDirective') {
      pending.push(...asWritten(node, source).reverse());
      continue;
    }
    const last = unfolded.at(-1);
    if (node.type === 'text' && last?.type === 'text') {
      const position = last.position && node.position ? { start: last.position.start, end: node.position.end } : undefined;
      unfolded[unfolded.length - 1] = { type: 'text', value: last.value + node.value, ...(position && { position }) };
    } else unfolded.push(node);
  }
  return unfolded;
}

/** The directive as the nodes it was typed as: its name, its label's children, its attributes. */
function asWritten(node: TextDirective, source: string): PhrasingContent[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const opening = `:${node.name}`;
  if (start === undefined || end === undefined) return [text(opening), ...node.children];
  if (source[start + opening.length] !== '[') return [text(source.slice(start, end))];
  // The label closes at the first `]` after its last child (at once, when it is empty); attributes may follow.
  const close = source.indexOf(']', node.children.at(-1)?.position?.end.offset ?? start + opening.length);
  const rest = close !== -1 && close < end ? source.slice(close, end) : ']';
  return [text(`${opening}[`), ...node.children, text(rest)];
}

const text = (value: string): Text => ({ type: 'text', value });
