import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createProcessor } from '../../src/markdown/create-processor.js';
import { gfmFeaturesIn, mayHaveLiteralLinks } from '../../src/markdown/gfm-on-demand.js';
import { createTextRenderer } from '../../src/markdown/render.js';
import { SEED, markdownText } from '../fuzz/arbitraries.js';

const SITE = 'https://courier.example.org/';

/** What a body renders to with every GitHub extension switched on, as before they were chosen per body. */
function withEveryExtension(markdown: string, comment: boolean) {
  const file = createProcessor({ siteUrl: SITE, comment }).processSync(markdown);
  const stats = file.data.textStats ?? { firstParagraph: '', words: 0 };
  // As render.ts gives them: the marks for the model only when there are some, and the plugins' notes.
  const { bodyMarker: marker, bodyImages: images, readMore } = file.data;
  const marks = marker === undefined ? {} : { marker, ...(images && { images }), ...(readMore && { readMore }) };
  const notes = file.messages.map((m) => ({ severity: m.fatal === true ? 'error' : 'warning', message: m.reason, hint: m.note, line: m.line, column: m.column }));
  const embeds = file.data.embeds ? { embeds: file.data.embeds } : {};
  return { html: String(file), ...stats, ...marks, ...embeds, text: file.data.plainText ?? '', notes };
}

// Pieces of each extension's syntax, whole and broken, in every case and spacing that matters.
const GFM_TOKENS = [
  '| a | b |\n| --- | :-: |\n| 1 | 2 |\n', 'a | b\n- | -\n', '|x|\n|-|\n', '| --- |', '|', ':-:', '---', '-',
  '~~gone~~', '~one~', '~~~', '~', '~~', '\\~~',
  '- [ ] todo\n', '* [x] done\n', '1. [X] ok\n', '- [\t] tab\n', '[ ]', '[x]', '[y]', '- ',
  '[^1]', '[^1]: A note.\n', '[^note]:', '[^', '^',
  'https://x.test/a', 'HTTP://X.TEST', 'http://', 'www.x.test', 'WWW.X.TEST', 'www.', 'a@x.test', '@', 'mailto:a@x.test', 'xmpp:a@x.test/r',
  '[a](https://x.test/)', '<https://x.test/>', '`https://x.test/`', '<a href="https://x.test/">x</a>', '[www.x.test](/local)',
  '*', '_', '**', '`', '\n', '\n\n', ' ', '    ', '> ', '# ', 'word',
];

const gfmSoup = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...GFM_TOKENS), weight: 6 }, { arbitrary: markdownText, weight: 1 }), { maxLength: 40 })
  .map((tokens) => tokens.join(''));

describe('GitHub extensions only for the bodies that use them', () => {
  test('every body renders exactly as with all extensions on, articles and comments alike', () => {
    const renderers = new Map([false, true].map((comment) => [comment, createTextRenderer({ siteUrl: SITE, comment })]));
    fc.assert(
      fc.property(gfmSoup, fc.boolean(), (markdown, comment) => {
        // What plugins say about a body (notes) must not depend on the extensions chosen either.
        expect(renderers.get(comment)!(markdown)).toEqual(withEveryExtension(markdown, comment));
      }),
      // 600 soups of up to 40 pieces meet every token many times over (a run of the suite ran 2,000
      // at 8.8 s of CPU, the most of any test in the quick project); GFM_SEED and GFM_RUNS explore further by hand.
      { seed: Number(process.env.GFM_SEED ?? SEED), numRuns: Number(process.env.GFM_RUNS ?? 600) },
    );
  });

  test('each extension still works when its syntax appears', () => {
    const render = createTextRenderer({ siteUrl: SITE });
    const $ = (markdown: string) => cheerio.load(render(markdown).html, null, false);
    expect($('| Ward | Votes |\n| --- | ---: |\n| North | 1,204 |')('td').map((_, cell) => cheerio.load(cell).text()).get()).toEqual(['North', '1,204']);
    expect($('The vote was ~~postponed~~ held.')('del').text()).toBe('postponed');
    expect($('- [x] Budget agreed\n- [ ] Plans published')('input[type=checkbox]').length).toBe(2);
    expect($('Turnout rose.[^1]\n\n[^1]: Council figures.')('section.footnotes li').text()).toContain('Council figures.');
    expect($('Details at www.courier.example.org/vote today.')('a').attr('href')).toBe('http://www.courier.example.org/vote');
    expect($('Write to tips@courier.example.org.')('a').attr('href')).toBe('mailto:tips@courier.example.org');
  });
});

describe('gfmFeaturesIn', () => {
  test('names the extensions whose syntax occurs in the text', () => {
    expect(gfmFeaturesIn('Plain words, a [link](/x) and *emphasis*.')).toEqual([]);
    expect(gfmFeaturesIn('a | b\n- | -')).toEqual(['table']);
    expect(gfmFeaturesIn('~~x~~ and [^1] and - [ ] y')).toEqual(['footnote', 'strikethrough', 'taskList']);
    expect(gfmFeaturesIn('Mail a@b.test')).toEqual(['autolink']);
  });
});

describe('mayHaveLiteralLinks', () => {
  const tree = (markdown: string) => createProcessor({ siteUrl: SITE }, []).parse(markdown);

  test('an address inside link syntax, code or HTML needs no second parse', () => {
    expect(mayHaveLiteralLinks(tree('Read [the report](https://x.test/a) and `www.x.test` too.'))).toBe(false);
    expect(mayHaveLiteralLinks(tree('<a href="https://x.test/">a</a>'))).toBe(false);
  });

  test('one in the text does, in any case and inside emphasis or link text', () => {
    for (const markdown of ['See https://x.test/a.', 'See HTTP://X.TEST', '*www.x.test*', '[mail a@x.test](/contact)']) {
      expect(mayHaveLiteralLinks(tree(markdown)), markdown).toBe(true);
    }
  });
});
