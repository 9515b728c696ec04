import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { createRenderer } from '../../src/markdown/render.js';

const render = createRenderer({ siteUrl: 'https://courier.example.org/' });
const renderComment = createRenderer({ siteUrl: 'https://courier.example.org/', comment: true });

describe('body images', () => {
  test('an image naming a site file is recorded with its alt text and where it is written, and marked in the HTML', () => {
    const result = render('Intro.\n\n  ![The pier](/images/pier.jpg)\n\nText ![a badge](/images/my%20badge.png) here.\n');
    expect(result.images).toEqual([
      { src: '/images/pier.jpg', alt: 'The pier', line: 3, column: 3 },
      { src: '/images/my badge.png', alt: 'a badge', line: 5, column: 6 },
    ]);
    expect(result.marker).toMatch(/^[0-9a-f]{16}$/);
    const $ = load(result.html);
    expect($('img').map((_, el) => $(el).attr('data-body-image')).get()).toEqual([`${result.marker}-0`, `${result.marker}-1`]);
    expect(result.notes).toEqual([]);
  });

  test('the marker is the same for the same body and differs for another', () => {
    const body = '![The pier](/images/pier.jpg)\n';
    expect(render(body).marker).toBe(render(body).marker);
    expect(render(`${body}\nMore.\n`).marker).not.toBe(render(body).marker);
  });

  test('a body with no image and no block carries no marker, images or blocks', () => {
    const result = render('Just words, and a [link](/news/x/).\n');
    expect(result).not.toHaveProperty('marker');
    expect(result).not.toHaveProperty('images');
    expect(result).not.toHaveProperty('readMore');
  });

  test('a mark written by the editor is text, or is removed: only the renderer marks images', () => {
    const forged = 'data-body-image="0123456789abcdef-0"';
    const result = render(`![x](/images/a.jpg "${forged.replace(/"/g, '\\"')}")\n\nText ${forged} and <img src="/images/b.jpg" ${forged}>.\n\n[link](/a "${forged.replace(/"/g, '\\"')}")\n`);
    const $ = load(result.html);
    const marks = $('[data-body-image]').map((_, el) => $(el).attr('data-body-image')).get();
    // The <img> is an image of the body like any other (raw-html.ts): it gets a mark of its own; the one written is dropped.
    expect(marks).toEqual([`${result.marker}-0`, `${result.marker}-1`]);
    expect(marks).not.toContain('0123456789abcdef-0');
    expect(result.images?.map((image) => image.src)).toEqual(['/images/a.jpg', '/images/b.jpg']);
  });

  test.each([
    ['![](/images/pier.jpg)', 'image /images/pier.jpg has no alt text'],
    ['![   ](/images/pier.jpg "A caption")', 'image /images/pier.jpg has no alt text'],
    ['![](https://example.net/a.jpg)', 'image https://example.net/a.jpg has no alt text'],
  ])('%s: no alt text is an error at its line and column, with a hint', (markdown, message) => {
    const { notes } = render(`Intro.\n\nText ${markdown}\n`);
    expect(notes).toContainEqual({ severity: 'error', message, line: 3, column: 6, hint: expect.stringMatching(/^describe what the picture shows/) });
  });

  test.each([
    ['https://images.example.net/tram.jpg'],
    ['http://images.example.net/tram.jpg'],
    ['//cdn.example.net/logo.png'],
  ])('%s: an image on another host stays a plain <img>, with a warning at its line', (url) => {
    const result = render(`Intro.\n\n![A tram](${url})\n`);
    expect(result.notes).toEqual([
      {
        severity: 'warning',
        message: `image ${url} is on another host: it is shown as it is, not resized, and readers' browsers fetch it from there`,
        hint: 'copy the file into public/images/ and write its path, such as /images/harbour.jpg',
        line: 3,
        column: 1,
      },
    ]);
    expect(result.images).toBeUndefined();
    const $ = load(result.html);
    expect($('img').attr('src')).toBe(url);
    expect($('img').attr('loading')).toBe('lazy');
    expect($('img').attr('data-body-image')).toBeUndefined();
  });

  const HINT = 'write the path of a file in public/ from the site root, such as /images/harbour.jpg, or an https:// address';

  test.each([['images/pier.jpg'], ['pier.jpg'], ['../images/pier.jpg'], ['/\\evil.example/x.png']])('%s: a relative path is an error at its line and column', (url) => {
    const result = render(`![A pier](<${url}>)\n`);
    expect(result.notes).toEqual([
      { severity: 'error', message: `image address "${url}" is neither a file of the site nor an https:// address`, hint: HINT, line: 1, column: 1 },
    ]);
    expect(result.images).toBeUndefined();
  });

  test.each([['javascript:alert(1)'], ['JaVaScRiPt:alert(1)'], ['data:image/png;base64,AAAA'], ['vbscript:x'], ['ftp://example.net/a.jpg']])(
    '%s: an address of another kind is removed by the sanitizer, with a warning',
    (url) => {
      const result = render(`Text.\n\n![A pier](<${url}>)\n`);
      expect(result.notes).toEqual([
        { severity: 'warning', message: `image address "${url}" is removed: only files of the site and https:// addresses are shown`, hint: HINT, line: 3, column: 1 },
      ]);
      expect(result.images).toBeUndefined();
      expect(result.html).not.toMatch(/javascript:|data:|vbscript:|ftp:/i);
    },
  );
});

