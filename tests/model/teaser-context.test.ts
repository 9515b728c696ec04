import { describe, expect, test } from 'vitest';
import { validateContent } from '../../src/content/validate.js';
import { buildSiteModel } from '../../src/model/build-model.js';
import type { Teaser } from '../../src/model/model.js';
import { fullCredit, onAuthorPage, onSectionPage } from '../../src/model/teaser-context.js';
import { article, sources } from '../helpers/sources.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const rendered = () => ({ html: '<p>Body.</p>', firstParagraph: 'Body.', words: 100 });
const JANE = { name: 'Jane Doe', url: '/authors/jane-doe/', role: 'Senior News Editor' };
const SAM = { name: 'Sam Roe', url: '/authors/sam-roe/', role: 'Business Reporter' };

function teaser(authors: (typeof JANE)[]): Teaser {
  return {
    url: '/news/a/',
    title: 'A',
    summary: 'A story.',
    authors,
    section: { name: 'News', url: '/news/' },
    published: { iso: '2025-03-14T08:30:00+00:00', display: '14 March 2025 at 08:30' },
    day: '14 March 2025',
    label: { name: 'News', url: '/news/' },
    credit: fullCredit(authors),
    image: undefined,
    banner: undefined,
  };
}

describe('what a teaser prints on each page', () => {
  test('everywhere: every author by name, without roles', () => {
    expect(teaser([JANE, SAM]).credit).toEqual({ lead: 'by', people: [{ name: 'Jane Doe', url: '/authors/jane-doe/' }, { name: 'Sam Roe', url: '/authors/sam-roe/' }] });
  });

  test("on its section's page: no section label, the rest unchanged", () => {
    const item = teaser([JANE]);
    expect(onSectionPage(item)).toEqual({ ...item, label: undefined });
  });

  test("on its only author's page: no byline", () => {
    expect(onAuthorPage(teaser([JANE]), JANE.url).credit).toBeUndefined();
  });

  test("on one co-author's page: \"with\" the others", () => {
    expect(onAuthorPage(teaser([JANE, SAM]), SAM.url).credit).toEqual({ lead: 'with', people: [{ name: 'Jane Doe', url: '/authors/jane-doe/' }] });
  });

  test("on the page of someone who did not write it: unchanged", () => {
    const item = teaser([JANE]);
    expect(onAuthorPage(item, SAM.url)).toBe(item);
  });
});

describe('teasers in the site model', () => {
  const files = {
    'a.md': article({ title: 'Shared', date: '2025-03-14T08:30:00', authors: '[jane-doe, sam-roe]', category: 'news', tags: '[Harbour, Tides]' }),
    'b.md': article({ title: 'Alone', date: '2025-03-15', authors: '[jane-doe]', category: 'business', tags: '[Harbour]' }),
  };
  const result = validateContent(sources(files), { now: NOW, drafts: false, future: false, assetExists: () => true });
  const model = buildSiteModel(result.content!, rendered);
  const archive = (url: string) => model.archives.find((page) => page.url === url)!;

  test('a list dates a story by its day alone, in the language of the site; the story page keeps the time', () => {
    const shared = model.articles.find((page) => page.title === 'Shared')!;
    expect(shared.day).toBe('14 March 2025');
    expect(shared.published.display).toBe('14 March 2025 at 08:30');
  });

  test('section pages drop the label, author pages the author', () => {
    expect(archive('/news/').items.map((item) => item.label)).toEqual([undefined]);
    expect(archive('/authors/jane-doe/').items.map((item) => item.credit)).toEqual([undefined, { lead: 'with', people: [{ name: 'Sam Roe', url: '/authors/sam-roe/' }] }]);
    expect(archive('/authors/sam-roe/').items.map((item) => item.credit?.people.map((p) => p.name))).toEqual([['Jane Doe']]);
  });

  test('tag pages keep label and byline, and say "Topic" above the name; sections carry their description', () => {
    const tag = archive('/tags/harbour/');
    expect(tag).toMatchObject({ kicker: 'Topic', heading: 'Harbour' });
    expect(tag.items.map((item) => [item.label?.name, item.credit?.lead, item.credit?.people.length])).toEqual([
      ['Business', 'by', 1],
      ['News', 'by', 2],
    ]);
    expect(archive('/news/')).toMatchObject({ kicker: undefined, standfirst: undefined, heading: 'News' });
    expect(archive('/authors/jane-doe/')).toMatchObject({ kicker: undefined, heading: 'Jane Doe', person: { role: 'Senior News Editor' } });
  });

  test('the search page suggests every section, and the topics most used first', () => {
    expect(model.searchPage).toEqual({
      sections: [{ name: 'News', url: '/news/' }, { name: 'Business', url: '/business/' }],
      topics: [{ name: 'Harbour', url: '/tags/harbour/' }, { name: 'Tides', url: '/tags/tides/' }],
    });
  });
});
