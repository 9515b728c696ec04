import { describe, expect, test } from 'vitest';
import { plantedCorpus, precision } from '../../bench/planted-topics.js';
import { DEFAULT_RELATED_SETTINGS } from '../../src/content/schema.js';
import { relatedArticles, type RelatedDoc, type RelatedSettings } from '../../src/related/engine.js';
import type { TermCounts } from '../../src/related/terms.js';

const DAY = 86_400_000;

const terms = (...pairs: [string, number][]): TermCounts => ({ words: pairs.map(([w]) => w), counts: pairs.map(([, c]) => c) });
const base = Date.UTC(2025, 0, 1);

/** A small article; unset fields share nothing with anything. */
function doc(slug: string, fields: Partial<RelatedDoc> = {}): RelatedDoc {
  return { slug, epoch: base, section: `section-of-${slug}`, authors: [`author-of-${slug}`], tags: [], terms: terms([`own${slug.replace(/\W/g, '')}`, 1]), candidate: true, ...fields };
}

const slugs = (docs: RelatedDoc[], settings?: RelatedSettings) =>
  Object.fromEntries(relatedArticles(docs, settings ?? DEFAULT_RELATED_SETTINGS).map((list, self) => [docs[self]!.slug, list.map((i) => docs[i]!.slug)]));

const only = (weights: Partial<RelatedSettings['weights']>, count = 1): RelatedSettings => ({
  ...DEFAULT_RELATED_SETTINGS,
  count,
  weights: { text: 0, tags: 0, section: 0, author: 0, recency: 0, ...weights },
});

// Filler so that tag and term frequencies mean something.
const filler = Array.from({ length: 30 }, (_, i) => doc(`filler-${i}`, { tags: ['common'], epoch: base - (i + 400) * DAY }));

describe('the parts of the score', () => {
  test('a rare shared tag beats a common shared tag', () => {
    const docs = [
      doc('query', { tags: ['common', 'rare'] }),
      doc('shares-common', { tags: ['common'] }),
      doc('shares-rare', { tags: ['rare'] }),
      ...filler,
    ];
    expect(slugs(docs, only({ tags: 1 }))['query']).toEqual(['shares-rare']);
  });

  test('shared distinctive words beat shared everyday words', () => {
    const everyday: [string, number] = ['council', 3];
    const docs = [
      doc('query', { terms: terms(everyday, ['lighthouse', 2]) }),
      doc('everyday', { terms: terms(everyday) }),
      doc('distinctive', { terms: terms(['lighthouse', 1]) }),
      ...filler.map((f) => ({ ...f, terms: terms(everyday) })),
    ];
    expect(slugs(docs, only({ text: 1 }))['query']).toEqual(['distinctive']);
  });

  test('same section and same author count', () => {
    const tags = ['shared'];
    const docs = [
      doc('query', { tags, section: 'news', authors: ['jane'] }),
      doc('other-section', { tags, section: 'sport' }),
      doc('same-section', { tags, section: 'news' }),
      doc('same-author', { tags, authors: ['jane'] }),
    ];
    expect(slugs(docs, only({ tags: 1, section: 0.1 }))['query']).toEqual(['same-section']);
    expect(slugs(docs, only({ tags: 1, author: 0.1 }))['query']).toEqual(['same-author']);
  });

  test('recency breaks a near-tie', () => {
    const tags = ['shared'];
    const docs = [doc('query', { tags }), doc('a-year-ago', { tags, epoch: base - 365 * DAY }), doc('last-week', { tags, epoch: base - 7 * DAY })];
    expect(slugs(docs, only({ tags: 1, recency: 0.01 }))['query']).toEqual(['last-week']);
  });

  test('exact ties go to the newer article, then to the slug', () => {
    const tags = ['shared'];
    const docs = [doc('query', { tags }), doc('b', { tags }), doc('a', { tags }), doc('newer', { tags, epoch: base + DAY })];
    expect(slugs(docs, only({ tags: 1 }, 3))['query']).toEqual(['newer', 'a', 'b']);
  });
});

describe('what is never linked', () => {
  const tags = ['shared'];
  const docs = [
    doc('query', { tags }),
    doc('draft', { tags, candidate: false }),
    doc('live-1', { tags }),
    doc('live-2', { tags }),
    doc('live-3', { tags }),
    doc('live-4', { tags }),
  ];
  const result = slugs(docs);

  test('the article itself and articles that are not candidates (drafts, future)', () => {
    for (const [self, links] of Object.entries(result)) {
      expect(links).not.toContain(self);
      expect(links).not.toContain('draft');
    }
  });

  test('a non-candidate still gets links of its own', () => {
    expect(result['draft']).toEqual(['live-1', 'live-2', 'live-3', 'live-4', 'query']);
  });

  test('too little in common is filled to four with the newest of the section, then of the site', () => {
    const lonely = [doc('alone', { section: 'news' }), doc('n1', { section: 'news', epoch: base - DAY }), doc('s1', { epoch: base + 2 * DAY }), doc('s2', { epoch: base + DAY }), doc('s3', { epoch: base - 2 * DAY })];
    expect(slugs(lonely)['alone']).toEqual(['n1', 's1', 's2', 's3']);
  });
});

describe('quality and determinism on a planted-topic corpus', () => {
  // A hard corpus: few topic words among common ones, and every other article carrying a tag of another topic.
  const { docs, topicOf } = plantedCorpus({ articles: 1500, seed: 3, topicShare: 0.08, noiseTagChance: 0.5 });
  const related = relatedArticles(docs, DEFAULT_RELATED_SETTINGS);

  test('at least 90% of the links stay within the planted topic', () => {
    expect(precision(related, topicOf)).toBeGreaterThanOrEqual(0.9);
  });

  test('every article gets 4–6 distinct links', () => {
    for (const [self, links] of related.entries()) {
      expect(links.length).toBeGreaterThanOrEqual(4);
      expect(links.length).toBeLessThanOrEqual(6);
      expect(new Set(links).size).toBe(links.length);
      expect(links).not.toContain(self);
    }
  });

  test('the same input gives the same links', () => {
    expect(relatedArticles(docs, DEFAULT_RELATED_SETTINGS)).toEqual(related);
  });

  test('tags as noise alone would do worse: the text carries the topic', () => {
    const tagsOnly = relatedArticles(docs, only({ tags: 1 }, 5));
    expect(precision(related, topicOf)).toBeGreaterThan(precision(tagsOnly, topicOf));
  });
});
