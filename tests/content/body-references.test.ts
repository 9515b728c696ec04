import { describe, expect, test } from 'vitest';
import { validateContent, type ValidateOptions } from '../../src/content/validate.js';
import { bodyOf } from '../../src/content/front-matter.js';
import { createRenderer } from '../../src/markdown/render.js';
import { formatProblem } from '../../src/util/problems.js';
import { sources, validArticle } from '../helpers/sources.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const render = createRenderer({ siteUrl: 'https://gazette.example.org/' });
const PUBLIC = ['images/harbour.jpg', 'images/tram-depot.jpg', 'images/chart.svg', 'css/site.3f2a.css'];
const options: ValidateOptions = {
  now: NOW,
  drafts: false,
  future: false,
  assetExists: (sitePath) => PUBLIC.includes(sitePath.slice(1)),
  isSvg: (sitePath) => sitePath.endsWith('.svg'),
  publicFiles: PUBLIC,
};

// validArticle's front matter takes lines 1–7: its body starts on line 8.
const story = (body: string, overrides: Record<string, string> = {}) => validArticle({ ...overrides }).replace('The first paragraph.\n', body);

/** Validate `articles` with their bodies rendered, as a build does. */
function validate(articles: Record<string, string>, opts: Partial<ValidateOptions> = {}) {
  const given = sources(articles);
  const rendered = new Map(given.articles.map((file) => [file.path, render(bodyOf(file.text)?.body ?? '')]));
  return validateContent(given, { ...options, ...opts, bodies: (file) => rendered.get(file) });
}
const report = (articles: Record<string, string>, opts: Partial<ValidateOptions> = {}) => validate(articles, opts).problems.map(formatProblem);

describe('body images against public/', () => {
  test('a file in public/ is to be encoded, at the line and column it is written; an SVG is shown as it is', () => {
    const result = validate({ 'harbour.md': story('Intro.\n\nText ![A tram](/images/tram-depot.jpg) and ![A chart](/images/chart.svg).\n') });
    expect(result.problems).toEqual([]);
    expect(result.content?.articles[0]?.bodyImages).toEqual([{ src: '/images/tram-depot.jpg', at: { line: 10, column: 6 } }]);
  });

  test('a missing file is an error at its line and column, with the nearest file as hint', () => {
    expect(report({ 'harbour.md': story('Intro.\n\n![A tram](/images/tram-depo.jpg)\n') })).toEqual([
      'content/articles/harbour.md:10:1 error: image /images/tram-depo.jpg is not in public/\n    hint: did you mean "/images/tram-depot.jpg"?',
    ]);
  });

  test('with nothing near it, the hint says to add the file', () => {
    expect(report({ 'harbour.md': story('![Fireworks](/images/fireworks-2025.jpg)\n') })).toEqual([
      'content/articles/harbour.md:8:1 error: image /images/fireworks-2025.jpg is not in public/\n    hint: add the file public/images/fireworks-2025.jpg, or fix the path',
    ]);
  });

  test('a path climbing out of public/ is a file public/ does not have', () => {
    expect(report({ 'harbour.md': story('![x](/images/../../package.json)\n\n![y](/images/%2e%2e/%2e%2e/etc/passwd)\n') })).toEqual([
      'content/articles/harbour.md:8:1 error: image /images/../../package.json is not in public/\n    hint: add the file public/images/../../package.json, or fix the path',
      'content/articles/harbour.md:10:1 error: image /images/../../etc/passwd is not in public/\n    hint: add the file public/images/../../etc/passwd, or fix the path',
    ]);
  });

  test('without renderings (a caller that has none), bodies are not checked', () => {
    const given = sources({ 'harbour.md': story('![A tram](/images/nowhere.jpg)\n') });
    expect(validateContent(given, options).problems).toEqual([]);
  });
});

describe('"Read more" blocks', () => {
  const tram = validArticle({ title: 'Tram line opens', slug: 'tram-line-first-passengers', category: 'business' });

  test('a slug, or section/slug, gives the article its address and headline', () => {
    const result = validate({ 'tram.md': tram, 'harbour.md': story('::readmore{slug="tram-line-first-passengers"}\n\n::readmore{slug="business/tram-line-first-passengers"}\n') });
    expect(result.problems).toEqual([]);
    const linking = result.content?.articles.find((a) => a.file === 'content/articles/harbour.md');
    const link = { url: '/business/tram-line-first-passengers/', title: 'Tram line opens' };
    expect(linking?.readMore).toEqual([link, link]);
  });

  test('an unknown slug is an error at the block, with the nearest slugs', () => {
    expect(report({ 'tram.md': tram, 'harbour.md': story('Intro.\n\n::readmore{slug="tram-line-first-passenger"}\n') })).toEqual([
      'content/articles/harbour.md:10:1 error: readmore: no article "tram-line-first-passenger"\n    hint: did you mean "tram-line-first-passengers"?',
    ]);
  });

  test('a slug two sections use must be written with its section', () => {
    const twin = validArticle({ title: 'Tram', slug: 'tram-line-first-passengers', category: 'news' });
    expect(report({ 'tram.md': tram, 'twin.md': twin, 'harbour.md': story('::readmore{slug="tram-line-first-passengers"}\n') })).toContain(
      'content/articles/harbour.md:8:1 error: readmore: "tram-line-first-passengers" names 2 articles\n    hint: write it with its section: business/tram-line-first-passengers or news/tram-line-first-passengers',
    );
  });

  test('an article cannot send readers to itself', () => {
    expect(report({ 'harbour.md': story('::readmore{slug="harbour"}\n') })).toEqual(['content/articles/harbour.md:8:1 error: readmore: an article cannot send readers to itself']);
  });

  test('a draft has no page: naming one is an error, unless the build shows drafts', () => {
    const draft = validArticle({ title: 'Soon', slug: 'soon', draft: 'true' });
    const articles = { 'soon.md': draft, 'harbour.md': story('::readmore{slug="soon"}\n') };
    expect(report(articles)).toEqual([
      'content/articles/harbour.md:8:1 error: readmore: "soon" is a draft, and has no page yet\n    hint: name a published article, or add the block when this one is published',
    ]);
    expect(report(articles, { drafts: true })).toEqual([]);
  });
});
