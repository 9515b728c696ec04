import { expect, test } from 'vitest';
import type { FeedItem } from '../../../src/outputs/feeds/feed-input.js';
import { itemContentHtml } from '../../../src/outputs/feeds/item-content.js';

const item = (): FeedItem => ({
  url: 'https://courier.example.org/news/a/',
  title: 'A',
  summary: '',
  contentHtml: '<a href="/x/">x</a> <img src="chart.png">',
  published: '2025-03-14T08:30:00Z',
  authors: [],
  categories: [],
});

test('links are read under the site, other relative URLs against the item page', () => {
  expect(itemContentHtml(item(), 'https://courier.example.org/')).toBe(
    '<a href="https://courier.example.org/x/">x</a> <img src="https://courier.example.org/news/a/chart.png">',
  );
});

test('a reused item whose content, page or site changes never gets stale content', () => {
  const shared = item();
  const site = 'https://courier.example.org/';
  expect(itemContentHtml(shared, site)).toBe(itemContentHtml(shared, site));
  shared.contentHtml = '<a href="/y/">y</a>';
  expect(itemContentHtml(shared, site)).toBe('<a href="https://courier.example.org/y/">y</a>');
  shared.contentHtml = '<img src="chart.png">';
  shared.url = 'https://courier.example.org/news/b/';
  expect(itemContentHtml(shared, site)).toBe('<img src="https://courier.example.org/news/b/chart.png">');
  shared.contentHtml = '<a href="/y/">y</a>';
  expect(itemContentHtml(shared, 'https://example.org/courier/')).toBe('<a href="https://example.org/courier/y/">y</a>');
});
