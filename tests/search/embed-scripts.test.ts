import { expect, test } from 'vitest';
import { pageScripts } from '../../src/search/page-scripts.js';

test('an article with embeds may load the embed script, under the path prefix; others none', () => {
  const scripts = pageScripts({ url: 'https://example.org/courier/', searchScript: '/js/search.0123456789.js' }, [
    { url: '/news/with-video/', embeds: { script: '/js/embeds.abcdef0123.js' } },
    { url: '/news/plain/' },
  ]);
  expect(scripts).toEqual(
    new Map([
      ['search/index.html', new Set(['/courier/js/search.0123456789.js'])],
      ['news/with-video/index.html', new Set(['/courier/js/embeds.abcdef0123.js'])],
    ]),
  );
});
