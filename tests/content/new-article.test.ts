import { describe, expect, test } from 'vitest';
import { newArticle, type NewArticleInput } from '../../src/content/new-article.js';

/* The file `broadsheet new` writes, from its inputs alone. */

const INPUT: NewArticleInput = {
  headline: 'Harbour swing bridge reopens after repairs',
  section: 'news',
  authors: ['jane-doe'],
  draft: false,
  // 14:07 in London in December (GMT).
  date: { epoch: Date.parse('2026-12-05T14:07:00Z'), hasTime: true },
  timezone: 'Europe/London',
  known: { sections: ['news', 'business'], authors: ['jane-doe', 'sam-roe'] },
};

const IMAGE_STUB = [
  '# A lead image, a file in public/: remove the # from these lines and fill them in.',
  '# image:',
  '#   src: /images/picture.jpg',
  '#   alt: What the picture shows, for readers who cannot see it',
  '#   caption: A line about the picture',
  '#   credit: "Photo: Name"',
];

describe('a new article', () => {
  test('is named by its date in the site timezone and its headline, with complete front matter', () => {
    expect(newArticle(INPUT)).toEqual({
      file: 'articles/2026/2026-12-05-harbour-swing-bridge-reopens-after-repairs.md',
      text: [
        '---',
        'title: Harbour swing bridge reopens after repairs',
        '# One or two sentences for lists, search results and shared links; left empty, the first paragraph stands in.',
        'summary: ""',
        'date: 2026-12-05T14:07:00',
        'authors:',
        '  - jane-doe',
        'category: news',
        'tags: []',
        ...IMAGE_STUB,
        '---',
        'Write the story here: the news first, then the details.',
        '',
      ].join('\n'),
    });
  });

  test('a draft with two authors, quoted title, dated by --at in another zone, on the next day in the site timezone', () => {
    const made = newArticle({
      ...INPUT,
      headline: '  Budget 2027:   what it means\tfor you ',
      authors: ['jane-doe', 'sam-roe', 'jane-doe'],
      section: 'business',
      draft: true,
      // 20:30 in New York on the 6th of July is 01:30 on the 7th in London (BST).
      date: { epoch: Date.parse('2027-07-07T00:30:00Z'), hasTime: true },
    });
    expect(made).toEqual({
      file: 'articles/2027/2027-07-07-budget-2027-what-it-means-for-you.md',
      text: [
        '---',
        'title: "Budget 2027: what it means for you"',
        '# One or two sentences for lists, search results and shared links; left empty, the first paragraph stands in.',
        'summary: ""',
        'date: 2027-07-07T01:30:00',
        'authors:',
        '  - jane-doe',
        '  - sam-roe',
        'category: business',
        'tags: []',
        '# Off the site until this line is removed (--drafts shows it).',
        'draft: true',
        ...IMAGE_STUB,
        '---',
        'Write the story here: the news first, then the details.',
        '',
      ].join('\n'),
    });
  });

  test('a date without a time of day is written as a date', () => {
    const made = newArticle({ ...INPUT, date: { epoch: Date.parse('2027-01-04T00:00:00Z'), hasTime: false } });
    expect(made).toMatchObject({ file: 'articles/2027/2027-01-04-harbour-swing-bridge-reopens-after-repairs.md', text: expect.stringContaining('\ndate: 2027-01-04\n') });
  });

  test('the slug is transliterated, as tags are, and a long one is cut after a whole word', () => {
    expect(newArticle({ ...INPUT, headline: 'Café Noël: Zoë’s crème brûlée' })).toMatchObject({ file: 'articles/2026/2026-12-05-cafe-noel-zoes-creme-brulee.md' });
    // 13 words make 108 characters; 12 make 95, within the 100 allowed.
    const long = newArticle({ ...INPUT, headline: `${'Harbour '.repeat(13)}wall` });
    expect(long).toMatchObject({ file: `articles/2026/2026-12-05-${Array.from({ length: 12 }, () => 'harbour').join('-')}.md` });
  });

  test.each([
    ['an unknown section, with the nearest', { section: 'nws' }, 'unknown section "nws": did you mean "news"?'],
    ['a section in capitals', { section: 'News' }, 'unknown section "News": did you mean "news"?'],
    ['an unknown section, nothing near', { section: 'weather' }, 'unknown section "weather": the sections are news, business'],
    ['an unknown author, the second', { authors: ['jane-doe', 'sam-rowe'] }, 'unknown author "sam-rowe": did you mean "sam-roe"?'],
    ['a newsroom without authors', { known: { sections: ['news'], authors: [] } }, 'unknown author "jane-doe": there is none: each is a file in authors/'],
    ['a headline without letters or digits', { headline: '!!! ???' }, 'the headline "!!! ???" has no letters or digits to make a web address from'],
    ['a headline that makes a name Windows reserves', { headline: 'Con' }, 'the headline makes the address "con", which must not be a name Windows reserves for devices (con, prn, aux, nul, com1…, lpt1…): add a word to the headline'],
  ])('is refused for %s', (_case, change, refused) => {
    expect(newArticle({ ...INPUT, ...change })).toEqual({ refused });
  });
});
