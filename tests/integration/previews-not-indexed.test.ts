import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isRedirectStub, sharedSample } from '../helpers/shared-sample.js';
import { readSite } from '../helpers/site-output.js';

/*
 * The shared builds of the sample newsroom: the published site, and the
 * preview with drafts and scheduled stories shown (--drafts --future), which
 * is shared for review and must stay out of search engines.
 */
const sample = sharedSample();
const site = readSite(sample.siteDir);
const preview = readSite(sample.previewDir);
const robotsTxt = (dir: string) => readFileSync(path.join(dir, 'robots.txt'), 'utf8');
const robotsMeta = (dir: ReturnType<typeof readSite>, url: string) =>
  dir
    .page(url)('meta[name="robots"]')
    .toArray()
    .map((meta) => meta.attribs.content);

/** Pages no search engine should list, preview or not: the 404 page, the search page and the stand-ins at old addresses. */
const neverIndexed = (url: string) => url === '/404.html' || url === '/search/' || isRedirectStub(sample.everything, url);

describe('a preview build', () => {
  test('every HTML page, of every kind, asks not to be indexed, once', () => {
    const urls = [...preview.pages.keys()];
    // Every kind of page is there: home, sections and their later pages, the 404 page, search, redirect stubs, stories shown and not.
    expect(urls).toEqual(expect.arrayContaining(['/', '/news/', '/404.html', '/search/', '/tags/', '/corrections/']));
    expect(urls.some((url) => url.endsWith('/page/2/'))).toBe(true);
    expect(urls.filter((url) => isRedirectStub(sample.everything, url)).length).toBeGreaterThan(0);
    const unpublished = sample.everything.articles.filter((article) => article.status !== 'published');
    expect(unpublished.length).toBeGreaterThan(0);
    for (const article of unpublished) expect(urls).toContain(article.url);
    for (const url of urls) expect(robotsMeta(preview, url), url).toEqual(['noindex']);
  });

  test('robots.txt turns every crawler away from everything and names no sitemap', () => {
    expect(robotsTxt(preview.dir)).toBe('User-agent: *\nDisallow: /\n');
  });

  test('_headers asks search engines to list none of its files (feeds and images carry no meta tag), on the rule for every address', () => {
    const headers = readFileSync(path.join(preview.dir, '_headers'), 'utf8');
    const [everyAddress] = headers.split(/\n(?=\/)/);
    expect(everyAddress?.split('\n')).toEqual(expect.arrayContaining(['/*', '  X-Robots-Tag: noindex']));
    expect(headers.match(/X-Robots-Tag/g)).toHaveLength(1);
  });
});

describe('a publish build', () => {
  test('has no noindex but on the pages never meant for search engines', () => {
    const urls = [...site.pages.keys()];
    expect(urls.filter(neverIndexed).length).toBeGreaterThan(3);
    for (const url of urls) expect(robotsMeta(site, url), url).toEqual(neverIndexed(url) ? ['noindex'] : []);
  });

  test('_headers has no X-Robots-Tag', () => {
    expect(readFileSync(path.join(site.dir, '_headers'), 'utf8')).not.toContain('X-Robots-Tag');
  });

  test('robots.txt lets crawlers in and names the sitemaps', () => {
    const robots = robotsTxt(site.dir);
    expect(robots).not.toMatch(/^Disallow/m);
    expect(robots.split('\n').slice(0, 2)).toEqual(['User-agent: *', 'Allow: /']);
    expect(robots).toMatch(/^Sitemap: https:\/\/\S+\/sitemap\.xml$/m);
  });
});
