import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { joinPieces } from '../../src/import/body-pieces.js';
import { readJekyllConfig } from '../../src/import/jekyll/config.js';
import { jekyllPostAddress, jekyllSlugify } from '../../src/import/jekyll/permalink.js';
import { readSourceTree } from '../../src/import/source-tree.js';
import { convertLiquid, type LiquidContext } from '../../src/import/jekyll/liquid.js';

describe('jekyllPostAddress', () => {
  const post = { date: '2019-05-04T08:15:00+01:00', timezone: 'Europe/Dublin', name: 'Ferry Times', categories: ['Transport', 'Local News'], outputExtension: '.html' };
  it.each([
    ['date', '/transport/local news/2019/05/04/Ferry-Times.html'],
    ['pretty', '/transport/local news/2019/05/04/Ferry-Times/'],
    ['ordinal', '/transport/local news/2019/124/Ferry-Times.html'],
    ['weekdate', '/transport/local news/2019/W18/Sat/Ferry-Times.html'],
    ['none', '/transport/local news/Ferry-Times.html'],
    ['/:year/:i_month/:i_day/:slug/', '/2019/5/4/ferry-times/'],
    ['/:short_year/:short_month/:long_day/:hour-:minute/:title:output_ext', '/19/May/Saturday/08-15/Ferry-Times.html'],
    ['/blog/:title/', '/blog/Ferry-Times/'],
  ])('%s', (pattern, expected) => {
    expect(jekyllPostAddress(pattern, post)).toBe(expected);
  });

  it('reads the date in the site timezone, as Jekyll does', () => {
    expect(jekyllPostAddress('/:year/:month/:day/:slug/', { ...post, date: '2019-12-31T23:30:00-05:00', timezone: 'Europe/Dublin' })).toBe('/2020/01/01/ferry-times/');
    expect(jekyllPostAddress('/:year/:month/:day/:slug/', { ...post, date: '2019-12-31', timezone: 'Asia/Tokyo' })).toBe('/2019/12/31/ferry-times/');
  });

  it('collapses the slashes an empty category list leaves', () => {
    expect(jekyllPostAddress('date', { ...post, categories: [] })).toBe('/2019/05/04/Ferry-Times.html');
  });
});

describe('jekyllSlugify', () => {
  it.each([
    ['Ferry Times!', 'default', false, 'ferry-times'],
    ['Ferry Times!', 'pretty', true, 'Ferry-Times!'],
    ["What's on: ÉIRE", 'default', false, 'what-s-on-éire'],
    ['  --a__b--  ', 'pretty', false, 'a__b'],
  ] as const)('%s (%s)', (text, mode, cased, expected) => {
    expect(jekyllSlugify(text, mode, cased)).toBe(expected);
  });
});

