import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { relinkBody } from '../../src/import/body-links.js';
import { readFrontMatterBlock } from '../../src/import/front-matter-block.js';
import { aliasProblem, chooseAliases, sitePathOf } from '../../src/import/old-addresses.js';
import { readSourceTree, resolveInTree } from '../../src/import/source-tree.js';
import { publicPathOf } from '../../src/import/static-site/public-path.js';
import { isoFromWritten } from '../../src/import/static-site/written-date.js';

describe('readFrontMatterBlock', () => {
  it.each([
    ['YAML', '---\ntitle: A\ndate: 2013-05-06 02:12:52 +0200\ntags: [47, yes]\n---\nBody\n', { title: 'A', date: '2013-05-06 02:12:52 +0200', tags: [47, 'yes'] }, 'yaml', 6],
    ['TOML', '+++\ntitle = "A"\ndate = 2019-05-14T10:00:00+02:00\nday = 2019-05-14\n+++\nBody', { title: 'A', date: '2019-05-14T10:00:00+02:00', day: '2019-05-14' }, 'toml', 6],
    ['JSON', '{\n  "title": "A",\n  "draft": false\n}\nBody', { title: 'A', draft: false }, 'json', 5],
    ['none', 'Body', {}, 'none', 1],
    ['a byte order mark and CRLF', '\uFEFF---\r\ntitle: A\r\n---\r\nBody', { title: 'A' }, 'yaml', 4],
    ['a YAML tag read as text, never run', '---\nx: !!js/function "function () { return 1 }"\n---\n', { x: 'function () { return 1 }' }, 'yaml', 4],
  ])('%s', (_, text, data, format, bodyLine) => {
    const read = readFrontMatterBlock(text);
    expect(read).toEqual({ ok: true, block: { data, format, body: expect.any(String), bodyLine } });
  });

  it.each([
    ['an unclosed block', '---\ntitle: A\n', 'the front matter opened by "---" is never closed', 1],
    ['bad YAML, at its line', '---\ntitle: A\nx: [1,\n---\n', 'YAML: Flow sequence in block collection must be sufficiently indented and end with a ]', 3],
    ['bad TOML, at its line', '+++\ntitle = "A"\nx = [1,\n+++\n', expect.stringMatching(/^TOML: /), 3],
    ['a list, not a mapping', '---\n- a\n---\n', 'the front matter is not a mapping of fields', 2],
  ])('%s', (_, text, message, line) => {
    expect(readFrontMatterBlock(text)).toEqual({ ok: false, problem: { message, line } });
  });
});

describe('isoFromWritten', () => {
  it.each([
    ['2013-05-06 02:12:52 +0200', '2013-05-06T02:12:52+02:00'],
    ['2013-05-06 02:12:52 -0530', '2013-05-06T02:12:52-05:30'],
    ['2013-5-6 2:12', '2013-05-06T02:12:00'],
    ['2019-05-14T10:00:00.123Z', '2019-05-14T10:00:00Z'],
    ['2019-05-14 10:00:00 UTC', '2019-05-14T10:00:00Z'],
    ['2019-05-14T10:00:00+02', '2019-05-14T10:00:00+02:00'],
    ['2019-05-14', '2019-05-14'],
    ['14 May 2019', undefined],
    [20190514, undefined],
  ])('%s', (written, expected) => {
    expect(isoFromWritten(written)).toBe(expected);
  });
});

describe('old addresses', () => {
  it.each([
    ['/2019/05/14/ferry.html', undefined],
    ['/news/ferry/', undefined],
    ['/old-post', undefined],
    ['/', 'it is the home page, which the new site has too'],
    ['/../etc/passwd', expect.stringMatching(/plain path segments/)],
    ['/local news/ferry/', expect.stringMatching(/plain path segments/)],
    ['/caf%C3%A9/', expect.stringMatching(/plain path segments/)],
    ['/a/?p=1', expect.stringMatching(/plain path segments/)],
    ['/aux/x/', 'it uses a name Windows reserves for devices'],
    ['/x/com1.html', 'it uses a name Windows reserves for devices'],
  ])('aliasProblem(%s)', (address, expected) => {
    expect(aliasProblem(address)).toEqual(expected);
  });

  const oldSite = { host: 'dispatch.example.net', prefix: '/bay' };
  it.each([
    ['/bay/2019/ferry.html', '/2019/ferry.html'],
    ['/bay', '/'],
    ['/bayside/x/', '/bayside/x/'],
    ['https://dispatch.example.net/bay/about/', '/about/'],
    ['//dispatch.example.net/bay/about/', '/about/'],
    ['https://elsewhere.example.org/bay/about/', undefined],
    ['mailto:desk@dispatch.example.net', undefined],
    ['relative/path', undefined],
    ['/bay//double//slash/', '/double/slash/'],
  ])('sitePathOf(%s)', (address, expected) => {
    expect(sitePathOf(address, oldSite)).toBe(expected);
  });

  it('keeps each old address once, never the new address, never one another item has, and at most 20', () => {
    const claimed = new Map([['/taken/', 'other.md']]);
    const many = Array.from({ length: 22 }, (_, n) => ({ path: `/old/${n}/` }));
    const choice = chooseAliases([{ path: '/news/x/' }, { path: '/a/' }, { path: '/a/' }, { path: '/Taken/', line: 4 }, ...many], '/news/x/', claimed, 'x.md');
    expect(choice.aliases).toEqual(['/a/', ...many.slice(0, 19).map((item) => item.path)]);
    expect(choice.refused).toEqual([
      { address: '/Taken/', why: 'other.md has it already', line: 4 },
      { address: '/old/19/', why: 'this item keeps at most 20 old addresses (each is a page; see the limits in SECURITY.md)', line: undefined },
      { address: '/old/20/', why: 'this item keeps at most 20 old addresses (each is a page; see the limits in SECURITY.md)', line: undefined },
      { address: '/old/21/', why: 'this item keeps at most 20 old addresses (each is a page; see the limits in SECURITY.md)', line: undefined },
    ]);
    expect(claimed.get('/a/')).toBe('x.md');
  });
});

