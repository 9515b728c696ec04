import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build, rebuild, type BuildOptions, type BuildState } from '../../src/stages/build.js';
import { writeNewsroom } from '../helpers/newsroom.js';
import { validArticle } from '../helpers/sources.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const options: BuildOptions = { contentDir: 'content', outDir: '_site', cacheDir: '.cache', now: NOW, workers: 0 };
const cwd = process.cwd();
const harbour = (body: string) => validArticle({ title: 'Harbour wall repaired' }).replace('The first paragraph.\n', body);
let root: string;
let state: BuildState;

beforeAll(async () => {
  root = writeNewsroom({
    'harbour.md': harbour('![Boats at dawn](/images/harbour-dawn.jpg "The harbour | Photo: J. Doe")\n'),
    'tram.md': validArticle({ title: 'Tram opens', category: 'business' }),
  });
  // Content paths are shown relative to the working directory, as in the CLI.
  process.chdir(root);
  const result = await build(options);
  if (!result.state) throw new Error('a build that does not skip has its state');
  state = result.state;
});
afterAll(() => {
  process.chdir(cwd);
  rmSync(root, { recursive: true, force: true });
});

const preview = async (body: string) => {
  writeFileSync('content/articles/harbour.md', harbour(body));
  return (await rebuild(options, { state, files: ['content/articles/harbour.md'], scope: 'preview' }))?.previewed;
};
const page = () => load(readFileSync(path.join(root, '_site/news/harbour/index.html'), 'utf8'));

describe("serve's preview of a saved story with body images", () => {
  test('an image the last build encoded is shown as its picture at once, with a Read more block filled in', async () => {
    expect(await preview('Text.\n\n![Boats](/images/harbour-dawn.jpg)\n\n::readmore{slug="tram"}\n')).toEqual(['/news/harbour/']);
    const $ = page();
    expect($('.story-body picture source[type="image/avif"]')).toHaveLength(1);
    expect($('.story-body p.read-more a').attr('href')).toBe('/business/tram/');
    expect($('.story-body p.read-more a').text()).toBe('Tram opens');
  });

  test('an image no build has encoded needs a full build', async () => {
    expect(await preview('![A tram](/images/tram-depot.jpg)\n')).toBeUndefined();
  });
});

describe("serve's preview of a saved story with an embed", () => {
  test('the page gets the embed stylesheet and script, and both files are in the site, though no page had an embed before', async () => {
    expect(await preview('The meeting:\n\n::embed{url="https://www.youtube.com/watch?v=bS7wallPlan" title="The meeting"}\n')).toEqual(['/news/harbour/']);
    const $ = page();
    expect($('.story-body .embed a').attr('href')).toBe('https://www.youtube.com/watch?v=bS7wallPlan');
    const stylesheet = $('link[rel="stylesheet"][href*="/css/embeds."]').attr('href') ?? '';
    const script = $('script[src*="/js/embeds."]');
    expect(stylesheet).toMatch(/^\/css\/embeds\.[0-9a-f]{10}\.css$/);
    expect(script.attr('src')).toMatch(/^\/js\/embeds\.[0-9a-f]{10}\.js$/);
    expect(script.attr('data-frame-origins')).toBe('https://www.youtube-nocookie.com');
    for (const asset of [stylesheet, script.attr('src') ?? '']) expect(readFileSync(path.join(root, '_site', asset), 'utf8').length).toBeGreaterThan(100);
  });
});
