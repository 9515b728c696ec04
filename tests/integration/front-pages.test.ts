import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { PICTURE_SIZES } from '../../src/images/sizes.js';
import { sharedSample } from '../helpers/shared-sample.js';
import { text } from '../helpers/site-output.js';

/*
 * The front pages of the shared sample build as a reader gets them: the
 * home page's hierarchy, teasers that say only what their page does not,
 * archive headers that say what the page is, and the search page's help
 * when nothing is found. Layout (rows, areas) is measured in Chromium by
 * tests/browser/reader.test.ts.
 */
const sample = sharedSample();
const content = sample.content;
const parsed = new Map<string, CheerioAPI>();
/** One page of the published sample, parsed once. */
function page(url: string): CheerioAPI {
  let $ = parsed.get(url);
  if (!$) {
    $ = load(readFileSync(path.join(sample.siteDir, url, 'index.html'), 'utf8'));
    parsed.set(url, $);
  }
  return $;
}
const hrefs = ($: CheerioAPI, selector: string) => $(selector).toArray().map((a) => $(a).attr('href')!);
const person = (slug: string) => content.authors.find((a) => a.slug === slug)!;
const section = (slug: string) => content.categories.find((c) => c.slug === slug)!;
const DAY = /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/;

describe('the home page', () => {
  const $ = page('/');
  // The lead: the newest story with a picture among the three newest (src/model/home-page.ts).
  const lead = content.articles.slice(0, 3).find((a) => a.image) ?? content.articles[0]!;

  test('leads with one story, its picture loaded first, then the four newest others', () => {
    expect($('.lead-story')).toHaveLength(1);
    expect(hrefs($, '.lead-story .teaser-title a')).toEqual([lead.url]);
    const img = $('.lead-story img');
    expect(img.attr('loading')).toBe('eager');
    expect($('.lead-story source').first().attr('sizes')).toBe(PICTURE_SIZES.homeLead);
    expect(hrefs($, '.home-top .teaser-list .teaser-title a')).toEqual(content.articles.filter((a) => a !== lead).slice(0, 4).map((a) => a.url));
  });

  test('then a block per section in navigation order, each with a visible "More <Section> →" link to the section page and a plain heading', () => {
    const blocks = $('.home-section').toArray();
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    const names = blocks.map((block) => text($(block).find('h2').text()));
    expect(names).toEqual(content.categories.filter((c) => names.includes(c.name)).map((c) => c.name));
    for (const block of blocks) {
      const name = text($(block).find('h2').text());
      const category = content.categories.find((c) => c.name === name)!;
      expect($(block).find('h2 a')).toHaveLength(0);
      const more = $(block).find('a.home-more');
      expect(text(more.text())).toBe(`More ${name} →`);
      expect(more.attr('href')).toBe(`/${category.slug}/`);
      expect(more.find('[aria-hidden="true"]').text().trim()).toBe('→');
      const items = $(block).find('.teaser-list .teaser-title a').toArray().map((a) => $(a).attr('href')!);
      expect(items.length).toBeGreaterThan(0);
      expect(items.length).toBeLessThanOrEqual(4);
      for (const url of items) expect(content.articles.find((a) => a.url === url)?.category).toBe(category.slug);
    }
  });

  test('shows no story twice', () => {
    const shown = hrefs($, '.teaser-title a');
    expect(shown.length).toBeGreaterThan(20);
    expect(new Set(shown).size).toBe(shown.length);
  });

  test("cards under a section's heading do not name it; the lead and the secondary stories do", () => {
    expect($('.home-section .section-link')).toHaveLength(0);
    expect(text($('.lead-story .section-link').text())).toBe(section(lead.category).name);
    expect($('.home-top .teaser .section-link')).toHaveLength(4);
  });
});

