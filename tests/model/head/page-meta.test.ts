import { describe, expect, test } from 'vitest';
import { pageMeta, type ArticleMetaInput, type MetaTag, type PageMetaInput } from '../../../src/model/head/page-meta.js';

const SITE = { siteName: 'The Ellery Courier', language: 'en-GB' };

const article: ArticleMetaInput = {
  ...SITE,
  kind: 'article',
  url: 'https://courier.example.org/news/harbour-opens/',
  title: 'Harbour bridge opens after six years',
  description: 'The new crossing cuts the trip to the east bank to four minutes.',
  image: { url: 'https://courier.example.org/images/bridge.jpg', alt: 'The bridge at dawn' },
  published: '2024-03-05T09:30:00+00:00',
  updated: '2024-03-06T14:00:00+00:00',
  section: 'News',
  tags: ['Transport', 'Port Ellery'],
  authorUrls: ['https://courier.example.org/authors/ada-marsh/', 'https://courier.example.org/authors/tom-reyes/'],
};

const keyOf = (tag: MetaTag): string => ('property' in tag ? tag.property : tag.name);

describe('pageMeta', () => {
  test('an article with an image', () => {
    expect(pageMeta(article)).toStrictEqual({
      title: 'Harbour bridge opens after six years | The Ellery Courier',
      canonical: 'https://courier.example.org/news/harbour-opens/',
      meta: [
        { name: 'description', content: 'The new crossing cuts the trip to the east bank to four minutes.' },
        { property: 'og:site_name', content: 'The Ellery Courier' },
        { property: 'og:type', content: 'article' },
        { property: 'og:title', content: 'Harbour bridge opens after six years' },
        { property: 'og:description', content: 'The new crossing cuts the trip to the east bank to four minutes.' },
        { property: 'og:url', content: 'https://courier.example.org/news/harbour-opens/' },
        { property: 'og:locale', content: 'en_GB' },
        { property: 'og:image', content: 'https://courier.example.org/images/bridge.jpg' },
        { property: 'og:image:alt', content: 'The bridge at dawn' },
        { property: 'article:published_time', content: '2024-03-05T09:30:00+00:00' },
        { property: 'article:modified_time', content: '2024-03-06T14:00:00+00:00' },
        { property: 'article:section', content: 'News' },
        { property: 'article:tag', content: 'Transport' },
        { property: 'article:tag', content: 'Port Ellery' },
        { property: 'article:author', content: 'https://courier.example.org/authors/ada-marsh/' },
        { property: 'article:author', content: 'https://courier.example.org/authors/tom-reyes/' },
        { name: 'twitter:card', content: 'summary_large_image' },
        { name: 'twitter:title', content: 'Harbour bridge opens after six years' },
        { name: 'twitter:description', content: 'The new crossing cuts the trip to the east bank to four minutes.' },
        { name: 'twitter:image', content: 'https://courier.example.org/images/bridge.jpg' },
        { name: 'twitter:image:alt', content: 'The bridge at dawn' },
      ],
    });
  });

  test('an article without an image, never updated, with no tags', () => {
    const { image: _image, updated: _updated, ...rest } = article;
    expect(pageMeta({ ...rest, tags: [], authorUrls: ['https://courier.example.org/authors/ada-marsh/'] }).meta).toStrictEqual([
      { name: 'description', content: 'The new crossing cuts the trip to the east bank to four minutes.' },
      { property: 'og:site_name', content: 'The Ellery Courier' },
      { property: 'og:type', content: 'article' },
      { property: 'og:title', content: 'Harbour bridge opens after six years' },
      { property: 'og:description', content: 'The new crossing cuts the trip to the east bank to four minutes.' },
      { property: 'og:url', content: 'https://courier.example.org/news/harbour-opens/' },
      { property: 'og:locale', content: 'en_GB' },
      { property: 'article:published_time', content: '2024-03-05T09:30:00+00:00' },
      { property: 'article:modified_time', content: '2024-03-05T09:30:00+00:00' },
      { property: 'article:section', content: 'News' },
      { property: 'article:author', content: 'https://courier.example.org/authors/ada-marsh/' },
      { name: 'twitter:card', content: 'summary' },
      { name: 'twitter:title', content: 'Harbour bridge opens after six years' },
      { name: 'twitter:description', content: 'The new crossing cuts the trip to the east bank to four minutes.' },
    ]);
  });

  test('a syndicated article points canonical and og:url at the original', () => {
    const original = 'https://wire.example.com/2024/03/harbour-bridge';
    const head = pageMeta({ ...article, canonical: original });
    expect(head.canonical).toBe(original);
    expect(head.meta.filter((tag) => keyOf(tag) === 'og:url')).toStrictEqual([{ property: 'og:url', content: original }]);
    expect(head.meta.some((tag) => tag.content === article.url)).toBe(false);
  });

  test('a section archive page', () => {
    expect(
      pageMeta({
        ...SITE,
        kind: 'website',
        url: 'https://courier.example.org/news/page/2/',
        title: 'News, page 2',
        description: 'Stories from around Port Ellery.',
      }),
    ).toStrictEqual({
      title: 'News, page 2 | The Ellery Courier',
      canonical: 'https://courier.example.org/news/page/2/',
      meta: [
        { name: 'description', content: 'Stories from around Port Ellery.' },
        { property: 'og:site_name', content: 'The Ellery Courier' },
        { property: 'og:type', content: 'website' },
        { property: 'og:title', content: 'News, page 2' },
        { property: 'og:description', content: 'Stories from around Port Ellery.' },
        { property: 'og:url', content: 'https://courier.example.org/news/page/2/' },
        { property: 'og:locale', content: 'en_GB' },
        { name: 'twitter:card', content: 'summary' },
        { name: 'twitter:title', content: 'News, page 2' },
        { name: 'twitter:description', content: 'Stories from around Port Ellery.' },
      ],
    });
  });

  test('an author page with a picture', () => {
    expect(
      pageMeta({
        ...SITE,
        kind: 'profile',
        url: 'https://courier.example.org/authors/ada-marsh/',
        title: 'Ada Marsh',
        description: 'City editor',
        image: { url: 'https://courier.example.org/images/ada.jpg', alt: 'Ada Marsh' },
      }).meta,
    ).toStrictEqual([
      { name: 'description', content: 'City editor' },
      { property: 'og:site_name', content: 'The Ellery Courier' },
      { property: 'og:type', content: 'profile' },
      { property: 'og:title', content: 'Ada Marsh' },
      { property: 'og:description', content: 'City editor' },
      { property: 'og:url', content: 'https://courier.example.org/authors/ada-marsh/' },
      { property: 'og:locale', content: 'en_GB' },
      { property: 'og:image', content: 'https://courier.example.org/images/ada.jpg' },
      { property: 'og:image:alt', content: 'Ada Marsh' },
      { name: 'twitter:card', content: 'summary_large_image' },
      { name: 'twitter:title', content: 'Ada Marsh' },
      { name: 'twitter:description', content: 'City editor' },
      { name: 'twitter:image', content: 'https://courier.example.org/images/ada.jpg' },
      { name: 'twitter:image:alt', content: 'Ada Marsh' },
    ]);
  });

  test('the home page title is the site name once', () => {
    const home: PageMetaInput = { ...SITE, kind: 'website', url: 'https://courier.example.org/', title: SITE.siteName, description: 'News' };
    expect(pageMeta(home).title).toBe('The Ellery Courier');
  });

  test('an empty description writes no description tags', () => {
    const keys = pageMeta({ ...article, description: '' }).meta.map(keyOf);
    expect(keys.filter((key) => key.endsWith('description'))).toEqual([]);
    expect(keys).toContain('og:title');
  });

  test('values stay plain text for the template to escape', () => {
    const title = 'Fish & chips <b>"cheaper"</b>';
    const head = pageMeta({ ...article, title, tags: ['R&D'] });
    expect(head.title).toBe(`${title} | The Ellery Courier`);
    expect(head.meta).toContainEqual({ property: 'og:title', content: title });
    expect(head.meta).toContainEqual({ property: 'article:tag', content: 'R&D' });
  });

  test.each([
    ['en-GB', 'en_GB'],
    ['en', 'en'],
    ['pt-br', 'pt_BR'],
    ['zh-Hant-TW', 'zh_TW'],
    ['de-CH-1996', 'de_CH'],
  ])('language %s is og:locale %s', (language, locale) => {
    expect(pageMeta({ ...article, language }).meta).toContainEqual({ property: 'og:locale', content: locale });
  });
});
