import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { BlockContent, Image, Link, Paragraph, PhrasingContent, Root as MdastRoot, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import rehypeParse from 'rehype-parse';
import rehypeRemark, { type Options as RehypeRemarkOptions } from 'rehype-remark';
import remarkDirective from 'remark-directive';
import remarkStringify from 'remark-stringify';
import { unified, type Processor } from 'unified';
import type { Embed } from '../../markdown/embeds/providers.js';

/*
 * HTML (as WordPress showed it) → Broadsheet Markdown, with the unified
 * collective's converter and handlers for what a newsroom's archive holds
 * that plain HTML → Markdown would lose: figures with captions become
 * captioned images, frames and embed addresses of known providers become
 * embed lines, pull quotes become `:::pullquote`, and everything a reader
 * would lose is noted.
 */

/** What the converter asks of the import. */
export interface HtmlContext {
  /** The address to write for an image or a link of the export (a copied upload's site path, a path of the site, or a web address). */
  resolve(url: string, use: 'image' | 'link'): string;
  /** An alt text for an image that has none in the body (the attachment's). */
  altFor(url: string): string | undefined;
  /** What an address embeds, or undefined when Broadsheet does not embed it. */
  embed(url: string): Embed | undefined;
}

/** Something converted with a loss, or dropped, for the report. */
export interface HtmlNote {
  kind: 'unconverted' | 'warning';
  message: string;
  /** Text on the line of the written file where it is (an address), when there is one. */
  find?: string;
}

/** Elements whose content a reader never saw as text, or that run code: dropped, and noted. */
const DROPPED = new Set(['script', 'style', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select', 'textarea', 'svg', 'math', 'canvas', 'noscript', 'template']);

/** Inline elements Broadsheet's HTML subset keeps that Markdown has no syntax for. */
const KEPT_INLINE = new Set(['sup', 'sub', 'abbr', 'mark', 'kbd', 'cite']);

const text = (value: string) => ({ type: 'text', value }) as const;
const html = (value: string) => ({ type: 'html', value }) as const;

function attribute(node: Element, name: string): string {
  const value = node.properties[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? value.join(' ') : value === undefined || value === null ? '' : String(value);
}

function classes(node: Element): string[] {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

function elements(node: Element | HastRoot, test: (element: Element) => boolean, stopAtMatch = true): Element[] {
  const found: Element[] = [];
  const walk = (parent: Element | HastRoot) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      if (test(child)) {
        found.push(child);
        if (stopAtMatch) continue;
      }
      walk(child);
    }
  };
  walk(node);
  return found;
}

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

const plain = (node: Element | ElementContent) => textOf(node).replace(/\s+/g, ' ').trim();

/** A Broadsheet caption: `|` would start a credit, so a caption holding one ends with an empty credit. */
const captionTitle = (caption: string) => (caption.includes('|') ? `${caption} |` : caption);

/**
 * Convert `source` (HTML with paragraphs) to Markdown. Returns the text and
 * the notes about what was converted with a loss.
 */
export function htmlToMarkdown(source: string, context: HtmlContext): { markdown: string; notes: HtmlNote[] } {
  const notes: HtmlNote[] = [];
  const noteOnce = new Set<string>();
  const note = (kind: HtmlNote['kind'], message: string, find?: string) => {
    if (noteOnce.has(message)) return;
    noteOnce.add(message);
    notes.push(find ? { kind, message, find } : { kind, message });
  };

  const image = (node: Element): Image | undefined => {
    const src = attribute(node, 'src').trim();
    if (!src) return undefined;
    if (!isWebOrSitePath(src)) {
      note('unconverted', `image "${src}" is not a web address; left out`);
      return undefined;
    }
    const url = context.resolve(src, 'image');
    let alt = attribute(node, 'alt').trim() || context.altFor(src) || attribute(node, 'title').trim();
    if (!alt) {
      alt = 'Image';
      note('warning', `image ${src} has no alt text; wrote "Image": describe what it shows`, `(${url}`);
    }
    return { type: 'image', url, alt, title: null };
  };

  const imageParagraph = (img: Element, caption: string): Paragraph | undefined => {
    const found = image(img);
    if (!found) return undefined;
    if (caption) found.title = captionTitle(caption);
    return { type: 'paragraph', children: [found] };
  };

  const embedNodes = (url: string, title: string, bare: boolean): RootContent[] => {
    const found = context.embed(url);
    if (found) {
      const attributes: Record<string, string> = { url: found.page };
      if (title) attributes['title'] = title;
      return [{ type: 'leafDirective', name: 'embed', attributes, children: [] } satisfies LeafDirective];
    }
    if (!/^https?:\/\//i.test(url)) {
      note('unconverted', `embed of "${url}" is not a web address; left out`);
      return [];
    }
    if (!bare) note('warning', `embed of ${url}: not a provider Broadsheet embeds; kept as a link`, url);
    const link: Link = { type: 'link', url, title: null, children: [text(title || url)] };
    return [{ type: 'paragraph', children: [link] }];
  };

  const handlers: NonNullable<RehypeRemarkOptions['handlers']> = {
    figure(state, node) {
      if (classes(node).includes('wp-block-pullquote')) {
        const quote = elements(node, (element) => element.tagName === 'blockquote')[0] ?? node;
        const cite = elements(quote, (element) => element.tagName === 'cite')[0];
        const by = cite ? plain(cite) : '';
        const paragraphs = elements(quote, (element) => element.tagName === 'p').map((p) => plain(p)).filter(Boolean);
        const lines = paragraphs.length ? paragraphs : [plain(quote).replace(by, '').trim()];
        const directive: ContainerDirective = {
          type: 'containerDirective',
          name: 'pullquote',
          attributes: by ? { by } : {},
          children: lines.map((line) => ({ type: 'paragraph', children: [text(line)] })),
        };
        return directive;
      }
      const ownCaption = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption');
      const caption = ownCaption ? plain(ownCaption) : '';
      const nested = elements(node, (element) => element.tagName === 'figure');
      if (nested.length > 0) {
        // A gallery: each picture is a figure of its own; the gallery's caption follows them.
        const out = nested.flatMap((figure) => state.one(figure, node) ?? []) as RootContent[];
        if (caption) out.push({ type: 'paragraph', children: [{ type: 'emphasis', children: [text(caption)] }] });
        return out as BlockContent[];
      }
      const table = elements(node, (element) => element.tagName === 'table')[0];
      if (table) {
        const out = (state.one(table, node) ?? []) as RootContent | RootContent[];
        const list = Array.isArray(out) ? out : [out];
        if (caption) list.push({ type: 'paragraph', children: [{ type: 'emphasis', children: [text(caption)] }] });
        return list as BlockContent[];
      }
      const embedded = elements(node, (element) => element.tagName === 'bs-embed' || element.tagName === 'iframe')[0];
      if (embedded) return embedNodes(attribute(embedded, embedded.tagName === 'iframe' ? 'src' : 'url'), attribute(embedded, 'title') || caption, false) as BlockContent[];
      const player = elements(node, (element) => element.tagName === 'video' || element.tagName === 'audio')[0];
      if (player) return media(player, caption);
      const images = elements(node, (element) => element.tagName === 'img');
      if (images.length === 0) return state.all(node) as BlockContent[];
      const links = elements(node, (element) => element.tagName === 'a' && elements(element, (inner) => inner.tagName === 'img').length > 0);
      for (const link of links) {
        const href = attribute(link, 'href');
        const src = attribute(elements(link, (inner) => inner.tagName === 'img')[0] ?? link, 'src');
        if (href && !isSameMedia(href, src)) note('warning', `the link around image ${src} (to ${href}) was removed: a captioned picture cannot be a link`, `(${context.resolve(src, 'image')}`);
      }
      return images.flatMap((img) => imageParagraph(img, images.length === 1 ? caption : '') ?? []);
    },
    img(_state, node) {
      return image(node);
    },
    a(state, node) {
      const href = attribute(node, 'href');
      const children = state.all(node) as PhrasingContent[];
      if (!href) return children;
      if (!isWebOrSitePath(href) && !/^(?:mailto:|#)/i.test(href)) {
        note('unconverted', `link to "${href}" is not a web address; its text is kept without the link`);
        return children;
      }
      return { type: 'link', url: context.resolve(href, 'link'), title: attribute(node, 'title') || null, children };
    },
    blockquote(state, node) {
      // WordPress's quote block names its source in a <cite> after the text: a line of its own here.
      const cite = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'cite');
      const children = state.toFlow(state.all({ ...node, children: node.children.filter((child) => child !== cite) }));
      if (cite && plain(cite)) children.push({ type: 'paragraph', children: [text(`— ${plain(cite)}`)] });
      return { type: 'blockquote', children };
    },
    'bs-embed'(_state, node) {
      return embedNodes(attribute(node, 'url'), attribute(node, 'title'), node.properties['bare'] !== undefined) as BlockContent[];
    },
    iframe(_state, node) {
      const src = attribute(node, 'src');
      const found = context.embed(src);
      if (found) return embedNodes(src, attribute(node, 'title'), false) as BlockContent[];
      note('unconverted', `frame of ${src || '(no address)'} is not a provider Broadsheet embeds; replaced by a link`, src || undefined);
      if (!/^https?:\/\//i.test(src)) return undefined;
      return { type: 'paragraph', children: [{ type: 'link', url: src, title: null, children: [text(attribute(node, 'title') || src)] }] };
    },
    video: (_state, node) => media(node),
    audio: (_state, node) => media(node),
    source() {
      return undefined;
    },
    details(state, node) {
      const summary = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'summary');
      const rest = state.all({ ...node, children: node.children.filter((child) => child !== summary) }) as RootContent[];
      return [html(`<details>\n<summary>${escapeHtml(summary ? plain(summary) : 'Details')}</summary>`), ...rest, html('</details>')] as BlockContent[];
    },
  };

  /** A video or audio file as a link to it (its caption, or its file name, as the text). */
  function media(node: Element, caption = '') {
    const src = attribute(node, 'src') || attribute(elements(node, (element) => element.tagName === 'source')[0] ?? node, 'src');
    if (!src) {
      note('unconverted', `<${node.tagName}> without an address left out`);
      return undefined;
    }
    const found = context.embed(src);
    if (found) return embedNodes(src, '', false) as BlockContent[];
    const address = context.resolve(src, 'link');
    const label = `${node.tagName === 'video' ? 'Video' : 'Audio'}: ${caption || (address.split('/').pop() ?? address)}`;
    note('unconverted', `${node.tagName} file ${src}: Broadsheet has no player for files; written as a link to it`, `[${label}]`);
    const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'link', url: address, title: null, children: [text(label)] }] };
    return paragraph;
  }

  for (const tag of DROPPED) {
    handlers[tag] = (_state, node) => {
      note('unconverted', `<${node.tagName}> removed with its content: Broadsheet stories carry no ${node.tagName === 'svg' || node.tagName === 'canvas' ? 'drawings' : 'code, forms or plug-ins'}`);
      return undefined;
    };
  }
  for (const tag of KEPT_INLINE) {
    handlers[tag] = (state, node) => [html(`<${tag}>`), ...(state.all(node) as PhrasingContent[]), html(`</${tag}>`)] as PhrasingContent[];
  }

  const nodeHandlers: NonNullable<RehypeRemarkOptions['nodeHandlers']> = {
    comment(_state, node) {
      // `<!--more-->` and `<!--noteaser-->` were the teaser cut: Broadsheet's summary is the excerpt or the first paragraph.
      if (/^\s*(?:more|noteaser)\b/.test(node.value)) return undefined;
      return html(`<!--${node.value}-->`);
    },
  };

  // A table cell that spans rows or columns has no GFM form: the table keeps its text, and the editor is told.
  const noteSpans = () => (tree: HastRoot) => {
    const spanning = elements(tree, (element) => (element.tagName === 'td' || element.tagName === 'th') && (Number(element.properties['colSpan'] ?? 1) > 1 || Number(element.properties['rowSpan'] ?? 1) > 1), false);
    if (spanning.length > 0) note('warning', 'a table with cells spanning several rows or columns became a plain grid; check it reads right');
  };

  const processor = unified()
    .use(rehypeParse, { fragment: true })
    .use(noteSpans)
    .use(rehypeRemark, { handlers, nodeHandlers })
    .use(embedsOnTheirOwnLines)
    .use(gfmTablesOut)
    .use(remarkDirective)
    .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true, listItemIndent: 'one', resourceLink: true });
  const tree = processor.runSync(processor.parse(source)) as MdastRoot;
  const markdown = processor.stringify(tree);
  return { markdown: markdown.trim(), notes };
}

