import type { Definition, PhrasingContent, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Fit a reader's comment to its place under an article, before the other
 * plugins see the tree. Headings become paragraphs: a comment sits below
 * its commenter's name in the page's outline, and heading ids would clash
 * with the article's. Images become links to them: the public must not make
 * every reader's browser fetch an address of their choosing (a tracking
 * pixel). Footnotes stay the text that was typed: their ids would clash
 * between the comments of one page. Reference links become plain links, so
 * that every link the public wrote is marked as theirs (external-links.ts).
 */
export function remarkCommentBody() {
  return (tree: Root): undefined => {
    const definitions = new Map<string, Definition>();
    visit(tree, 'definition', (node) => {
      // The first definition of a label wins, as CommonMark says.
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    });
    visit(tree, (node, index, parent) => {
      if (node.type === 'link' || node.type === 'linkReference') {
        // A link cannot hold another, so an image inside one is its alt text.
        node.children = node.children.map(imageAsText);
      }
      const replacement = parent && index !== undefined ? replace(node, definitions) : undefined;
      if (!parent || index === undefined || !replacement) return undefined;
      parent.children.splice(index, 1, ...(replacement as typeof parent.children));
      // Visit what took its place: a footnote's paragraph may hold more to replace.
      return index;
    });
  };
}

function replace(node: Root | RootContent, definitions: ReadonlyMap<string, Definition>): RootContent[] | undefined {
  switch (node.type) {
    case 'heading':
      return [{ type: 'paragraph', children: node.children }];
    case 'image':
      return [{ type: 'link', url: node.url, title: node.title, children: [{ type: 'text', value: node.alt || node.url }] }];
    case 'linkReference':
    case 'imageReference': {
      const definition = definitions.get(node.identifier);
      // Without a definition the parser makes no reference, and mdast-util-to-hast would print the brackets as typed.
      if (!definition) return undefined;
      const children: PhrasingContent[] = node.type === 'linkReference' ? node.children : [{ type: 'text', value: node.alt || definition.url }];
      return [{ type: 'link', url: definition.url, title: definition.title, children }];
    }
    case 'footnoteReference':
      return [{ type: 'text', value: `[^${node.label ?? node.identifier}]` }];
    case 'footnoteDefinition': {
      const marker: PhrasingContent = { type: 'text', value: `[^${node.label ?? node.identifier}]: ` };
      const [first, ...rest] = node.children;
      if (first?.type === 'paragraph') return [{ ...first, children: [marker, ...first.children] }, ...rest];
      return [{ type: 'paragraph', children: [marker] }, ...node.children];
    }
    default:
      return undefined;
  }
}

function imageAsText(node: PhrasingContent): PhrasingContent {
  if (node.type === 'image' || node.type === 'imageReference') return { type: 'text', value: node.alt ?? '' };
  if ('children' in node && node.type !== 'link' && node.type !== 'linkReference') {
    return { ...node, children: node.children.map(imageAsText) } as PhrasingContent;
  }
  return node;
}
