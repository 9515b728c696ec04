import type { Element, ElementContent, Properties, Root } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { removedAttribute, removedImage, removedKeepingText, removedWithContent, unclosed, type Wording } from './removal-hints.js';

// unist's position, as the hast types carry it (unist's own types are not a dependency of ours).
type Position = NonNullable<Element['position']>;

/** Something sanitizing will take out of editor HTML, and where the editor wrote it. */
export interface Removal extends Wording {
  place: Position | undefined;
}

export interface RemovalContext {
  /** The text the positions point into, to tell an element closed by its end tag from one closed by the parser. */
  source: string;
  /** What an element never closed reaches the end of: "text", "paragraph"… */
  scope: string;
  /** A reader's comment: every element goes, and the hints say so. */
  comment: boolean;
  /** Elements of ours in the tree (stand-ins for Markdown) that are not the editor's. */
  ignore: ReadonlySet<string>;
}

// Their end tag may be left out (the HTML standard says where), or they have none.
const END_TAG_OPTIONAL = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'caption', 'colgroup', 'option', 'optgroup', 'rt', 'rp', 'html', 'head', 'body']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/**
 * Everything `sanitize(tree, schema)` removes from a parsed run of editor
 * HTML, in the words an editor reads: the same decisions hast-util-sanitize
 * takes (allowed names, required ancestors, elements removed with their
 * content, attributes and their values), made on the same schema, and
 * elements never closed. Sanitizing itself stays hast-util-sanitize's job.
 */
export function findRemovals(tree: Root, schema: Schema, context: RemovalContext): Removal[] {
  const removals: Removal[] = [];
  const allowedTags = new Set(schema.tagNames ?? []);
  const removedWithItsContent = new Set(schema.strip ?? []);
  // Properties are judged one element at a time: its place among ancestors is judged here.
  const attributeSchema: Schema = { ...schema, ancestors: {}, required: {} };

  const walk = (children: readonly ElementContent[], stack: readonly string[], fallback: Position | undefined): void => {
    for (const node of children) {
      if (node.type !== 'element' || context.ignore.has(node.tagName)) continue;
      const name = node.tagName;
      const place = node.position ?? fallback;
      const needed = schema.ancestors?.[name];
      const inPlace = !needed || needed.some((ancestor) => stack.includes(ancestor));
      if (isUnclosed(node, context.source)) removals.push({ ...unclosed(name, context.scope), place });
      if (!allowedTags.has(name) || !inPlace) {
        // Edges of ours are no content; stand-ins for Markdown are.
        const empty = (node.content?.children.length ?? 0) === 0 && node.children.every((child) => (child.type === 'text' && child.value.trim() === '') || (child.type === 'element' && context.ignore.has(child.tagName) && child.data?.markdownSlot === undefined));
        if (removedWithItsContent.has(name)) {
          const { src, srcDoc } = node.properties;
          const source = { src: typeof src === 'string' ? src : undefined, srcdoc: typeof srcDoc === 'string' ? srcDoc : undefined };
          removals.push({ ...removedWithContent(name, source, empty, context.comment), place });
          continue;
        }
        removals.push({ ...removedKeepingText(name, allowedTags.has(name), empty, context.comment), place });
      } else {
        removals.push(...removedProperties(node, attributeSchema).map((wording) => ({ ...wording, place })));
      }
      walk(node.children, [...stack, name], place);
    }
  };
  walk(tree.children as ElementContent[], [], undefined);
  return removals;
}

function removedProperties(node: Element, schema: Schema): Wording[] {
  const clean = sanitize({ type: 'element', tagName: node.tagName, properties: node.properties, children: [] }, schema);
  const kept: Properties = clean.type === 'element' ? clean.properties : {};
  const allowed = allowedAttributes(schema, node.tagName);
  const wordings: Wording[] = [];
  if (node.tagName === 'img' && kept.src === undefined) wordings.push(removedImage(node.properties.src));
  for (const [property, value] of Object.entries(node.properties)) {
    if (value === undefined || value === null) continue;
    if (node.tagName === 'img' && property === 'src') continue;
    const left = kept[property];
    const removed = Array.isArray(value) ? value.filter((item) => !(Array.isArray(left) && left.includes(item))) : left === undefined || left === null ? [value] : [];
    if (removed.length === 0) continue;
    wordings.push(removedAttribute(node.tagName, attributeName(property), removed.join(' '), allowed));
  }
  return wordings;
}

/** The attribute names (as written in HTML) `tag` may have under `schema`. */
function allowedAttributes(schema: Schema, tag: string): string[] {
  const rules = [...(schema.attributes?.[tag] ?? []), ...(schema.attributes?.['*'] ?? [])];
  return [...new Set(rules.map((rule) => attributeName(typeof rule === 'string' ? rule : rule[0])))];
}

/** hast names properties in camel case (`className`, `colSpan`, `onClick`); editors wrote HTML's names. */
export function attributeName(property: string): string {
  if (property === 'className') return 'class';
  if (property === 'htmlFor') return 'for';
  if (property === 'httpEquiv') return 'http-equiv';
  if (property === 'acceptCharset') return 'accept-charset';
  if (/^(?:data|aria)[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return property.toLowerCase();
}

/**
 * Whether the editor opened `element` and never closed it: the parser then
 * closed it at the end of what it was given, or where another tag forced it.
 * Elements the parser made up (`<tbody>` in a table) have no position.
 */
export function isUnclosed(element: Element, source: string): boolean {
  const name = element.tagName;
  const end = element.position?.end.offset;
  if (end === undefined || VOID.has(name) || END_TAG_OPTIONAL.has(name)) return false;
  const tail = source.slice(Math.max(0, end - name.length - 40), end);
  return !new RegExp(`</${name}[^<>]*>$`, 'i').test(tail);
}
