import { describe, expect, test } from 'vitest';
import type { PageFacts, Rect } from './layout-facts.js';
import { cardRows, columnRule, footerRule, judgePage, leadStoryRule, navRule, orphanRule, reportFindings } from './layout-rules.js';

/*
 * The layout rules on pages described by hand: each rule passes a layout a
 * newsroom would ship and fails the one issue 19 saw, with its numbers.
 */

const box = (left: number, top: number, width: number, height: number): Rect => ({ left, top, width, height, right: left + width, bottom: top + height });

/** A page that passes every rule: a 1280 px window, a centred 65 ch column, a lead story, a footer at the bottom. */
function facts(change: Partial<PageFacts> = {}): PageFacts {
  return {
    viewport: { width: 1280, height: 800, scrollWidth: 1280, scrollHeight: 2000 },
    gapAbove: 24,
    gapBelow: 48,
    footer: box(0, 1800, 1280, 200),
    cardGroups: [],
    storyBody: { width: 585, em: 17 },
    column: { left: 347.5, right: 932.5, width: 585, ch: 9, top: 200, bottom: 1600 },
    rail: undefined,
    leadStory: { picture: box(80, 200, 800, 450) },
    largestTeaserPicture: box(900, 200, 300, 169),
    leadImage: { width: 585, height: 329, figureWidth: 585, intrinsicWidth: 1200, intrinsicHeight: 675 },
    nav: { visibleLeft: 16, visibleRight: 344, links: [{ text: 'News', left: 16, right: 60, width: 44 }], scroller: undefined, cue: undefined },
    ...change,
  };
}

describe('cards', () => {
  // Four columns of 262 px, 24 px apart, from 80 px.
  const card = (column: number, row: number, span = 1): Rect => box(80 + column * 286, 100 + row * 400, span * 262 + (span - 1) * 24, 380);

  test('rows are the cards whose top edges meet', () => {
    expect(cardRows([card(1, 1), card(0, 0), card(0, 1), card(1, 0), card(2, 0)]).map((row) => row.length)).toEqual([3, 2]);
  });

  test('five cards in four columns leave one alone on the second row', () => {
    const failures = orphanRule({ name: 'div.teaser-list in section.home-latest', cards: [card(0, 0), card(1, 0), card(2, 0), card(3, 0), card(0, 1)] });
    expect(failures).toEqual(['div.teaser-list in section.home-latest: one card alone on row 2 of 2 (5 cards, rows of 4 + 1), 858 px empty beside its 262 px']);
  });

  test('a full row, a single-column list, a card as wide as the grid and a lead spanning two rows are not orphans', () => {
    expect(orphanRule({ name: 'four', cards: [card(0, 0), card(1, 0), card(2, 0), card(3, 0)] })).toEqual([]);
    expect(orphanRule({ name: 'list', cards: [card(0, 0), card(0, 1), card(0, 2)] })).toEqual([]);
    expect(orphanRule({ name: 'wide first', cards: [card(0, 0, 4), card(0, 1), card(1, 1), card(2, 1), card(3, 1)] })).toEqual([]);
    // A lead two rows tall and three columns wide; two cards stacked beside it, the second alone at its top edge.
    const lead = box(80, 100, 834, 780);
    expect(orphanRule({ name: 'lead', cards: [lead, card(3, 0), card(3, 1)] })).toEqual([]);
  });
});

