import type { Node, Parent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';

/*
 * What the directive plugins say to editors, and where: a warning at the
 * node (or at one of its attributes), with a hint of what to write instead.
 */

/** A warning about `node`, at `place` when given (a point in the body), with `hint`. */
export function warnAt(file: VFile, reason: string, node: Node, hint: string, place?: { line: number; column: number }): void {
  const message = file.message(reason, place ? { place } : { place: node.position });
  message.note = hint;
}

/** The directive's opening as an editor typed it, for messages: `:::pullquote`, `::embed`. */
export const writtenName = (node: ContainerDirective | LeafDirective): string => `${node.type === 'containerDirective' ? ':::' : '::'}${node.name}`;

/**
 * Where attribute `key` is written in the directive's first line (`{by="…"}`,
 * or `#…` and `.…` for `id` and `class`), so a warning points at it; the
 * directive's own start when it cannot be told.
 */
export function attributePlace(source: string, node: Node, key: string): { line: number; column: number } | undefined {
  const start = node.position?.start;
  if (start?.offset === undefined) return undefined;
  const lineEnd = source.indexOf('\n', start.offset);
  const line = source.slice(start.offset, lineEnd === -1 ? source.length : lineEnd);
  const braces = line.indexOf('{');
  if (braces === -1) return { line: start.line, column: start.column };
  const shortcut = key === 'id' ? '#' : key === 'class' ? '\\.' : undefined;
  const written = new RegExp(`[\\s{](?:${escape(key)}\\s*=${shortcut ? `|${shortcut}` : ''}|${escape(key)}(?=[\\s}]))`).exec(line.slice(braces));
  const offset = written ? braces + written.index + 1 : braces;
  return { line: start.line, column: start.column + offset };
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The colons that open a `:::name` block as typed, and whether a line of at least as many closes it; undefined without positions. */
export function fenceOf(source: string, node: ContainerDirective): { colons: string; closed: boolean } | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const colons = /^:+/.exec(source.slice(start))?.[0] ?? ':::';
  const lastLineStart = source.lastIndexOf('\n', end - 1) + 1;
  const closed = lastLineStart > start && new RegExp(`^[ \\t>]*${colons}:*[ \\t]*$`).test(source.slice(lastLineStart, end));
  return { colons, closed };
}

/** What a node is, in an editor's words: "a list", "a heading". */
export function kindOf(node: Node | Parent): string {
  switch (node.type) {
    case 'list':
    case 'listItem':
      return 'a list';
    case 'blockquote':
      return 'a quote';
    case 'heading':
      return 'a heading';
    case 'code':
      return 'a code block';
    case 'table':
      return 'a table';
    case 'thematicBreak':
      return 'a rule (---)';
    case 'html':
      return 'HTML';
    case 'footnoteDefinition':
      return 'a footnote';
    case 'containerDirective':
    case 'leafDirective':
      return `a "${writtenName(node as ContainerDirective | LeafDirective)}" block`;
    default:
      return `a ${node.type}`;
  }
}
