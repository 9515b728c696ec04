import type { Element, Properties, RootContent as HastContent } from 'hast';
import type { Code, Heading, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { HtmlElement } from './html-element.js';

// unist's position, as the hast types carry it (unist's own types are not a dependency of ours).
type Position = NonNullable<Element['position']>;

export interface HtmlToMdastOptions {
  /** The nodes stand among blocks (the body, a quote, a list item): loose text is put in paragraphs. */
  flow: boolean;
  /** The Markdown node an element stands in for, if it is such a stand-in. */
  slot: (element: Element) => RootContent | undefined;
  /** Whether an element marks where a removed block (a `<div>`) began or ended: its text is a paragraph of its own. */
  blockEdge: (element: Element) => boolean;
}

/** Where loose text must not run on into the next: a removed block's edge, or a blank line. */
const EDGE = { type: 'edge' } as const;
type Converted = RootContent | typeof EDGE;

const PHRASING_TAGS = new Set(['a', 'abbr', 'b', 'br', 'cite', 'code', 'del', 'em', 'i', 'img', 'ins', 'kbd', 'mark', 'q', 's', 'strong', 'sub', 'sup']);
const PHRASING_TYPES = new Set(['text', 'image', 'imageReference', 'link', 'linkReference', 'break', 'inlineCode', 'emphasis', 'strong', 'delete', 'footnoteReference']);

/**
 * Sanitized HTML back to Markdown nodes, so that the plugins after raw-html.ts
 * treat an editor's HTML like Markdown: `<img>` is an image (processed like
 * `![]()`), `<a href>` a link (marked when it leaves the site), `<p>` and
 * `<h2>` a paragraph and a heading (counted, given an id), `<pre>` of plain
 * text a code block. Any other element is an `htmlElement`. Attributes
 * Markdown has no field for ride along in `hProperties`.
 */
export function htmlToMdast(nodes: readonly HastContent[], options: HtmlToMdastOptions): RootContent[] {
  const converted = nodes.flatMap((node) => convert(node, options));
  return options.flow ? asBlocks(converted) : withoutEdges(converted);
}

const withoutEdges = (nodes: readonly Converted[]): RootContent[] => nodes.filter((node): node is RootContent => node.type !== 'edge');

function convert(node: HastContent, options: HtmlToMdastOptions): Converted[] {
  if (node.type === 'text') return [{ type: 'text', value: node.value, position: node.position }];
  if (node.type !== 'element') return [];
  if (options.blockEdge(node)) return [EDGE];
  const slot = options.slot(node);
  if (slot) return [slot];
  const { position, properties, tagName } = node;
  const children = withoutEdges(node.children.flatMap((child) => convert(child, options)));
  const phrasing = children as PhrasingContent[];
  switch (tagName) {
    case 'img': {
      const { src, alt, title, ...rest } = properties;
      if (typeof src !== 'string') return [];
      return [{ type: 'image', url: src, alt: text(alt), title: text(title), position, ...extra(rest) }];
    }
    case 'a': {
      const { href, title, ...rest } = properties;
      if (typeof href !== 'string') break;
      return [{ type: 'link', url: href, title: text(title), children: phrasing, position, ...extra(rest) }];
    }
    case 'p':
      return [{ type: 'paragraph', children: phrasing, position, ...extra(properties) }];
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6':
      return [{ type: 'heading', depth: Number(tagName.slice(1)) as Heading['depth'], children: phrasing, position, ...extra(properties) }];
    case 'hr':
      return [{ type: 'thematicBreak', position }];
    case 'pre': {
      const code = codeBlock(node);
      if (code) return [code];
      break;
    }
    default:
  }
  const element: HtmlElement = { type: 'htmlElement', data: { hName: tagName, hProperties: properties }, children, position };
  return [element];
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const extra = (properties: Properties): { data?: { hProperties: Properties } } =>
  Object.keys(properties).length > 0 ? { data: { hProperties: properties } } : {};

/** `<pre>` of plain text, or of one `<code>` of plain text: a code block, whose language comes from `language-…`. */
function codeBlock(pre: Element): Code | undefined {
  if (Object.keys(pre.properties).length > 0) return undefined;
  let content = pre.children;
  let lang: string | null = null;
  const elements = content.filter((child) => child.type !== 'text' || child.value.trim() !== '');
  const only = elements[0];
  if (elements.length === 1 && only?.type === 'element' && only.tagName === 'code') {
    const { className, ...rest } = only.properties;
    if (Object.keys(rest).length > 0) return undefined;
    const language = Array.isArray(className) ? className.map(String).find((name) => name.startsWith('language-')) : undefined;
    lang = language ? language.slice('language-'.length) : null;
    content = only.children;
  }
  if (!content.every((child) => child.type === 'text')) return undefined;
  // Markdown's code blocks end without the last line's newline; the renderer puts it back.
  const value = content.map((child) => (child.type === 'text' ? child.value : '')).join('').replace(/\n$/, '');
  return { type: 'code', lang, meta: null, value, position: pre.position };
}

/**
 * Among blocks, text and inline elements together make a paragraph, up to
 * the edge of a removed block or a blank line; whitespace between blocks is
 * dropped.
 */
function asBlocks(nodes: readonly Converted[]): RootContent[] {
  const blocks: RootContent[] = [];
  let inline: PhrasingContent[] = [];
  const flush = () => {
    const paragraph = paragraphOf(inline);
    if (paragraph) blocks.push(paragraph);
    inline = [];
  };
  for (const node of nodes) {
    if (node.type === 'edge') flush();
    else if (isPhrasing(node)) {
      const previous = inline.at(-1)?.position?.end.line;
      const start = node.position?.start.line;
      // Separate HTML blocks of the Markdown are separate paragraphs.
      if (previous !== undefined && start !== undefined && start > previous + 1) flush();
      inline.push(node);
    } else {
      flush();
      blocks.push(node);
    }
  }
  flush();
  return blocks;
}

function isPhrasing(node: RootContent): node is PhrasingContent {
  return PHRASING_TYPES.has(node.type) || (node.type === 'htmlElement' && PHRASING_TAGS.has(node.data.hName));
}

function paragraphOf(nodes: PhrasingContent[]): Paragraph | undefined {
  const children = [...nodes];
  while (children[0]?.type === 'text' && children[0].value.trim() === '') children.shift();
  while (children.at(-1)?.type === 'text' && (children.at(-1) as { value: string }).value.trim() === '') children.pop();
  if (children.length === 0) return undefined;
  const head = children[0];
  if (head?.type === 'text') children[0] = { ...head, value: head.value.trimStart() };
  const tail = children.at(-1);
  if (tail?.type === 'text') children[children.length - 1] = { ...tail, value: tail.value.trimEnd() };
  const first = children[0];
  const last = children.at(-1);
  const position: Position | undefined = first?.position && last?.position ? { start: first.position.start, end: last.position.end } : undefined;
  return { type: 'paragraph', children, position };
}
