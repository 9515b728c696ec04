import { describe, expect, test } from 'vitest';
import { searchShards } from '../../src/routes/search-parts.js';

describe('searchShards', () => {
  test('one part per year of published stories, newest year first, each with its page files in order', () => {
    const shards = searchShards([
      { url: '/news/budget/', year: '2026' },
      { url: '/news/draft/', year: '2026', banner: 'Draft: not published' },
      { url: '/sport/final/', year: '2024' },
      { url: '/news/ferry/', year: '2025' },
      { url: '/news/tram/', year: '2026' },
      { url: '/news/scheduled/', year: '2031', banner: 'Scheduled' },
    ]);
    expect(shards).toEqual([
      { name: '2026', pages: ['news/budget/index.html', 'news/tram/index.html'] },
      { name: '2025', pages: ['news/ferry/index.html'] },
      { name: '2024', pages: ['sport/final/index.html'] },
    ]);
  });

  test('nothing published, no part', () => {
    expect(searchShards([{ url: '/news/draft/', year: '2026', banner: 'Draft' }])).toEqual([]);
  });
});
