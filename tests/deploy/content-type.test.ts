import { describe, expect, test } from 'vitest';
import { contentTypeOf } from '../../src/deploy/content-type.js';

describe('the Content-Type of a built file', () => {
  test.each([
    ['news/a/index.html', 'text/html; charset=utf-8'],
    ['css/site.fab31b2acb.css', 'text/css; charset=utf-8'],
    ['feed.json', 'application/json; charset=utf-8'],
    ['sitemap.xml', 'application/xml; charset=utf-8'],
    ['images/logo.svg', 'image/svg+xml; charset=utf-8'],
    ['robots.txt', 'text/plain; charset=utf-8'],
    ['img/ab/cd-640.avif', 'image/avif'],
    ['img/ab/cd-640.webp', 'image/webp'],
    ['pagefind/pagefind.wasm', 'application/wasm'],
    ['pagefind/fragment/en_1a2b.pf_fragment', 'application/octet-stream'],
    ['_headers', 'application/octet-stream'],
    ['js/search.2631d5b48f.js', 'text/javascript; charset=utf-8'],
  ])('%s: %s', (file, type) => {
    expect(contentTypeOf(file)).toBe(type);
  });
});
