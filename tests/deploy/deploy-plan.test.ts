import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CACHE_CONTROL, planDeploy, sitePathOf, type PlanInput } from '../../src/deploy/deploy-plan.js';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const IMMUTABLE = 'public, max-age=31536000, immutable';
const HEADERS = ['/*', '  X-Frame-Options: DENY', '/css/site.abc.css', `  Cache-Control: ${IMMUTABLE}`, '/img/*', `  Cache-Control: ${IMMUTABLE}`, ''].join('\n');
const typeOf = (file: string) => (file.endsWith('.html') ? 'text/html' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream');

const site = { 'index.html': 'home', 'news/a/index.html': 'story', 'css/site.abc.css': 'css', 'img/x/1-640.webp': 'img', 'feed.xml': 'feed', _headers: HEADERS, _redirects: '' };
const local = (files: Record<string, string>) => Object.entries(files).map(([file, text]) => ({ file, md5: md5(text) }));
const remoteOf = (files: Record<string, string>) => Object.entries(files).map(([file, text]) => ({ file, etag: `"${md5(text)}"` }));
const plan = (overrides: Partial<PlanInput>) =>
  planDeploy({ local: local(site), remote: [], headers: HEADERS, previousHeaders: undefined, sitePrefix: '', typeOf, ...overrides });

describe('planning a deploy', () => {
  test('into an empty bucket: everything goes up, assets, then pages, then the host files with _headers last', () => {
    const { uploads, deletes, unchanged } = plan({});
    expect(uploads.map((u) => [u.phase, u.file, u.reason])).toEqual([
      ['asset', 'css/site.abc.css', 'new'],
      ['asset', 'img/x/1-640.webp', 'new'],
      ['page', 'feed.xml', 'new'],
      ['page', 'index.html', 'new'],
      ['page', 'news/a/index.html', 'new'],
      ['host', '_redirects', 'new'],
      ['host', '_headers', 'new'],
    ]);
    expect(deletes).toEqual([]);
    expect(unchanged).toBe(0);
  });

  test("each file's Cache-Control comes from the rules that match its address, the hosts' default otherwise; its type from its name", () => {
    const byFile = new Map(plan({}).uploads.map((u) => [u.file, [u.cacheControl, u.contentType]]));
    expect(byFile.get('css/site.abc.css')).toEqual([IMMUTABLE, 'text/css']);
    expect(byFile.get('img/x/1-640.webp')).toEqual([IMMUTABLE, 'application/octet-stream']);
    expect(byFile.get('index.html')).toEqual([DEFAULT_CACHE_CONTROL, 'text/html']);
    expect(byFile.get('news/a/index.html')).toEqual([DEFAULT_CACHE_CONTROL, 'text/html']);
  });

  test('a Content-Type rule wins over the name', () => {
    const headers = `${HEADERS}/feed.xml\n  Content-Type: application/rss+xml\n`;
    expect(plan({ headers }).uploads.find((u) => u.file === 'feed.xml')?.contentType).toBe('application/rss+xml');
  });

  test('only changed files go up; files the build no longer has are deleted, after every upload', () => {
    const before = { ...site, 'news/a/index.html': 'old story', 'news/gone/index.html': 'gone', 'css/site.old.css': 'old css' };
    const result = plan({ remote: remoteOf(before), previousHeaders: HEADERS });
    expect(result.uploads.map((u) => [u.file, u.reason])).toEqual([['news/a/index.html', 'changed']]);
    expect(result.unchanged).toBe(6);
    expect(result.deletes).toEqual(['css/site.old.css', 'news/gone/index.html']);
  });

  test("ETags are compared without quotes and case; a multipart upload's never matches", () => {
    const remote = [
      { file: 'index.html', etag: `"${md5('home').toUpperCase()}"` },
      { file: 'feed.xml', etag: `"${md5('feed')}-2"` },
    ];
    const reasons = new Map(plan({ remote, previousHeaders: HEADERS }).uploads.map((u) => [u.file, u.reason]));
    expect(reasons.has('index.html')).toBe(false);
    expect(reasons.get('feed.xml')).toBe('changed');
  });

  test('same bytes under other rules go up again with the new headers; with no record of the old rules, all of them do', () => {
    const previousHeaders = HEADERS.replace('/img/*\n', '/img/other/*\n');
    const again = plan({ remote: remoteOf(site), previousHeaders });
    expect(again.uploads.map((u) => [u.file, u.reason])).toEqual([['img/x/1-640.webp', 'headers']]);
    expect(again.uploads[0]?.cacheControl).toBe(IMMUTABLE);
    const unknown = plan({ remote: remoteOf(site), previousHeaders: undefined });
    expect(unknown.uploads.map((u) => u.reason)).toEqual(Array(7).fill('headers'));
  });

  test('rules carry the site path prefix: files are matched at their address under it', () => {
    const headers = HEADERS.replace(/^\//gm, '/news/');
    const uploads = plan({ headers, sitePrefix: '/news' }).uploads;
    expect(uploads.find((u) => u.file === 'img/x/1-640.webp')?.cacheControl).toBe(IMMUTABLE);
    expect(sitePathOf('/news', 'index.html')).toBe('/news/');
    expect(sitePathOf('', 'news/a/index.html')).toBe('/news/a/');
    expect(sitePathOf('', '404.html')).toBe('/404.html');
  });

  test('a Cache-Control two rules give one file is a problem: the hosts would send different values', () => {
    const headers = `${HEADERS}/img/x/*\n  Cache-Control: no-store\n`;
    const { problems } = plan({ headers });
    expect(problems).toEqual([
      {
        line: 5,
        message: 'cache-control of /img/x/1-640.webp is given by the rules on lines 5 and 7: Cloudflare Pages joins the values, Netlify keeps one; give it in one rule',
      },
    ]);
  });

  test('headers an object cannot carry are named for the CDN', () => {
    expect(plan({}).cdnHeaders).toEqual(['x-frame-options']);
  });
});
