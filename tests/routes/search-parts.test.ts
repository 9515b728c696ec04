import { describe, expect, test } from 'vitest';
import { searchShards } from '../../src/routes/search-parts.js';

/** A story published at `iso` (in the site's timezone), as the model gives it. */
const story = (url: string, iso: string, banner?: string) => ({ url, published: { iso }, ...(banner && { banner }) });

describe('searchShards', () => {
  test('one part per year of published stories, newest year first, each with its page files in order', () => {
    const shards = searchShards([
      story('/news/budget/', '2026-03-02T09:00:00+00:00'),
      story('/news/draft/', '2026-02-01T09:00:00+00:00', 'Draft: not published'),
      story('/sport/final/', '2024-05-30T18:00:00+01:00'),
      story('/news/ferry/', '2025-12-31T23:30:00+00:00'),
      story('/news/tram/', '2026-01-14T08:00:00+00:00'),
      story('/news/scheduled/', '2031-01-01T00:00:00+00:00', 'Scheduled'),
    ]);
    expect(shards).toEqual([
      { name: '2026', pages: ['news/budget/index.html', 'news/tram/index.html'] },
      { name: '2025', pages: ['news/ferry/index.html'] },
      { name: '2024', pages: ['sport/final/index.html'] },
    ]);
  });

  test('the year is the one of the site\'s timezone, as the page\'s year filter says', () => {
    // 23:30 on New Year's Eve in New York is already 2026 in UTC.
    expect(searchShards([story('/news/eve/', '2025-12-31T23:30:00-05:00')]).map((shard) => shard.name)).toEqual(['2025']);
  });

  test('a year of more stories than a part holds is split into runs of whole months, newest run first, each named by its first month', () => {
    const stories = [
      ...['01', '02', '03', '04', '05', '06', '07'].flatMap((month) => [1, 2].map((n) => story(`/news/${month}-${n}/`, `2025-${month}-1${n}T10:00:00+00:00`))),
      // A month larger than a part is a run of its own.
      ...[1, 2, 3, 4, 5].map((n) => story(`/news/11-${n}/`, `2025-11-0${n}T10:00:00+00:00`)),
      story('/news/old/', '2024-06-01T10:00:00+00:00'),
    ];
    const shards = searchShards(stories, [], 4);
    expect(shards.map((shard) => [shard.name, shard.pages.length])).toEqual([
      ['2025-11', 5],
      ['2025-07', 2],
      ['2025-05', 4],
      ['2025-03', 4],
      ['2025-01', 4],
      ['2024', 1],
    ]);
    expect(shards[3]!.pages).toEqual(['news/03-1/index.html', 'news/03-2/index.html', 'news/04-1/index.html', 'news/04-2/index.html']);
    // Every published story is in exactly one part.
    expect(shards.flatMap((shard) => shard.pages).sort()).toEqual(stories.map((s) => `${s.url.slice(1)}index.html`).sort());
  });

  test('stories added to the latest month change the last run alone', () => {
    const year = ['01', '02', '03', '04'].flatMap((month) => [1, 2].map((n) => story(`/news/${month}-${n}/`, `2025-${month}-1${n}T10:00:00+00:00`)));
    const before = searchShards(year, [], 3);
    const after = searchShards([story('/news/04-3/', '2025-04-20T10:00:00+00:00'), ...year], [], 3);
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(after[0]!.pages).toHaveLength(before[0]!.pages.length + 1);
  });

  test('published pages (About…) come last, in a part of their own; a draft page is left out', () => {
    const shards = searchShards(
      [story('/news/tram/', '2026-01-14T08:00:00+00:00')],
      [{ url: '/about/' }, { url: '/style-guide/', banner: 'Draft: not published' }, { url: '/policies/ethics/' }],
    );
    expect(shards).toEqual([
      { name: '2026', pages: ['news/tram/index.html'] },
      { name: 'pages', pages: ['about/index.html', 'policies/ethics/index.html'] },
    ]);
    expect(searchShards([], [{ url: '/about/', banner: 'Draft' }])).toEqual([]);
  });

  test('nothing published, no part', () => {
    expect(searchShards([story('/news/draft/', '2026-01-14T08:00:00+00:00', 'Draft')])).toEqual([]);
  });
});
