import { describe, expect, test } from 'vitest';
import { articleEnd, MORE_FROM_AUTHOR_ITEMS, RAIL_ITEMS, type ArticleEndInput } from '../../src/model/article-end.js';
import { commentsNote, commentsState } from '../../src/model/comment-threads.js';

/** Stories named by letters, newest first; `draft-…` ones are not linkable. */
const input = (over: Partial<ArticleEndInput<string>>): ArticleEndInput<string> => ({
  story: 'x',
  related: [],
  older: undefined,
  newer: undefined,
  byAuthor: [],
  inSection: [],
  latest: [],
  linkable: (story) => !story.startsWith('draft-'),
  ...over,
});

/** Every story the end of the page links to, in the order a reader meets them. */
const linked = (end: ReturnType<typeof articleEnd<string>>): string[] =>
  [...end.related, end.previous, end.next, ...end.moreFromAuthor, ...end.rail.items].filter((story): story is string => story !== undefined);

describe('the end of a story links each story once', () => {
  test('"More from" leaves out the story, the related stories and previous / next', () => {
    const end = articleEnd(input({ related: ['a', 'b'], older: 'c', newer: 'd', byAuthor: ['d', 'x', 'a', 'c', 'e', 'f'] }));
    expect(end.previous).toBe('c');
    expect(end.next).toBe('d');
    expect(end.moreFromAuthor).toEqual(['e', 'f']);
  });

  test('previous / next are dropped when "You may also like" already shows them, and never repeat a "More from" link', () => {
    const end = articleEnd(input({ related: ['c'], older: 'c', newer: 'd', byAuthor: ['d', 'c', 'e'] }));
    expect(end.previous).toBeUndefined();
    expect(end.next).toBe('d');
    expect(end.moreFromAuthor).toEqual(['e']);
  });

  test('the rail lists the section newest first, leaving out everything shown below the story', () => {
    const section = ['n1', 'x', 'n2', 'a', 'n3', 'c', 'n4', 'e', 'n5', 'n6', 'n7'];
    const end = articleEnd(input({ related: ['a'], older: 'c', byAuthor: ['e'], inSection: section, latest: ['s1', ...section] }));
    expect(end.rail).toEqual({ scope: 'section', items: ['n1', 'n2', 'n3', 'n4', 'n5'] });
    expect(end.rail.items).toHaveLength(RAIL_ITEMS);
  });

  test('a section with fewer than three new stories gives the rail to the site\'s latest, still without repeats', () => {
    const end = articleEnd(input({ related: ['a'], older: 'c', inSection: ['a', 'x', 'c', 'n1', 'n2'], latest: ['s1', 'a', 'n1', 's2', 'x', 'c', 'n2'] }));
    expect(end.rail).toEqual({ scope: 'site', items: ['s1', 'n1', 's2', 'n2'] });
  });

  test('nothing left: an empty rail and no "More from"', () => {
    const end = articleEnd(input({ related: ['a', 'b'], byAuthor: ['x', 'a'], inSection: ['a', 'x', 'b'], latest: ['b', 'a', 'x'] }));
    expect(end.moreFromAuthor).toEqual([]);
    expect(end.rail.items).toEqual([]);
  });

  test('drafts are never linked: not as previous / next, in "More from" nor in the rail', () => {
    const end = articleEnd(
      input({ older: 'draft-1', newer: 'draft-2', byAuthor: ['draft-3', 'e'], inSection: ['draft-1', 'n1', 'n2', 'n3'], latest: ['draft-4'] }),
    );
    expect(linked(end)).toEqual(['e', 'n1', 'n2', 'n3']);
  });

  test('many lists over one pool of stories: no story twice, never the story itself, each list at most its size', () => {
    const pool = Array.from({ length: 30 }, (_, i) => `s${i}`);
    for (let seed = 0; seed < 30; seed++) {
      const pick = (step: number, count: number) => Array.from({ length: count }, (_, i) => pool[(seed * 7 + i * step) % pool.length] as string);
      const end = articleEnd(
        input({ story: 's0', related: [...new Set(pick(3, 5))].filter((s) => s !== 's0'), older: pick(1, 1)[0], newer: pick(5, 1)[0], byAuthor: pick(2, 12), inSection: pick(1, 20), latest: pool }),
      );
      const links = linked(end);
      expect(new Set(links).size, `seed ${seed}`).toBe(links.length);
      expect(links).not.toContain('s0');
      expect(end.moreFromAuthor.length).toBeLessThanOrEqual(MORE_FROM_AUTHOR_ITEMS);
      expect(end.rail.items.length).toBeLessThanOrEqual(RAIL_ITEMS);
    }
  });
});

describe('what the comments section says', () => {
  const state = (over: Partial<Parameters<typeof commentsState>[0]>) =>
    commentsState({ enabled: true, endpoint: true, articleOpen: true, published: true, approved: 0, ...over });

  test.each([
    ['open with comments: the list and the form, no note', {}, 2, 'open', undefined],
    ['open without comments', {}, 0, 'open', 'No comments yet.'],
    ['closed on this article, with comments', { articleOpen: false }, 2, 'closed', 'Comments are closed.'],
    ['closed on this article, without comments', { articleOpen: false }, 0, 'closed', 'Comments are closed.'],
    ['off for the site while comments exist', { enabled: false }, 3, 'closed', 'Comments are closed.'],
    ['off for the site, no comments: no section', { enabled: false }, 0, 'hidden', undefined],
    ['no endpoint, comments exist (an imported archive)', { endpoint: false }, 3, 'closed', 'Comments are closed.'],
    ['no endpoint, no comments: no section', { endpoint: false }, 0, 'hidden', undefined],
    ['a draft or scheduled story', { published: false }, 0, 'preview', 'Comments open when the story is published.'],
    ['a closed draft', { published: false, articleOpen: false }, 1, 'closed', 'Comments are closed.'],
  ] as const)('%s', (_, over, approved, expected, note) => {
    const found = state({ ...over, approved });
    expect(found).toBe(expected);
    expect(commentsNote(found, approved)).toBe(note);
  });
});
