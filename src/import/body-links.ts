import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';

/** An address in a body, as the converted Markdown reads it. */
export interface BodyAddress {
  kind: 'image' | 'link';
  url: string;
  /** 1-based line in the body. */
  line: number;
}

/**
 * What becomes of an address: a new one, the same (undefined), or, for an
 * image whose file is nowhere, a link to the old address (a missing
 * picture would stop `broadsheet check`; a link keeps what the story said).
 */
export type Relink = (address: BodyAddress) => string | { asLink: string } | undefined;

interface Edit {
  start: number;
  end: number;
  text: string;
}

const parser = unified().use(remarkParse);

/**
 * Rewrites the addresses of images and links in a Markdown body (inline,
 * reference definitions, and `<img src>` in HTML), touching only the
 * characters of each address: the rest of the text, and its lines, stay
 * exactly as they were.
 */
export function relinkBody(body: string, relink: Relink): string {
  const tree = parser.parse(body) as Root;
  const imageIds = new Set<string>();
  visit(tree, 'imageReference', (node) => {
    imageIds.add(node.identifier);
  });
  const edits: Edit[] = [];
  visit(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const line = node.position?.start.line ?? 1;
    if (node.type === 'image' || node.type === 'link') {
      const result = relink({ kind: node.type, url: node.url, line });
      const urlAt = findUrl(body, start, end, node.url, body.lastIndexOf('](', end));
      if (result === undefined || urlAt < 0) return;
      if (typeof result === 'string') edits.push({ start: urlAt, end: urlAt + node.url.length, text: result });
      else {
        edits.push({ start: urlAt, end: urlAt + node.url.length, text: result.asLink });
        if (body[start] === '!') edits.push({ start, end: start + 1, text: '' });
      }
    } else if (node.type === 'definition') {
      const kind = imageIds.has(node.identifier) ? 'image' : 'link';
      const result = relink({ kind, url: node.url, line });
      const urlAt = findUrl(body, start, end, node.url, body.indexOf(']:', start));
      if (result === undefined || urlAt < 0) return;
      edits.push({ start: urlAt, end: urlAt + node.url.length, text: typeof result === 'string' ? result : result.asLink });
    } else if (node.type === 'html') {
      for (const match of node.value.matchAll(/<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>/gi)) {
        const url = match[1] ?? match[2] ?? '';
        const result = relink({ kind: 'image', url, line: line + (node.value.slice(0, match.index).split('\n').length - 1) });
        if (result === undefined) continue;
        const tagAt = start + match.index;
        if (typeof result === 'string') {
          const urlAt = tagAt + match[0].indexOf(url, match[0].search(/\bsrc\s*=/i));
          edits.push({ start: urlAt, end: urlAt + url.length, text: result });
        } else {
          const alt = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(match[0]);
          const label = (alt?.[1] ?? alt?.[2] ?? '').trim() || result.asLink;
          edits.push({ start: tagAt, end: tagAt + match[0].length, text: `<a href="${result.asLink}">${label}</a>` });
        }
      }
    }
  });
  let text = body;
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return text;
}

/** Where the address is written, when it is written as the parser read it (no escapes or entities); -1 otherwise. */
function findUrl(body: string, start: number, end: number, url: string, after: number): number {
  if (!url) return -1;
  const from = after >= start && after < end ? after : start;
  const at = body.indexOf(url, from);
  return at >= 0 && at + url.length <= end ? at : -1;
}
