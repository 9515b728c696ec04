import { expect, test } from 'vitest';
import { scanPage } from '../../src/publish/scan-output.js';
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

test('the post-build scan lets the embed script through on the page it is allowed to, and nowhere else', () => {
  const scripts = pageScripts({ url: 'https://example.org/', searchScript: '/js/search.0123456789.js' }, [{ url: '/news/with-video/', embeds: { script: '/js/embeds.abcdef0123.js' } }]);
  const page = '<html><head><script defer src="/js/embeds.abcdef0123.js" data-frame-origins="https://player.vimeo.com"></script></head><body></body></html>';
  expect(scanPage(page, scripts.get('news/with-video/index.html'))).toEqual([]);
  expect(scanPage(page, scripts.get('news/plain/index.html'))).toEqual(['a <script> element that is not from the templates']);
  expect(scanPage('<iframe src="https://player.vimeo.com/video/1"></iframe>', scripts.get('news/with-video/index.html'))).toEqual(['an <iframe> element']);
});
