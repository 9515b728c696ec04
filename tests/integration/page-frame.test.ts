import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { sharedSample } from '../helpers/shared-sample.js';
import { text } from '../helpers/site-output.js';

const sample = sharedSample();
const page = (url: string) => load(readFileSync(path.join(sample.siteDir, url, 'index.html'), 'utf8'));

describe('the frame of every page (the shared sample build)', () => {
  test('the one published stylesheet carries the sample theme after site.css, and every page links it', () => {
    const [stylesheet, ...others] = readdirSync(path.join(sample.siteDir, 'css')).filter((file) => file.startsWith('site.'));
    expect(others).toEqual([]);
    const css = readFileSync(path.join(sample.siteDir, 'css', stylesheet!), 'utf8');
    const own = readFileSync('public/css/site.css', 'utf8');
    expect(css.startsWith(own)).toBe(true);
    // content/site.yml: accent '#8c1c3a', no dark accent (so one made from it).
    expect(css.slice(own.length)).toContain(':root {\n  --color-accent: #8c1c3a;\n}');
    expect(css.slice(own.length)).toMatch(/@media \(prefers-color-scheme: dark\) \{\n {2}:root \{ --color-accent: #[0-9a-f]{6}; \}\n\}/);
    for (const url of ['/', '/news/', '/about/']) expect(page(url)('link[rel="stylesheet"]').first().attr('href')).toBe(`/css/${stylesheet}`);
  });

  test('the masthead: the paper’s name linking home, no date; the search box everywhere but on the search page', () => {
    const home = page('/');
    const title = home('header.site-header .masthead .site-title a');
    expect([text(title.text()), title.attr('href')]).toEqual([sample.content.site.title, '/']);
    expect(home('header.site-header time')).toHaveLength(0);
    expect(home('header .site-search input[type="search"]')).toHaveLength(1);
    expect(page('/search/')('header .site-search')).toHaveLength(0);
    expect(page('/search/')('main form')).toHaveLength(1);
  });

  test('the footer: the paper’s name, its description, then the links in a labelled navigation', () => {
    const $ = page('/news/');
    const footer = $('footer.site-footer');
    expect(text(footer.find('.footer-title').text())).toBe(sample.content.site.title);
    expect(text(footer.find('.footer-about').text())).toBe(sample.content.site.description);
    expect(footer.find('nav.footer-nav').attr('aria-label')).toBe('About this site');
    expect(footer.find('.footer-links a').toArray().map((a) => text($(a).text()))).toEqual([
      'Our journalists',
      'Topics',
      'Corrections',
      'RSS feed',
      ...sample.content.footer.map((linked) => linked.title),
    ]);
  });
});
