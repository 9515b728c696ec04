import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { joinPieces } from '../../src/import/body-pieces.js';
import { readHugoConfig } from '../../src/import/hugo/config.js';
import { hugoPageAddress, hugoUrlize } from '../../src/import/hugo/permalink.js';
import { readSourceTree } from '../../src/import/source-tree.js';
import { shortcodeTokens } from '../../src/import/hugo/shortcode-tokens.js';
import { convertShortcodes, type ShortcodeContext } from '../../src/import/hugo/shortcodes.js';

describe('hugoPageAddress', () => {
  const page = { folders: ['posts', '2019'], name: 'Old Mill', title: "What's new at the Mill?", date: '2019-04-02T23:30:00Z', timezone: 'Europe/London' };
  it.each([
    [undefined, {}, false, '/posts/2019/old-mill/'],
    [undefined, { slug: 'mill' }, false, '/posts/2019/mill/'],
    [undefined, {}, true, '/posts/2019/old-mill.html'],
    ['/:year/:month/:day/:slug/', {}, false, '/2019/04/03/whats-new-at-the-mill/'],
    ['/:year/:month/:slug/', { slug: 'Mill Reopens' }, false, '/2019/04/mill-reopens/'],
    ['/:section/:filename/', {}, false, '/posts/old-mill/'],
    ['/:sections/:slugorfilename/', {}, false, '/posts/2019/old-mill/'],
    ['/:monthname/:weekdayname/:title/', {}, true, '/april/wednesday/whats-new-at-the-mill.html'],
  ] as const)('%s %j ugly=%s', (pattern, extra, ugly, expected) => {
    expect(hugoPageAddress(pattern, { ...page, ...extra }, ugly)).toBe(expected);
  });

  it.each([
    ['Parish Council', 'parish-council'],
    ["What's new?", 'whats-new'],
    ['Café  au lait', 'café-au-lait'],
  ])('urlize %s', (text, expected) => {
    expect(hugoUrlize(text)).toBe(expected);
  });
});

describe('shortcodeTokens', () => {
  it('reads names, positional and named arguments in every quoting, closing and self-closing tags', () => {
    const tokens = shortcodeTokens('{{< figure src="a b.jpg" caption=`raw "x"` n=3 >}}{{% note "say \\"hi\\"" %}}{{< /note >}}{{< br />}}');
    expect(tokens.map(({ start, end, ...rest }) => ({ ...rest, named: Object.fromEntries(rest.named) }))).toEqual([
      { name: 'figure', closing: false, selfClosing: false, positional: [], named: { src: 'a b.jpg', caption: 'raw "x"', n: '3' } },
      { name: 'note', closing: false, selfClosing: false, positional: ['say "hi"'], named: {} },
      { name: 'note', closing: true, selfClosing: false, positional: [], named: {} },
      { name: 'br', closing: false, selfClosing: true, positional: [], named: {} },
    ]);
  });

  it('finds a closing delimiter inside quotes not to be one', () => {
    expect(shortcodeTokens('{{< x a=">}}" >}} after').map((token) => token.positional.concat([...token.named.values()]))).toEqual([['>}}']]);
  });

  it('leaves an unclosed shortcode and a plain template brace as text', () => {
    expect(shortcodeTokens('{{ .Title }} and {{< youtube abc')).toEqual([]);
  });
});

