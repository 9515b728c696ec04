import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { autop } from '../../../src/import/wordpress/autop.js';
import { convertBody, lineOf, type BodyContext } from '../../../src/import/wordpress/convert-body.js';
import { mapComments } from '../../../src/import/wordpress/map-comments.js';
import { oldAddress } from '../../../src/import/wordpress/old-addresses.js';
import { readWxr, WxrSyntaxError, type WxrComment, type WxrRecord } from '../../../src/import/wordpress/read-wxr.js';
import { filePost } from '../../../src/import/wordpress/sections.js';
import { convertShortcodes } from '../../../src/import/wordpress/shortcodes.js';
import { findUpload, publicUploadPath, uploadSegments } from '../../../src/import/wordpress/uploads.js';
import { wordpressDate } from '../../../src/import/wordpress/wp-dates.js';
import { createEmbedMatcher } from '../../../src/markdown/embeds/providers.js';

const work = mkdtempSync(path.join(tmpdir(), 'broadsheet-wp-units-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('wordpressDate', () => {
  test.each([
    ['the wall clock with the offset WordPress recorded', '2019-05-14 09:30:00', '2019-05-14 08:30:00', '2019-05-14T09:30:00+01:00'],
    ['a zone behind UTC', '2019-01-10 03:00:00', '2019-01-10 08:00:00', '2019-01-10T03:00:00-05:00'],
    ['half an hour and a quarter', '2019-01-10 13:45:00', '2019-01-10 08:00:00', '2019-01-10T13:45:00+05:45'],
    ['the same clock is UTC', '2019-01-10 08:00:00', '2019-01-10 08:00:00', '2019-01-10T08:00:00Z'],
    ['a zero GMT field (drafts): the wall clock in the site timezone', '2019-06-20 10:00:00', '0000-00-00 00:00:00', '2019-06-20T10:00:00'],
    ['a local field that is no offset: the GMT time', '2019-01-10 08:07:00', '2019-01-10 08:00:00', '2019-01-10T08:00:00Z'],
    ['no local field', '', '2019-01-10 08:00:00', '2019-01-10T08:00:00Z'],
  ])('%s', (_, local, gmt, expected) => {
    expect(wordpressDate(local, gmt)?.text).toBe(expected);
  });

  test.each([
    ['both zero', '0000-00-00 00:00:00', '0000-00-00 00:00:00'],
    ['an impossible day', '2019-02-30 10:00:00', ''],
    ['not a date', 'yesterday', undefined],
  ])('no date: %s', (_, local, gmt) => {
    expect(wordpressDate(local, gmt)).toBeUndefined();
  });
});

describe('convertShortcodes', () => {
  const context = { attachment: (id: string) => (id === '7' ? { url: 'https://news.example/wp-content/uploads/a.jpg', alt: 'A "quoted" alt', caption: 'First' } : undefined) };

  test.each([
    ['a caption around a linked image', '[caption id="x" width="300"]<a href="/p/"><img src="a.jpg" alt="A"></a> The caption[/caption]', '<figure><a href="/p/"><img src="a.jpg" alt="A"></a><figcaption>The caption</figcaption></figure>'],
    ['the old caption attribute', '[caption caption="Old style"]<img src="a.jpg">[/caption]', '<figure><img src="a.jpg"><figcaption>Old style</figcaption></figure>'],
    ['an embed', 'x [embed width="500"]https://vimeo.com/1[/embed] y', 'x <bs-embed url="https://vimeo.com/1"></bs-embed> y'],
    ['Jetpack youtube', '[youtube https://youtu.be/aBcDeFgHiJk]', '<bs-embed url="https://youtu.be/aBcDeFgHiJk"></bs-embed>'],
    ['a video file', '[video mp4="https://news.example/v.mp4"][/video]', '<video src="https://news.example/v.mp4"></video>'],
    ['a gallery by ids, escaped', '[gallery ids="7"]', '<figure class="bs-gallery"><figure><img src="https://news.example/wp-content/uploads/a.jpg" alt="A &quot;quoted&quot; alt"><figcaption>First</figcaption></figure></figure>'],
    ['an escaped shortcode', 'Write [[caption]] to caption', 'Write [caption] to caption'],
    ['prose in brackets', 'He said [sic] and [1].', 'He said [sic] and [1].'],
  ])('%s', (_, source, html) => {
    expect(convertShortcodes(source, context)).toEqual({ html, notes: [] });
  });

  test('any other shortcode is kept as written and listed', () => {
    const source = 'Before [contact-form-7 id="12"] after [poll] and [sic].';
    expect(convertShortcodes(source, context)).toEqual({
      html: source,
      notes: [
        { kind: 'unconverted', message: 'shortcode [contact-form-7] has no Broadsheet equivalent; kept as text', name: 'contact-form-7' },
        { kind: 'unconverted', message: 'shortcode [poll] has no Broadsheet equivalent; kept as text', name: 'poll' },
      ],
    });
  });
});

