import { describe, expect, test } from 'vitest';
import { validateContent, type ValidateOptions } from '../../src/content/validate.js';
import { formatProblem } from '../../src/util/problems.js';
import { article, SITE_YML, sources } from '../helpers/sources.js';

const options: ValidateOptions = { now: Date.parse('2026-01-01T00:00:00Z'), drafts: false, future: false, assetExists: (src) => src === '/images/a.jpg' };
const story = article({ title: 'Tram opens', date: '2025-01-01', authors: '[jane-doe]', category: 'news' });
const page = (fields: Record<string, string>, body = 'Who we are.\n') => article({ title: 'About us', ...fields }, body);
const site = (lines: string) => `${SITE_YML}${lines}\n`;

function validate(pages: Record<string, string>, siteYml = SITE_YML, given: Partial<ValidateOptions> = {}) {
  return validateContent(sources({ 'tram.md': story }, { site: siteYml, pages }), { ...options, ...given });
}
const problems = (...args: Parameters<typeof validate>) => validate(...args).problems.map(formatProblem);

describe('a page file', () => {
  test('is built at /<slug>/ with its fields; the slug is the file name', () => {
    const content = validate({ about: page({ summary: 'Who we are', updated: '2025-05-01', aliases: '[/about-us/]' }) }).content;
    expect(content?.pages).toEqual([
      expect.objectContaining({ slug: 'about', url: '/about/', title: 'About us', summary: 'Who we are', draft: false, aliases: ['/about-us/'], file: 'content/pages/about.md', bodyLine: 7 }),
    ]);
  });

  test.each([
    [{ title: '""' }, 'content/pages/about.md:2:1 error: title: must not be empty'],
    [{ updated: '2025-02-30' }, 'content/pages/about.md:3:1 error: updated: "2025-02-30" is not a real date'],
    [{ draft: 'yes' }, 'content/pages/about.md:3:1 error: draft: must be true or false'],
    [{ aliases: '[news]' }, 'content/pages/about.md:3:11 error: aliases.0: must be a site path such as /news/old-slug/'],
  ])('a bad field %j is an error at its line', (fields, message) => {
    expect(problems({ about: page(fields) })[0]).toContain(message);
  });

  test('an unknown field is a warning with the nearest known one; a field only articles have too', () => {
    expect(problems({ about: page({ summery: 'x', category: 'news' }) })).toEqual([
      'content/pages/about.md:3:1 warning: unknown field "summery" is ignored\n    hint: did you mean "summary"?',
      'content/pages/about.md:4:1 warning: unknown field "category" is ignored\n    hint: known fields here: title, summary, permalink, updated, draft, aliases',
    ]);
  });

  test('a file name that makes no slug is an error; two files with one slug are one error', () => {
    expect(problems({ 'About Us': page({}) })).toEqual([
      'content/pages/About Us.md error: the file name gives the page slug "About Us", which must be lowercase ASCII letters and digits in words joined by "-"\n    hint: rename the file to about-us.md',
    ]);
    expect(problems({ about: page({}), 'legal/about': page({ permalink: '/legal/about/' }) })).toEqual([
      'content/pages/legal/about.md error: the page slug "about" is also used by content/pages/about.md\n    hint: rename one of the two files',
    ]);
  });

  test('its body names articles and images as an article body does', () => {
    const validated = validate({ about: page({}, '::readmore{slug="tram"}\n\n![The quay](/images/a.jpg)\n') }, SITE_YML, {
      bodies: (file) => (file.startsWith('content/pages/') ? { readMore: [{ slug: 'tram', line: 1, column: 1 }], images: [{ src: '/images/a.jpg', line: 3, column: 1 }] } : undefined),
    });
    expect(validated.problems).toEqual([]);
    expect(validated.content?.pages[0]).toMatchObject({ readMore: [{ url: '/news/tram/', title: 'Tram opens' }], bodyImages: [{ src: '/images/a.jpg', at: { line: 6, column: 1 } }] });
    const wrong = validate({ about: page({}) }, SITE_YML, {
      bodies: (file) => (file.startsWith('content/pages/') ? { readMore: [{ slug: 'tramm', line: 2, column: 1 }], images: [{ src: '/images/b.jpg', line: 4, column: 3 }] } : undefined),
    });
    expect(wrong.problems.map(formatProblem)).toEqual([
      'content/pages/about.md:7:3 error: image /images/b.jpg is not in public/\n    hint: add the file public/images/b.jpg, or fix the path',
      'content/pages/about.md:5:1 error: readmore: no article "tramm"\n    hint: did you mean "tram"?',
    ]);
  });
});

describe('the footer', () => {
  test('links the pages site.yml lists, in that order; a page not listed is built but not linked', () => {
    const content = validate({ about: page({}), ethics: page({ title: 'Ethics' }), contact: page({ title: 'Contact' }) }, site('pages: [ethics, about]')).content;
    expect(content?.footer).toEqual([
      { title: 'Ethics', url: '/ethics/' },
      { title: 'About us', url: '/about/' },
    ]);
    expect(content?.pages.map((p) => p.url)).toEqual(['/about/', '/contact/', '/ethics/']);
  });

  test('a listed draft is linked only when drafts are shown, and then built with them', () => {
    const pages = { about: page({}), ethics: page({ title: 'Ethics', draft: 'true' }) };
    const published = validate(pages, site('pages: [about, ethics]')).content;
    expect([published?.footer.map((p) => p.url), published?.pages.map((p) => p.url)]).toEqual([['/about/'], ['/about/']]);
    const drafts = validate(pages, site('pages: [about, ethics]'), { drafts: true }).content;
    expect([drafts?.footer.map((p) => p.url), drafts?.pages.map((p) => p.url)]).toEqual([
      ['/about/', '/ethics/'],
      ['/about/', '/ethics/'],
    ]);
  });

  test('more pages than a footer holds is an error at the line', () => {
    const many = Array.from({ length: 51 }, (_, i) => `p${i}`).join(', ');
    expect(problems({}, site(`pages: [${many}]`))).toEqual(['content/site.yml:7:1 error: pages: 51 pages, and the footer links at most 50']);
  });
});
