import { expect, test } from 'vitest';
import { absoluteUrl, absoluteUrls } from '../../../src/outputs/feeds/absolute-urls.js';

const SITE = 'https://courier.example.org/';
const PAGE = 'https://courier.example.org/news/harbour-deal/';
// A site under a sub-path: the build prefixes root-relative links with it.
const SUB_SITE = 'https://example.org/courier/';
const SUB_PAGE = 'https://example.org/courier/news/harbour-deal/';

test.each([
  ['a root-relative link', '/news/x/', SITE, PAGE, 'https://courier.example.org/news/x/'],
  ['a root-relative link under a sub-path', '/news/x/', SUB_SITE, SUB_PAGE, 'https://example.org/courier/news/x/'],
  ['the root under a sub-path', '/', SUB_SITE, SUB_PAGE, 'https://example.org/courier/'],
  ['a root-relative link with a query and fragment', '/search/?q=a+b#top', SITE, PAGE, 'https://courier.example.org/search/?q=a+b#top'],
  ['a page-relative image', 'chart.png', SITE, PAGE, 'https://courier.example.org/news/harbour-deal/chart.png'],
  ['a page-relative link under a sub-path', '../other/', SUB_SITE, SUB_PAGE, 'https://example.org/courier/news/other/'],
  ['a footnote fragment', '#fn-1', SITE, PAGE, 'https://courier.example.org/news/harbour-deal/#fn-1'],
  ['a query alone', '?page=2', SITE, PAGE, 'https://courier.example.org/news/harbour-deal/?page=2'],
  ['a protocol-relative URL', '//cdn.example.net/a.png', SUB_SITE, SUB_PAGE, 'https://cdn.example.net/a.png'],
  ['surrounding spaces', '  /news/x/\n', SITE, PAGE, 'https://courier.example.org/news/x/'],
  ['an absolute URL', 'https://elsewhere.example/a?b=c', SITE, PAGE, 'https://elsewhere.example/a?b=c'],
  ['a mailto link', 'mailto:desk@courier.example.org', SITE, PAGE, 'mailto:desk@courier.example.org'],
  ['a URL no browser resolves', '//[not-a-host/', SITE, PAGE, '//[not-a-host/'],
])('absoluteUrl: %s', (_, url, site, page, expected) => {
  expect(absoluteUrl(url, site, page)).toBe(expected);
});

test('without a page, relative URLs are read against the site', () => {
  expect(absoluteUrl('images/a.jpg', SUB_SITE)).toBe('https://example.org/courier/images/a.jpg');
});

test('rewrites href, src, srcset and cite, and nothing else', () => {
  const html = [
    '<p><a href="/news/x/" title="/not/a/url/">x</a> <a href="#fn-1" id="/fnref-1">1</a></p>',
    '<p><img src="/images/a.jpg" alt="/images/a.jpg" srcset="/images/a-1x.jpg 1x, b-2x.jpg 2x" loading="lazy"></p>',
    '<blockquote cite="/quotes/1/"><p>/said/</p></blockquote>',
  ].join('\n');
  expect(absoluteUrls(html, SITE, PAGE)).toBe(
    [
      '<p><a href="https://courier.example.org/news/x/" title="/not/a/url/">x</a> <a href="https://courier.example.org/news/harbour-deal/#fn-1" id="/fnref-1">1</a></p>',
      '<p><img src="https://courier.example.org/images/a.jpg" alt="/images/a.jpg" srcset="https://courier.example.org/images/a-1x.jpg 1x, https://courier.example.org/news/harbour-deal/b-2x.jpg 2x" loading="lazy"></p>',
      '<blockquote cite="https://courier.example.org/quotes/1/"><p>/said/</p></blockquote>',
    ].join('\n'),
  );
});

test.each([
  ['widths and odd spacing', ' /a.jpg 480w ,/b.jpg  960w,', 'https://courier.example.org/a.jpg 480w, https://courier.example.org/b.jpg 960w'],
  ['a bare URL', '/a.jpg', 'https://courier.example.org/a.jpg'],
  ['URLs separated by commas alone', '/a.jpg,/b.jpg 2x', 'https://courier.example.org/a.jpg,/b.jpg 2x'],
  ['a trailing comma ending a URL', '/a.jpg, /b.jpg 2x', 'https://courier.example.org/a.jpg, https://courier.example.org/b.jpg 2x'],
  ['nothing', '', ''],
])('srcset: %s', (_, srcset, expected) => {
  const html = absoluteUrls(`<img srcset="${srcset}">`, SITE, PAGE);
  expect(html).toBe(`<img srcset="${expected}">`);
});

test('text and attributes keep their escaping; non-ASCII text stays as written', () => {
  const html = '<p title="a &quot;b&quot; &amp; c">Fish &amp; chips &lt;b&gt; café – 🐟</p><p><a href="/q/?a=1&amp;b=2">q</a></p>';
  expect(absoluteUrls(html, SITE)).toBe(
    '<p title="a &quot;b&quot; &amp; c">Fish &amp; chips &lt;b&gt; café – 🐟</p><p><a href="https://courier.example.org/q/?a=1&amp;b=2">q</a></p>',
  );
});

test('markup of a rendered article survives unchanged apart from its URLs', () => {
  const html = [
    '<h2 id="what-happens-next">What happens next</h2>',
    '<ul class="contains-task-list">',
    '<li class="task-list-item"><input type="checkbox" disabled> Vote<br>',
    '<img src="/a.jpg" alt="">',
    'again</li>',
    '</ul>',
    '<pre><code class="language-js">if (a &#x3C; b &#x26;&#x26; c) {}\n</code></pre>',
    '<table><thead><tr><th align="left">A</th></tr></thead><tbody><tr><td align="left">1</td></tr></tbody></table>',
    '<p><a href="/news/x/" rel="noopener" class="external">x<span class="visually-hidden"> (external link)</span></a></p>',
  ].join('\n');
  expect(absoluteUrls(html, SITE)).toBe(
    html
      .replace('href="/news/x/"', 'href="https://courier.example.org/news/x/"')
      .replace('src="/a.jpg"', 'src="https://courier.example.org/a.jpg"')
      .replace('disabled>', 'disabled="">')
      .replace('&#x3C;', '&lt;')
      .replace('&#x26;&#x26;', '&amp;&amp;'),
  );
});

test('is idempotent', () => {
  const once = absoluteUrls('<a href="/a/">a</a><img src="b.jpg" srcset="/c.jpg 2x">', SUB_SITE, SUB_PAGE);
  expect(absoluteUrls(once, SUB_SITE, SUB_PAGE)).toBe(once);
});
