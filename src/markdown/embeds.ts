import type { Element } from 'hast';
import type { Parent, Root, RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { embedFacade } from './embeds/facade.js';
import { BUILT_IN_NAMES, createEmbedMatcher, frameOrigin, type CustomProvider, type Embed } from './embeds/providers.js';
import { MAX_EMBEDS_PER_BODY, TOO_MANY_EMBEDS } from './limits.js';
import { failAt } from './notes.js';

/** An embed's facade in the tree: no text of its own, so word counts and summaries pass it by. */
interface EmbedFacadeNode extends Parent {
  type: 'embedFacade';
  children: [];
  data: { hName: 'div'; hChildren: Element['children']; hProperties: Element['properties'] };
}

declare module 'mdast' {
  interface RootContentMap {
    embedFacade: EmbedFacadeNode;
  }
  interface BlockContentMap {
    embedFacade: EmbedFacadeNode;
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Set when the body has an embed: the origins of the frames its embeds may load, sorted (none for link cards alone). */
    embeds: { origins: string[] };
  }
}

export interface EmbedsOptions {
  /** Providers the newsroom allows besides the built-in ones (site.yml `embeds:`). */
  providers?: readonly CustomProvider[] | undefined;
}

const DIRECTIVE_ATTRIBUTES = new Set(['url', 'title']);

/**
 * Turn embeds into privacy facades (embeds/facade.ts): an address of an
 * allowed provider alone in a paragraph, as WordPress does, and the
 * `::embed{url="…" title="…"}` directive. A bare address of any other site
 * stays a link; a directive whose address is not an allowed provider's is an
 * error, since the editor asked for an embed. An embed without a title is
 * named after its provider, with a warning: the title is what a screen
 * reader announces.
 */
export function remarkEmbeds(options: EmbedsOptions = {}) {
  const match = createEmbedMatcher(options.providers);
  const names = [...BUILT_IN_NAMES, ...(options.providers ?? []).map((provider) => provider.name)].join(', ');
  return (tree: Root, file: VFile): undefined => {
    const origins = new Set<string>();
    let count = 0;
    const place = (node: RootContent, embed: Embed, title: string | undefined): EmbedFacadeNode | undefined => {
      count++;
      if (count === MAX_EMBEDS_PER_BODY + 1) {
        failAt(file, TOO_MANY_EMBEDS.message, node, TOO_MANY_EMBEDS.hint);
      }
      if (count > MAX_EMBEDS_PER_BODY) return undefined;
      if (title === undefined) {
        const message = file.message(`embed without a title: it is announced as "${embed.provider}"`, node);
        message.note = `write ::embed{url="${embed.page}" title="what it shows"}`;
      }
      if (embed.frame !== undefined) origins.add(frameOrigin(embed.frame));
      const facade = embedFacade(embed, title ?? embed.provider);
      return { type: 'embedFacade', children: [], data: { hName: 'div', hProperties: facade.properties, hChildren: facade.children }, position: node.position };
    };

    visit(tree, (node, index, parent) => {
      if (parent === undefined || index === undefined) return undefined;
      if (node.type === 'paragraph') {
        const address = loneAddress(node.children);
        const embed = address === undefined ? undefined : match(address);
        const facade = embed && place(node, embed, undefined);
        if (!facade) return undefined;
        siblings(parent).splice(index, 1, facade);
        return SKIP;
      }
      if ((node.type === 'textDirective' || node.type === 'containerDirective') && node.name === 'embed') {
        failAt(file, `:${node.type === 'textDirective' ? '' : '::'}embed is not an embed`, node, 'write ::embed{url="…" title="…"} on a line of its own');
        siblings(parent).splice(index, 1);
        return [SKIP, index];
      }
      if (node.type !== 'leafDirective' || node.name !== 'embed') return undefined;
      const read = readDirective(node, file, names);
      const embed = read && match(read.url);
      if (read && !embed) {
        failAt(file, `::embed address is not one of an allowed provider: ${shown(read.url)}`, node, `give the https address of a page on ${names}; a newsroom allows others under embeds: in site.yml`);
      }
      const facade = read && embed && place(node, embed, read.title);
      // A refused directive renders as nothing: the build stops on the error anyway.
      if (facade) siblings(parent).splice(index, 1, facade);
      else siblings(parent).splice(index, 1);
      return [SKIP, index];
    });
    if (count > 0) file.data.embeds = { origins: [...origins].sort() };
  };
}

/** The address a paragraph holds and nothing else: a link whose text is its address, or bare text that is one. */
function loneAddress(children: readonly RootContent[]): string | undefined {
  if (children.length !== 1) return undefined;
  const [only] = children;
  if (only?.type === 'link' && toString(only).trim() === only.url) return only.url;
  if (only?.type === 'text') {
    const text = only.value.trim();
    return text.startsWith('https://') && !/\s/.test(text) ? text : undefined;
  }
  return undefined;
}

/** The directive's address and title; an error (undefined) without an address. Other attributes are ignored, with a warning. */
function readDirective(node: LeafDirective, file: VFile, names: string): { url: string; title: string | undefined } | undefined {
  const attributes = node.attributes ?? {};
  for (const name of Object.keys(attributes)) {
    if (DIRECTIVE_ATTRIBUTES.has(name)) continue;
    const message = file.message(`::embed attribute ${shown(name)} ignored`, node);
    message.note = '::embed takes url="…" and title="…" only';
  }
  const url = attributes.url?.trim();
  if (!url) {
    failAt(file, '::embed without an address', node, `write ::embed{url="https://…" title="…"} with the address of a page on ${names}`);
    return undefined;
  }
  // A label (`::embed[Council meeting]{url=…}`) is a title too.
  const title = attributes.title?.trim() || toString(node).trim() || undefined;
  return { url, title };
}

/** An editor's value in a message: quoted, and cut short when long. */
const shown = (value: string): string => JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);

/** A parent's children as one list type: every node here may stand where the one it replaces stood. */
const siblings = (parent: Parent): RootContent[] => parent.children as RootContent[];
