import { describe, expect, test } from 'vitest';
import { validateContent, type ValidateOptions } from '../../src/content/validate.js';
import { formatProblem } from '../../src/util/problems.js';
import { article, AUTHORS, sources, validArticle } from '../helpers/sources.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const options: ValidateOptions = { now: NOW, drafts: false, future: false, assetExists: (p) => p === '/images/harbour.jpg' };

/** Every problem as the CLI prints it, one string each. */
function report(articles: Record<string, string>, extra: Parameters<typeof sources>[1] = {}, opts = options): string[] {
  return validateContent(sources(articles, extra), opts).problems.map(formatProblem);
}

describe('a valid newsroom', () => {
  test('gives typed articles with no problems', () => {
    const result = validateContent(sources({ '2025-03-14-harbour-wall.md': validArticle() }), options);
    expect(result.problems).toEqual([]);
    const [only] = result.content!.articles;
    expect(only).toMatchObject({
      slug: 'harbour-wall',
      url: '/news/harbour-wall/',
      title: 'Harbour wall repaired',
      authors: ['jane-doe'],
      category: 'news',
      tags: [
        { name: 'Harbour', slug: 'harbour' },
        { name: 'Council', slug: 'council' },
      ],
      status: 'published',
      file: 'content/articles/2025-03-14-harbour-wall.md',
      bodyLine: 8,
    });
    // 08:30 in London in March is 08:30 UTC.
    expect(only!.date).toEqual({ epoch: Date.parse('2025-03-14T08:30:00Z'), hasTime: true });
  });

  test('author: is accepted for authors:, and one slug for a list', () => {
    const result = validateContent(
      sources({ 'a.md': article({ title: 'A', date: '2025-01-01', author: 'sam-roe', category: 'business' }) }),
      options,
    );
    expect(result.problems).toEqual([]);
    expect(result.content!.articles[0]!.authors).toEqual(['sam-roe']);
  });

  test('articles come newest first, sections by order, authors by slug', () => {
    const result = validateContent(
      sources({
        'old.md': validArticle({ date: '2024-01-01' }),
        'new.md': validArticle({ date: '2025-06-01' }),
      }),
      options,
    );
    expect(result.content!.articles.map((a) => a.slug)).toEqual(['new', 'old']);
    expect(result.content!.categories.map((c) => c.slug)).toEqual(['news', 'business']);
    expect(result.content!.authors.map((a) => a.slug)).toEqual(['jane-doe', 'sam-roe']);
  });

  test('the permalink pattern builds URLs from date, section and slug in the site timezone', () => {
    const site = 'title: T\nurl: https://x.example/\nlanguage: en\ntimezone: Pacific/Auckland\npermalink: /:year/:month/:day/:category/:slug/\n';
    // 20:00 UTC on 31 December is already 1 January in Auckland.
    const result = validateContent(sources({ 'a.md': validArticle({ date: '2024-12-31T20:00:00Z' }) }, { site }), options);
    expect(result.content!.articles[0]!.url).toBe('/2025/01/01/news/a/');
  });
});