describe('autop', () => {
  test('paragraphs from blank lines, breaks from single ones, addresses alone on a line as embeds, listings kept', () => {
    const source = 'One\ntwo\n\n<h2>Head</h2>\n\nhttps://youtu.be/aBcDeFgHiJk\nafter\n\n<pre>a\n\nb</pre>';
    expect(autop(source)).toBe(
      '<p>One<br>\ntwo</p>\n\n<h2>Head</h2>\n\n<bs-embed url="https://youtu.be/aBcDeFgHiJk" bare></bs-embed>\n\n<p>after</p>\n\n<pre>a\n\nb</pre>',
    );
  });
});

describe('convertBody', () => {
  const context: BodyContext = {
    resolve: (url, use) => url.replace('https://news.example/wp-content/uploads/', use === 'image' ? '/images/' : '/files/'),
    altFor: (url) => (url.endsWith('b.jpg') ? 'Alt from the attachment' : undefined),
    embed: createEmbedMatcher(),
    attachment: () => undefined,
  };

  test.each([
    [
      'a classic body with a caption, a frame and a bare video line',
      'Lead <b>text</b>.\n\n[caption]<img src="https://news.example/wp-content/uploads/a.jpg" alt="A"> Cap | tion[/caption]\n\n<iframe src="https://www.youtube.com/embed/aBcDeFgHiJk" title="Film"></iframe>\n\nhttps://vimeo.com/76979871',
      'Lead **text**.\n\n![A](/images/a.jpg "Cap | tion |")\n\n::embed{url="https://www.youtube.com/watch?v=aBcDeFgHiJk" title="Film"}\n\n::embed{url="https://vimeo.com/76979871"}',
    ],
    [
      'blocks: an image with the attachment alt, a pull quote, a quote with its source, a separator, a list',
      '<!-- wp:image {"id":3} -->\n<figure class="wp-block-image"><img src="https://news.example/wp-content/uploads/b.jpg" alt=""/></figure>\n<!-- /wp:image -->\n\n<!-- wp:pullquote -->\n<figure class="wp-block-pullquote"><blockquote><p>Said.</p><cite>Ann</cite></blockquote></figure>\n<!-- /wp:pullquote -->\n\n<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>Q.</p><cite>Bo</cite></blockquote>\n<!-- /wp:quote -->\n\n<!-- wp:separator -->\n<hr/>\n<!-- /wp:separator -->\n\n<!-- wp:list -->\n<ul><li>a</li><li>b</li></ul>\n<!-- /wp:list -->',
      '![Alt from the attachment](/images/b.jpg)\n\n:::pullquote{by="Ann"}\nSaid.\n:::\n\n> Q.\n>\n> — Bo\n\n---\n\n- a\n- b',
    ],
    [
      'an embed inside a sentence goes on a line of its own',
      'Watch [embed]https://youtu.be/aBcDeFgHiJk[/embed] now.',
      'Watch\n\n::embed{url="https://www.youtube.com/watch?v=aBcDeFgHiJk"}\n\nnow.',
    ],
    [
      'the teaser cut goes, sup stays',
      '<p>x<sup>2</sup></p>\n<!--more-->\n<p>After.</p>',
      'x<sup>2</sup>\n\nAfter.',
    ],
  ])('%s', (_, source, markdown) => {
    expect(convertBody(source, context).markdown).toBe(markdown);
  });

  test('what is lost is noted, with text to find its line', () => {
    const { markdown, notes } = convertBody(
      '<p>A <a href="javascript:alert(1)">link</a>.</p>\n\n<script>x()</script>\n\n[video src="https://news.example/wp-content/uploads/v.mp4"][/video]\n\n<!-- wp:latest-posts /-->\n\n<img src="https://elsewhere.example/c.png">',
      context,
    );
    expect(markdown).toBe('A link.\n\n[Video: v.mp4](/files/v.mp4)\n\n<!-- wp:core/latest-posts -->\n\n![Image](https://elsewhere.example/c.png)');
    expect(notes).toEqual([
      { kind: 'unconverted', message: 'block core/latest-posts is drawn by WordPress when the page is shown and has no Broadsheet equivalent; kept as an HTML comment (not shown)', find: '<!-- wp:core/latest-posts' },
      { kind: 'unconverted', message: 'link to "javascript:alert(1)" is not a web address; its text is kept without the link' },
      { kind: 'unconverted', message: '<script> removed with its content: Broadsheet stories carry no code, forms or plug-ins' },
      { kind: 'unconverted', message: 'video file https://news.example/wp-content/uploads/v.mp4: Broadsheet has no player for files; written as a link to it', find: '[Video: v.mp4]' },
      { kind: 'warning', message: 'image https://elsewhere.example/c.png has no alt text; wrote "Image": describe what it shows', find: '(https://elsewhere.example/c.png' },
    ]);
    expect(convertBody('<table><tr><td colspan="2">x</td></tr></table>', context).notes).toEqual([
      { kind: 'warning', message: 'a table with cells spanning several rows or columns became a plain grid; check it reads right' },
    ]);
    const file = `---\ntitle: x\n---\n${markdown}\n`;
    expect(lineOf(file, '[Video: v.mp4]')).toBe(6);
    expect(lineOf('a\n\\[poll] b\n', '[poll')).toBe(2);
  });
});

