import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { renderRobots } from '../../../src/outputs/seo/robots.js';
import { newsLanguage } from '../../../src/outputs/seo/sitemap-language.js';
import { renderNewsSitemap, renderSitemaps, type NewsArticle, type OutputFile, type SitemapPage } from '../../../src/outputs/seo/sitemaps.js';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
const HOUR = 3_600_000;
const site = 'https://example.org/';
const buildTime = Date.UTC(2025, 5, 15, 12, 0, 0);

const xml = (content: string) => load(content, { xml: true });
const texts = (content: string, selector: string) => {
  const $ = xml(content);
  return $(selector)
    .toArray()
    .map((node) => $(node).text());
};
const file = (files: OutputFile[], path: string): string => {
  const found = files.find((candidate) => candidate.path === path);
  if (found === undefined) throw new Error(`no ${path} among ${files.map((f) => f.path).join(', ')}`);
  return found.content;
};
const page = (n: number, lastmod = '2025-01-01T00:00:00Z'): SitemapPage => ({ url: `${site}articles/${n}/`, lastmod });
/** Deterministic shuffle, so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed = 7): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
const article = (n: number, hoursAgo: number, fields: Partial<NewsArticle> = {}): NewsArticle => ({
  url: `${site}articles/${n}/`,
  title: `Story ${n}`,
  published: new Date(buildTime - hoursAgo * HOUR).toISOString(),
  ...fields,
});
const news = (articles: NewsArticle[], options: Partial<Parameters<typeof renderNewsSitemap>[1]> = {}) =>
  renderNewsSitemap(articles, { siteUrl: site, publicationName: 'The Broadsheet', language: 'en-GB', buildTime, ...options });

describe('renderSitemaps', () => {
  test('two pages give this exact sitemap.xml', () => {
    const files = renderSitemaps(
      [
        { url: 'https://example.org/world/b/', lastmod: '2025-03-02T08:15:00+01:00' },
        { url: 'https://example.org/', lastmod: '2025-03-02T09:00:00Z' },
      ],
      { siteUrl: site },
    );
    expect(files).toEqual([
      {
        path: 'sitemap.xml',
        content:
          '<?xml version="1.0" encoding="UTF-8"?>\n' +
          '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
          '  <url><loc>https://example.org/</loc><lastmod>2025-03-02T09:00:00Z</lastmod></url>\n' +
          '  <url><loc>https://example.org/world/b/</loc><lastmod>2025-03-02T08:15:00+01:00</lastmod></url>\n' +
          '</urlset>\n',
      },
    ]);
  });

  test('a single file has the elements sitemaps.org requires', () => {
    const [only, ...rest] = renderSitemaps([page(1), page(2), page(3)], { siteUrl: site });
    expect(rest).toEqual([]);
    const $ = xml(only!.content);
    expect(only!.content.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect($.root().children().toArray().map((node) => node.tagName)).toEqual(['urlset']);
    expect($('urlset').attr('xmlns')).toBe(SITEMAP_NS);
    expect($('urlset > url')).toHaveLength(3);
    for (const url of $('urlset > url').toArray()) {
      expect($(url).children('loc')).toHaveLength(1);
      expect($(url).children('lastmod')).toHaveLength(1);
    }
  });

  test('no pages give an empty urlset', () => {
    const [only] = renderSitemaps([], { siteUrl: site });
    expect(xml(only!.content)('urlset').attr('xmlns')).toBe(SITEMAP_NS);
    expect(xml(only!.content)('url')).toHaveLength(0);
  });

  test('7 pages at 3 per file: an index and three parts, each URL once, each part dated by its newest page', () => {
    // Page 2 is the newest of part 1 only by instant: its text sorts below page 3's.
    const pages = [
      page(1, '2025-01-01T00:00:00Z'),
      page(2, '2025-01-05T09:00:00-05:00'),
      page(3, '2025-01-05T10:00:00Z'),
      page(4, '2025-02-01'),
      page(5, '2025-01-01T00:00:00Z'),
      page(6, '2025-01-20T00:00:00Z'),
      page(7, '2024-12-31T23:59:59Z'),
    ];
    const files = renderSitemaps(pages, { siteUrl: site, maxUrlsPerFile: 3 });
    expect(files.map((f) => f.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml']);

    const $index = xml(file(files, 'sitemap.xml'));
    expect($index.root().children().toArray().map((node) => node.tagName)).toEqual(['sitemapindex']);
    expect($index('sitemapindex').attr('xmlns')).toBe(SITEMAP_NS);
    expect(texts(file(files, 'sitemap.xml'), 'sitemap > loc')).toEqual([
      'https://example.org/sitemap-1.xml',
      'https://example.org/sitemap-2.xml',
      'https://example.org/sitemap-3.xml',
    ]);
    expect(texts(file(files, 'sitemap.xml'), 'sitemap > lastmod')).toEqual([
      '2025-01-05T09:00:00-05:00',
      '2025-02-01',
      '2024-12-31T23:59:59Z',
    ]);

    const parts = ['sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml'].map((path) => texts(file(files, path), 'urlset > url > loc'));
    expect(parts.map((locs) => locs.length)).toEqual([3, 3, 1]);
    expect(parts.flat()).toEqual(pages.map((p) => p.url));
  });

  test('exactly maxUrlsPerFile pages stay in one file', () => {
    expect(renderSitemaps([page(1), page(2), page(3)], { siteUrl: site, maxUrlsPerFile: 3 }).map((f) => f.path)).toEqual([
      'sitemap.xml',
    ]);
  });

  test('the default split is at 50,000 URLs', () => {
    const pages = Array.from({ length: 50_001 }, (_, n) => page(n));
    expect(renderSitemaps(pages.slice(0, 50_000), { siteUrl: site }).map((f) => f.path)).toEqual(['sitemap.xml']);
    const files = renderSitemaps(pages, { siteUrl: site });
    expect(files.map((f) => f.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml']);
    expect(texts(file(files, 'sitemap-2.xml'), 'loc')).toHaveLength(1);
  });

  test('shuffled input with duplicates gives the same bytes', () => {
    const pages = [
      ...Array.from({ length: 20 }, (_, n) => page(n, `2025-01-${String(n + 1).padStart(2, '0')}T00:00:00Z`)),
      page(3, '2025-06-01T00:00:00Z'),
      page(3, '2024-06-01T00:00:00Z'),
    ];
    const expected = renderSitemaps(pages, { siteUrl: site, maxUrlsPerFile: 6 });
    for (const seed of [1, 2, 3]) {
      expect(renderSitemaps(shuffled(pages, seed), { siteUrl: site, maxUrlsPerFile: 6 })).toEqual(expected);
    }
  });

  test('a URL given twice is listed once with its newest lastmod, compared as instants', () => {
    const url = `${site}twice/`;
    // 10:00+02:00 is 08:00Z, earlier than 09:00Z although its text sorts higher.
    for (const pages of [
      [{ url, lastmod: '2025-01-01T10:00:00+02:00' }, { url, lastmod: '2025-01-01T09:00:00Z' }],
      [{ url, lastmod: '2025-01-01T09:00:00Z' }, { url, lastmod: '2025-01-01T10:00:00+02:00' }],
    ]) {
      const [only] = renderSitemaps(pages, { siteUrl: site });
      expect(texts(only!.content, 'url > lastmod')).toEqual(['2025-01-01T09:00:00Z']);
    }
  });

  test('a page without a lastmod is listed without one; a dated entry of the same URL wins, and a part of undated pages has none', () => {
    const [only] = renderSitemaps(
      [
        { url: `${site}about/` },
        { url: `${site}b/`, lastmod: '2025-01-01T09:00:00Z' },
        { url: `${site}b/` },
      ],
      { siteUrl: site },
    );
    expect(only!.content).toContain('  <url><loc>https://example.org/about/</loc></url>\n');
    expect(texts(only!.content, 'url > lastmod')).toEqual(['2025-01-01T09:00:00Z']);
    const [index, first, second] = renderSitemaps([{ url: `${site}a/` }, { url: `${site}c/`, lastmod: '2025-01-01T09:00:00Z' }], { siteUrl: site, maxUrlsPerFile: 1 });
    expect(index!.content).toContain('<sitemap><loc>https://example.org/sitemap-1.xml</loc></sitemap>');
    expect(index!.content).toContain('<sitemap><loc>https://example.org/sitemap-2.xml</loc><lastmod>2025-01-01T09:00:00Z</lastmod></sitemap>');
    expect([first!.path, second!.path]).toEqual(['sitemap-1.xml', 'sitemap-2.xml']);
  });

  test('a URL with XML specials is escaped and reads back as itself', () => {
    const url = "https://example.org/it's/?q=a&b=<c>";
    const [only] = renderSitemaps([{ url, lastmod: '2025-01-01' }], { siteUrl: site });
    expect(only!.content).toContain('<loc>https://example.org/it&apos;s/?q=a&amp;b=%3Cc%3E</loc>');
    expect(texts(only!.content, 'loc')).toEqual([new URL(url).href]);
  });

  test('a site under a sub-path names its parts under that path', () => {
    const pages = [1, 2, 3].map((n) => ({ url: `https://example.org/news/${n}/`, lastmod: '2025-01-01' }));
    for (const siteUrl of ['https://example.org/news/', 'https://example.org/news']) {
      const files = renderSitemaps(pages, { siteUrl, maxUrlsPerFile: 2 });
      expect(files.map((f) => f.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml']);
      expect(texts(file(files, 'sitemap.xml'), 'sitemap > loc')).toEqual([
        'https://example.org/news/sitemap-1.xml',
        'https://example.org/news/sitemap-2.xml',
      ]);
    }
  });

  test.each([
    ['outside the sub-path', 'https://example.org/other/', /outside the site/],
    ['the sub-path without its slash', 'https://example.org/news', /outside the site/],
    ['another host', 'https://example.com/news/a/', /outside the site/],
    ['relative', '/news/a/', /not an absolute URL/],
    ['with a fragment', 'https://example.org/news/a/#top', /fragment/],
    ['not http', 'ftp://example.org/news/a/', /http or https/],
  ])('a page URL %s is refused', (_, url, message) => {
    expect(() => renderSitemaps([{ url, lastmod: '2025-01-01' }], { siteUrl: 'https://example.org/news/' })).toThrow(message);
  });

  test.each(['2025-02-30', '2025-13-01', '2025-01-01T10:00', '2025-01-01 10:00:00Z', '2025-01-01T24:00Z', '31/01/2025', ''])(
    'lastmod %j is refused',
    (lastmod) => {
      expect(() => renderSitemaps([page(1, lastmod)], { siteUrl: site })).toThrow(/lastmod of .*not a W3C datetime/);
    },
  );

  test.each(['2025-01-31', '2025-01-31T09:30Z', '2025-01-31T09:30:15+01:00', '2025-01-31T09:30:15.123456-08:00'])(
    'lastmod %j is accepted and written as given',
    (lastmod) => {
      const [only] = renderSitemaps([page(1, lastmod)], { siteUrl: site });
      expect(texts(only!.content, 'lastmod')).toEqual([lastmod]);
    },
  );

  test.each([0, -1, 1.5, 50_001, Number.NaN])('maxUrlsPerFile %d is refused', (maxUrlsPerFile) => {
    expect(() => renderSitemaps([page(1)], { siteUrl: site, maxUrlsPerFile })).toThrow(RangeError);
  });

  test.each(['example.org', 'ftp://example.org/', 'https://example.org/?lang=en', 'https://example.org/#top'])(
    'siteUrl %j is refused',
    (siteUrl) => {
      expect(() => renderSitemaps([], { siteUrl })).toThrow(/siteUrl/);
    },
  );
});

describe('renderNewsSitemap', () => {
  test('an article has the elements of the Google News sitemap spec', () => {
    const published = '2025-06-15T09:30:00+01:00';
    const output = news([article(1, 0, { published, title: 'Council approves budget' })]);
    expect(output.path).toBe('news-sitemap.xml');
    const $ = xml(output.content);
    expect(output.content.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect($.root().children().toArray().map((node) => node.tagName)).toEqual(['urlset']);
    expect($('urlset').attr('xmlns')).toBe(SITEMAP_NS);
    expect($('urlset').attr('xmlns:news')).toBe(NEWS_NS);
    expect($('urlset > url')).toHaveLength(1);
    expect($('url > loc').text()).toBe('https://example.org/articles/1/');
    expect($('url > news\\:news > news\\:publication > news\\:name').text()).toBe('The Broadsheet');
    expect($('url > news\\:news > news\\:publication > news\\:language').text()).toBe('en');
    expect($('url > news\\:news > news\\:publication_date').text()).toBe(published);
    expect($('url > news\\:news > news\\:title').text()).toBe('Council approves budget');
  });

  test('no recent articles give an empty urlset with both namespaces', () => {
    const output = news([article(1, 72)]);
    const $ = xml(output.content);
    expect($('urlset').attr('xmlns')).toBe(SITEMAP_NS);
    expect($('urlset').attr('xmlns:news')).toBe(NEWS_NS);
    expect($('url')).toHaveLength(0);
    expect(news([]).content).toBe(output.content);
  });

  test.each([
    ['47 hours before the build', 47, true],
    ['exactly 48 hours before', 48, true],
    ['48 hours and a second before', 48 + 1 / 3600, false],
    ['49 hours before', 49, false],
    ['at the build time', 0, true],
    ['a minute after the build', -1 / 60, false],
  ])('an article published %s is in: %s', (_, hoursAgo, included) => {
    expect(texts(news([article(1, hoursAgo)]).content, 'url > loc')).toHaveLength(included ? 1 : 0);
  });

  test('the window compares instants, whatever the offset', () => {
    // 13:30+02:00 is 11:30Z, half an hour before the build; 12:30Z would be after it.
    const published = '2025-06-15T13:30:00+02:00';
    expect(texts(news([article(1, 0, { published })]).content, 'loc')).toHaveLength(1);
  });

  test('newest first, at most 1,000: the 1,000 newest of 1,200', () => {
    const articles = Array.from({ length: 1_200 }, (_, n) => article(n, n / 30));
    const locs = texts(news(shuffled(articles)).content, 'url > loc');
    expect(locs).toEqual(articles.slice(0, 1_000).map((a) => a.url));
  });

  test('shuffled input gives the same bytes', () => {
    const articles = [
      ...Array.from({ length: 30 }, (_, n) => article(n, n * 2)),
      article(100, 5),
      article(101, 5),
      article(3, 1, { title: 'Story 3, updated' }),
    ];
    const expected = news(articles).content;
    for (const seed of [1, 2, 3]) expect(news(shuffled(articles, seed)).content).toBe(expected);
  });

  test('a URL given twice is listed once, with its newest entry', () => {
    const output = news([article(1, 10, { title: 'Old' }), article(1, 2, { title: 'New' })]);
    expect(texts(output.content, 'news\\:title')).toEqual(['New']);
  });

  test('a hostile title and publication name are escaped and read back as text', () => {
    const title = '</script><script>alert(1)</script> & "x"';
    const output = news([article(1, 1, { title })], { publicationName: `<b>"Tom's" & Co</b>` });
    expect(output.content).toContain(
      '<news:title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</news:title>',
    );
    expect(output.content).not.toContain('<script>');
    const $ = xml(output.content);
    expect($('news\\:title').text()).toBe(title);
    expect($('news\\:name').text()).toBe(`<b>"Tom's" & Co</b>`);
    expect($('news\\:title').children()).toHaveLength(0);
  });

  test('characters XML 1.0 forbids are removed from a title', () => {
    const output = news([article(1, 1, { title: 'A\u0000B\u0008C\u001FD\uFFFEE\uD800F\u{1F4F0}\tG' })]);
    expect(texts(output.content, 'news\\:title')).toEqual(['ABCDEF\u{1F4F0}\tG']);
  });

  test('a site under a sub-path lists its own articles and refuses others', () => {
    const siteUrl = 'https://example.org/news/';
    const inside = { ...article(1, 1), url: 'https://example.org/news/2025/budget/' };
    expect(texts(news([inside], { siteUrl }).content, 'loc')).toEqual([inside.url]);
    expect(() => news([article(2, 1)], { siteUrl })).toThrow(/outside the site/);
  });

  test('old articles are checked too', () => {
    expect(() => news([article(1, 500, { published: '2025-02-30' })])).toThrow(/published of .*not a W3C datetime/);
  });

  test.each([Number.NaN, Number.POSITIVE_INFINITY])('buildTime %d is refused', (time) => {
    expect(() => news([], { buildTime: time })).toThrow(RangeError);
  });
});

describe('newsLanguage', () => {
  test.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN_us', 'en'],
    ['pt-BR', 'pt'],
    ['fil-PH', 'fil'],
    ['sr-Latn-RS', 'sr'],
    ['zh', 'zh-cn'],
    ['zh-CN', 'zh-cn'],
    ['zh-SG', 'zh-cn'],
    ['zh-Hans', 'zh-cn'],
    ['zh-Hans-HK', 'zh-cn'],
    ['zh-TW', 'zh-tw'],
    ['zh-HK', 'zh-tw'],
    ['zh-MO', 'zh-tw'],
    ['zh-Hant', 'zh-tw'],
    ['zh-Hant-CN', 'zh-tw'],
  ])('%s → %s', (tag, code) => {
    expect(newsLanguage(tag)).toBe(code);
  });

  test.each(['', 'x-private', 'i-klingon', 'english', '-en'])('%j is refused', (tag) => {
    expect(() => newsLanguage(tag)).toThrow(/ISO 639/);
  });

  test('the code is what the news sitemap writes', () => {
    expect(texts(news([article(1, 1)], { language: 'zh-Hant-TW' }).content, 'news\\:language')).toEqual(['zh-tw']);
  });
});

describe('renderRobots', () => {
  test('a root site allows everything and names its sitemaps', () => {
    expect(renderRobots({ siteUrl: site, sitemaps: ['sitemap.xml', 'news-sitemap.xml'] })).toEqual({
      path: 'robots.txt',
      content:
        'User-agent: *\n' +
        'Allow: /\n' +
        '\n' +
        'Sitemap: https://example.org/news-sitemap.xml\n' +
        'Sitemap: https://example.org/sitemap.xml\n',
    });
  });

  test('a sub-path site gets a comment and sitemaps under its path', () => {
    const { content } = renderRobots({ siteUrl: 'https://example.org/news', sitemaps: ['sitemap.xml'] });
    const lines = content.split('\n');
    expect(lines[0]).toMatch(/^# .*\/news\/.*https:\/\/example\.org\/robots\.txt/);
    expect(lines.slice(1)).toEqual(['User-agent: *', 'Allow: /', '', 'Sitemap: https://example.org/news/sitemap.xml', '']);
  });

  test('order and repeats of the input do not change the file', () => {
    const sitemaps = ['sitemap.xml', 'news-sitemap.xml', 'https://cdn.example.org/extra.xml', 'sitemap.xml'];
    const expected = renderRobots({ siteUrl: site, sitemaps }).content;
    expect(expected.match(/^Sitemap: /gm)).toHaveLength(3);
    for (const seed of [1, 2, 3]) expect(renderRobots({ siteUrl: site, sitemaps: shuffled(sitemaps, seed) }).content).toBe(expected);
  });

  test('a preview turns every crawler away from everything and names no sitemap', () => {
    expect(renderRobots({ siteUrl: site, sitemaps: ['sitemap.xml', 'news-sitemap.xml'], disallowAll: true })).toEqual({
      path: 'robots.txt',
      content: 'User-agent: *\nDisallow: /\n',
    });
    const { content } = renderRobots({ siteUrl: 'https://example.org/news', sitemaps: ['sitemap.xml'], disallowAll: true });
    expect(content.split('\n').slice(1)).toEqual(['User-agent: *', 'Disallow: /', '']);
  });

  test('no sitemaps give only the rule', () => {
    expect(renderRobots({ siteUrl: site, sitemaps: [] }).content).toBe('User-agent: *\nAllow: /\n');
  });

  test('a sitemap name cannot add a line', () => {
    const { content } = renderRobots({ siteUrl: site, sitemaps: ['feeds/sitemap.xml\nDisallow: /'] });
    expect(content).not.toMatch(/^Disallow/m);
    expect(content.split('\n').filter((line) => line.startsWith('Sitemap: '))).toHaveLength(1);
  });

  test('a sitemap that is not http is refused', () => {
    expect(() => renderRobots({ siteUrl: site, sitemaps: ['javascript:alert(1)'] })).toThrow(/http or https/);
  });
});
