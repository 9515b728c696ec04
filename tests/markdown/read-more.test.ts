import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { createRenderer } from '../../src/markdown/render.js';

const render = createRenderer({ siteUrl: 'https://courier.example.org/' });
const HINT = 'write ::readmore{slug="tram-line-first-passengers"} on a line of its own';

describe('::readmore{slug="…"}', () => {
  test('each block is recorded with its slug and place, and marked for the model', () => {
    const result = render('Intro.\n\n::readmore{slug="tram-line"}\n\nMore.\n\n::readmore{slug=news/harbour}\n');
    expect(result.readMore).toEqual([
      { slug: 'tram-line', line: 3, column: 1 },
      { slug: 'news/harbour', line: 7, column: 1 },
    ]);
    expect(result.notes).toEqual([]);
    const $ = load(result.html);
    const blocks = $('p.read-more');
    expect(blocks.map((_, el) => $(el).attr('data-read-more')).get()).toEqual([`${result.marker}-0`, `${result.marker}-1`]);
    expect(blocks.first().text()).toBe('Read more: tram-line');
    expect(blocks.first().find('.read-more-label').text()).toBe('Read more:');
  });

  test('images and blocks share the body marker, each counted on its own', () => {
    const result = render('![a](/images/a.jpg)\n\n::readmore{slug="x"}\n');
    const $ = load(result.html);
    expect($('img').attr('data-body-image')).toBe(`${result.marker}-0`);
    expect($('p.read-more').attr('data-read-more')).toBe(`${result.marker}-0`);
  });

  test.each([
    ['::readmore', 'readmore: no article named'],
    ['::readmore{slug=""}', 'readmore: no article named'],
    ['::readmore{title="x"}', 'readmore: no article named'],
  ])('%s: a block naming no article is an error with the syntax as hint', (markdown, message) => {
    const { notes, readMore } = render(`Intro.\n\n${markdown}\n`);
    expect(notes).toContainEqual({ severity: 'error', message, line: 3, column: 1, hint: expect.stringContaining('::readmore{slug=') });
    expect(readMore).toBeUndefined();
  });

  test('text in [ ] and other attributes are warnings: the block shows only the headline', () => {
    const { notes, readMore } = render('::readmore[See this]{slug="x" class="big"}\n');
    expect(readMore).toEqual([{ slug: 'x', line: 1, column: 1 }]);
    expect(notes).toEqual([
      { severity: 'warning', message: 'readmore: the attribute "class" is ignored', hint: HINT, line: 1, column: 1 },
      { severity: 'warning', message: 'readmore: the text in [ ] is not shown; the block shows the headline of the article it names', hint: HINT, line: 1, column: 1 },
    ]);
  });

  test('Text :readmore{slug="x"} inline. is prose, as written: only block directives are read', () => {
    const { notes, readMore, html } = render('Text :readmore{slug="x"} inline.\n');
    expect(notes).toEqual([]);
    expect(readMore).toBeUndefined();
    expect(load(html)('p').text()).toBe('Text :readmore{slug="x"} inline.');
  });

  test.each([[':::readmore{slug="x"}\nInside.\n:::']])('%s: not a block of its own is an error', (markdown) => {
    const { notes, readMore } = render(`${markdown}\n`);
    expect(notes).toContainEqual(expect.objectContaining({ severity: 'error', message: '"Read more" must be a block of its own', hint: HINT, line: 1 }));
    expect(readMore).toBeUndefined();
  });

  test('the slug is text in the HTML, whatever it holds', () => {
    const $ = load(render('::readmore{slug="<script>alert(1)</script>"}\n').html);
    expect($('script')).toHaveLength(0);
    expect($('p.read-more').text()).toBe('Read more: <script>alert(1)</script>');
  });
});
