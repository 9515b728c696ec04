import { describe, expect, test } from 'vitest';
import { headersFor, parseHeadersFile } from '../../src/deploy/headers-file.js';
import { renderHeaders } from '../../src/outputs/seo/headers.js';

const values = (text: string, sitePath: string) =>
  Object.fromEntries([...headersFor(parseHeadersFile(text).rules, sitePath)].map(([name, { value }]) => [name, value]));

describe('reading _headers', () => {
  const file = [
    '# every page',
    '/*',
    '  X-Frame-Options: DENY',
    '  Cache-Control: public, max-age=0',
    '',
    '/img/*',
    '  ! Cache-Control',
    '  Cache-Control: public, max-age=31536000, immutable',
    '/authors/:slug/',
    '  X-Robots-Tag: noindex',
    '/*',
    '  X-Robots-Tag: nosnippet',
    '',
  ].join('\n');

  test.each([
    ['/', { 'x-frame-options': 'DENY', 'cache-control': 'public, max-age=0', 'x-robots-tag': 'nosnippet' }],
    ['/img/a/b.avif', { 'x-frame-options': 'DENY', 'cache-control': 'public, max-age=31536000, immutable', 'x-robots-tag': 'nosnippet' }],
    ['/authors/ada/', { 'x-frame-options': 'DENY', 'cache-control': 'public, max-age=0', 'x-robots-tag': 'noindex, nosnippet' }],
    ['/authors/ada/feed.xml', { 'x-frame-options': 'DENY', 'cache-control': 'public, max-age=0', 'x-robots-tag': 'nosnippet' }],
  ])('%s gets every matching rule in file order, repeats joined, detached values gone', (sitePath, expected) => {
    expect(values(file, sitePath)).toEqual(expected);
  });

  test('a value made of two rules names both lines', () => {
    const { rules } = parseHeadersFile(file);
    expect(headersFor(rules, '/authors/ada/').get('x-robots-tag')?.lines).toEqual([9, 11]);
    expect(headersFor(rules, '/img/x.png').get('cache-control')?.lines).toEqual([6]);
  });

  test("Broadsheet's own rules match the files they name, escaped names included, under a path prefix", () => {
    const { content } = renderHeaders({ url: 'https://example.org/news/' }, ['/css/site.0123456789.css', '/img/*'], [], ['/images/a chart*:x.svg']);
    const { rules, problems } = parseHeadersFile(content);
    expect(problems).toEqual([]);
    expect(values(content, '/news/images/a chart*:x.svg')['content-security-policy']).toMatch(/^default-src 'self'.*, sandbox$/);
    expect(values(content, '/news/images/a chart.svg')['content-security-policy']).not.toMatch(/sandbox/);
    expect(values(content, '/news/css/site.0123456789.css')['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(values(content, '/news/css/site.css')['cache-control']).toBeUndefined();
    expect(values(content, '/news/img/ab/cd-640.webp')['cache-control']).toBe('public, max-age=31536000, immutable');
    // Outside the prefix no rule applies.
    expect(headersFor(rules, '/img/ab/cd-640.webp').size).toBe(0);
  });

  test('lines no host reads as a rule are reported with their line numbers', () => {
    const { rules, problems } = parseHeadersFile(['  X-Early: yes', 'https://example.org/*', '  X-Host: yes', '/a', '  no colon here', '  X-Fine: 1'].join('\n'));
    expect(problems).toEqual([
      { line: 1, message: 'a header before any path: it belongs to no rule' },
      { line: 2, message: '"https://example.org/*" is not a site path: only rules for paths starting with "/" can be applied to files' },
      { line: 5, message: '"no colon here" is not a header: a header is "Name: value"' },
    ]);
    expect(rules.map((rule) => [rule.pattern, rule.actions])).toEqual([['/a', [{ name: 'x-fine', value: '1' }]]]);
  });
});
