import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { raw } from 'hast-util-raw';
import { sanitize, type Schema } from 'hast-util-sanitize';
import type { Html, Parents, Root, RootContent } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { htmlToMdast } from './html-to-mdast.js';
import { findDeepHtml, MAX_HTML_NESTING } from './limits.js';
import { findRemovals, isUnclosed, type Removal } from './removed-html.js';
import { failAt } from './notes.js';

// unist's position, as the hast and mdast types carry it (unist's own types are not a dependency of ours).
type Position = NonNullable<HastRoot['position']>;

declare module 'hast' {
  interface ElementData {
    /** Which Markdown node of the run an element stands in for (raw-html.ts). */
    markdownSlot?: number | undefined;
  }
}

export interface RawHtmlOptions {
  /** What editors may write: editorSchema, or commentSchema for readers' comments (editor-schema.ts). */
  schema: Schema;
  /** A reader's comment: the hints say comments take Markdown. */
  comment?: boolean | undefined;
}

// A node type and an element name no HTML can produce (the parser lowercases
// names and never puts a space in one): the Markdown nodes among the HTML.
const SLOT_TYPE = 'markdownSlot';
const SLOT_TAG = 'markdown slot';
// Put at both ends of a removed block (a `<div>`), so that its text does not run on into the next.
const EDGE_TAG = 'markdown edge';

/** Elements that make a block of their own: removed, their text still is one. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'header', 'hgroup', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'search', 'section', 'summary',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
]);

interface Slot {
  type: typeof SLOT_TYPE;
  index: number;
  position?: Position | undefined;
}

/**
 * Parse the raw HTML of a body with the HTML standard's parser, keep what
 * `schema` allows and say what it removed. Per parent, the run of children
 * from its first `html` node on is parsed as one fragment, the Markdown
 * nodes among the HTML standing in place, so that `<details>` … `</details>`
 * around a Markdown list, or `<sup>` and `</sup>` around emphasis, nest as
 * written. The sanitized result becomes Markdown nodes again
 * (html-to-mdast.ts): later plugins see an editor's `<img>` as an image and
 * the rest as `htmlElement`s. Every element or attribute removed is a
 * warning at its line and column, one per kind with a count.
 */
export function remarkRawHtml(options: RawHtmlOptions) {
  const comment = options.comment === true;
  // The stand-ins pass the editor's schema; their content is not editor HTML.
  const withSlots: Schema = { ...options.schema, tagNames: [...(options.schema.tagNames ?? []), SLOT_TAG, EDGE_TAG], required: {} };
  const stripped = new Set(options.schema.strip ?? []);
  // An element the schema may unwrap: not allowed at all, or allowed only inside others.
  const unwrapped = (name: string) => !(options.schema.tagNames ?? []).includes(name) || Object.hasOwn(options.schema.ancestors ?? {}, name);
  const ours = new Set([SLOT_TAG, EDGE_TAG]);
  return (tree: Root, file: VFile): undefined => {
    const source = String(file.value);
    // Most bodies have no HTML: no tree walk for them. HTML starts with a tag, `</`, `<!` or `<?`; `a < b` and `<https://…>` are no HTML.
    if (!MAY_HAVE_HTML.test(source)) return;
    const prepare: Preparation = { stripped, unwrapped, source };
    // Each parent holding HTML, with its own parent.
    const parents = new Map<Parents, Parents | undefined>();
    visitParents(tree, 'html', (_node: Html, ancestors) => {
      const parent = ancestors.at(-1);
      if (parent) parents.set(parent, ancestors.at(-2));
    });
    if (parents.size === 0) return;
    const removals: Removal[] = [];
    for (const [parent, grandparent] of parents) {
      const children = parent.children as RootContent[];
      const first = children.findIndex((child) => child.type === 'html');
      const html = children.filter((child) => child.type === 'html');
      const deep = findDeepHtml(html.map((node) => node.value));
      if (deep !== undefined) {
        failAt(file, `HTML elements open more than ${MAX_HTML_NESTING} levels deep; this HTML is left out`, html[deep]?.position, 'close every element you open (</sup>, </div>…)');
        parent.children = children.filter((child) => child.type !== 'html') as typeof parent.children;
        continue;
      }
      const slots: RootContent[] = [];
      // Text too stands in: in a table the parser would move it out, and it is the editor's Markdown, not HTML.
      const run: unknown[] = children.slice(first).map((node) => {
        if (node.type === 'html') return { type: 'raw', value: node.value, position: node.position };
        slots.push(node);
        return { type: SLOT_TYPE, index: slots.length - 1, position: node.position } satisfies Slot;
      });
      // hast-util-raw keeps the stand-ins where they stood (`passThrough`), with source positions for the rest.
      const parsed = raw({ type: 'root', children: run as HastContent[] }, { file, passThrough: [SLOT_TYPE] }) as HastRoot;
      restoreSwallowed(parsed, slots.map((node) => node.position), source);
      prepareForSanitizing(parsed, prepare);
      removals.push(...findRemovals(parsed, options.schema, { source, scope: scopeOf(parent), comment, ignore: ours }));
      const clean = sanitize(parsed, withSlots);
      const nodes = htmlToMdast(clean.type === 'root' ? clean.children : [], {
        flow: FLOW_PARENTS.has(parent.type),
        slot: (element) => (element.tagName === SLOT_TAG && element.data?.markdownSlot !== undefined ? slots[element.data.markdownSlot] : undefined),
        blockEdge: (element) => element.tagName === EDGE_TAG,
      });
      children.splice(first, children.length - first, ...nodes);
      // A paragraph that held only removed HTML would be an empty <p>.
      if (parent.type === 'paragraph' && grandparent && nodes.every((node) => node.type === 'text' && node.value.trim() === '') && children.length === nodes.length) {
        const siblings = grandparent.children as RootContent[];
        const at = siblings.indexOf(parent);
        if (at !== -1) siblings.splice(at, 1);
      }
    }
    report(file, removals);
  };
}

