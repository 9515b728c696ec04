import { describe, expect, test } from 'vitest';
import { validateContent } from '../../src/content/validate.js';
import { buildSiteModel } from '../../src/model/build-model.js';
import type { ArticlePage } from '../../src/model/model.js';
import { article, sources } from '../helpers/sources.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const rendered = () => ({ html: '<p>Body.</p>', firstParagraph: 'Body.', words: 100 });

/** Eight stories in one section by one author, all tagged alike, one day apart; plus extras. */
function newsroom(extra: Record<string, string> = {}, pins: Record<string, string> = {}) {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 8; i++) {
    files[`s${i}.md`] = article({
      title: `Story ${i}`,
      date: `2025-03-${String(10 + i).padStart(2, '0')}`,
      authors: '[jane-doe]',
      category: 'news',
      tags: '[Harbour]',
      ...(pins[`s${i}`] ? { related: pins[`s${i}`] } : {}),
    });
  }
  const result = validateContent(sources({ ...files, ...extra }), { now: NOW, drafts: true, future: false, assetExists: () => true });
  expect(result.problems).toEqual([]);
  const model = buildSiteModel(result.content!, rendered);
  return (slug: string) => model.articles.find((page) => page.url === `/news/${slug}/`) as ArticlePage;
}

const urls = (items: { url: string }[] | undefined) => (items ?? []).map((item) => item.url.split('/')[2]);

describe('related links on the article page', () => {
  test('pinned articles come first in the order written, then the engine fills up to the count', () => {
    const page = newsroom({}, { s8: '[s1, s3]' })('s8');
    expect(urls(page.related).slice(0, 2)).toEqual(['s1', 's3']);
    expect(page.related).toHaveLength(5);
    expect(new Set(urls(page.related)).size).toBe(5);
    expect(urls(page.related)).not.toContain('s8');
  });

  test('related: false shows no "You may also like"', () => {
    expect(newsroom({}, { s8: 'false' })('s8').related).toEqual([]);
  });

  test('"More from" and the rail leave out what is already shown, and each other', () => {
    const page = newsroom()('s8');
    const related = urls(page.related);
    const fromAuthor = urls(page.moreFromAuthor?.items);
    const rail = urls(page.rail?.items);
    expect(page.moreFromAuthor).toMatchObject({ name: 'Jane Doe', url: '/authors/jane-doe/' });
    expect(fromAuthor.length).toBeGreaterThan(0);
    for (const slug of fromAuthor) expect(related).not.toContain(slug);
    for (const slug of rail) expect([...related, ...fromAuthor]).not.toContain(slug);
    expect([...related, ...fromAuthor, ...rail]).not.toContain('s8');
    // Eight stories: 5 related and the author's other 2 (or the previous one and 1) leave nothing new for the rail.
    const previous = page.previous ? [urls([page.previous])[0]] : [];
    expect([...related, ...previous, ...fromAuthor].sort()).toEqual(['s1', 's2', 's3', 's4', 's5', 's6', 's7']);
    expect(page.rail).toBeUndefined();
  });

  test('a draft shown with --drafts is never linked from another page, even when pinned', () => {
    const pages = newsroom({ 'draft.md': article({ title: 'Draft story', date: '2025-03-30', authors: '[jane-doe]', category: 'news', tags: '[Harbour]', draft: 'true' }) }, { s1: '[draft]' });
    for (let i = 1; i <= 8; i++) {
      const page = pages(`s${i}`);
      const linked = [...urls(page.related), ...urls(page.moreFromAuthor?.items), ...urls(page.rail?.items), page.previous?.url.split('/')[2], page.next?.url.split('/')[2]];
      expect(linked).not.toContain('draft');
    }
    expect(pages('draft').related.length).toBeGreaterThanOrEqual(4);
  });
});