describe('convertShortcodes', () => {
  const context: ShortcodeContext = {
    page: { location: 'the green', params: { mood: 'sunny' } },
    params: { town: 'Larchmere' },
    addressOfRef: (reference) => ({ 'posts/fete.md': '/posts/fete/', fete: '/posts/fete/' })[reference],
  };
  const convert = (body: string) => {
    const joined = joinPieces(body, convertShortcodes(body, context));
    return { text: joined.text, notes: joined.notes.map((note) => `${note.kind} ${note.sourceLine}→${note.line}: ${note.message}`) };
  };

  it.each([
    ['{{< youtube w7Ft2ymGmfc >}}', 'https://www.youtube.com/watch?v=w7Ft2ymGmfc'],
    ['{{< youtube id="w7Ft2ymGmfc" title="The fete" >}}', '::embed{url="https://www.youtube.com/watch?v=w7Ft2ymGmfc" title="The fete"}'],
    ['{{< vimeo id="146022717" >}}', 'https://vimeo.com/146022717'],
    ['{{< tweet user="SanDiegoZoo" id="1453110110599868418" >}}', 'https://x.com/SanDiegoZoo/status/1453110110599868418'],
    ['{{< tweet SanDiegoZoo 1453110110599868418 >}}', 'https://x.com/SanDiegoZoo/status/1453110110599868418'],
    ['{{< tweet 1453110110599868418 >}}', 'https://x.com/i/status/1453110110599868418'],
    ['{{< instagram CxOWiQNP2MO >}}', 'https://www.instagram.com/p/CxOWiQNP2MO/'],
    ['{{< figure src="/images/a.jpg" alt="A boat" title="Dawn" caption="On the *river*" attr="Photo: Ann | Studio" >}}', '![A boat](/images/a.jpg "Dawn: On the *river* | Photo: Ann / Studio")'],
    ['{{< figure src="a.jpg" alt="A boat" >}}', '![A boat](a.jpg)'],
    ['[the fete]({{< ref "posts/fete.md" >}}) and [again]({{% relref "fete#prizes" %}})', '[the fete](/posts/fete/) and [again](/posts/fete/#prizes)'],
    ['On {{< param location >}} in {{< param "town" >}}, {{< param mood >}}', 'On the green in Larchmere, sunny'],
    ['{{< highlight go "linenos=table" >}}\nfmt.Println("{{< x >}}")\n{{< /highlight >}}', '```go\nfmt.Println("{{< x >}}")\n```'],
    ['{{< details summary="Prizes <3" >}}\n- Cake\n{{< /details >}}', '<details>\n<summary>Prizes &lt;3</summary>\n\n- Cake\n\n</details>'],
    ['Write {{</* youtube abc */>}} or {{%/* ref "x" */%}}.', 'Write {{< youtube abc >}} or {{% ref "x" %}}.'],
    ['See {{< youtube w7Ft2ymGmfc >}} here', 'See \n\nhttps://www.youtube.com/watch?v=w7Ft2ymGmfc\n\n here'],
  ])('%s', (body, expected) => {
    expect(convert(body).text).toBe(expected);
  });

  it('makes a figure without alt text from its caption, and says so; a link is left out with a word', () => {
    expect(convert('{{< figure src="/a.jpg" caption="The [stall](/x)" link="/big.jpg" >}}')).toEqual({
      text: '![The stall](/a.jpg "The [stall](/x)")',
      notes: ["warning 1→1: the figure has no alt text: its caption (or file name) stands in; describe the picture; the figure's link to /big.jpg is left out (a figure is not a link)"],
    });
  });

  it('turns a gist into a link, with a word', () => {
    expect(convert('{{< gist spf13 7896402 >}}')).toEqual({ text: '[Gist spf13/7896402](https://gist.github.com/spf13/7896402)', notes: ['warning 1→1: a gist has no Broadsheet embed: it is a link to the gist now'] });
  });

  it('keeps every other shortcode as written, each named at its lines', () => {
    const body = 'A\n{{< notice warning >}}\nMind the step\n{{< /notice >}}\n{{< youtube not-an-id >}}\n{{< ref "gone.md" >}}\n{{< figure caption="no src" >}}';
    const result = convert(body);
    expect(result.text).toBe(body);
    expect(result.notes).toEqual([
      'unconverted 2→2: the shortcode {{< notice warning >}} has no Broadsheet equivalent: kept as written',
      'unconverted 4→4: the shortcode {{< /notice >}} has no Broadsheet equivalent: kept as written',
      'unconverted 5→5: the shortcode {{< youtube not-an-id >}} has no Broadsheet equivalent: kept as written',
      'unconverted 6→6: the shortcode {{< ref "gone.md" >}} has no Broadsheet equivalent: kept as written',
      'unconverted 7→7: the shortcode {{< figure caption="no src" >}} has no Broadsheet equivalent: kept as written',
    ]);
  });

  it('reads a paired shortcode it cannot convert as its parts', () => {
    const result = convert('{{< highlight >}}{{< youtube w7Ft2ymGmfc >}}');
    expect(result.text).toBe('{{< highlight >}}\n\nhttps://www.youtube.com/watch?v=w7Ft2ymGmfc\n\n');
    expect(result.notes).toEqual(['unconverted 1→1: the shortcode {{< highlight >}} has no Broadsheet equivalent: kept as written']);
  });
});

describe('readHugoConfig', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hugo-config-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const configs: [string, string][] = [
    ['hugo.toml', 'baseURL = "https://fen.example.org/ledger/"\ntitle = "Fen Ledger"\nlanguageCode = "en-GB"\ntimeZone = "Europe/London"\n[permalinks.page]\nposts = "/:year/:slug/"\n[params]\ndescription = "Fen news"\n'],
    ['config.yaml', 'baseurl: https://fen.example.org/ledger/\ntitle: Fen Ledger\nlanguageCode: en-GB\ntimeZone: Europe/London\npermalinks:\n  posts: /:year/:slug/\nparams:\n  description: Fen news\n'],
    ['hugo.json', '{"baseURL": "https://fen.example.org/ledger/", "title": "Fen Ledger", "languageCode": "en-GB", "timeZone": "Europe/London", "permalinks": {"posts": "/:year/:slug/"}, "params": {"description": "Fen news"}}'],
  ];
  it.each(configs)('%s', (name, text) => {
    fs.mkdirSync(path.join(root, name));
    fs.writeFileSync(path.join(root, name, name), text);
    const config = readHugoConfig(readSourceTree(path.join(root, name)));
    expect(config.notices).toEqual([]);
    expect(config.settings).toEqual({ title: 'Fen Ledger', url: 'https://fen.example.org/ledger/', language: 'en-GB', timezone: 'Europe/London', description: 'Fen news' });
    expect(config.oldSite).toEqual({ host: 'fen.example.org', prefix: '/ledger' });
    expect(Object.fromEntries(config.permalinks)).toEqual({ posts: '/:year/:slug/' });
  });

  it('says what it assumed when there is no config', () => {
    fs.mkdirSync(path.join(root, 'none'));
    const config = readHugoConfig(readSourceTree(path.join(root, 'none')));
    expect(config.settings).toEqual({ title: 'Archive', url: 'https://example.org/', language: 'en', timezone: 'UTC', description: undefined });
    expect(config.notices.map((notice) => notice.message)).toEqual([
      "there is no hugo.toml or config file at the site's root; Hugo's defaults are used",
      'the config names no timeZone: dates without an offset are read as UTC, as Hugo does',
      "the site's address is not given: https://example.org/ stands in for it; set url: in site.yml",
      'the config names no languageCode: en is used',
      'the config has no title: "Archive" is used',
    ]);
  });
});