describe('figures: an image alone in its paragraph with a title', () => {
  const figure = (title: string) => {
    const $ = load(render(`![The pier](/images/pier.jpg "${title}")\n`).html);
    return {
      figure: $('figure.body-figure'),
      caption: $('figcaption').length ? $('figcaption').text() : undefined,
      credit: $('figcaption .credit').length ? $('figcaption .credit').text() : undefined,
      img: $('figure > img'),
      p: $('p'),
    };
  };

  test('the title is the caption, what follows its last | the credit, marked up on its own', () => {
    const { figure: element, caption, credit, img, p } = figure('The new pier opens in May | Photo: Jane Doe');
    expect(element).toHaveLength(1);
    expect(p).toHaveLength(0);
    expect(caption).toBe('The new pier opens in May Photo: Jane Doe');
    expect(credit).toBe('Photo: Jane Doe');
    expect(img.attr('alt')).toBe('The pier');
    expect(img.attr('title'), 'the caption is not repeated as a tooltip').toBeUndefined();
  });

  test.each([
    ['Work began in 2024', 'Work began in 2024', undefined],
    ['| Picture: Courier archive', 'Picture: Courier archive', 'Picture: Courier archive'],
    ['Dawn | Drone: R. Patel | Courier', 'Dawn | Drone: R. Patel Courier', 'Courier'],
    ['  Spaced  |  Photo: A  ', 'Spaced Photo: A', 'Photo: A'],
  ])('%j → caption %j, credit %j', (title, caption, credit) => {
    const made = figure(title);
    expect(made.caption).toBe(caption);
    expect(made.credit).toBe(credit);
  });

  test('a title of only a bar gives a figure without a caption', () => {
    const made = figure(' | ');
    expect(made.figure).toHaveLength(1);
    expect(made.caption).toBeUndefined();
  });

  test('an image with words around it, or without a title, is not a figure', () => {
    for (const markdown of ['Text ![a](/images/a.jpg "Title").', '![a](/images/a.jpg)', '![a](/images/a.jpg "T") ![b](/images/b.jpg "U")']) {
      expect(load(render(`${markdown}\n`).html)('figure'), markdown).toHaveLength(0);
    }
  });

  test('caption and credit are text: markup and template syntax in them stay as written', () => {
    const $ = load(render('![a](/images/a.jpg "<script>alert(1)</script> {{ 6 | times: 7 }} | <b>me</b>")\n').html);
    expect($('script, b')).toHaveLength(0);
    expect($('figcaption').text()).toBe('<script>alert(1)</script> {{ 6 | times: 7 }} <b>me</b>');
    expect($('figcaption .credit').text()).toBe('<b>me</b>');
  });
});

describe('comments', () => {
  test('a comment records no image and gets no figure: its images are links (comment-body.ts)', () => {
    const result = renderComment('![x](/images/a.jpg "T | C")\n');
    expect(result.images).toBeUndefined();
    expect(load(result.html)('figure, img')).toHaveLength(0);
  });
});