describe('the source tree', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'source-tree-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const site = path.join(root, 'site');
  const outside = path.join(root, 'outside');
  fs.mkdirSync(path.join(site, '_posts'), { recursive: true });
  fs.mkdirSync(path.join(site, 'node_modules', 'pkg'), { recursive: true });
  fs.mkdirSync(path.join(site, '.git'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
  fs.writeFileSync(path.join(site, '_posts', '2019-01-01-a.md'), 'a');
  fs.writeFileSync(path.join(site, 'node_modules', 'pkg', 'x.md'), 'x');
  fs.writeFileSync(path.join(site, '.git', 'HEAD'), 'x');
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(site, '_posts', '2019-01-02-b.md'));
  fs.symlinkSync(outside, path.join(site, 'assets'));
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(site, 'root-link.md'));

  it('lists regular files, reports links without following them, and reads only what it listed', () => {
    const tree = readSourceTree(site);
    expect(tree.files).toEqual(['_posts/2019-01-01-a.md']);
    expect(tree.links).toEqual(['_posts/2019-01-02-b.md', 'assets', 'root-link.md']);
    expect(tree.readText('_posts/2019-01-01-a.md')).toBe('a');
    expect(() => tree.readText('_posts/2019-01-02-b.md')).toThrow(/not a file of the source folder/);
    expect(() => tree.readBytes('assets/secret.txt')).toThrow(/not a file of the source folder/);
  });

  it.each([
    ['/assets/img/x.jpg', '', 'assets/img/x.jpg'],
    ['img/x.jpg', 'content/posts/a', 'content/posts/a/img/x.jpg'],
    ['../b/x.jpg', 'content/posts/a', 'content/posts/b/x.jpg'],
    ['./x%20y.jpg?v=2#top', 'p', 'p/x y.jpg'],
    ['/assets/../../secret.txt', '', undefined],
    ['../../../x.jpg', 'a/b', undefined],
    ['/%2e%2e/x.jpg', '', undefined],
    ['/a%00b.jpg', '', undefined],
    ['/a\\..\\..\\b.jpg', '', undefined],
    ['/bad%zz.jpg', '', undefined],
  ])('resolveInTree(%s, %s)', (reference, from, expected) => {
    expect(resolveInTree(reference, from)).toBe(expected);
  });
});

describe('publicPathOf', () => {
  it.each([
    [['assets', 'Photos', 'Harbour Wall.JPG'], 'images/assets/photos/harbour-wall.jpg'],
    [['images', '2019', 'a.png'], 'images/2019/a.png'],
    [['..', 'x.png'], 'images/files/x.png'],
    [['con.png'], 'images/file.png'],
    [['noextension'], undefined],
    [['a.tar.gz'], 'images/a-tar.gz'],
  ])('%j', (parts, expected) => {
    expect(publicPathOf(parts)).toBe(expected);
  });
});

describe('relinkBody', () => {
  it('changes only the addresses, so every line stays where it was', () => {
    const body = [
      'Text ![Boat](/a.jpg "Dawn | Photo") and [link](/old/) and [keep](https://example.org/).',
      '',
      '![Gone](/gone.jpg)',
      '',
      '![Ref][boat]',
      '',
      '[boat]: /a.jpg',
      '',
      '<p><img alt="Pier" src="/a.jpg"> <img src=\'/gone.jpg\' alt="Lost"></p>',
      '',
      '`![not an image](/a.jpg)`',
    ].join('\n');
    const seen: string[] = [];
    const text = relinkBody(body, ({ kind, url, line }) => {
      seen.push(`${kind} ${url} ${line}`);
      if (url === '/gone.jpg') return { asLink: url };
      if (url === '/a.jpg') return '/images/a.jpg';
      if (url === '/old/') return '/news/new/';
      return undefined;
    });
    expect(text.split('\n')).toEqual([
      'Text ![Boat](/images/a.jpg "Dawn | Photo") and [link](/news/new/) and [keep](https://example.org/).',
      '',
      '[Gone](/gone.jpg)',
      '',
      '![Ref][boat]',
      '',
      '[boat]: /images/a.jpg',
      '',
      '<p><img alt="Pier" src="/images/a.jpg"> <a href="/gone.jpg">Lost</a></p>',
      '',
      '`![not an image](/a.jpg)`',
    ]);
    expect(seen).toEqual(['image /a.jpg 1', 'link /old/ 1', 'link https://example.org/ 1', 'image /gone.jpg 3', 'image /a.jpg 7', 'image /a.jpg 9', 'image /gone.jpg 9']);
  });
});
