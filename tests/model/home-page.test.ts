import { describe, expect, test } from 'vitest';
import type { Content } from '../../src/content/types.js';
import { validateContent } from '../../src/content/validate.js';
import { buildSiteModel } from '../../src/model/build-model.js';
import { HOME_COUNTS, homePage } from '../../src/model/home-page.js';
import { createPageContext } from '../../src/model/page-context.js';
import { article, sources } from '../helpers/sources.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const rendered = () => ({ html: '<p>Body.</p>', firstParagraph: 'Body.', words: 100 });
const IMAGE = '{ src: /images/harbour.jpg, alt: The harbour }';

/** Stories one day apart, newest last in `spec`: each `[slug, section, picture?]`. */
function newsroom(spec: [string, string, boolean?][]): Content {
  const files = Object.fromEntries(
    spec.map(([slug, category, picture], i) => [
      `${slug}.md`,
      article({ title: `Story ${slug}`, date: `2025-03-${String(10 + i).padStart(2, '0')}`, authors: '[jane-doe]', category, ...(picture ? { image: IMAGE } : {}) }),
    ]),
  );
  const result = validateContent(sources(files), { now: NOW, drafts: false, future: false, assetExists: () => true });
  expect(result.problems).toEqual([]);
  return result.content!;
}

function home(content: Content) {
  return homePage(content.articles, content.categories, createPageContext(content, rendered));
}

const slugs = (items: { url: string }[]) => items.map((item) => item.url.split('/')[2]);

describe('the home page', () => {
  test('the newest story leads when it has a picture', () => {
    const page = home(newsroom([['a', 'news', true], ['b', 'news', true], ['c', 'news', true]]));
    expect(slugs([page.lead!])).toEqual(['c']);
    expect(slugs(page.secondary)).toEqual(['b', 'a']);
  });

  test('the newest story with a picture among the first three leads; newer ones stay first among the secondary stories', () => {
    const page = home(newsroom([['a', 'news', true], ['b', 'news', true], ['c', 'news'], ['d', 'news']]));
    expect(slugs([page.lead!])).toEqual(['b']);
    expect(slugs(page.secondary)).toEqual(['d', 'c', 'a']);
  });

  test('a picture older than the first three does not lead: the newest story does, without one', () => {
    const page = home(newsroom([['a', 'news', true], ['b', 'news'], ['c', 'news'], ['d', 'news']]));
    expect(slugs([page.lead!])).toEqual(['d']);
    expect(page.lead?.image).toBeUndefined();
  });

  test('secondary stories are the next four; each section block then holds up to four stories not shown above, in navigation order', () => {
    const spec: [string, string, boolean?][] = [];
    for (let i = 1; i <= 7; i++) spec.push([`b${i}`, 'business']);
    for (let i = 1; i <= 7; i++) spec.push([`n${i}`, 'news', i === 7]);
    const page = home(newsroom(spec));
    expect(slugs([page.lead!])).toEqual(['n7']);
    expect(page.secondary).toHaveLength(HOME_COUNTS.secondary);
    expect(slugs(page.secondary)).toEqual(['n6', 'n5', 'n4', 'n3']);
    expect(page.sections.map((block) => [block.name, block.url, block.more, slugs(block.items)])).toEqual([
      ['News', '/news/', 'More News', ['n2', 'n1']],
      ['Business', '/business/', 'More Business', ['b7', 'b6', 'b5', 'b4']],
    ]);
  });

  test('no story is shown twice, and a section with nothing left has no block', () => {
    const page = home(newsroom([['a', 'news', true], ['b', 'business'], ['c', 'news'], ['d', 'news'], ['e', 'news'], ['f', 'news']]));
    const shown = [page.lead!, ...page.secondary, ...page.sections.flatMap((block) => block.items)].map((item) => item.url);
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown).toHaveLength(6);
    expect(page.sections.map((block) => block.name)).toEqual(['News']);
  });

  test("cards under a section's heading do not name the section; the lead and secondary stories do", () => {
    const spec: [string, string, boolean?][] = [];
    for (let i = 1; i <= 8; i++) spec.push([`n${i}`, 'news', true]);
    const page = home(newsroom(spec));
    expect(page.lead?.label).toEqual({ name: 'News', url: '/news/' });
    expect(page.secondary.every((item) => item.label?.name === 'News')).toBe(true);
    expect(page.sections[0]?.items.map((item) => item.label)).toEqual([undefined, undefined, undefined]);
  });

  test('an empty newsroom has no lead, no secondary stories and no blocks', () => {
    const content = newsroom([]);
    expect(home(content)).toEqual({ lead: undefined, secondary: [], sections: [] });
  });

  test('the site model carries the home page: the older story with a picture leads the newer one without', () => {
    const content = newsroom([['a', 'news', true], ['b', 'business']]);
    const model = buildSiteModel(content, rendered);
    expect(slugs([model.home.lead!])).toEqual(['a']);
    expect(slugs(model.home.secondary)).toEqual(['b']);
  });
});
