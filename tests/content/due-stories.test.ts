import { describe, expect, test } from 'vitest';
import { dueStories } from '../../src/content/due-stories.js';
import { validateContent } from '../../src/content/validate.js';
import { buildSiteModel } from '../../src/model/build-model.js';
import { sources, validArticle } from '../helpers/sources.js';

// Dates are written in the site's zone (Europe/London): GMT in winter.
const NEWSROOM = {
  '2025-12-01-budget.md': validArticle({ title: 'Budget agreed', date: '2025-12-01T09:00:00' }),
  '2025-12-05-ferry.md': validArticle({ title: 'Ferry returns', date: '2025-12-05T20:00:00' }),
  '2025-12-05-pier.md': validArticle({ title: 'Pier reopens', date: '2025-12-05T20:00:00' }),
  '2025-12-06-council.md': validArticle({ title: 'Council to vote', date: '2025-12-06T07:00:00' }),
  '2025-12-05-secret.md': validArticle({ title: 'A draft', date: '2025-12-05T18:00:00', draft: 'true' }),
  '2025-12-24-carols.md': validArticle({ title: 'Carols on the quay', date: '2025-12-24T18:00:00' }),
};
const at = (iso: string) => Date.parse(iso);

/** What `due` finds in NEWSROOM for the window (since, at], the content validated as of `at` as a publish build does. */
function due(since: string, end: string, articles: Record<string, string> = NEWSROOM) {
  const { content, problems } = validateContent(sources(articles), { now: at(end), drafts: false, future: false, assetExists: () => true });
  expect(problems).toEqual([]);
  const found = dueStories(content!, { since: at(since), at: at(end) });
  const line = (story: { time: number; file: string; title: string } | undefined) => story && `${new Date(story.time).toISOString()} ${story.file} ${story.title}`;
  return { due: found.due.map(line), next: line(found.next) };
}

describe('the stories due in a window', () => {
  test('commit 15:32, stories at 18:00 (a draft) and 20:00, publish run at 00:01: the 20:00 stories are due, oldest first by file, and 07:00 is next', () => {
    expect(due('2025-12-05T15:32:00Z', '2025-12-06T00:01:00Z')).toEqual({
      due: ['2025-12-05T20:00:00.000Z content/articles/2025-12-05-ferry.md Ferry returns', '2025-12-05T20:00:00.000Z content/articles/2025-12-05-pier.md Pier reopens'],
      next: '2025-12-06T07:00:00.000Z content/articles/2025-12-06-council.md Council to vote',
    });
  });

  test.each([
    ['before its time: nothing due, it is next', '2025-12-05T15:32:00Z', '2025-12-05T19:59:59Z', [], 'ferry'],
    ['the window ends at its very time: it is due', '2025-12-05T15:32:00Z', '2025-12-05T20:00:00Z', ['ferry', 'pier'], 'council'],
    ['the last build was at its very time: it went out then', '2025-12-05T20:00:00Z', '2025-12-06T06:00:00Z', [], 'council'],
    ['a window of a day catches two times', '2025-12-05T12:00:00Z', '2025-12-06T12:00:00Z', ['ferry', 'pier', 'council'], 'carols'],
    ['an empty window', '2025-12-06T12:00:00Z', '2025-12-06T12:00:00Z', [], 'carols'],
    ['after the last story: nothing next', '2025-12-24T17:00:00Z', '2025-12-25T00:00:00Z', ['carols'], undefined],
  ])('%s', (_case, since, end, dueFiles, nextFile) => {
    const found = due(since, end);
    const slug = (line: string | undefined) => line && /\d{4}-\d\d-\d\d-([a-z]+)\.md/.exec(line)?.[1];
    expect(found.due.map(slug)).toEqual(dueFiles);
    expect(slug(found.next)).toBe(nextFile);
  });

  test('a draft is never due nor next, whatever its date', () => {
    const drafts = { 'a.md': validArticle({ title: 'Draft', date: '2025-12-05T18:00:00', draft: 'true' }), 'b.md': validArticle({ title: 'Later draft', date: '2025-12-07T18:00:00', draft: 'true' }) };
    expect(due('2025-12-01T00:00:00Z', '2025-12-06T00:00:00Z', drafts)).toEqual({ due: [], next: undefined });
  });
});

describe('a preview build is marked in the model', () => {
  test.each([
    [false, false, false],
    [true, false, true],
    [false, true, true],
    [true, true, true],
  ])('drafts %s, future %s: noindex %s', (drafts, future, noindex) => {
    const { content } = validateContent(sources(NEWSROOM), { now: at('2025-12-06T00:00:00Z'), drafts, future, assetExists: () => true });
    const model = buildSiteModel(content!, () => ({ html: '<p>Text.</p>', firstParagraph: 'Text.', words: 1 }));
    expect(model.site.noindex).toBe(noindex);
  });
});
