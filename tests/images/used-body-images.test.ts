import { describe, expect, test } from 'vitest';
import { bodyOf } from '../../src/content/front-matter.js';
import { validateContent } from '../../src/content/validate.js';
import { hasEveryPicture, usedImages } from '../../src/images/used-images.js';
import { createRenderer } from '../../src/markdown/render.js';
import { sources, validArticle } from '../helpers/sources.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const render = createRenderer({ siteUrl: 'https://gazette.example.org/' });

function content() {
  const given = sources({
    'a.md': validArticle({ title: 'A', image: '{src: /images/harbour.jpg, alt: The harbour}' }).replace('The first paragraph.', '![Boats](/images/boats.jpg)\n\n![Boats again](/images/boats.jpg) ![A chart](/images/chart.svg)'),
    'b.md': validArticle({ title: 'B' }).replace('The first paragraph.', 'Text ![The harbour](/images/harbour.jpg).'),
    'c.md': validArticle({ title: 'C', draft: 'true' }).replace('The first paragraph.', '![Not shown](/images/draft.jpg)'),
  });
  const rendered = new Map(given.articles.map((file) => [file.path, render(bodyOf(file.text)?.body ?? '')]));
  const result = validateContent(given, {
    now: NOW,
    drafts: false,
    future: false,
    assetExists: () => true,
    isSvg: (sitePath) => sitePath.endsWith('.svg'),
    bodies: (file) => rendered.get(file),
  });
  expect(result.problems).toEqual([]);
  return result.content!;
}

describe('body images in the image pipeline', () => {
  test('encoded as lead images (the same column, the same files), once each, SVGs and drafts left out', () => {
    expect(usedImages(content())).toEqual([
      { kind: 'lead', src: '/images/boats.jpg', usedBy: ['content/articles/a.md'] },
      { kind: 'lead', src: '/images/harbour.jpg', usedBy: ['content/articles/a.md', 'content/articles/b.md'] },
    ]);
  });

  test('a saved story with a body image no build encoded needs a full build (hasEveryPicture)', () => {
    const picture = { sources: [], src: '/img/x-400.jpeg', width: 400, height: 225 };
    const leadOnly = new Map([['/images/harbour.jpg', picture]]);
    expect(hasEveryPicture(content(), { lead: leadOnly, avatar: new Map() })).toBe(false);
    expect(hasEveryPicture(content(), { lead: new Map([...leadOnly, ['/images/boats.jpg', picture]]), avatar: new Map() })).toBe(true);
  });
});
