import { describe, expect, test } from 'vitest';
import { createRenderer } from '../../src/markdown/render.js';

const renderComment = createRenderer({ siteUrl: 'https://courier.example.org/', comment: true });
const renderArticle = createRenderer({ siteUrl: 'https://courier.example.org/' });
const EXTERNAL = '<span class="visually-hidden"> (external link)</span>';

describe('a comment body is rendered by the article pipeline, with the comment rules', () => {
  test.each([
    ['a heading becomes a paragraph, without an id', '## Well done\n\nThe *council* got this one right.\n', '<p>Well done</p>\n<p>The <em>council</em> got this one right.</p>\n'],
    [
      'an image becomes a link to it, which nobody loads unasked',
      'Look: ![pixel](https://tracker.example/p.gif "Hi")\n',
      `<p>Look: <a href="https://tracker.example/p.gif" title="Hi" rel="noopener nofollow ugc" class="external">pixel${EXTERNAL}</a></p>\n`,
    ],
    ['an image without alt text is a link named by its address', '![](/images/a.jpg)\n', '<p><a href="/images/a.jpg">/images/a.jpg</a></p>\n'],
    [
      'an image inside a link is its alt text (a link holds no link)',
      '[![Cat](https://x.example/cat.png)](https://x.example/)\n',
      `<p><a href="https://x.example/" rel="noopener nofollow ugc" class="external">Cat${EXTERNAL}</a></p>\n`,
    ],
    ['a footnote stays the text that was typed', 'A claim[^src].\n\n[^src]: My neighbour.\n', '<p>A claim[^src].</p>\n<p>[^src]: My neighbour.</p>\n'],
    [
      'a reference link is marked like any other',
      'See [the plans][p] and [ours](/news/tram/).\n\n[p]: https://spam.example/\n',
      `<p>See <a href="https://spam.example/" rel="noopener nofollow ugc" class="external">the plans${EXTERNAL}</a> and <a href="/news/tram/">ours</a>.</p>\n`,
    ],
    [
      'script, event handlers and javascript: links are removed',
      '<script>alert(document.cookie)</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)> [two](JaVaScRiPt:alert(1))\n',
      '<p><a>click</a>  <a>two</a></p>\n',
    ],
    ['template syntax is text', 'Answer: {{ 6 * 7 }} {% set x = 1 %}\n', '<p>Answer: {{ 6 * 7 }} {% set x = 1 %}</p>\n'],
    ['quotes and lists are kept', '> "Not in my name"\n\n- one\n- two\n', '<blockquote>\n<p>"Not in my name"</p>\n</blockquote>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n'],
  ])('%s', (_, markdown, html) => {
    expect(renderComment(markdown).html).toBe(html);
  });

  test('HTML in a comment is removed, its text kept, and each removal reported at its line', () => {
    const { html, notes } = renderComment('I <b onclick="x()">agree</b>.\n\n<details><summary>More</summary>Hidden <sup>1</sup></details>\n\n<script>alert(1)</script>\n');
    // A removed block's text stays a paragraph of its own.
    expect(html).toBe('<p>I agree.</p>\n<p>More</p>\n<p>Hidden 1</p>\n');
    expect(notes.map((note) => [note.line, note.column, note.message])).toEqual([
      [1, 3, '<b> removed; its text is kept'],
      [3, 1, '<details> removed; its text is kept'],
      [3, 10, '<summary> removed; its text is kept'],
      [3, 40, '<sup> removed; its text is kept'],
      [5, 1, '<script> removed with everything inside it'],
    ]);
    expect(new Set(notes.map((note) => note.hint))).toEqual(new Set(['comments take Markdown, not HTML: **bold**, *italics*, [a link](https://…)']));
  });

  test('no comment body defines an id, so many can share a page with the article', () => {
    const { html } = renderComment('# Title\n\n## Title\n\nA[^1] and B[^2].\n\n[^1]: one\n[^2]: two\n');
    expect(html).not.toMatch(/\sid=/);
  });

  test('articles keep headings with ids, images and footnotes, and no ugc mark', () => {
    const { html } = renderArticle('## Well done\n\n![A](/images/a.jpg) [out](https://example.org/) A claim[^1].\n\n[^1]: Minutes.\n');
    expect(html).toContain('<h2 id="well-done">Well done</h2>');
    // Marked for the model, which puts in its picture (body-images.ts).
    expect(html).toMatch(/<img src="\/images\/a\.jpg" alt="A" data-body-image="[0-9a-f]{16}-0" loading="lazy" decoding="async">/);
    expect(html).toContain('<a href="https://example.org/" rel="noopener" class="external">');
    expect(html).toContain('data-footnotes');
  });
});
