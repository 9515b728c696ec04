import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build, checkContent, type BuildResult } from '../../src/stages/build.js';
import { ContentError, formatProblem, type Problem } from '../../src/util/problems.js';
import { writeNewsroom } from '../helpers/newsroom.js';
import { readSite, type BuiltSite } from '../helpers/site-output.js';
import { validArticle } from '../helpers/sources.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const SITE_URL = 'https://gazette.example.org/';

// The body starts on line 8 (validArticle's front matter takes lines 1–7).
const story = (body: string) => validArticle().replace('The first paragraph.\n', body);
const TRAM = validArticle({ title: 'Tram line opens', slug: 'tram-line-first-passengers', category: 'business' });
const BODY = [
  'The harbour reopened on Monday.',
  '',
  '![Fishing boats at dawn](/images/harbour-dawn.jpg "The harbour at first light | Photo: Jane Doe")',
  '',
  'The depot ![A tram in the depot](/images/tram-depot.jpg) stays open.',
  '',
  '![A tram in Lisbon](https://images.example.net/tram.jpg)',
  '',
  '![The Courier logo](/images/courier-logo.svg)',
  '',
  '::readmore{slug="tram-line-first-passengers"}',
  '',
].join('\n');

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

const options = (root: string) => ({ contentDir: path.join(root, 'content'), cacheDir: path.join(root, 'cache'), now: NOW, workers: 0 });

/** Problems as the CLI prints them when run in the newsroom `root`. */
const printed = (root: string, problems: readonly Problem[]) => problems.map((problem) => formatProblem({ ...problem, file: path.relative(root, problem.file) }));

/** What a failed run in `root` reported, as the CLI prints it. */
async function refusal(root: string, run: Promise<unknown>): Promise<string[]> {
  try {
    await run;
  } catch (cause) {
    if (cause instanceof ContentError) return printed(root, cause.problems);
    throw cause;
  }
  throw new Error('the content was accepted');
}