/** An https?:// address or a path of the site: what a story may point at. */
const isWebOrSitePath = (address: string) => /^https?:\/\//i.test(address) || /^\/(?!\/)/.test(address);

/** A link around a picture that only opened the picture (or its attachment page) adds nothing. */
function isSameMedia(href: string, src: string): boolean {
  const stem = (url: string) => (url.split(/[?#]/)[0] ?? '').replace(/-\d+x\d+(?=\.\w+$)/, '').replace(/\.\w+$/, '');
  return stem(href) === stem(src) || /[?&]attachment_id=\d+/.test(href) || /\/attachment\//.test(href) || /\/wp-content\/uploads\//.test(href);
}

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * An embed met inside a paragraph (`Watch [embed]…[/embed] now.`) goes on
 * a line of its own between the paragraph's two halves: Broadsheet reads
 * embeds only as lines of their own.
 */
function embedsOnTheirOwnLines() {
  return (tree: MdastRoot) => {
    const split = (children: RootContent[]): RootContent[] =>
      children.flatMap((child): RootContent[] => {
        if (child.type === 'blockquote' || child.type === 'listItem') {
          child.children = split(child.children as RootContent[]) as typeof child.children;
          return [child];
        }
        if (child.type !== 'paragraph' || !child.children.some((inline) => (inline as RootContent).type === 'leafDirective')) return [child];
        const out: RootContent[] = [];
        let run: PhrasingContent[] = [];
        const flush = () => {
          const first = run[0];
          const last = run[run.length - 1];
          if (first?.type === 'text') first.value = first.value.trimStart();
          if (last?.type === 'text') last.value = last.value.trimEnd();
          if (run.some((inline) => inline.type !== 'text' || inline.value.trim())) out.push({ type: 'paragraph', children: run });
          run = [];
        };
        for (const inline of child.children) {
          if ((inline as RootContent).type === 'leafDirective') {
            flush();
            out.push(inline as RootContent);
          } else run.push(inline);
        }
        flush();
        return out;
      });
    tree.children = split(tree.children);
  };
}

/** Tables and struck text written in GFM syntax, which the site reads. */
function gfmTablesOut(this: Processor): void {
  const data = this.data();
  (data.toMarkdownExtensions ??= []).push(gfmTableToMarkdown(), gfmStrikethroughToMarkdown());
}
