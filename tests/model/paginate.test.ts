import { expect, test } from 'vitest';
import { paginate } from '../../src/model/paginate.js';

test('five items in pages of two', () => {
  expect(paginate([1, 2, 3, 4, 5], 2, '/news/')).toEqual([
    { url: '/news/', items: [1, 2], pageNumber: 1, pageCount: 3, previousUrl: undefined, nextUrl: '/news/page/2/' },
    { url: '/news/page/2/', items: [3, 4], pageNumber: 2, pageCount: 3, previousUrl: '/news/', nextUrl: '/news/page/3/' },
    { url: '/news/page/3/', items: [5], pageNumber: 3, pageCount: 3, previousUrl: '/news/page/2/', nextUrl: undefined },
  ]);
});

test('an empty list still has its first page', () => {
  expect(paginate([], 20, '/tags/x/')).toEqual([
    { url: '/tags/x/', items: [], pageNumber: 1, pageCount: 1, previousUrl: undefined, nextUrl: undefined },
  ]);
});

test('an exact multiple makes no empty last page', () => {
  expect(paginate([1, 2, 3, 4], 2, '/a/').map((p) => p.url)).toEqual(['/a/', '/a/page/2/']);
});
