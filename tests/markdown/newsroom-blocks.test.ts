import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { createRenderer } from '../../src/markdown/render.js';
import { HIGHLIGHTED_PER_BODY } from '../../src/markdown/highlight-code.js';

const SITE = 'https://courier.example.org/';
const render = createRenderer({ siteUrl: SITE });
const renderComment = createRenderer({ siteUrl: SITE, comment: true });
const page = (markdown: string) => load(render(markdown).html, null, false);

describe('a pull quote', () => {
  test('is a figure: the quote in a blockquote, who said it in the figcaption, outside the quote', () => {
    const $ = page('Before.\n\n:::pullquote{by="Mayor Ana Ruiz"}\nWe will *rebuild* it.\n:::\n\nAfter.');
    const figure = $('figure.pull-quote');
    expect(figure).toHaveLength(1);
    expect(figure.children().map((_, el) => $(el).prop('tagName')).get()).toEqual(['BLOCKQUOTE', 'FIGCAPTION']);
    expect(figure.find('blockquote').text().trim()).toBe('We will rebuild it.');
    expect(figure.find('blockquote em').text()).toBe('rebuild');
    expect(figure.find('figcaption').text()).toBe('Mayor Ana Ruiz');
    expect($('p').first().text()).toBe('Before.');
    expect($('figure + p').text()).toBe('After.');
  });

  test('without by="…" has no figcaption', () => {
    const $ = page(':::pullquote\nWords.\n:::');
    expect($('figure.pull-quote blockquote').text().trim()).toBe('Words.');
    expect($('figcaption')).toHaveLength(0);
  });

  test('an attribution is text, never markup', () => {
    const $ = page(':::pullquote{by="<img src=x onerror=alert(1)> &amp; <b>co</b>"}\nWords.\n:::');
    expect($('figcaption').text()).toBe('<img src=x onerror=alert(1)> & <b>co</b>');
    expect($('figcaption *')).toHaveLength(0);
  });
});

describe('a key facts box', () => {
  test('is an aside named by its label, which is not a heading', () => {
    const $ = page('## Section\n\nText.\n\n:::keyfacts{title="At a glance"}\n- One\n- Two\n:::\n\nMore text of the section.');
    const box = $('aside.key-facts');
    expect(box).toHaveLength(1);
    const labelledBy = box.attr('aria-labelledby');
    expect(labelledBy).toBe('key-facts-1');
    expect($(`#${labelledBy}`).text()).toBe('At a glance');
    expect($(`#${labelledBy}`).prop('tagName')).toBe('P');
    expect(box.find('li').map((_, el) => $(el).text()).get()).toEqual(['One', 'Two']);
    // The outline is the one heading the editor wrote.
    expect($('h1, h2, h3, h4, h5, h6').map((_, el) => $(el).text()).get()).toEqual(['Section']);
  });

  test('without a title is labelled "Key facts"; each box of a body has its own id, never a heading\'s', () => {
    const $ = page(':::keyfacts\n- a\n:::\n\n## Key facts 2\n\n:::keyfacts\n- b\n:::\n\n## Key facts 1');
    const ids = $('[id]').map((_, el) => $(el).attr('id')).get();
    expect(new Set(ids).size).toBe(ids.length);
    expect($('aside').map((_, el) => $(`#${$(el).attr('aria-labelledby')}`).text()).get()).toEqual(['Key facts', 'Key facts']);
  });
});

describe('blocks in readers\' comments', () => {
  test('are the text the reader typed, with no markup of ours and no warning', () => {
    const markdown = ':::pullquote{by="Me"}\nQuoted.\n:::\n\n:::keyfacts\n- fact\n:::\n\n::embed{url="https://example.org/"}';
    const { html, notes } = renderComment(markdown);
    const $ = load(html, null, false);
    expect($('figure, aside, blockquote')).toHaveLength(0);
    expect($('p').map((_, el) => $(el).text()).get()).toEqual([':::pullquote{by="Me"}', 'Quoted.', ':::', ':::keyfacts', ':::', '::embed{url="https://example.org/"}']);
    expect($('li').text()).toBe('fact');
    expect(notes).toEqual([]);
  });

  test('code in a comment is not highlighted', () => {
    expect(renderComment('```js\nconst a = 1;\n```').html).toBe('<pre><code class="language-js">const a = 1;\n</code></pre>\n');
  });
});

describe('highlighted code', () => {
  test('has hljs- spans inside code and no other markup; its text is the code as written', () => {
    const code = 'const tram = { stops: 18 }; // "<b>"\nconsole.log(`${tram.stops}`);';
    const $ = page(`\`\`\`js\n${code}\n\`\`\``);
    expect($('pre > code.language-js')).toHaveLength(1);
    expect($('code').text()).toBe(`${code}\n`);
    const spans = $('code span');
    expect(spans.length).toBeGreaterThan(3);
    spans.each((_, el) => {
      expect(Object.keys($(el).attr() ?? {})).toEqual(['class']);
      for (const name of $(el).attr('class')!.split(' ')) expect(name).toMatch(/^hljs-[a-z][a-z_-]*$/);
    });
    expect($('code *').not('span')).toHaveLength(0);
  });

  test('aliases and capitals name the same language', () => {
    const html = (lang: string) => render(`\`\`\`${lang}\nx = 1\n\`\`\``).html.replace(/class="language-[^"]*"/, '');
    expect(html('py')).toBe(html('python'));
    expect(html('PYTHON')).toBe(html('python'));
    expect(html('python')).toContain('hljs-');
  });

  test(`a body's code is highlighted up to ${HIGHLIGHTED_PER_BODY} characters; the rest is plain, with one warning`, () => {
    const block = `\`\`\`js\n${'let a = 1;\n'.repeat(Math.ceil(HIGHLIGHTED_PER_BODY / 2 / 11))}\`\`\``;
    const { html, notes } = render([block, block, block, block].join('\n\n'));
    const $ = load(html, null, false);
    expect($('code').map((_, el) => $(el).find('span').length > 0).get()).toEqual([true, false, false, false]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: 'warning', line: expect.any(Number), column: 1 });
    expect(notes[0]!.message).toContain(`shown without colours: a story's highlighted code is limited to ${HIGHLIGHTED_PER_BODY.toLocaleString('en')} characters`);
  });
});
