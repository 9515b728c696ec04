import { describe, expect, test } from 'vitest';
import { calendarParts } from '../../src/content/dates.js';
import { articlePath } from '../../src/routes/addresses.js';
import { slugFromFileName, slugifyText, slugProblem } from '../../src/content/slug.js';
import { closestMatches, didYouMean } from '../../src/util/suggest.js';

describe('slugs', () => {
  test.each(['harbour', 'city-budget-2026', 'a1', '2026'])('%s is a slug', (slug) => {
    expect(slugProblem(slug)).toBeUndefined();
  });

  test.each(['Harbour', 'city_budget', '-lead', 'trail-', 'double--dash', '../x', '/abs', '%2e%2e', '..\\x', 'caf\u00e9', 'p\u0430ge', '', 'a'.repeat(101), 'con', 'nul', 'com1', 'lpt9'])(
    '%j is refused',
    (slug) => {
      expect(slugProblem(slug)).toBeDefined();
    },
  );

  test.each([
    ['2025-03-14-harbour-wall.md', 'harbour-wall'],
    ['harbour-wall.md', 'harbour-wall'],
    ['2025-03-14.md', '2025-03-14'],
    ['2025-3-14-x.md', '2025-3-14-x'],
  ])('file %s gives slug %s', (file, slug) => {
    expect(slugFromFileName(file)).toBe(slug);
  });

  test.each([
    ['City Council', 'city-council'],
    ['Budget 2026', 'budget-2026'],
    ['Zürich', 'zuerich'],
    ['Café Society', 'cafe-society'],
    ['  spaced   out ', 'spaced-out'],
    ['!!!', ''],
  ])('tag %j has URL slug %j', (tag, slug) => {
    expect(slugifyText(tag)).toBe(slug);
  });
});

describe('permalinks', () => {
  test.each([
    ['/:category/:slug/', '/news/harbour/'],
    ['/:year/:month/:day/:slug/', '/2025/03/04/harbour/'],
    ['/archive/:year/:category-:slug/', '/archive/2025/news-harbour/'],
  ])('%s', (pattern, url) => {
    expect(articlePath(pattern, { slug: 'harbour', category: 'news', calendar: () => calendarParts(Date.parse('2025-03-04T10:00:00Z'), 'UTC') })).toBe(url);
  });
});

describe('did you mean', () => {
  const slugs = ['jane-doe', 'sam-roe', 'business', 'politics'];
  test.each([
    ['jane', ['jane-doe']],
    ['buisness', ['business']],
    ['sam-rue', ['sam-roe']],
    ['weather', []],
  ])('%s → %j', (word, expected) => {
    expect(closestMatches(word, slugs)).toEqual(expected);
  });

  test('phrasing', () => {
    expect(didYouMean('politcs', slugs)).toBe('did you mean "politics"?');
    expect(didYouMean('zzz', slugs)).toBeUndefined();
  });
});