describe('uploads', () => {
  const sites = [new URL('https://news.example/blog/')];

  test.each([
    ['https://news.example/blog/wp-content/uploads/2019/05/Harbour%20Wall.JPG', ['2019', '05', 'Harbour Wall.JPG']],
    ['/blog/wp-content/uploads/2019/05/x.jpg', ['2019', '05', 'x.jpg']],
    ['http://NEWS.example/blog/wp-content/uploads/x.jpg', ['x.jpg']],
    ['https://news.example/blog/wp-content/uploads/../../x.jpg', undefined],
    ['https://news.example/blog/wp-content/uploads/%2e%2e/%2e%2e/x.jpg', undefined],
    ['https://news.example/blog/wp-content/uploads/..%2F..%2Fx.jpg', ['../../x.jpg']],
    ['https://other.example/blog/wp-content/uploads/x.jpg', undefined],
    ['file:///etc/passwd', undefined],
    ['https://news.example/blog/wp-content/uploads/%E0%A4%A.jpg', undefined],
  ])('uploadSegments(%s)', (address, segments) => {
    expect(uploadSegments(address, sites)).toEqual(segments);
  });

  test.each([
    [['2019', '05', 'Harbour Wall.JPG'], 'images/2019/05/harbour-wall.jpg'],
    [['2019', '06', 'CON.jpg'], 'images/2019/06/file.jpg'],
    [['aux', 'x.png'], 'images/folder/x.png'],
    [['../../x.jpg'], 'images/x.jpg'],
    [['..', 'x.jpg'], 'images/folder/x.jpg'],
    [['noextension'], undefined],
  ])('publicUploadPath(%j)', (segments, expected) => {
    expect(publicUploadPath(segments)).toBe(expected);
  });

  test('findUpload finds plain files inside the folder only', () => {
    const uploads = path.join(work, 'uploads');
    mkdirSync(path.join(uploads, '2019'), { recursive: true });
    writeFileSync(path.join(uploads, '2019', 'a.jpg'), 'a');
    writeFileSync(path.join(work, 'secret.jpg'), 'secret');
    symlinkSync(path.join(work, 'secret.jpg'), path.join(uploads, '2019', 'link.jpg'));
    expect(findUpload(uploads, ['2019', 'a.jpg'])).toBe(path.join(uploads, '2019', 'a.jpg'));
    expect(findUpload(uploads, ['2019', 'link.jpg'])).toBeUndefined();
    expect(findUpload(uploads, ['..', 'secret.jpg'])).toBeUndefined();
    expect(findUpload(uploads, ['../secret.jpg'])).toBeUndefined();
    expect(findUpload(uploads, ['2019'])).toBeUndefined();
    expect(findUpload(uploads, ['2019', 'missing.jpg'])).toBeUndefined();
  });
});