const MAY_HAVE_HTML = /<(?:[a-zA-Z][a-zA-Z0-9-]*(?:[\s/>]|$)|\/[a-zA-Z]|[!?])/m;

/** Parents whose children are blocks: loose text there is put in paragraphs. */
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

const SCOPES: Record<string, string> = { root: 'text', paragraph: 'paragraph', heading: 'heading', blockquote: 'quote', listItem: 'list item', tableCell: 'table cell', footnoteDefinition: 'footnote', link: 'link' };

const scopeOf = (parent: Parents): string => SCOPES[parent.type] ?? 'paragraph';

// Elements whose content the parser reads as plain text until their end tag: a stand-in met there is dropped.
const TEXT_ONLY = new Set(['script', 'style', 'textarea', 'title', 'iframe', 'noembed', 'noframes', 'xmp', 'noscript']);

/**
 * Put back the stand-ins the parser dropped: while a `<script>`, `<style>`
 * or `<iframe>` is open it takes only text, and an editor who never closed
 * one would lose the Markdown after it. Each goes after the last such
 * element that starts before it, when that element was never closed (its
 * own warning says so); inside one that was, it is that element's content.
 */
function restoreSwallowed(tree: HastRoot, places: readonly (Position | undefined)[], source: string): void {
  const seen = new Set<number>();
  const textOnly: { element: Element; siblings: unknown[] }[] = [];
  const walk = (nodes: unknown[]): void => {
    for (const node of nodes as (HastContent | Slot)[]) {
      if (node.type === SLOT_TYPE) seen.add((node as Slot).index);
      // In a <template>'s content hast-util-raw leaves a stand-in in the comment that carried it.
      else if (node.type === 'comment' && isStitch(node.value)) seen.add(node.value.stitch.index);
      else if (node.type === 'element') {
        if (TEXT_ONLY.has(node.tagName)) textOnly.push({ element: node, siblings: nodes });
        walk(node.children);
        if (node.content) walk(node.content.children);
      }
    }
  };
  walk(tree.children);
  if (seen.size === places.length) return;
  // Both lists are in source order: one pass pairs each lost stand-in with its element.
  const after = new Map<(typeof textOnly)[number] | undefined, Slot[]>();
  let owner = -1;
  for (const [index, place] of places.entries()) {
    if (seen.has(index)) continue;
    const offset = place?.start.offset ?? Number.POSITIVE_INFINITY;
    while (owner + 1 < textOnly.length && (textOnly[owner + 1]?.element.position?.start.offset ?? 0) <= offset) owner++;
    const holder = textOnly[owner];
    if (holder && !isUnclosed(holder.element, source)) continue;
    const slots = after.get(holder) ?? [];
    if (slots.length === 0) after.set(holder, slots);
    slots.push({ type: SLOT_TYPE, index, position: place });
  }
  for (const [holder, slots] of after) {
    if (!holder) (tree.children as unknown[]).push(...slots);
    else holder.siblings.splice(holder.siblings.indexOf(holder.element) + 1, 0, ...slots);
  }
}

