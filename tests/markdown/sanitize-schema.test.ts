import { load } from 'cheerio';
import type { Root } from 'mdast';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { editorSchema } from '../../src/markdown/editor-schema.js';
import type { HtmlElement } from '../../src/markdown/html-element.js';
import { remarkRawHtml } from '../../src/markdown/raw-html.js';
import { sanitizeSchema, withPluginMarkup } from '../../src/markdown/sanitize-schema.js';

describe('withPluginMarkup', () => {
  test('joins tag names, attribute rules (values of both), ancestors and protocols, and changes neither input', () => {
    const base = { tagNames: ['p'], attributes: { p: [['dir', 'ltr'] as [string, string]], a: ['href'] }, protocols: { href: ['https'] } };
    const frozen = JSON.stringify(base);
    const joined = withPluginMarkup(base, { tagNames: ['div', 'p'], attributes: { p: [['dir', 'rtl']], div: [['className', 'facade']] }, ancestors: { figcaption: ['figure'] }, protocols: { href: ['mailto'] } });
    expect(joined.tagNames).toEqual(['p', 'div']);
    expect(joined.attributes).toEqual({ p: [['dir', 'ltr', 'rtl']], a: ['href'], div: [['className', 'facade']] });
    expect(joined.ancestors).toEqual({ figcaption: ['figure'] });
    expect(joined.protocols).toEqual({ href: ['https', 'mailto'] });
    expect(JSON.stringify(base)).toBe(frozen);
  });

  test('a rule that allows any value wins over one that lists values', () => {
    const joined = withPluginMarkup({ attributes: { '*': [['dir', 'ltr']] } }, { attributes: { '*': ['dir'] } });
    expect(joined.attributes).toEqual({ '*': ['dir'] });
  });

  test('the final schema keeps every element and attribute the editor schema allows', () => {
    for (const tag of editorSchema.tagNames ?? []) expect(sanitizeSchema.tagNames).toContain(tag);
  });
});

describe('the trust boundary: markup a plugin emits cannot be forged by an editor', () => {
  // A plugin of ours that marks the paragraph "Embed here" as an embed facade, as the embeds plugin would.
  const remarkFacade = () => (tree: Root) => {
    tree.children = tree.children.map((node) => {
      if (node.type !== 'paragraph' || node.children[0]?.type !== 'text' || node.children[0].value !== 'Embed here') return node;
      const facade: HtmlElement = { type: 'htmlElement', data: { hName: 'div', hProperties: { className: ['embed-facade'], dataEmbedUrl: 'https://www.youtube-nocookie.com/embed/x' } }, children: node.children };
      return facade;
    });
  };
  const schema = withPluginMarkup(sanitizeSchema, { tagNames: ['div'], attributes: { div: [['className', 'embed-facade'], 'dataEmbedUrl'] } });
  const render = (markdown: string) => {
    const processor = unified().use(remarkParse).use(remarkRawHtml, { schema: editorSchema }).use(remarkFacade).use(remarkHtml, { sanitize: schema });
    const file = processor.processSync(markdown);
    return { $: load(String(file), null, false), reasons: file.messages.map((message) => message.reason) };
  };

  test("the plugin's facade keeps its class and data attribute", () => {
    const { $ } = render('Embed here\n');
    expect($('div.embed-facade').attr('data-embed-url')).toBe('https://www.youtube-nocookie.com/embed/x');
  });

  test('the same markup written by an editor is removed, reported, and its text kept', () => {
    const { $, reasons } = render('<div class="embed-facade" data-embed-url="https://evil.example/">Click me</div>\n\n<p class="embed-facade" data-embed-url="https://evil.example/">Or me</p>\n');
    expect($('[class], [data-embed-url]').length).toBe(0);
    expect($('p').map((_, p) => $(p).text()).get()).toEqual(['Click me', 'Or me']);
    expect(reasons).toEqual(['<div> removed; its text is kept', 'class attribute removed from <p>', 'data-embed-url attribute removed from <p>']);
  });
});
