import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { serializeJsonLd } from '../../../src/model/head/json-ld.js';
import {
  breadcrumbJsonLd,
  newsArticleJsonLd,
  profilePageJsonLd,
  type NewsArticleInput,
  type NewsArticleJsonLd,
} from '../../../src/model/head/structured-data.js';

const HOSTILE = '</script><script>alert(1)</script><!--';

const article: NewsArticleInput = {
  url: 'https://courier.example.org/news/harbour-opens/',
  headline: 'Harbour bridge opens after six years',
  description: 'The new crossing cuts the trip to the east bank to four minutes.',
  images: ['https://courier.example.org/images/bridge.jpg'],
  published: '2024-03-05T09:30:00+00:00',
  updated: '2024-03-06T14:00:00+00:00',
  authors: [
    { name: 'Ada Marsh', url: 'https://courier.example.org/authors/ada-marsh/', jobTitle: 'City editor' },
    { name: 'Tom Reyes', url: 'https://courier.example.org/authors/tom-reyes/' },
  ],
  publisher: {
    name: 'The Ellery Courier',
    url: 'https://courier.example.org/',
    logo: 'https://courier.example.org/images/logo.png',
  },
  section: 'News',
  tags: ['Transport', 'Port Ellery'],
  language: 'en-GB',
  corrections: [{ text: 'An earlier version gave the wrong opening year.', published: '2024-03-06T14:00:00+00:00' }],
};

describe('serializeJsonLd', () => {
  test.each([
    ['a script end tag', HOSTILE],
    ['an ampersand and entity', 'Fish & chips &amp; &lt;b&gt;'],
    ['a comment opener', '<!-- x -->'],
    ['line and paragraph separators', 'one\u2028two\u2029three'],
    ['quotes and backslashes', 'say "hi" \\ bye'],
    ['plain text', 'Harbour bridge opens'],
  ])('%s round-trips and leaves nothing the HTML parser acts on', (_name, headline) => {
    const json = serializeJsonLd({ headline });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({ headline });
  });

  test('escapes each unsafe character with its \\u code', () => {
    expect(serializeJsonLd('<>&\u2028\u2029')).toBe('"\\u003c\\u003e\\u0026\\u2028\\u2029"');
  });

  test('keeps keys in the order they were built, without whitespace', () => {
    expect(serializeJsonLd({ b: 1, a: [true, null], c: { z: 'z', y: 'y' } })).toBe('{"b":1,"a":[true,null],"c":{"z":"z","y":"y"}}');
  });

  test('a hostile headline stays inside one script element', () => {
    const data = newsArticleJsonLd({ ...article, headline: HOSTILE, description: HOSTILE, tags: [HOSTILE] });
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&]/);

    const $ = load(`<head><script type="application/ld+json">${json}</script></head>`);
    const scripts = $('script');
    expect(scripts).toHaveLength(1);
    expect(JSON.parse(scripts.text())).toEqual(data);
    expect(JSON.parse(scripts.text()).headline).toBe(HOSTILE);
  });

  test.each([
    ['undefined', undefined],
    ['a function', () => 1],
  ])('refuses %s, which has no JSON form', (_name, value) => {
    expect(() => serializeJsonLd(value)).toThrow(TypeError);
  });
});

