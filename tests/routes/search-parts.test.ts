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

  test('published pages (About…) come last, in a part of their own; a draft page is left out', () => {
    const shards = searchShards(
      [{ url: '/news/tram/', year: '2026' }],
      [{ url: '/about/' }, { url: '/style-guide/', banner: 'Draft: not published' }, { url: '/policies/ethics/' }],
    );
    expect(shards).toEqual([
      { name: '2026', pages: ['news/tram/index.html'] },
      { name: 'pages', pages: ['about/index.html', 'policies/ethics/index.html'] },
    ]);
    expect(searchShards([], [{ url: '/about/', banner: 'Draft' }])).toEqual([]);
  });

  test('nothing published, no part', () => {
    expect(searchShards([{ url: '/news/draft/', year: '2026', banner: 'Draft' }])).toEqual([]);
  });
});