describe('bad front matter is reported as file:line:column with a hint', () => {
  test.each([
    ['JS front matter', '---js\n{ title: "x" }\n---\n', ['content/articles/a.md:1:4 error: front matter written in "js" is refused: only YAML is read\n    hint: remove "js" after the opening ---']],
    ['impossible day', validArticle({ date: '2024-02-30' }), ['content/articles/a.md:3:1 error: date: "2024-02-30" is not a real date: February 2024 has 29 days\n    hint: the last day of February 2024 is 2024-02-29']],
    ['impossible month', validArticle({ date: '2024-13-45' }), ['content/articles/a.md:3:1 error: date: "2024-13-45" is not a real date: there is no month 13\n    hint: months go from 01 to 12, as in 2024-12-01']],
    ['not a date at all', validArticle({ date: 'last tuesday' }), ['content/articles/a.md:3:1 error: date: "last tuesday" is not a date\n    hint: write year-month-day, such as 2025-03-14, with a time after it if needed: 2025-03-14T08:30 or 2025-03-14 08:30:00+01:00']],
    ['updated before date', validArticle({ updated: '2025-03-01' }), ['content/articles/a.md:7:1 error: updated: is before the publication date']],
    ['missing title', article({ date: '2025-01-01', authors: 'jane-doe', category: 'news' }), ['content/articles/a.md:1:1 error: title: is required']],
    ['empty title', validArticle({ title: '""' }), ['content/articles/a.md:2:1 error: title: must not be empty']],
    ['number where text is expected', validArticle({ title: '1.10' }), ['content/articles/a.md:2:1 error: title: must be text, but YAML read 1.1 as a number; put the value in quotes']],
    ['unknown author', validArticle({ authors: '[jane-doe, jane]' }), ['content/articles/a.md:4:21 error: unknown author "jane"\n    hint: did you mean "jane-doe"?']],
    ['unknown author via alias', article({ title: 'A', date: '2025-01-01', author: 'sam-rue', category: 'news' }), ['content/articles/a.md:4:1 error: unknown author "sam-rue"\n    hint: did you mean "sam-roe"?']],
    ['no author at all', article({ title: 'A', date: '2025-01-01', authors: '[]', category: 'news' }), ['content/articles/a.md:4:1 error: authors: needs at least one author']],
    ['both author and authors', validArticle({ author: 'sam-roe' }), ['content/articles/a.md:7:1 error: both "author" and "authors" are set\n    hint: keep one: authors: [slug, …]']],
    ['unknown section', validArticle({ category: 'buisness' }), ['content/articles/a.md:5:1 error: unknown section "buisness"\n    hint: did you mean "business"?']],
    ['unknown section far from any', validArticle({ category: 'weather' }), ['content/articles/a.md:5:1 error: unknown section "weather"\n    hint: sections are the files in content/categories/ (without .md)']],
    ['bad slug', validArticle({ slug: 'Harbour_Wall' }), ['content/articles/a.md:7:1 error: slug: must be lowercase ASCII letters and digits in words joined by "-"\n    hint: did you mean "harbour-wall"?']],
    ['Windows reserved slug', validArticle({ slug: 'con' }), ['content/articles/a.md:7:1 error: slug: must not be a name Windows reserves for devices (con, prn, aux, nul, com1…, lpt1…)']],
    ['image without alt', validArticle({ image: '{src: /images/harbour.jpg}' }), ['content/articles/a.md:7:1 error: image.alt: is required']],
    ['image file missing', validArticle({ image: '{src: /images/nope.jpg, alt: A}' }), ['content/articles/a.md:7:9 error: image /images/nope.jpg is not in public/\n    hint: add the file public/images/nope.jpg, or fix the path']],
    ['image path escaping public/', validArticle({ image: '{src: ../../etc/passwd, alt: A}' }), ['content/articles/a.md:7:9 error: image.src: must be a path to a file in public/, such as /images/harbour.jpg']],
    ['tag without letters', validArticle({ tags: '["!!!"]' }), ['content/articles/a.md:6:8 error: tag "!!!" has no letters or digits to make a web address from']],
    ['draft that is not a boolean', validArticle({ draft: 'maybe' }), ['content/articles/a.md:7:1 error: draft: must be true or false, not text']],
  ])('%s', (_, source, expected) => {
    expect(report({ 'a.md': source })).toEqual(expected);
  });

  test('a file name that gives no valid slug says how to rename it', () => {
    expect(report({ 'My Story.md': validArticle() })).toEqual([
      'content/articles/My Story.md error: the file name gives the article slug "My Story", which must be lowercase ASCII letters and digits in words joined by "-"\n    hint: rename the file to my-story.md, or set slug: in the front matter',
    ]);
  });
});

describe('unknown and engine-only keys are warnings that do not stop the build', () => {
  test('a misspelt key gets "did you mean"', () => {
    const result = validateContent(sources({ 'a.md': validArticle({ sumary: 'Short.' }) }), options);
    expect(result.content).toBeDefined();
    expect(result.problems.map(formatProblem)).toEqual([
      'content/articles/a.md:7:1 warning: unknown field "sumary" is ignored\n    hint: did you mean "summary"?',
    ]);
  });

  test.each(['layout', 'permalink', 'eleventyComputed', 'templateEngineOverride', 'pagination'])('%s has no effect', (key) => {
    const result = validateContent(sources({ 'a.md': validArticle({ [key]: '../../deploy.sh' }) }), options);
    expect(result.content!.articles[0]!.url).toBe('/news/a/');
    expect(result.problems.map(formatProblem)).toEqual([
      `content/articles/a.md:7:1 warning: "${key}" has no effect\n    hint: content is data: Broadsheet picks templates and URLs itself; delete this line`,
    ]);
  });

  test('unknown keys inside image are named with their parent', () => {
    const result = validateContent(sources({ 'a.md': validArticle({ image: '{src: /images/harbour.jpg, alt: A, captoin: B}' }) }), options);
    expect(result.problems.map((p) => `${p.message} / ${p.hint}`)).toEqual(['unknown field "image.captoin" is ignored / did you mean "caption"?']);
  });
});