describe('convertLiquid', () => {
  const context: LiquidContext = {
    site: { title: 'Kestrel Bay Dispatch', baseurl: '/bay', author: { name: 'Desk' }, year: 1998 },
    page: { title: 'Storm', tags: ['a'] },
    addressOfSource: (source) => ({ '_posts/2019-05-14-ferry.md': '/transport/ferry/', 'about.md': '/about/' })[source],
    posts: ['_posts/2019-05-14-ferry.md', '_posts/archive/2018-01-01-old.md'],
  };
  const convert = (body: string) => {
    const joined = joinPieces(body, convertLiquid(body, context));
    return { text: joined.text, notes: joined.notes.map((note) => `${note.kind} ${note.sourceLine}→${note.line}: ${note.message}`) };
  };

  it.each([
    ['{{ site.title }} since {{ site.year }}', 'Kestrel Bay Dispatch since 1998'],
    ['by {{ site.author.name }} on {{ page.title }}', 'by Desk on Storm'],
    ['{{ site.baseurl }}/x.png and {{ "/y.png" | relative_url }} and {{ \'z.png\' | absolute_url }}', '/bay/x.png and /y.png and /z.png'],
    ['see {% post_url 2019-05-14-ferry %} or {% link about.md %}', 'see /transport/ferry/ or /about/'],
    ['`{% raw %}{{ x }} {% if y %}{% endraw %}`', '`{{ x }} {% if y %}`'],
    ['{% highlight ruby linenos %}\nputs "``` {{ x }}"\n{% endhighlight %}', '````ruby\nputs "``` {{ x }}"\n````'],
    ['{% include youtube.html id="dQw4w9WgXcQ" %}', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['{% include video id="76979871" provider="vimeo" title=\'A "quoted" film\' %}', '::embed{url="https://vimeo.com/76979871" title="A &quot;quoted&quot; film"}'],
    ['Watch: {% youtube dQw4w9WgXcQ %} now', 'Watch: \n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n now'],
    ['a{% comment %}secret{% endcomment %}b', 'ab'],
  ])('%s', (body, expected) => {
    expect(convert(body).text).toBe(expected);
  });

  it('keeps what has no Broadsheet form as written, and names each at its lines', () => {
    const body = 'One\n{% if page.x %}\nTwo {{ page.tags | join: ", " }}\n{% endif %}\n{% include youtube.html id=page.video %}\n{% post_url 2001-01-01-gone %}\n{{ site.missing }}';
    const result = convert(body);
    expect(result.text).toBe(body);
    expect(result.notes).toEqual([
      'unconverted 2→2: the Liquid tag {% if %} has no Broadsheet equivalent: kept as written',
      'unconverted 3→3: the Liquid output {{ page.tags | join: ", " }} has no Broadsheet equivalent: kept as written',
      'unconverted 4→4: the Liquid tag {% endif %} has no Broadsheet equivalent: kept as written',
      'unconverted 5→5: {% include youtube.html %} has no Broadsheet equivalent: kept as written',
      'unconverted 6→6: {% post_url 2001-01-01-gone %} names no imported post: kept as written',
      'unconverted 7→7: {{ site.missing }} has no value to write: kept as written',
    ]);
  });

  it('places a note at the line the construct lands on in the new body', () => {
    const result = convert('{% highlight js %}\na\nb\nc\n{% endhighlight %}\n{% unknown %}');
    expect(result.notes).toEqual(['unconverted 6→6: the Liquid tag {% unknown %} has no Broadsheet equivalent: kept as written']);
    const shorter = convert('{% raw %}\n\n\n{% endraw %}x\n{% comment %}\n\n{% endcomment %}{% unknown %}');
    expect(shorter.notes.at(-1)).toBe('unconverted 7→5: the Liquid tag {% unknown %} has no Broadsheet equivalent: kept as written');
  });

  it('keeps a body whose Liquid cannot be read, and says so', () => {
    const result = convert('Text {{ unclosed');
    expect(result.text).toBe('Text {{ unclosed');
    expect(result.notes).toEqual(['unconverted 1→1: the Liquid in this body could not be read (output "{{ unclosed" not closed); the body is kept as written']);
  });

  it('finds post_url targets in folders below _posts', () => {
    const inner = { ...context, addressOfSource: (source: string) => (source === '_posts/archive/2018-01-01-old.md' ? '/news/old/' : undefined) };
    expect(joinPieces('x', convertLiquid('{% post_url archive/2018-01-01-old %}', inner)).text).toBe('/news/old/');
  });
});

describe('readJekyllConfig', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jekyll-config-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const tree = (name: string, config?: string) => {
    fs.mkdirSync(path.join(root, name));
    if (config !== undefined) fs.writeFileSync(path.join(root, name, '_config.yml'), config);
    return readSourceTree(path.join(root, name));
  };

  it('reads the address with its baseurl, the locale as a language tag, and the site author', () => {
    const config = readJekyllConfig(tree('full', 'title: Bay\nurl: "https://bay.example.net/"\nbaseurl: "/news/"\nlocale: en_US\ntimezone: America/Halifax\npermalink: pretty\nauthor:\n  name: Desk\n'));
    expect(config.notices).toEqual([]);
    expect(config.settings).toEqual({ title: 'Bay', url: 'https://bay.example.net/news/', language: 'en-US', timezone: 'America/Halifax', description: undefined });
    expect(config.oldSite).toEqual({ host: 'bay.example.net', prefix: '/news' });
    expect(config.permalink).toBe('pretty');
    expect(config.author).toBe('Desk');
  });

  it('says what it assumed when there is no config, or a broken one', () => {
    const messages = (config: ReturnType<typeof readJekyllConfig>) => config.notices.map((notice) => `${notice.source.line ?? '-'} ${notice.message}`);
    expect(messages(readJekyllConfig(tree('none')))).toEqual([
      "- there is no _config.yml; Jekyll's defaults are used",
      '- _config.yml names no timezone: dates without an offset are read as UTC (set timezone: in site.yml if the site meant another)',
      "- the site's address is not given: https://example.org/ stands in for it; set url: in site.yml",
      '- _config.yml names no language: en is used',
      '- _config.yml has no title: "Archive" is used',
    ]);
    expect(messages(readJekyllConfig(tree('broken', 'title: Bay\ntimezone: Mars/Olympus\nurl: [\n')))[0]).toMatch(/^4 _config.yml could not be read \(.*\); Jekyll's defaults are used$/);
    expect(readJekyllConfig(tree('zone', 'timezone: Mars/Olympus\n')).notices.map((notice) => notice.message)).toContain('the timezone "Mars/Olympus" is not an IANA timezone: UTC is used');
  });
});
