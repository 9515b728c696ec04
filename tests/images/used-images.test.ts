import { describe, expect, test } from 'vitest';
import { validateContent } from '../../src/content/validate.js';
import { hasEveryPicture, imageProblems, usedImages } from '../../src/images/used-images.js';
import { formatProblem } from '../../src/util/problems.js';
import { AUTHORS, sources, validArticle } from '../helpers/sources.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');

function content() {
  const result = validateContent(
    sources(
      {
        'a.md': validArticle({ title: 'A', image: '{src: /images/harbour.jpg, alt: The harbour}' }),
        'b.md': validArticle({ title: 'B', image: '{src: /images/harbour.jpg, alt: The harbour again}' }),
        'c.md': validArticle({ title: 'C', image: '{src: /images/avatars/jane.jpg, alt: Jane}' }),
        'd.md': validArticle({ title: 'D' }),
        'e.md': validArticle({ title: 'E', draft: 'true', image: '{src: /images/draft.jpg, alt: Not shown}' }),
      },
      { authors: { ...AUTHORS, 'jane-doe': AUTHORS['jane-doe']!.replace('role:', 'avatar: /images/avatars/jane.jpg\nrole:') } },
    ),
    { now: NOW, drafts: false, future: false, assetExists: () => true },
  );
  expect(result.problems).toEqual([]);
  return result.content!;
}

describe('usedImages', () => {
  test('each image once per kind, with every file using it; drafts left out of a build without --drafts', () => {
    expect(usedImages(content())).toEqual([
      { kind: 'avatar', src: '/images/avatars/jane.jpg', usedBy: ['content/authors/jane-doe.md'] },
      { kind: 'lead', src: '/images/avatars/jane.jpg', usedBy: ['content/articles/c.md'] },
      { kind: 'lead', src: '/images/harbour.jpg', usedBy: ['content/articles/a.md', 'content/articles/b.md'] },
    ]);
  });

  test('hasEveryPicture: an image used in a way not yet encoded is missing', () => {
    const picture = { sources: [], src: '/img/x-400.jpeg', width: 400, height: 225 };
    const lead = new Map([
      ['/images/harbour.jpg', picture],
      ['/images/avatars/jane.jpg', picture],
    ]);
    expect(hasEveryPicture(content(), { lead, avatar: new Map([['/images/avatars/jane.jpg', picture]]) })).toBe(true);
    expect(hasEveryPicture(content(), { lead, avatar: new Map() })).toBe(false);
  });
});

describe('imageProblems', () => {
  test('an image that cannot be read is an error in every file using it, at the line naming it when known', () => {
    const [, , harbour] = usedImages(content());
    const problems = imageProblems([{ use: harbour!, message: 'Input buffer contains unsupported image format' }], (_use, file) =>
      file.endsWith('a.md') ? { line: 7, column: 9 } : undefined,
    );
    expect(problems.map(formatProblem)).toEqual([
      'content/articles/a.md:7:9 error: image /images/harbour.jpg could not be read as an image (Input buffer contains unsupported image format)\n    hint: use a JPEG, PNG, WebP, AVIF or GIF file, or fix the path',
      'content/articles/b.md error: image /images/harbour.jpg could not be read as an image (Input buffer contains unsupported image format)\n    hint: use a JPEG, PNG, WebP, AVIF or GIF file, or fix the path',
    ]);
  });
});