describe('oldAddress', () => {
  const site = new URL('https://news.example/blog/');
  test.each([
    ['https://news.example/blog/2019/05/14/wall/', { kind: 'path', path: '/2019/05/14/wall/' }],
    ['https://news.example/blog/?p=12', { kind: 'query', query: '/?p=12' }],
    ['https://news.example/other/x/', { kind: 'elsewhere' }],
    ['https://elsewhere.example/blog/x/', { kind: 'elsewhere' }],
  ])('%s', (link, expected) => {
    expect(oldAddress(link, site)).toEqual(expected);
  });
});

describe('filePost', () => {
  const categories = () =>
    new Map([
      ['news', { nicename: 'news', name: 'News', parent: '', description: '' }],
      ['harbour', { nicename: 'harbour', name: 'Harbour', parent: 'news', description: '' }],
      ['walls', { nicename: 'walls', name: 'Sea walls', parent: 'harbour', description: '' }],
      ['sport', { nicename: 'sport', name: 'Sport', parent: '', description: '' }],
    ]);
  const fallback = { nicename: 'uncategorized', name: 'Uncategorized', parent: '', description: '' };
  const term = (nicename: string, name = nicename) => ({ domain: 'category', nicename, name });

  test('the top of the first category is the section; the rest, and every other category, are tags', () => {
    const filed = filePost([term('walls'), term('sport'), { domain: 'post_tag', nicename: 'x', name: 'X' }], categories(), fallback);
    expect(filed.section.nicename).toBe('news');
    expect(filed.categoryTags).toEqual(['Sea walls', 'Harbour', 'Sport']);
  });

  test('a category the channel did not list is a top-level one; no category is the fallback', () => {
    const known = categories();
    expect(filePost([term('late', 'Late news')], known, fallback).section).toEqual({ nicename: 'late', name: 'Late news', parent: '', description: '' });
    expect(filePost([], known, fallback).section).toBe(fallback);
  });

  test('a loop of parents ends', () => {
    const looped = new Map([
      ['a', { nicename: 'a', name: 'A', parent: 'b', description: '' }],
      ['b', { nicename: 'b', name: 'B', parent: 'a', description: '' }],
    ]);
    expect(filePost([term('a')], looped, fallback).section.nicename).toBe('b');
  });
});

