import type { Properties } from 'hast';
import type { Data, Parent, RootContent } from 'mdast';

/**
 * An HTML element kept in a Markdown tree: an allowed element an editor
 * wrote, already sanitized (raw-html.ts), or markup a plugin of ours makes.
 * mdast-util-to-hast turns a node it has no handler for into an element
 * named by `hName`, with `hProperties` and its children converted, so later
 * plugins see the element's content as ordinary Markdown nodes. An inline
 * one (`<sup>`) stands among phrasing content too; it is not declared
 * phrasing, whose types assume children of phrasing only.
 */
export interface HtmlElement extends Parent {
  type: 'htmlElement';
  children: RootContent[];
  data: HtmlElementData;
}

export interface HtmlElementData extends Data {
  hName: string;
  hProperties: Properties;
}

declare module 'mdast' {
  interface RootContentMap {
    htmlElement: HtmlElement;
  }
  interface BlockContentMap {
    htmlElement: HtmlElement;
  }
}
