import { describe, expect, test } from 'vitest';
import { relatedBySharedTags } from '../../src/related/shared-tags.js';
import type { Article } from '../../src/types.js';

let day = 0;
function story(slug: string, category: string, tags: string[]): Article {
  day += 1;
  return {
    slug,
    category,
    tags: tags.map((t) => ({ name: t, slug: t })),
    title: slug,
    summary: undefined,
    date: { epoch: Date.UTC(2025, 0, 1) - day * 86_400_000, hasTime: false },
    updated: undefined,
    authors: ['a'],
    image: undefined,
    status: 'published',
    url: `/${category}/${slug}/`,
    file: `${slug}.md`,
    bodyLine: 1,
  };
}

/** Newest first, as the validator hands them over. */
const articles = [
  story('tram-opens', 'news', ['tram', 'transport']),
  story('tram-budget', 'politics', ['tram', 'budget']),
  story('bus-cuts', 'news', ['transport']),
  story('tram-delays', 'news', ['tram', 'transport']),
  story('theatre', 'culture', ['arts']),
  story('gallery', 'culture', ['arts']),
  story('festival', 'culture', []),
  story('match', 'sport', ['football']),
];
const related = relatedBySharedTags(articles);
const slugsFor = (slug: string) => related.get(articles.find((a) => a.slug === slug)!)!.map((a) => a.slug);

describe('simple related articles', () => {
  test('more shared tags rank first, then the same section, then the newer article', () => {
    expect(slugsFor('tram-opens')).toEqual(['tram-delays', 'bus-cuts', 'tram-budget', 'theatre']);
  });

  test('a shared tag outweighs a shared section', () => {
    expect(slugsFor('tram-budget')[0]).toBe('tram-opens');
  });

  test('too few matches are filled with the newest of the section, then of the site', () => {
    expect(slugsFor('festival')).toEqual(['theatre', 'gallery', 'tram-opens', 'tram-budget']);
  });

  test('never the article itself, never a duplicate, never more than six', () => {
    for (const [article, links] of related) {
      expect(links).not.toContain(article);
      expect(new Set(links).size).toBe(links.length);
      expect(links.length).toBeGreaterThanOrEqual(4);
      expect(links.length).toBeLessThanOrEqual(6);
    }
  });
});