describe('mapComments', () => {
  const comment = (id: number, parent: number, approved = '1', author = `Reader ${id}`, type = 'comment'): WxrComment => ({
    line: id,
    fields: new Map([
      ['comment_id', String(id)],
      ['comment_parent', String(parent)],
      ['comment_approved', approved],
      ['comment_type', type],
      ['comment_author', author],
      ['comment_date', `2019-05-14 1${id % 10}:00:00`],
      ['comment_date_gmt', `2019-05-14 1${id % 10}:00:00`],
      ['comment_content', `Comment ${id}`],
    ]),
  });
  const convert = (html: string) => ({ markdown: html, notes: [] });

  test('replies at any depth attach to the top of their thread; a reply to a comment not imported climbs to one that was', () => {
    const { files, skipped } = mapComments(
      [comment(1, 0, '1', 'Ann'), comment(2, 1), comment(3, 2), comment(4, 3), comment(5, 0, 'spam'), comment(6, 5), comment(7, 0, '0'), comment(8, 0, '1', 'Ann'), comment(9, 0, '1', 'Blog', 'pingback')],
      convert,
    );
    expect(files.map((file) => file.content)).toEqual([
      'name: Ann\ndate: 2019-05-14T11:00:00Z\nbody: |\n  Comment 1\n',
      'name: Reader 2\ndate: 2019-05-14T12:00:00Z\nreply-to: 2019-05-14-ann\nbody: |\n  Comment 2\n',
      'name: Reader 3\ndate: 2019-05-14T13:00:00Z\nreply-to: 2019-05-14-ann\nbody: |\n  Comment 3\n',
      'name: Reader 4\ndate: 2019-05-14T14:00:00Z\nreply-to: 2019-05-14-ann\nbody: |\n  Comment 4\n',
      'name: Reader 6\ndate: 2019-05-14T16:00:00Z\nbody: |\n  Comment 6\n',
      'name: Ann\ndate: 2019-05-14T18:00:00Z\nbody: |\n  Comment 8\n',
    ]);
    expect(files.map((file) => file.id)).toEqual(['2019-05-14-ann', '2019-05-14-reader-2', '2019-05-14-reader-3', '2019-05-14-reader-4', '2019-05-14-reader-6', '2019-05-14-ann-2']);
    expect(Object.fromEntries(skipped)).toEqual({ spam: 1, pending: 1, 'pingback or trackback': 1 });
  });
});

describe('readWxr', () => {
  const write = (name: string, text: string) => {
    const file = path.join(work, name);
    writeFileSync(file, text);
    return file;
  };
  const collect = async (file: string) => {
    const records: WxrRecord[] = [];
    for await (const record of readWxr(file, path.basename(file))) records.push(record);
    return records;
  };

  test('CDATA and plain text read the same, whatever prefixes the export binds (WXR 1.1 here)', async () => {
    const file = write(
      'prefixes.xml',
      `<?xml version="1.0"?>\n<rss xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:w="http://wordpress.org/export/1.1/" xmlns:e="http://wordpress.org/export/1.1/excerpt/">\n<channel><title>T &amp; co</title>\n<item><title><![CDATA[A & B]]></title><c:encoded>&lt;p&gt;x&nbsp;y&lt;/p&gt;</c:encoded><e:encoded></e:encoded><w:post_id>3</w:post_id>\n<category domain="post_tag" nicename="t"><![CDATA[Tag]]></category><w:postmeta><w:meta_key>_thumbnail_id</w:meta_key><w:meta_value>9</w:meta_value></w:postmeta>\n<w:comment><w:comment_id>4</w:comment_id><w:comment_content><![CDATA[Hi]]></w:comment_content></w:comment></item></channel></rss>`,
    );
    const [channel, item] = await collect(file);
    expect(channel).toEqual({ kind: 'channel', line: 1, fields: new Map([['title', 'T & co']]) });
    expect(item).toEqual({
      kind: 'item',
      line: 4,
      fields: new Map([
        ['title', 'A & B'],
        ['content:encoded', '<p>x\u00a0y</p>'],
        ['excerpt:encoded', ''],
        ['wp:post_id', '3'],
      ]),
      terms: [{ domain: 'post_tag', nicename: 't', name: 'Tag' }],
      meta: new Map([['_thumbnail_id', '9']]),
      comments: [{ line: 6, fields: new Map([['comment_id', '4'], ['comment_content', 'Hi']]) }],
    });
  });

  test('a file that is not well-formed XML stops the import with its line', async () => {
    const file = write('broken.xml', '<rss>\n<channel>\n<item><title>x</titel></item>\n</channel></rss>');
    await expect(collect(file)).rejects.toThrow(WxrSyntaxError);
    await expect(collect(file)).rejects.toThrow(/^broken\.xml:3: not a readable WordPress export/);
  });
});
