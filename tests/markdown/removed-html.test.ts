import fc from 'fast-check';
import type { Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { describe, expect, test } from 'vitest';
import { commentSchema, editorSchema } from '../../src/markdown/editor-schema.js';
import { findRemovals } from '../../src/markdown/removed-html.js';
import { SEED } from '../fuzz/arbitraries.js';

/*
 * Nothing is removed in silence: whenever findRemovals reports nothing,
 * hast-util-sanitize with the same schema changes nothing either (comments
 * aside, which an editor writes to hide). Checked on generated HTML made of
 * allowed and removed elements, attributes with good and bad values, and
 * text, nested and unclosed at random.
 */

const TAGS = ['p', 'sup', 'abbr', 'figure', 'figcaption', 'details', 'summary', 'table', 'tr', 'td', 'th', 'caption', 'dl', 'dt', 'dd', 'li', 'ul', 'a', 'img', 'pre', 'code', 'q', 'div', 'span', 'font', 'script', 'style', 'iframe', 'svg', 'form', 'input', 'template', 'object', 'b', 'em'];
const ATTRIBUTES = [
  'title="t"', 'lang="en"', 'dir="rtl"', 'dir="sideways"', 'href="/x"', 'href="javascript:alert(1)"', 'href="https://e.example/"', 'src="/i.jpg"', 'src="data:x"',
  'alt="a"', 'width="10"', 'width="10%"', 'colspan="2"', 'colspan="x"', 'rowspan="3"', 'scope="row"', 'scope="everything"', 'class="language-js"', 'class="x"',
  'style="x"', 'onclick="x"', 'id="main"', 'data-x="1"', 'open', 'cite="https://e.example/"', 'cite="vbscript:x"', 'start="3"', 'srcdoc="<b>"',
];

const piece = fc.oneof(
  fc.tuple(fc.constantFrom(...TAGS), fc.array(fc.constantFrom(...ATTRIBUTES), { maxLength: 3 })).map(([tag, attributes]) => `<${[tag, ...attributes].join(' ')}>`),
  fc.constantFrom(...TAGS).map((tag) => `</${tag}>`),
  fc.constantFrom('text', ' ', '\n', '<!-- note -->', '&amp;', 'more words'),
);
// Mostly short: a removal the report misses must often be the only one in its input.
const html = fc.oneof({ arbitrary: fc.array(piece, { maxLength: 5 }), weight: 3 }, { arbitrary: fc.array(piece, { maxLength: 30 }), weight: 1 }).map((pieces) => pieces.join(''));

/** The tree without positions and comments: what sanitizing is compared on. */
function bare(node: Nodes): unknown {
  if (node.type === 'comment') return undefined;
  const { position: _position, data: _data, ...rest } = node as Nodes & { data?: unknown };
  if ('children' in rest) return { ...rest, children: (rest.children as Nodes[]).map(bare).filter((child) => child !== undefined) };
  return rest;
}

describe('findRemovals reports whatever sanitizing takes out', () => {
  for (const [name, schema] of [['the editor schema', editorSchema], ['the comment schema', commentSchema]] as const) {
    test(`with ${name}: no report means an unchanged tree`, () => {
      fc.assert(
        fc.property(html, (source) => {
          const tree: Root = fromHtml(source, { fragment: true });
          const reports = findRemovals(tree, schema, { source, scope: 'text', comment: schema === commentSchema, ignore: new Set() });
          // An element never closed is reported, but sanitizing keeps it.
          const removals = reports.filter((report) => !report.key.startsWith('unclosed'));
          const clean = sanitize(tree, schema);
          if (removals.length === 0) expect(bare(clean)).toEqual(bare(tree));
          else expect(removals.every((removal) => removal.reason !== '' && removal.hint !== '')).toBe(true);
        }),
        { seed: SEED, numRuns: 3_000 },
      );
    });
  }

  test.each([
    ['<p style="x">a</p>', ['style attribute removed from <p>']],
    ['<td>a</td>', ['<td> outside its container removed; its text is kept']],
    ['<sup>a', ['<sup> is never closed, so everything after it to the end of the text is inside it']],
    ['<a href="javascript:x" title="t">a</a>', ['href="javascript:x" removed from <a>: not a web address']],
    ['<code class="language-js x">a</code>', ['class attribute removed from <code>']],
    ['<img src="/a.jpg" alt="a" width="10" height="20">', []],
  ])('%s', (source, reasons) => {
    const tree: Root = fromHtml(source, { fragment: true });
    expect(findRemovals(tree, editorSchema, { source, scope: 'text', comment: false, ignore: new Set() }).map((removal) => removal.reason)).toEqual(reasons);
  });
});