describe('problems that involve two files name both', () => {
  test('two articles at one URL', () => {
    expect(report({ 'a/harbour.md': validArticle(), 'b/2025-01-01-harbour.md': validArticle() })).toEqual([
      'content/articles/b/2025-01-01-harbour.md:1:1 error: the address /news/harbour/ is already the address of content/articles/a/harbour.md\n' +
        '    hint: the slug comes from the file name: rename the file, or give the article a slug: of its own',
    ]);
  });

  test('an author slug used twice (nested folders)', () => {
    const authors = { 'jane-doe': AUTHORS['jane-doe']!, 'desk/jane-doe': AUTHORS['jane-doe']! };
    expect(report({}, { authors })).toEqual([
      'content/authors/jane-doe.md error: the author slug "jane-doe" is also used by content/authors/desk/jane-doe.md\n    hint: rename one of the two files',
    ]);
  });
});

describe('every problem in every file is reported at once', () => {
  test('errors across site.yml, authors, categories and articles', () => {
    const problems = report(
      { 'a.md': validArticle({ date: '2024-02-30' }), 'b.md': validArticle({ category: 'nope' }) },
      {
        site: 'title: T\nurl: not a url\nlanguage: en\ntimezone: Mars/Olympus\n',
        authors: { ...AUTHORS, broken: '---\nrole: Nobody\n---\n' },
        categories: { news: '---\nname: News\n---\n', bad: '---\nname: [x]\n---\n' },
      },
    );
    expect(problems).toEqual([
      'content/site.yml:2:1 error: url: must be an http(s) address',
      'content/site.yml:4:1 error: timezone: must be an IANA timezone such as Europe/London',
      'content/authors/broken.md:1:1 error: name: is required',
      'content/categories/bad.md:2:1 error: name: must be text, not a list',
      'content/articles/a.md:3:1 error: date: "2024-02-30" is not a real date: February 2024 has 29 days\n    hint: the last day of February 2024 is 2024-02-29',
      'content/articles/b.md:5:1 error: unknown section "nope"\n    hint: sections are the files in content/categories/ (without .md)',
    ]);
  });

  test('a missing site.yml is an error', () => {
    expect(report({}, { site: null })).toEqual(['site.yml error: site.yml is missing\n    hint: create content/site.yml with title, url, language and timezone']);
  });

  test('no content is returned when there is any error', () => {
    expect(validateContent(sources({ 'a.md': validArticle({ title: '""' }) }), options).content).toBeUndefined();
  });
});

describe('drafts and future articles', () => {
  const files = {
    'live.md': validArticle(),
    'draft.md': validArticle({ draft: 'true' }),
    'later.md': validArticle({ date: '2026-06-01' }),
  };

  test('are left out by default', () => {
    const result = validateContent(sources(files), options);
    expect(result.content!.articles.map((a) => a.slug)).toEqual(['live']);
  });

  test('--drafts and --future bring them back, marked', () => {
    const result = validateContent(sources(files), { ...options, drafts: true, future: true });
    expect(result.content!.articles.map((a) => [a.slug, a.status])).toEqual([
      ['later', 'scheduled'],
      ['draft', 'draft'],
      ['live', 'published'],
    ]);
  });

  test('"future" is measured against the build time given', () => {
    const result = validateContent(sources(files), { ...options, now: Date.parse('2026-07-01T00:00:00Z') });
    expect(result.content!.articles.map((a) => a.slug)).toEqual(['later', 'live']);
  });

  test('a draft still takes part in URL clash detection', () => {
    const clash = { 'x/live.md': validArticle(), 'y/live.md': validArticle({ draft: 'true' }) };
    expect(report(clash)).toHaveLength(1);
  });
});

