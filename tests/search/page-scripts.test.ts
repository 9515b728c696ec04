import { describe, expect, test } from 'vitest';
import { pageScripts } from '../../src/search/page-scripts.js';

describe('pageScripts', () => {
  test.each([
    ['a site at the root', 'https://courier.example.org/', '/js/search.0123456789.js'],
    ['a site under a path prefix', 'https://example.org/courier/', '/courier/js/search.0123456789.js'],
  ])('%s: the search page, and only it, loads the search script', (_name, url, src) => {
    expect(pageScripts({ url, searchScript: '/js/search.0123456789.js' })).toEqual(new Map([['search/index.html', new Set([src])]]));
  });
});