describe('the article column', () => {
  test('a centred column of 65 characters passes; flush left, it fails unless a rail stands beside it', () => {
    expect(columnRule(facts())).toEqual([]);
    const flushLeft = facts({ column: { left: 80, right: 658, width: 578, ch: 8.5, top: 200, bottom: 1600 } });
    expect(columnRule(flushLeft)).toEqual(['the text column is neither centred (80 px left of it, 622 px right) nor beside a rail (no .rail drawn)']);
    expect(columnRule({ ...flushLeft, rail: box(700, 200, 300, 900) })).toEqual([]);
    // A rail below the story is not beside it.
    expect(columnRule({ ...flushLeft, rail: box(700, 1700, 300, 900) })).toHaveLength(1);
  });

  test('lines longer than 75 characters, or shorter than 55 where the window has room, fail', () => {
    expect(columnRule(facts({ column: { left: 80, right: 1200, width: 1120, ch: 9, top: 0, bottom: 1 } }))).toEqual([
      'the text column is 124.4 ch (1120 px, "0" is 9.00 px): longer lines than 75 characters',
    ]);
    expect(columnRule(facts({ column: { left: 415, right: 865, width: 450, ch: 9, top: 0, bottom: 1 } }))).toEqual([
      'the text column is 50.0 ch (450 px, "0" is 9.00 px): shorter lines than 55 characters in a 1280 px window',
    ]);
  });

  test('on a phone the column takes the width bar its gutters', () => {
    const phone = { width: 360, height: 740, scrollWidth: 360, scrollHeight: 3000 };
    expect(columnRule(facts({ viewport: phone, column: { left: 16, right: 344, width: 328, ch: 8.5, top: 0, bottom: 1 } }))).toEqual([]);
    expect(columnRule(facts({ viewport: phone, column: { left: 60, right: 300, width: 240, ch: 8.5, top: 0, bottom: 1 } }))).toHaveLength(1);
  });
});

describe('the lead story, the footer and the navigation', () => {
  test('the lead picture must exist and be twice a teaser picture', () => {
    expect(leadStoryRule(facts())).toEqual([]);
    expect(leadStoryRule(facts({ leadStory: undefined }))).toEqual(['no .lead-story on the home page']);
    expect(leadStoryRule(facts({ leadStory: { picture: undefined } }))).toEqual(['no picture drawn in .lead-story']);
    expect(leadStoryRule(facts({ leadStory: { picture: box(80, 100, 262, 147) } }))[0]).toMatch(/0\.76 times the area/);
  });

  test('the footer ends the page, at the window bottom when the page is short', () => {
    expect(footerRule(facts())).toEqual([]);
    const short = { width: 1280, height: 800, scrollWidth: 1280, scrollHeight: 800 };
    expect(footerRule(facts({ viewport: short, footer: box(0, 500, 1280, 300) }))).toEqual([]);
    expect(footerRule(facts({ viewport: short, footer: box(0, 443, 1280, 154) }))).toEqual(['the footer ends 597 px down a 800 px window: a band of 203 px below it']);
    expect(footerRule(facts({ footer: box(0, 1800, 1280, 150) }))).toEqual(['the page goes on 50 px below the footer']);
  });

  test('a section link cut off needs a scroller and a cue', () => {
    const cutNav = (scroller: boolean, cue: string | undefined) =>
      facts({
        nav: {
          visibleLeft: 16,
          visibleRight: 344,
          links: [{ text: 'News', left: 16, right: 60, width: 44 }, { text: 'Culture', left: 300, right: 370, width: 70 }],
          scroller: scroller ? { name: 'ul', scrollWidth: 503, clientWidth: 328 } : undefined,
          cue,
        },
      });
    expect(navRule(facts())).toEqual([]);
    expect(navRule(cutNav(false, undefined))).toEqual(['"Culture" (300 px–370 px) cut off and nothing scrolls: the navigation shows 16 px–344 px']);
    expect(navRule(cutNav(true, undefined))[0]).toMatch(/^"Culture" \(300 px–370 px\) cut off with no cue that ul scrolls/);
    expect(navRule(cutNav(true, 'mask-image on ul'))).toEqual([]);
  });
});

test('each page type gets its own rules, and the report joins light and dark', () => {
  const bare = facts({ leadStory: undefined, column: undefined, storyBody: undefined, leadImage: undefined });
  expect(judgePage('tags', bare)).toEqual([]);
  expect(judgePage('home', bare)).toEqual(['no .lead-story on the home page']);
  expect(judgePage('article', bare)).toEqual(['no paragraph of running text (.story-body > p) to measure', 'no .story-body', 'no lead image (.lead-image img)']);
  expect(
    reportFindings([
      { type: 'home', width: 360, scheme: 'light', text: 'a' },
      { type: 'home', width: 360, scheme: 'dark', text: 'a' },
      { type: 'home', width: 360, scheme: 'dark', text: 'b' },
    ]),
  ).toEqual(['home at 360 px (light and dark): a', 'home at 360 px (dark): b']);
});
