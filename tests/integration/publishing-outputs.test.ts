import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/stages/build.js';
import { writeNewsroom } from '../helpers/newsroom.js';
import { copySharedCache, SAMPLE_EMBED_PAGE, sharedSample } from '../helpers/shared-sample.js';
import { validArticle } from '../helpers/sources.js';
import { fileForUrl, readSite, type BuiltSite } from '../helpers/site-output.js';

// The sample built once for the run (tests/setup/sample-newsroom.ts), a day
// after its newest story, so that the news sitemap has it.
const sample = sharedSample();
const CONTENT = sample.contentDir;
const NOW = sample.now;
const SITE = 'https://courier.example.org/';

let work: string;
const site: BuiltSite = readSite(sample.siteDir);
const content = sample.content;
const unpublishedUrls = sample.everything.articles.filter((a) => a.status !== 'published').map((a) => new URL(a.url.slice(1), SITE).href);

const xml = (file: string): CheerioAPI => load(readFileSync(path.join(site.dir, file), 'utf8'), { xml: true });
const json = (file: string): Record<string, unknown> & { items: Record<string, unknown>[] } => JSON.parse(readFileSync(path.join(site.dir, file), 'utf8'));
const jsonLd = ($: CheerioAPI): Record<string, unknown>[] =>
  $('script[type="application/ld+json"]')
    .toArray()
    .map((el) => JSON.parse($(el).text()) as Record<string, unknown>);

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'broadsheet-outputs-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('feeds', () => {
  test('RSS 2.0, Atom and JSON Feed 1.1 for the whole site: the latest published articles with full content', () => {
    const rss = xml('feed.xml');
    expect(rss('rss').attr('version')).toBe('2.0');
    for (const required of ['title', 'link', 'description']) expect(rss(`channel > ${required}`).text()).not.toBe('');
    const links = rss('item > link').toArray().map((el) => rss(el).text());
    expect(links).toEqual(content.articles.slice(0, 50).map((a) => new URL(a.url.slice(1), SITE).href));
    const first = content.articles[0]!;
    expect(rss('item').first().find('title').text()).toBe(first.title);
    expect(rss('item').first().find('content\\:encoded').text()).toContain('<p>');

    const atom = xml('atom.xml');
    expect(atom('feed').attr('xmlns')).toBe('http://www.w3.org/2005/Atom');
    for (const required of ['id', 'title', 'updated']) expect(atom(`feed > ${required}`).length).toBe(1);
    expect(atom('entry').length).toBe(links.length);
    atom('entry').each((_, entry) => {
      for (const required of ['id', 'title', 'updated', 'author > name']) expect(atom(entry).find(required).length).toBeGreaterThan(0);
      expect(atom(entry).find('link[rel="alternate"]').attr('href')).toMatch(/^https:\/\/courier\.example\.org\//);
    });

    const feed = json('feed.json');
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.map((item) => item.url)).toEqual(links);
    expect(feed.items.every((item) => typeof item.id === 'string' && typeof item.content_html === 'string')).toBe(true);
  });

  test('every section, author and tag has its three feeds, linked from its page; no draft or future article is in any', () => {
    const archives = [...content.categories.map((c) => `/${c.slug}/`), ...content.authors.map((a) => `/authors/${a.slug}/`), '/tags/harbour/'];
    for (const url of archives) {
      const $ = site.page(url);
      const alternates = $('link[rel="alternate"]').toArray().map((el) => $(el).attr('href') ?? '');
      expect(alternates, url).toEqual([`${SITE}${url.slice(1)}feed.xml`, `${SITE}${url.slice(1)}atom.xml`, `${SITE}${url.slice(1)}feed.json`]);
      for (const href of alternates) expect(fileForUrl(site, new URL(href).pathname), href).toBeDefined();
    }
    const everyFeed = site.files.filter((file) => /(?:feed\.xml|atom\.xml|feed\.json)$/.test(file));
    expect(everyFeed.length).toBeGreaterThan(3 * archives.length);
    for (const file of everyFeed) {
      const text = readFileSync(path.join(site.dir, file), 'utf8');
      for (const url of unpublishedUrls) expect(text, file).not.toContain(url);
    }
  });

  test('links in feed content are absolute', () => {
    const feed = json('feed.json');
    for (const item of feed.items) expect(String(item.content_html)).not.toMatch(/(?:href|src)="\/(?!\/)/);
  });
});

