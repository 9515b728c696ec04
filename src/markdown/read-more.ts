import type { Root } from 'mdast';
import type {} from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { bodyMarker } from './body-marker.js';
import { failAt } from './notes.js';

/** A "Read more" block of a body: the article it names, resolved once every article is known. */
export interface ReadMoreRef {
  /** As written: a slug, or section/slug. */
  slug: string;
  /** Where the block starts, counted from the body's first line. */
  line: number;
  column: number;
}

declare module 'vfile' {
  interface DataMap {
    /** The "Read more" blocks of the body, in the order of their marks. */
    readMore: ReadMoreRef[];
  }
}

const SYNTAX = '::readmore{slug="tram-line-first-passengers"} on a line of its own';

/**
 * `::readmore{slug="…"}` on a line of its own: a block that sends the reader
 * to another article, "Read more: <its headline>". The headline and address
 * are not known to one body, so the block is marked (body-marker.ts) and
 * the model fills them in; validation reports a slug that names no article.
 */
export function remarkReadMore() {
  return (tree: Root, file: VFile): undefined => {
    const blocks: ReadMoreRef[] = [];
    visit(tree, (node, index, parent) => {
      if ((node.type !== 'leafDirective' && node.type !== 'containerDirective' && node.type !== 'textDirective') || node.name !== 'readmore') return undefined;
      // A refused block renders as nothing, and draws no second warning as an unknown block: the build stops on its error anyway.
      const refuse = (reason: string, hint: string): [typeof SKIP, number] | undefined => {
        failAt(file, reason, node, hint);
        if (!parent || index === undefined) return undefined;
        parent.children.splice(index, 1);
        return [SKIP, index];
      };
      if (node.type !== 'leafDirective') return refuse(`"Read more" must be a block of its own`, `write ${SYNTAX}`);
      const { slug, ...others } = node.attributes ?? {};
      for (const name of Object.keys(others)) file.message(`readmore: the attribute "${name}" is ignored`, node).note = `write ${SYNTAX}`;
      const ref = (slug ?? '').trim();
      const label = toString(node).trim();
      if (ref === '') {
        // `::readmore[tram-line]`: the slug written where the label goes.
        const written = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)?$/.test(label) ? `::readmore{slug="${label}"} on a line of its own` : SYNTAX;
        return refuse('readmore: no article named', `write ${written}, with the slug of the article as in its address`);
      }
      if (label !== '') file.message('readmore: the text in [ ] is not shown; the block shows the headline of the article it names', node).note = `write ${SYNTAX}`;
      const start = node.position?.start;
      node.data = {
        ...node.data,
        hName: 'p',
        hProperties: { className: ['read-more'], dataReadMore: `${bodyMarker(file)}-${blocks.length}` },
        hChildren: [
          { type: 'element', tagName: 'span', properties: { className: ['read-more-label'] }, children: [{ type: 'text', value: 'Read more:' }] },
          { type: 'text', value: ` ${ref}` },
        ],
      };
      blocks.push({ slug: ref, line: start?.line ?? 1, column: start?.column ?? 1 });
      return undefined;
    });
    if (blocks.length > 0) file.data.readMore = blocks;
  };
}