describe('teasers', () => {
  const lists = ['/', '/news/', '/authors/tomasz-wren/', '/tags/transport/'];

  test('credit authors by name only, never with their role, and date a story by its day', () => {
    for (const url of lists) {
      const $ = page(url);
      expect($('.teaser, .lead-story').length, url).toBeGreaterThan(0);
      expect($('.teaser .role, .lead-story .role').length, url).toBe(0);
      for (const time of $('.teaser time, .lead-story time').toArray()) {
        expect(text($(time).text()), url).toMatch(DAY);
        expect($(time).attr('datetime'), url).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      }
    }
  });

  test('a story by two people reads "by A and B" wherever both are credited', () => {
    const story = content.articles.find((a) => a.authors.length === 2)!;
    const [first, second] = story.authors.map((slug) => person(slug).name);
    const tag = story.tags[0]!;
    const $ = page(`/tags/${tag.slug}/`);
    const card = $('.teaser').filter((_, el) => $(el).find('.teaser-title a').attr('href') === story.url);
    expect(text(card.find('.byline').text())).toBe(`by ${first} and ${second}`);
    expect(hrefs($, '.teaser .byline a').length).toBeGreaterThan(0);
  });

  test("a section's page does not name the section on its cards", () => {
    for (const category of content.categories) {
      const $ = page(`/${category.slug}/`);
      expect($('.teaser').length, category.slug).toBeGreaterThan(0);
      expect($('.teaser .section-link').length, category.slug).toBe(0);
    }
  });

  test("an author's page does not credit that author: a shared story reads \"with\" the others, a story of their own has no byline", () => {
    for (const author of content.authors) {
      const $ = page(`/authors/${author.slug}/`);
      const written = content.articles.filter((a) => a.authors.includes(author.slug)).slice(0, content.site.perPage);
      const bylines = $('.teaser').toArray().map((el) => text($(el).find('.byline').text()));
      expect(bylines).toEqual(
        written.map((a) => {
          const others = a.authors.filter((slug) => slug !== author.slug).map((slug) => person(slug).name);
          return others.length === 0 ? '' : `with ${others.length === 1 ? others[0] : `${others.slice(0, -1).join(', ')} and ${others.at(-1)}`}`;
        }),
      );
      expect(hrefs($, '.teaser .byline a')).not.toContain(`/authors/${author.slug}/`);
    }
    // The sample has shared stories, so the "with" form is exercised.
    expect(content.articles.some((a) => a.authors.length > 1)).toBe(true);
  });

  test('a tag page keeps both the section and the byline', () => {
    const $ = page('/tags/transport/');
    expect($('.teaser').toArray().every((el) => $(el).find('.section-link').length === 1 && text($(el).find('.byline').text()).startsWith('by '))).toBe(true);
  });
});

describe('archive headers say what the page is', () => {
  test("a section's page: its name and its description, then its introduction", () => {
    for (const category of content.categories) {
      const $ = page(`/${category.slug}/`);
      expect(text($('.archive-header h1').text())).toBe(category.name);
      expect(category.description).toBeTruthy();
      expect(text($('.archive-header .archive-standfirst').text())).toBe(category.description);
      expect($('.archive-header .archive-kicker')).toHaveLength(0);
    }
  });

  test('a tag\'s page: "Topic" above its name', () => {
    const $ = page('/tags/transport/');
    const kicker = $('.archive-header .archive-kicker');
    expect(text(kicker.text())).toBe('Topic');
    expect(kicker.next().is('h1')).toBe(true);
    expect(text($('h1').text())).toBe('Transport');
  });

  test("an author's page: picture, name, role, then the bio", () => {
    const author = person('helena-marsh');
    const $ = page('/authors/helena-marsh/');
    const header = $('.archive-header');
    expect(header.children().first().is('picture')).toBe(true);
    expect(text(header.find('h1').text())).toBe(author.name);
    expect(text(header.find('h1 + .role').text())).toBe(author.role);
    expect(text(header.find('.intro').text())).toBe(text(author.body));
  });
});

describe('the search page', () => {
  const $ = page('/search/');

  test('when nothing is found, offers every section and the most used topics, as links', () => {
    const empty = $('#search-empty');
    expect(empty.attr('hidden')).toBeDefined();
    const [sections, topics] = empty.find('ul').toArray();
    expect(hrefs($, '#search-empty ul:first-of-type a')).toEqual(content.categories.map((c) => `/${c.slug}/`));
    expect($(sections!).prev('h2').text()).toBe('Sections');
    expect($(topics!).prev('h2').text()).toBe('Topics');
    const counts = new Map<string, number>();
    for (const a of content.articles) for (const tag of a.tags) counts.set(tag.slug, (counts.get(tag.slug) ?? 0) + 1);
    const offered = $(topics!).find('a').toArray().map((a) => $(a).attr('href')!.split('/')[2]!);
    expect(offered).toHaveLength(8);
    const least = Math.min(...offered.map((slug) => counts.get(slug)!));
    // No topic left out is used more than one offered.
    for (const [slug, count] of counts) if (!offered.includes(slug)) expect(count, slug).toBeLessThanOrEqual(least);
    expect(offered.map((slug) => counts.get(slug)!)).toEqual([...offered.map((slug) => counts.get(slug)!)].sort((a, b) => b - a));
  });

  test("the story page's byline is left out of the search index's text, its author filter kept", () => {
    const story = page(content.articles[0]!.url);
    const byline = story('.story-header .byline');
    expect(byline.attr('data-pagefind-ignore')).toBeDefined();
    expect(byline.find('[data-pagefind-filter="author"]').length).toBe(content.articles[0]!.authors.length);
  });
});