describe('sitemaps and robots.txt', () => {
  test('sitemap.xml lists every public page once with a lastmod, and nothing unpublished', () => {
    const $ = xml('sitemap.xml');
    const locs = $('url > loc').toArray().map((el) => $(el).text());
    expect(new Set(locs).size).toBe(locs.length);
    expect($('url').toArray().every((el) => /^\d{4}-\d{2}-\d{2}T/.test($(el).find('lastmod').text()))).toBe(true);
    // The search page is marked noindex: a page of search results is no page for a search engine.
    const htmlPages = [...site.pages.keys()].filter((url) => url !== '/404.html' && url !== '/search/' && !url.startsWith('/news/fennick-street-closures'));
    expect([...locs].sort()).toEqual(htmlPages.map((url) => new URL(url.slice(1), SITE).href).sort());
    for (const url of unpublishedUrls) expect(locs).not.toContain(url);
  });

  test('the Google News sitemap holds the articles of the 48 hours before the build, with publication, language, date and title', () => {
    const $ = xml('news-sitemap.xml');
    const recent = content.articles.filter((a) => NOW - a.date.epoch <= 48 * 3600_000);
    expect(recent.length).toBeGreaterThan(0);
    expect($('url > loc').toArray().map((el) => $(el).text())).toEqual(recent.map((a) => new URL(a.url.slice(1), SITE).href));
    const news = $('url').first();
    expect(news.find('news\\:publication > news\\:name').text()).toBe('The Ellery Courier');
    expect(news.find('news\\:publication > news\\:language').text()).toBe('en');
    expect(news.find('news\\:title').text()).toBe(recent[0]!.title);
    expect(news.find('news\\:publication_date').text()).toMatch(/^2026-11-20T/);
  });

  test('robots.txt names both sitemaps', () => {
    const robots = readFileSync(path.join(site.dir, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${SITE}sitemap.xml`);
    expect(robots).toContain(`Sitemap: ${SITE}news-sitemap.xml`);
  });
});

describe('metadata on every page', () => {
  test('articles: title, description, canonical, Open Graph, Twitter card, NewsArticle and BreadcrumbList JSON-LD', () => {
    const article = content.articles.find((a) => a.image && a.tags.length > 1)!;
    const $ = site.page(article.url);
    const url = new URL(article.url.slice(1), SITE).href;
    const meta = (key: string) => $(`meta[property="${key}"], meta[name="${key}"]`).toArray().map((el) => $(el).attr('content'));
    expect($('title').text()).toBe(`${article.title} | The Ellery Courier`);
    expect($('link[rel="canonical"]').attr('href')).toBe(url);
    expect(meta('og:type')).toEqual(['article']);
    expect(meta('og:url')).toEqual([url]);
    expect(meta('article:published_time')[0]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(meta('article:tag')).toEqual(article.tags.map((t) => t.name));
    expect(meta('twitter:card')).toEqual(['summary_large_image']);
    const [news, trail] = jsonLd($);
    // Google's required and recommended Article fields.
    expect(news).toMatchObject({ '@type': 'NewsArticle', headline: article.title, articleSection: expect.any(String), keywords: article.tags.map((t) => t.name) });
    expect(news!.image).toEqual([new URL(article.image!.src.slice(1), SITE).href]);
    expect(news!.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(news!.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(news!.author).toEqual(article.authors.map((slug) => expect.objectContaining({ '@type': 'Person', url: `${SITE}authors/${slug}/`, name: expect.any(String) })));
    expect(news!.publisher).toEqual({
      '@type': 'NewsMediaOrganization',
      name: 'The Ellery Courier',
      url: SITE,
      logo: { '@type': 'ImageObject', url: `${SITE}images/courier-logo.svg` },
    });
    expect(trail).toMatchObject({ '@type': 'BreadcrumbList', itemListElement: [{ position: 1 }, { position: 2 }, { position: 3, item: url }] });
  });

  test('a syndicated article names its original as canonical', () => {
    const $ = site.page('/science/marine-institute-tests-tidal-turbine/');
    expect($('link[rel="canonical"]').attr('href')).toBe('https://estuary-science.example.net/2026/01/tidal-turbine-trial/');
    expect(jsonLd($)[0]!.mainEntityOfPage).toBe('https://estuary-science.example.net/2026/01/tidal-turbine-trial/');
  });

  test('author pages carry ProfilePage JSON-LD; every page has a title, a description and a canonical URL', () => {
    const author = content.authors.find((a) => a.role)!;
    const [profile] = jsonLd(site.page(`/authors/${author.slug}/`));
    expect(profile).toMatchObject({ '@type': 'ProfilePage', mainEntity: { '@type': 'Person', name: author.name, jobTitle: author.role } });
    for (const [url, $] of site.pages) {
      if (url === '/404.html' || url.startsWith('/news/fennick-street-closures')) continue;
      expect($('title').text(), url).not.toBe('');
      expect($('link[rel="canonical"]').attr('href'), url).toMatch(/^https:\/\//);
      expect($('meta[name="description"]').attr('content'), url).toBeTruthy();
    }
  });
});

describe('corrections, redirects and host files', () => {
  const corrected = '/news/tram-works-begin-on-fennick-street/';

  test('a correction is a dated note on the article, in its JSON-LD, on /corrections/ and in the corrections feed', () => {
    const $ = site.page(corrected);
    expect($('#correction-1').text()).toMatch(/^\d+ \w+ 2025 at \d\d:\d\d: An earlier version of this article said the closures would last six months/);
    expect(jsonLd($)[0]!.correction).toEqual([expect.objectContaining({ '@type': 'CorrectionComment', text: expect.stringContaining('six months') })]);
    const list = site.page('/corrections/');
    expect(list('.corrections-list a').attr('href')).toBe(`${corrected}#correction-1`);
    const feed = xml('corrections/feed.xml');
    expect(feed('item > link').text()).toBe(`${SITE}${corrected.slice(1)}#correction-1`);
  });

  test('an alias gets a _redirects line and a page that sends readers on', () => {
    expect(readFileSync(path.join(site.dir, '_redirects'), 'utf8')).toBe(`/news/fennick-street-closures/ ${corrected} 301\n`);
    const $ = site.page('/news/fennick-street-closures/');
    expect($('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=${SITE}${corrected.slice(1)}`);
    expect($('link[rel="canonical"]').attr('href')).toBe(`${SITE}${corrected.slice(1)}`);
  });

  test('_headers: a Content-Security-Policy every page satisfies, and a year of caching for the fingerprinted stylesheet', () => {
    const headers = readFileSync(path.join(site.dir, '_headers'), 'utf8');
    // Frames only from the three providers the sea wall story embeds.
    expect(headers).toMatch(/Content-Security-Policy: default-src 'self'; frame-src https:\/\/datawrapper\.dwcdn\.net https:\/\/mastodon\.social https:\/\/www\.youtube-nocookie\.com; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
    expect(headers).toContain('X-Content-Type-Options: nosniff');
    expect(headers).toContain('Referrer-Policy: strict-origin-when-cross-origin');
    const stylesheet = site.files.find((file) => /^css\/site\.[0-9a-f]{10}\.css$/.test(file))!;
    const embedStylesheet = `/${site.files.find((file) => /^css\/embeds\.[0-9a-f]{10}\.css$/.test(file))}`;
    expect(site.page(SAMPLE_EMBED_PAGE)(`link[rel="stylesheet"][href="${embedStylesheet}"]`)).toHaveLength(1);
    expect(headers).toContain(`/${stylesheet}\n  Cache-Control: public, max-age=31536000, immutable`);
    expect(headers).toContain('/img/*\n  Cache-Control: public, max-age=31536000, immutable');
    for (const [url, $] of site.pages) {
      // What the policy forbids: inline styles and scripts, and styles or scripts from elsewhere.
      expect($('[style], style, script:not([type="application/ld+json"]):not([src])').length, url).toBe(0);
      $('script[src]').each((_, el) => expect($(el).attr('src'), url).toMatch(url === SAMPLE_EMBED_PAGE ? /^\/js\/embeds\.[0-9a-f]{10}\.js$/ : /^\/js\/search\.[0-9a-f]{10}\.js$/));
      const stylesheets = url === SAMPLE_EMBED_PAGE ? [embedStylesheet, `/${stylesheet}`] : [`/${stylesheet}`];
      $('link[rel="stylesheet"]').each((_, el) => expect(stylesheets, url).toContain($(el).attr('href')));
    }
  });

  test('an alias that is another page\'s address is an error naming the file and line', async () => {
    const root = writeNewsroom({
      'harbour-wall.md': validArticle(),
      'tram.md': validArticle({ title: 'Tram opens', category: 'business', aliases: '[/news/harbour-wall/]' }),
    });
    try {
      const failure = await build({ contentDir: path.join(root, 'content'), outDir: path.join(root, '_site'), now: NOW }).catch((e: unknown) => e);
      expect((failure as { problems: unknown[] }).problems).toEqual([
        expect.objectContaining({
          file: expect.stringMatching(/content\/articles\/tram\.md$/),
          message: expect.stringMatching(/^aliases: \/news\/harbour-wall\/ is already the address of .*harbour-wall\.md$/),
          position: { line: 7, column: 11 },
        }),
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a hostile headline', () => {
  test('appears escaped in every output: pages, JSON-LD, meta tags, feeds and sitemaps', async () => {
    const hostile = '</script><script>alert(1)</script>';
    const root = writeNewsroom({ 'harbour-wall.md': validArticle({ title: JSON.stringify(hostile), date: '2026-11-21T08:00:00Z' }) });
    try {
      // Rendered in this thread: worker threads are tested in tests/workers, and starting them costs a test seconds.
      await build({ contentDir: path.join(root, 'content'), outDir: path.join(root, '_site'), now: NOW, workers: 0 });
      const built = readSite(path.join(root, '_site'));
      for (const [url, $] of built.pages) expect($('script:not([type="application/ld+json"])').length, url).toBe(url === '/search/' ? 1 : 0);
      const $ = built.page('/news/harbour-wall/');
      expect($('h1').text()).toBe(hostile);
      expect(jsonLd($)[0]!.headline).toBe(hostile);
      expect($('meta[property="og:title"]').attr('content')).toBe(hostile);
      for (const file of ['feed.xml', 'atom.xml', 'news-sitemap.xml', 'news/feed.xml']) {
        const text = readFileSync(path.join(root, '_site', file), 'utf8');
        expect(text, file).not.toContain('<script>');
        const $x = load(text, { xml: true });
        expect($x('item > title, entry > title, news\\:title').first().text(), file).toBe(hostile);
      }
      expect(JSON.parse(readFileSync(path.join(root, '_site/feed.json'), 'utf8')).items[0].title).toBe(hostile);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a site under a path prefix', () => {
  test('every internal link, feed link and sitemap URL resolves to a file in the output', async () => {
    const prefix = 'https://courier.example.net/courier/';
    const out = path.join(work, 'prefixed');
    // Another site address renders every file again (in this thread, see above); the images come from a copy of the shared cache.
    await build({ contentDir: CONTENT, outDir: out, now: NOW, baseUrl: prefix, cacheDir: copySharedCache(path.join(work, 'cache')), workers: 0 });
    const built = readSite(out);
    const resolves = (href: string, from: string) => {
      const url = new URL(href, new URL(from.slice(1), prefix));
      if (url.origin !== 'https://courier.example.net') return true;
      expect(url.pathname.startsWith('/courier/'), `${href} on ${from}`).toBe(true);
      return fileForUrl(built, url.pathname.slice('/courier'.length)) !== undefined;
    };
    let checked = 0;
    for (const [url, $] of built.pages) {
      $('a[href], link[href], img[src]').each((_, el) => {
        const href = $(el).attr('href') ?? $(el).attr('src') ?? '';
        if (/^(?:mailto|tel):/.test(href)) return;
        checked++;
        expect(resolves(href.replace(/#.*$/, ''), url), `${href} on ${url}`).toBe(true);
      });
    }
    expect(checked).toBeGreaterThan(1000);
    const sitemap = load(readFileSync(path.join(out, 'sitemap.xml'), 'utf8'), { xml: true });
    for (const loc of sitemap('loc').toArray().map((el) => sitemap(el).text())) expect(resolves(loc, '/'), loc).toBe(true);
    const feed = JSON.parse(readFileSync(path.join(out, 'feed.json'), 'utf8'));
    for (const item of feed.items) expect(resolves(item.url, '/'), item.url).toBe(true);
    expect(readFileSync(path.join(out, '_redirects'), 'utf8')).toBe('/courier/news/fennick-street-closures/ /courier/news/tram-works-begin-on-fennick-street/ 301\n');
  });
});

