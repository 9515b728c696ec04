import { describe, expect, test } from 'vitest';
import { sharedSample } from '../helpers/shared-sample.js';
import { readSite, text } from '../helpers/site-output.js';

// The sample newsroom built once for the run (tests/setup/sample-newsroom.ts).
const sample = sharedSample();
const site = readSite(sample.siteDir);
const TRAM = '/news/tram-line-first-passengers/';

/** The end of an article page as a reader meets it: each part's heading, in page order. */
function endHeadings(url: string): string[] {
  const $ = site.page(url);
  return $('.story-tags h2, .related h2, .more h2, .prev-next, .comments > h2, .rail h2')
    .toArray()
    .map((el) => ($(el).is('nav') ? 'previous / next' : text($(el).text())));
}

describe('the end of an article page', () => {
  test('topics, "You may also like", "More from", previous / next, comments, then the rail', () => {
    expect(endHeadings(TRAM)).toEqual(['Topics', 'You may also like', 'More from Tomasz Wren', 'previous / next', '3 comments', 'Latest']);
  });

  test('every article page keeps that order, whichever parts it has', () => {
    const order = ['topics', 'you may also like', 'more from', 'previous / next', 'comment', 'latest'];
    for (const article of sample.content.articles) {
      const positions = endHeadings(article.url).map((heading) => order.findIndex((part) => heading.toLowerCase().includes(part)));
      expect(positions, article.url).not.toContain(-1);
      expect(positions, article.url).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  test('the end sections sit outside the story, so search indexes none of them; topics are the story\'s own', () => {
    const $ = site.page(TRAM);
    expect($('article.story .story-tags').length).toBe(1);
    expect($('article.story').find('.related, .more, .prev-next, .comments, .rail').length).toBe(0);
    expect($('.article-layout > .rail').length).toBe(1);
  });

  test('"Previous in News" repeats no link from "More from" nor "You may also like"', () => {
    for (const article of sample.content.articles) {
      const $ = site.page(article.url);
      const above = $('.related a, .more li a').toArray().map((a) => $(a).attr('href'));
      for (const a of $('.prev-next a').toArray()) expect(above, article.url).not.toContain($(a).attr('href'));
    }
  });

  test('the rail: at most five headlines with their times, no pictures, a class that marks the layout as having one', () => {
    const $ = site.page(TRAM);
    const items = $('.rail li');
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(5);
    for (const li of items.toArray()) {
      expect($(li).find('a').length).toBe(1);
      expect($(li).find('time').attr('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    expect($('.rail img').length).toBe(0);
    expect($('.article-layout').hasClass('has-rail')).toBe(true);
  });

  test('comments say their state: closed without an endpoint where comments exist, no section where none do', () => {
    const $ = site.page(TRAM);
    expect(text($('.comments .comment-state').text())).toBe('Comments are closed.');
    expect($('.comments form').length).toBe(0);
    expect(site.page('/news/police-station-counter-to-close/')('.comments').length).toBe(0);
  });

  test('the lead picture reserves its box and keeps the credit apart from the caption', () => {
    const $ = site.page(TRAM);
    const img = $('.lead-image img');
    expect(Number(img.attr('width'))).toBeGreaterThan(0);
    expect(Number(img.attr('height'))).toBeGreaterThan(0);
    expect(text($('.lead-image .caption').text())).toBe('Trams will run every eight minutes during the day.');
    expect(text($('.lead-image .credit').text())).toBe('Illustration: Courier graphics');
  });
});