describe('pinned related articles', () => {
  const others = {
    'tram.md': validArticle({ title: 'Tram', category: 'business' }),
    'ferry.md': validArticle({ title: 'Ferry' }),
    'news-ferry.md': validArticle({ title: 'Another ferry', category: 'business', slug: 'ferry' }),
  };

  test('slugs and section/slug resolve to addresses, in the order written', () => {
    const result = validateContent(sources({ ...others, 'a.md': validArticle({ related: '[tram, business/ferry, news/ferry]' }) }), options);
    expect(result.problems).toEqual([]);
    expect(result.content!.articles.find((a) => a.slug === 'a')!.related).toEqual(['/business/tram/', '/business/ferry/', '/news/ferry/']);
  });

  test('related: false turns the block off; no field means no pins', () => {
    const result = validateContent(sources({ ...others, 'a.md': validArticle({ related: 'false' }) }), options);
    expect(result.content!.articles.find((a) => a.slug === 'a')!.related).toBe(false);
    expect(result.content!.articles.find((a) => a.slug === 'tram')!.related).toEqual([]);
  });

  test.each([
    ['an unknown slug, with the nearest', '[tarm]', 'content/articles/a.md:7:11 error: related: no article "tarm"\n    hint: did you mean "tram"?'],
    ['a slug two sections use', '[ferry]', 'content/articles/a.md:7:11 error: related: "ferry" names 2 articles\n    hint: write it with its section: business/ferry or news/ferry'],
    ['the article itself', '[a]', 'content/articles/a.md:7:11 error: related: an article cannot be related to itself'],
    ['true', 'true', 'content/articles/a.md:7:1 error: related: must be false, or a list of article slugs (or section/slug)'],
    ['a path', '["../etc"]', 'content/articles/a.md:7:11 error: related.0: must be an article slug, or section/slug'],
  ])('%s is an error', (_, value, expected) => {
    expect(report({ ...others, 'a.md': validArticle({ related: value }) })).toEqual([expected]);
  });

  test('pinning an article with errors of its own is no second error: its errors say all there is to say', () => {
    expect(report({ ...others, 'broken.md': validArticle({ authors: '[nobody]' }), 'a.md': validArticle({ related: '[broken]' }) })).toEqual([
      'content/articles/broken.md:4:11 error: unknown author "nobody"\n    hint: authors are the files in content/authors/ (without .md)',
    ]);
  });
});

describe('related settings in site.yml', () => {
  const siteWith = (extra: string) => `title: T\nurl: https://x.example/\nlanguage: en\ntimezone: UTC\n${extra}`;

  test('defaults, and overrides of count and weights', () => {
    const plain = validateContent(sources({}, { site: siteWith('') }), options).content!.site.related;
    expect(plain).toEqual({ count: 5, recencyHalfLifeDays: 365, weights: { text: 1, tags: 0.6, section: 0.1, author: 0.05, recency: 0.05 } });
    const tuned = validateContent(sources({}, { site: siteWith('related:\n  count: 6\n  weights:\n    tags: 2\n') }), options).content!.site.related;
    expect(tuned.count).toBe(6);
    expect(tuned.weights).toEqual({ text: 1, tags: 2, section: 0.1, author: 0.05, recency: 0.05 });
  });

  test('out-of-range values are errors and misspelt weights are warnings', () => {
    expect(report({}, { site: siteWith('related:\n  count: 9\n  weights:\n    tagz: 2\n') })).toEqual([
      'content/site.yml:8:5 warning: unknown field "related.weights.tagz" is ignored\n    hint: did you mean "tags"?',
      'content/site.yml:6:3 error: related.count: must be at most 6',
    ]);
  });
});

test('--base-url replaces the url from site.yml', () => {
  const result = validateContent(sources({}), { ...options, baseUrl: 'https://example.org/news' });
  expect(result.content!.site.url).toBe('https://example.org/news/');
});

describe('SVG lead images and avatars', () => {
  const svgOptions: ValidateOptions = { ...options, assetExists: () => true, isSvg: (sitePath) => sitePath.endsWith('.svg') };

  test('an SVG lead image is an error at the line of image.src', () => {
    const text = article({ title: 'T', date: '2025-03-14', authors: '[jane-doe]', category: 'news', image: '\n  src: /images/chart.svg\n  alt: A chart' });
    expect(report({ 'a.md': text }, {}, svgOptions)).toEqual([
      'content/articles/a.md:7:3 error: image /images/chart.svg is an SVG, which cannot be a lead image: an SVG is a document that can carry script\n' +
        '    hint: export it as PNG, JPEG or WebP and name that file; an SVG can still be shown in the text with ![…](…)',
    ]);
  });

  test('an SVG avatar is an error at the line of avatar', () => {
    const authors = { ...AUTHORS, 'jane-doe': '---\nname: Jane Doe\navatar: /images/jane.svg\n---\n' };
    expect(report({ 'a.md': validArticle() }, { authors }, svgOptions)).toEqual([
      'content/authors/jane-doe.md:3:1 error: image /images/jane.svg is an SVG, which cannot be an avatar: an SVG is a document that can carry script\n' +
        '    hint: export it as PNG, JPEG or WebP and name that file; an SVG can still be shown in the text with ![…](…)',
    ]);
  });

  test('a missing image is reported as missing, not as an SVG', () => {
    const text = article({ title: 'T', date: '2025-03-14', authors: '[jane-doe]', category: 'news', image: '\n  src: /images/gone.svg\n  alt: Gone' });
    expect(report({ 'a.md': text }, {}, { ...svgOptions, assetExists: () => false })).toEqual([
      'content/articles/a.md:7:3 error: image /images/gone.svg is not in public/\n    hint: add the file public/images/gone.svg, or fix the path',
    ]);
  });
});