describe('newsArticleJsonLd', () => {
  test('builds the whole NewsArticle', () => {
    expect(newsArticleJsonLd(article)).toStrictEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Harbour bridge opens after six years',
      description: 'The new crossing cuts the trip to the east bank to four minutes.',
      image: ['https://courier.example.org/images/bridge.jpg'],
      datePublished: '2024-03-05T09:30:00+00:00',
      dateModified: '2024-03-06T14:00:00+00:00',
      author: [
        { '@type': 'Person', name: 'Ada Marsh', url: 'https://courier.example.org/authors/ada-marsh/', jobTitle: 'City editor' },
        { '@type': 'Person', name: 'Tom Reyes', url: 'https://courier.example.org/authors/tom-reyes/' },
      ],
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: 'The Ellery Courier',
        url: 'https://courier.example.org/',
        logo: { '@type': 'ImageObject', url: 'https://courier.example.org/images/logo.png' },
      },
      articleSection: 'News',
      keywords: ['Transport', 'Port Ellery'],
      mainEntityOfPage: 'https://courier.example.org/news/harbour-opens/',
      isAccessibleForFree: true,
      inLanguage: 'en-GB',
      correction: [
        {
          '@type': 'CorrectionComment',
          text: 'An earlier version gave the wrong opening year.',
          datePublished: '2024-03-06T14:00:00+00:00',
        },
      ],
    });
  });

  test("has Google's required and recommended Article properties", () => {
    const data = newsArticleJsonLd(article);
    expect(data.headline).not.toBe('');
    expect(data.image?.length).toBeGreaterThan(0);
    for (const url of data.image ?? []) expect(new URL(url).protocol).toBe('https:');
    expect(Date.parse(data.datePublished)).not.toBeNaN();
    expect(Date.parse(data.dateModified)).not.toBeNaN();
    expect(data.author.length).toBeGreaterThan(0);
    for (const author of data.author) {
      expect(author.name).not.toBe('');
      expect(URL.canParse(author.url)).toBe(true);
    }
    expect(data.publisher.name).not.toBe('');
    expect(URL.canParse(data.publisher.logo?.url ?? '')).toBe(true);
  });

  const cases: [name: string, change: Partial<NewsArticleInput>, key: keyof NewsArticleJsonLd, expected: unknown][] = [
    ['no images: image left out', { images: [] }, 'image', undefined],
    ['never updated: dateModified is the publication date', { updated: undefined }, 'dateModified', '2024-03-05T09:30:00+00:00'],
    ['no corrections: correction left out', { corrections: [] }, 'correction', undefined],
    ['corrections not given: correction left out', { corrections: undefined }, 'correction', undefined],
    ['no tags: empty keywords', { tags: [] }, 'keywords', []],
    ['a long headline is kept whole', { headline: 'word '.repeat(40).trim() }, 'headline', 'word '.repeat(40).trim()],
  ];
  test.each(cases)('%s', (_name, change, key, expected) => {
    const data = newsArticleJsonLd({ ...article, ...change });
    if (expected === undefined) expect(data).not.toHaveProperty(key);
    else expect(data[key]).toEqual(expected);
  });

  test('a site without a logo has a publisher without one', () => {
    const data = newsArticleJsonLd({ ...article, publisher: { name: 'The Ellery Courier', url: 'https://courier.example.org/' } });
    expect(data.publisher).toStrictEqual({
      '@type': 'NewsMediaOrganization',
      name: 'The Ellery Courier',
      url: 'https://courier.example.org/',
    });
  });

  test('serializes with keys in schema order', () => {
    const keys = Object.keys(JSON.parse(serializeJsonLd(newsArticleJsonLd(article))) as object);
    expect(keys).toEqual([
      '@context', '@type', 'headline', 'description', 'image', 'datePublished', 'dateModified', 'author', 'publisher',
      'articleSection', 'keywords', 'mainEntityOfPage', 'isAccessibleForFree', 'inLanguage', 'correction',
    ]);
  });
});

describe('breadcrumbJsonLd', () => {
  test('three levels, numbered from 1', () => {
    expect(
      breadcrumbJsonLd([
        { name: 'Home', url: 'https://courier.example.org/' },
        { name: 'News', url: 'https://courier.example.org/news/' },
        { name: 'Harbour bridge opens', url: 'https://courier.example.org/news/harbour-opens/' },
      ]),
    ).toStrictEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://courier.example.org/' },
        { '@type': 'ListItem', position: 2, name: 'News', item: 'https://courier.example.org/news/' },
        { '@type': 'ListItem', position: 3, name: 'Harbour bridge opens', item: 'https://courier.example.org/news/harbour-opens/' },
      ],
    });
  });
});

describe('profilePageJsonLd', () => {
  test.each([
    [
      'everything given',
      {
        name: 'Ada Marsh',
        url: 'https://courier.example.org/authors/ada-marsh/',
        jobTitle: 'City editor',
        bio: 'Ada covers the council and the port.',
        avatar: 'https://courier.example.org/images/ada.jpg',
        sameAs: ['https://mastodon.example/@ada', 'https://ada.example.net/'],
      },
      {
        '@type': 'Person',
        name: 'Ada Marsh',
        url: 'https://courier.example.org/authors/ada-marsh/',
        jobTitle: 'City editor',
        description: 'Ada covers the council and the port.',
        image: 'https://courier.example.org/images/ada.jpg',
        sameAs: ['https://mastodon.example/@ada', 'https://ada.example.net/'],
      },
    ],
    [
      'only a name and a page',
      { name: 'Tom Reyes', url: 'https://courier.example.org/authors/tom-reyes/', sameAs: [] },
      { '@type': 'Person', name: 'Tom Reyes', url: 'https://courier.example.org/authors/tom-reyes/' },
    ],
  ])('%s', (_name, input, person) => {
    expect(profilePageJsonLd(input)).toStrictEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      mainEntity: person,
    });
  });
});