const isStitch = (value: unknown): value is { stitch: Slot } =>
  typeof value === 'object' && value !== null && 'stitch' in value && (value.stitch as Slot | undefined)?.type === SLOT_TYPE;

interface Preparation {
  stripped: ReadonlySet<string>;
  unwrapped: (name: string) => boolean;
  source: string;
}

/**
 * Make the parsed run ready for sanitizing: the stand-ins become elements
 * sanitizing keeps, and a block that will be unwrapped gets an edge at
 * each end. The Markdown inside an element removed with its content stays
 * inside it when the editor closed that element; when the element was never
 * closed, it only took the Markdown because nothing ended it, and the
 * Markdown moves out, after it.
 */
function prepareForSanitizing(parent: HastRoot | Element, preparation: Preparation): void {
  const children = parent.children as (HastContent | Slot)[];
  for (let index = 0; index < children.length; index++) {
    const node = children[index];
    if (node === undefined) continue;
    if (node.type === SLOT_TYPE) {
      const slot = node as Slot;
      // hast-util-from-parse5 declares a source position in every element's data; a stand-in has none of its own.
      children[index] = { type: 'element', tagName: SLOT_TAG, properties: {}, children: [], data: { markdownSlot: slot.index } as Element['data'] };
    } else if (node.type === 'element' && preparation.stripped.has(node.tagName)) {
      if (isUnclosed(node, preparation.source)) children.splice(index + 1, 0, ...slotsIn(node));
    } else if (node.type === 'element') {
      prepareForSanitizing(node, preparation);
      if (BLOCK_ELEMENTS.has(node.tagName) && preparation.unwrapped(node.tagName)) {
        node.children.unshift(edge());
        node.children.push(edge());
      }
    }
  }
}

const edge = (): Element => ({ type: 'element', tagName: EDGE_TAG, properties: {}, children: [] });

/** Take the stand-ins out of an element's content, however deep. */
function slotsIn(element: Element): Slot[] {
  const found: Slot[] = [];
  const take = (nodes: unknown[]): void => {
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index] as ElementContent | Slot;
      if (node.type === SLOT_TYPE) {
        found.push(node as Slot);
        nodes.splice(index--, 1);
      } else if (node.type === 'element') {
        take(node.children);
        if (node.content) take(node.content.children);
      }
    }
  };
  take(element.children);
  if (element.content) take(element.content.children);
  return found;
}

/**
 * One warning per kind of removal, at its first place, with the count: an
 * imported story with 400 `<span>`s needs one fix, not 400 lines of report.
 */
function report(file: VFile, removals: readonly Removal[]): void {
  const groups = new Map<string, { first: Removal; count: number }>();
  for (const removal of removals) {
    const group = groups.get(removal.key);
    if (!group) groups.set(removal.key, { first: removal, count: 1 });
    else {
      group.count++;
      if (before(removal.place, group.first.place)) group.first = removal;
    }
  }
  const inOrder = [...groups.values()].sort((a, b) => (before(a.first.place, b.first.place) ? -1 : before(b.first.place, a.first.place) ? 1 : 0));
  for (const { first, count } of inOrder) {
    const reason = count > 1 ? `${first.reason} (${count} times; the first is here)` : first.reason;
    const message = file.message(reason, first.place);
    message.note = first.hint;
    message.source = 'broadsheet';
    message.ruleId = 'raw-html';
  }
}

function before(a: Position | undefined, b: Position | undefined): boolean {
  if (!a) return false;
  if (!b) return true;
  return a.start.line < b.start.line || (a.start.line === b.start.line && a.start.column < b.start.column);
}