describe('a story with figures, pictures and a Read more block', () => {
  let root: string;
  let result: BuildResult;
  let site: BuiltSite;
  let $: ReturnType<typeof load>;

  beforeAll(async () => {
    root = writeNewsroom({ 'harbour.md': story(BODY), 'tram.md': TRAM });
    roots.push(root);
    result = await build({ ...options(root), outDir: path.join(root, '_site') });
    site = readSite(path.join(root, '_site'));
    $ = site.page('/news/harbour/');
  });

  test('the figure has a <picture> with AVIF and WebP sources whose files exist, sizes, and the real width and height', async () => {
    const picture = $('.story-body figure.body-figure > picture');
    expect(picture).toHaveLength(1);
    const sources = picture.find('source');
    expect(sources.map((_, el) => $(el).attr('type')).get()).toEqual(['image/avif', 'image/webp', 'image/jpeg']);
    sources.each((_, el) => {
      expect($(el).attr('sizes')).toBeTruthy();
      for (const candidate of ($(el).attr('srcset') ?? '').split(', ')) expect(site.files).toContain(candidate.split(' ')[0]!.slice(1));
    });
    const img = picture.find('img');
    const { width, height } = await sharp(path.join(site.dir, img.attr('src')!)).metadata();
    expect([img.attr('width'), img.attr('height')]).toEqual([String(width), String(height)]);
    expect([img.attr('alt'), img.attr('loading'), img.attr('decoding')]).toEqual(['Fishing boats at dawn', 'lazy', 'async']);
  });

  test('the caption and its credit, marked up on its own', () => {
    expect($('.story-body figcaption').text()).toBe('The harbour at first light Photo: Jane Doe');
    expect($('.story-body figcaption .credit').text()).toBe('Photo: Jane Doe');
  });

  test('an image in a sentence is a picture too, inside its paragraph', () => {
    const img = $('.story-body p picture img[alt="A tram in the depot"]');
    expect(img).toHaveLength(1);
    expect(img.closest('picture').find('source[type="image/avif"]')).toHaveLength(1);
    expect(Number(img.attr('width'))).toBeGreaterThan(0);
  });

  test('a remote image and an SVG stay plain <img>s with their own addresses', () => {
    expect($('.story-body img[src="https://images.example.net/tram.jpg"]').parent().is('picture')).toBe(false);
    const svg = $('.story-body img[src="/images/courier-logo.svg"]');
    expect(svg).toHaveLength(1);
    expect(svg.parent().is('picture')).toBe(false);
    expect(svg.attr('loading')).toBe('lazy');
  });

  test('the Read more block links to the article with its headline', () => {
    const block = $('.story-body p.read-more');
    expect(block.text()).toBe('Read more: Tram line opens');
    expect(block.find('a').attr('href')).toBe('/business/tram-line-first-passengers/');
    expect(site.files).toContain('business/tram-line-first-passengers/index.html');
  });

  test('no mark is left in any page', () => {
    for (const [url, page] of site.pages) expect(page('[data-body-image], [data-read-more]').length, url).toBe(0);
  });

  test('the build warns about the remote image, at its line and column', () => {
    expect(printed(root, result.problems)).toEqual([
      "content/articles/harbour.md:14:1 warning: image https://images.example.net/tram.jpg is on another host: it is shown as it is, not resized, and readers' browsers fetch it from there\n    hint: copy the file into public/images/ and write its path, such as /images/harbour.jpg",
    ]);
  });

  test('in the feeds every image address is absolute, srcset included', () => {
    const json = JSON.parse(readFileSync(path.join(site.dir, 'feed.json'), 'utf8')) as { items: { url: string; content_html: string }[] };
    const rss = readFileSync(path.join(site.dir, 'feed.xml'), 'utf8');
    const fromRss = /<content:encoded><!\[CDATA\[([^]*?)\]\]><\/content:encoded>/g;
    const bodies = [json.items.find((item) => item.url === `${SITE_URL}news/harbour/`)?.content_html ?? '', ...[...rss.matchAll(fromRss)].map((m) => m[1] ?? '')];
    const withPictures = bodies.filter((html) => html.includes('<picture'));
    expect(withPictures).toHaveLength(2);
    for (const html of withPictures) {
      const feed = load(html);
      const addresses = [
        ...feed('img').map((_, el) => feed(el).attr('src')).get(),
        ...feed('source').map((_, el) => (feed(el).attr('srcset') ?? '').split(', ').map((c) => c.split(' ')[0])).get(),
      ];
      expect(addresses.length).toBeGreaterThan(6);
      for (const address of addresses) expect(address).toMatch(/^https:\/\//);
      expect(feed('img[src="https://gazette.example.org/images/courier-logo.svg"]')).toHaveLength(1);
      expect(feed('p.read-more a').attr('href')).toBe(`${SITE_URL}business/tram-line-first-passengers/`);
    }
  });
});

describe('problems in bodies', () => {
  test('missing alt, a missing file and an unknown Read more slug are errors at file:line:column with hints; check refuses what build refuses', async () => {
    const body = ['Intro.', '', '![](/images/harbour-dawn.jpg)', '', 'See ![A tram](/images/tram-depo.jpg) here.', '', '::readmore{slug="tram-line-first-passenger"}', ''].join('\n');
    const root = writeNewsroom({ 'harbour.md': story(body), 'tram.md': TRAM });
    roots.push(root);
    const built = await refusal(root, build({ ...options(root), outDir: path.join(root, '_site') }));
    expect(built).toEqual([
      'content/articles/harbour.md:10:1 error: image /images/harbour-dawn.jpg has no alt text\n    hint: describe what the picture shows for readers who cannot see it: ![A tram leaving the depot](…)',
      'content/articles/harbour.md:12:5 error: image /images/tram-depo.jpg is not in public/\n    hint: did you mean "/images/tram-depot.jpg"?',
      'content/articles/harbour.md:14:1 error: readmore: no article "tram-line-first-passenger"\n    hint: did you mean "tram-line-first-passengers"?',
    ]);
    expect(await refusal(root, checkContent(options(root)))).toEqual(built);
  });

  test('a file of public/ that is not an image is an error at the body line showing it, in check and build alike', async () => {
    const root = writeNewsroom({ 'harbour.md': story('Intro.\n\nThe search ![Our search script](/js/search.js) script.\n') });
    roots.push(root);
    const built = await refusal(root, build({ ...options(root), outDir: path.join(root, '_site') }));
    expect(built).toHaveLength(1);
    expect(built[0]).toMatch(/^content\/articles\/harbour\.md:10:12 error: image \/js\/search\.js could not be read as an image \(.+\)\n    hint: use a JPEG, PNG, WebP, AVIF or GIF file, or fix the path$/);
    expect(await refusal(root, checkContent(options(root)))).toEqual(built);
  });

  test('with --strict, the remote image warning fails check and build alike', async () => {
    const root = writeNewsroom({ 'harbour.md': story('![A tram](https://images.example.net/tram.jpg)\n') });
    roots.push(root);
    const built = await refusal(root, build({ ...options(root), outDir: path.join(root, '_site'), strict: true }));
    expect(built).toHaveLength(1);
    expect(built[0]).toMatch(/^content\/articles\/harbour\.md:8:1 warning: image https:\/\/images\.example\.net\/tram\.jpg is on another host/);
    expect(await refusal(root, checkContent({ ...options(root), strict: true }))).toEqual(built);
  });
});
