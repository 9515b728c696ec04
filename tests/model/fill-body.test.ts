import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import type { Picture } from '../../src/images/picture.js';
import { createRenderer } from '../../src/markdown/render.js';
import { fillBody, NOTHING_TO_FILL, type BodyFill } from '../../src/model/fill-body.js';

const render = createRenderer({ siteUrl: 'https://courier.example.org/' });

const picture = (name: string): Picture => ({
  sources: [
    { type: 'image/avif', srcset: `/img/${name}-400.avif 400w, /img/${name}-800.avif 800w` },
    { type: 'image/webp', srcset: `/img/${name}-400.webp 400w, /img/${name}-800.webp 800w` },
    { type: 'image/jpeg', srcset: `/img/${name}-400.jpeg 400w, /img/${name}-800.jpeg 800w` },
  ],
  src: `/img/${name}-800.jpeg`,
  width: 800,
  height: 533,
});
const PICTURES = new Map([['/images/pier.jpg', picture('pier')]]);
const fill = (overrides: Partial<BodyFill> = {}): BodyFill => ({ picture: (src) => PICTURES.get(src), sizes: '(min-width: 46rem) 44rem, calc(100vw - 2rem)', readMore: [], ...overrides });

describe('fillBody', () => {
  test('a marked image with a picture becomes a lazy <picture>: every source with sizes, the img with width, height and alt', () => {
    const $ = load(fillBody(render('![The "new" pier & <crane>](/images/pier.jpg "A caption | Photo: J")\n'), fill()));
    const sources = $('figure.body-figure > picture > source');
    expect(sources.map((_, el) => $(el).attr('type')).get()).toEqual(['image/avif', 'image/webp', 'image/jpeg']);
    expect(sources.first().attr('srcset')).toBe('/img/pier-400.avif 400w, /img/pier-800.avif 800w');
    expect(sources.map((_, el) => $(el).attr('sizes')).get()).toEqual(Array(3).fill('(min-width: 46rem) 44rem, calc(100vw - 2rem)'));
    const img = $('picture > img');
    expect(img.attr()).toEqual({ src: '/img/pier-800.jpeg', width: '800', height: '533', alt: 'The "new" pier & <crane>', loading: 'lazy', decoding: 'async' });
    expect($('figcaption').text()).toBe('A caption Photo: J');
    expect($('[data-body-image]')).toHaveLength(0);
  });

  test('an image without a picture (an SVG, or none encoded) stays the plain <img>, its mark removed and nothing else changed', () => {
    const rendered = render('Text ![an arrow](/images/arrow.svg) here.\n');
    const html = fillBody(rendered, fill());
    expect(html).toBe(rendered.html.replace(` data-body-image="${rendered.marker}-0"`, ''));
    expect(html).toBe('<p>Text <img src="/images/arrow.svg" alt="an arrow" loading="lazy" decoding="async"> here.</p>\n');
  });

  test('only this body’s marks are filled: a mark with another marker, or text that looks like one, is left alone', () => {
    const rendered = render('![The pier](/images/pier.jpg)\n');
    const other = render('![Other](/images/pier.jpg)\n\nMore.\n');
    // Another body's rendering pasted in, as if an editor had copied it: its mark is not this body's.
    const mixed = { ...rendered, html: rendered.html + other.html };
    const $ = load(fillBody(mixed, fill()));
    expect($('picture')).toHaveLength(1);
    expect($('picture img').attr('alt')).toBe('The pier');
    expect($(`img[data-body-image="${other.marker}-0"]`)).toHaveLength(1);
  });

  test('a mark whose index the rendering did not record is removed without a picture', () => {
    const rendered = render('![The pier](/images/pier.jpg)\n');
    const html = fillBody({ ...rendered, images: [] }, fill());
    expect(load(html)('picture')).toHaveLength(0);
    expect(html).not.toContain('data-body-image');
  });

  test('"Read more" blocks get their headline as a link, escaped; one without a target keeps its slug, unlinked', () => {
    const rendered = render('::readmore{slug="tram"}\n\n::readmore{slug="gone"}\n');
    const $ = load(fillBody(rendered, fill({ readMore: [{ url: '/news/tram/', title: 'Trams & "buses" <soon>' }, undefined] })));
    const blocks = $('p.read-more');
    expect(blocks).toHaveLength(2);
    expect(blocks.eq(0).find('a').attr('href')).toBe('/news/tram/');
    expect(blocks.eq(0).text()).toBe('Read more: Trams & "buses" <soon>');
    expect(blocks.eq(0).find('.read-more-label').text()).toBe('Read more:');
    expect(blocks.eq(1).find('a')).toHaveLength(0);
    expect(blocks.eq(1).text()).toBe('Read more: gone');
    expect($('[data-read-more]')).toHaveLength(0);
  });

  test('NOTHING_TO_FILL leaves every image plain and every block unlinked, without marks', () => {
    const html = fillBody(render('![The pier](/images/pier.jpg)\n\n::readmore{slug="tram"}\n'), NOTHING_TO_FILL);
    expect(html).not.toMatch(/data-body-image|data-read-more|<picture|<a /);
  });

  test('the same rendering and pictures give the same bytes', () => {
    const rendered = render('![The pier](/images/pier.jpg)\n\nText ![a](/images/other.jpg).\n');
    expect(fillBody(rendered, fill())).toBe(fillBody(rendered, fill()));
  });

  test('5,000 images in one body: each is filled once, in order', () => {
    const body = Array.from({ length: 5000 }, (_, i) => `![Picture ${i}](/images/${i % 2 ? 'pier' : 'other'}.jpg)`).join('\n\n');
    const $ = load(fillBody(render(body), fill()));
    expect($('picture')).toHaveLength(2500);
    expect($('img')).toHaveLength(5000);
    expect($('img').last().attr('alt')).toBe('Picture 4999');
    expect($('[data-body-image]')).toHaveLength(0);
  });
});
