import { describe, expect, test } from 'vitest';
import { validateContent, type ValidateOptions } from '../../src/content/validate.js';
import { planAgain, planRoutes, unplannedFiles, type PlanArticle, type PlanInput } from '../../src/routes/plan.js';
import { formatProblem } from '../../src/util/problems.js';
import { article, AUTHORS, CATEGORIES, sources, SITE_YML } from '../helpers/sources.js';

const options: ValidateOptions = { now: Date.parse('2026-01-01T00:00:00Z'), drafts: false, future: false, assetExists: () => true };
const SITE_AT_SLUG = SITE_YML.replace('perPage: 2', 'perPage: 2\npermalink: /:slug/');

/** An article on line 2 onwards: title (2), date (3), authors (4), category (5), then `extra` lines from 6. */
const story = (extra: Record<string, string> = {}) =>
  article({ title: 'A story', date: '2025-01-01', authors: '[jane-doe]', category: 'news', ...extra });

function problems(...args: Parameters<typeof sources>): string[] {
  return validateContent(sources(...args), options).problems.map(formatProblem);
}

/** The addresses Broadsheet makes whatever the content: the plan of a newsroom with no sections, authors or articles. */
const builtIn = planRoutes({ perPage: 10, articles: [], sections: [], authors: [] }).plan;
const builtInUrls = [...builtIn.files.values()].map((file) => file.url);
/** The built-in addresses and folders a slug could name: `/search/`, `/pagefind/`… */
const slugNames = [...builtInUrls.flatMap((url) => /^\/([a-z0-9-]+)\/$/.exec(url)?.[1] ?? []), ...builtIn.folders.keys()];

describe('reserved addresses', () => {
  test('the built-in ones are every page, feed and host file made from no content', () => {
    expect(builtInUrls.sort()).toEqual(
      [
        '/',
        '/404.html',
        '/_headers',
        '/_redirects',
        '/atom.xml',
        '/authors/',
        '/corrections/',
        '/corrections/atom.xml',
        '/corrections/feed.json',
        '/corrections/feed.xml',
        '/feed.json',
        '/feed.xml',
        '/news-sitemap.xml',
        '/robots.txt',
        '/search/',
        '/sitemap.xml',
        '/tags/',
      ].sort(),
    );
    expect([...builtIn.folders.keys()]).toEqual(['pagefind', 'img']);
    expect(slugNames.sort()).toEqual(['authors', 'corrections', 'img', 'pagefind', 'search', 'tags']);
  });

  // Every built-in address and a file in each folder, as an alias (line 6 of the article).
  const aliases = [...builtInUrls.filter((url) => url !== '/'), ...[...builtIn.folders.keys()].flatMap((folder) => [`/${folder}/`, `/${folder}/2025/x.js`])];
  test.each(aliases)('alias %s is an error at its line', (alias) => {
    const found = problems({ 'a.md': story({ aliases: `[${alias}]` }) });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^content/articles/a\\.md:6:\\d+ error: aliases: ${alias.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is already `));
  });

  test.each(slugNames)('an article whose address would be /%s/ is an error at its slug', (name) => {
    const found = problems({ 'a.md': story({ slug: name }) }, { site: SITE_AT_SLUG });
    expect(found).toEqual([expect.stringMatching(new RegExp(`^content/articles/a\\.md:6:1 error: the address /${name}/ is already `))]);
  });

  test.each(slugNames)('an article named %s.md, without a slug, is an error at the top of the file', (name) => {
    const found = problems({ [`${name}.md`]: story() }, { site: SITE_AT_SLUG });
    expect(found).toEqual([expect.stringMatching(new RegExp(`^content/articles/${name}\\.md:1:1 error: the address /${name}/ is already .*\\n    hint: the slug comes from the file name`))]);
  });

  test.each(slugNames)('a section %s is an error naming its file', (name) => {
    const found = problems({}, { categories: { ...CATEGORIES, [name]: '---\nname: Odd\norder: 3\n---\n' } });
    expect(found).toEqual([
      expect.stringMatching(new RegExp(`^content/categories/${name}\\.md:1:1 error: the section's address /${name}/ is already .*\\n    hint: the address comes from the file name: rename the file$`)),
    ]);
  });

  test.each(slugNames)('an author %s is not in the way: author pages live under /authors/', (name) => {
    expect(problems({}, { authors: { ...AUTHORS, [name]: '---\nname: Odd One\n---\n' } })).toEqual([]);
  });

  test('an author collides with an article or an alias at /authors/<slug>/', () => {
    const site = SITE_YML.replace('perPage: 2', 'perPage: 2\npermalink: /authors/:slug/');
    expect(problems({ 'jane-doe.md': story() }, { site })).toEqual([
      'content/articles/jane-doe.md:1:1 error: the address /authors/jane-doe/ is already the address of content/authors/jane-doe.md\n' +
        '    hint: the slug comes from the file name: rename the file, or give the article a slug: of its own',
    ]);
    expect(problems({ 'a.md': story({ aliases: '[/authors/sam-roe/]' }) })).toEqual([
      'content/articles/a.md:6:11 error: aliases: /authors/sam-roe/ is already the address of content/authors/sam-roe.md\n' +
        '    hint: a redirect there would replace it: remove the alias',
    ]);
  });
});

describe('collisions between content', () => {
  test('two articles at one address: the later file is blamed', () => {
    expect(problems({ 'a.md': story({ slug: 'same' }), 'b.md': story({ slug: 'same' }) })).toEqual([
      'content/articles/b.md:6:1 error: the address /news/same/ is already the address of content/articles/a.md\n    hint: change the slug',
    ]);
  });

  test('an article at a later page of a section', () => {
    const site = SITE_YML.replace('perPage: 2', 'perPage: 1\npermalink: /:category/page/:slug/');
    const found = problems({ 'a.md': story(), '2.md': story({ date: '2025-02-01' }) }, { site });
    expect(found).toEqual([expect.stringMatching(/^content\/articles\/2\.md:1:1 error: the address \/news\/page\/2\/ is already the address of content\/categories\/news\.md/)]);
  });

  test("an alias that is the article's own address, another article's, another alias or a section's", () => {
    expect(
      problems({
        'a.md': story({ aliases: '[/news/a/, /news/b/, /old/, /business/]' }),
        'b.md': story({ aliases: '[/old/]' }),
      }),
    ).toEqual([
      "content/articles/a.md:6:11 error: aliases: /news/a/ is this article's own address\n    hint: list only addresses the article used to have",
      'content/articles/a.md:6:21 error: aliases: /news/b/ is already the address of content/articles/b.md\n    hint: a redirect there would replace it: remove the alias',
      'content/articles/a.md:6:38 error: aliases: /business/ is already the address of content/categories/business.md\n    hint: a redirect there would replace it: remove the alias',
      'content/articles/b.md:6:11 error: aliases: /old/ is already an alias in content/articles/a.md\n    hint: a redirect there would replace it: remove the alias',
    ]);
  });

  test('a file where another needs a folder, either way round', () => {
    // /x.html/ would need the folder x.html where the first alias wrote a file.
    expect(problems({ 'a.md': story({ aliases: '[/x.html, /x.html/]' }) })).toEqual([
      'content/articles/a.md:6:20 error: aliases: /x.html/ is already an alias in content/articles/a.md\n    hint: a redirect there would replace it: remove the alias',
    ]);
    // …and the other way: a file where the first alias made a folder.
    expect(problems({ 'a.md': story({ aliases: '[/x.html/, /x.html]' }) })).toEqual([
      'content/articles/a.md:6:21 error: aliases: /x.html is already an alias in content/articles/a.md\n    hint: a redirect there would replace it: remove the alias',
    ]);
  });

  test('addresses that differ only in capitals are one file', () => {
    expect(problems({ 'a.md': story({ aliases: '[/Search/]' }) })).toEqual([
      'content/articles/a.md:6:11 error: aliases: /Search/ is already the search page\n    hint: a redirect there would replace it: remove the alias',
    ]);
  });

  test('a scheduled story keeps its address: a published one may not take it', () => {
    const found = problems({ 'a.md': story({ slug: 'x', date: '2030-01-01' }), 'b.md': story({ slug: 'x' }) });
    expect(found).toEqual([expect.stringMatching(/^content\/articles\/b\.md:6:1 error: the address \/news\/x\/ is already the address of content\/articles\/a\.md/)]);
  });
});

/** An article as the plan takes it: a published story in news with one tag and one alias. */
const input = (overrides: Partial<PlanArticle> = {}): PlanArticle => ({
  file: 'content/articles/a.md',
  url: '/news/a/',
  slug: 'a',
  category: 'news',
  authors: ['jane-doe'],
  tags: [{ slug: 'harbour', name: 'Harbour' }],
  aliases: ['/old-a/'],
  shown: true,
  published: true,
  at: { slug: undefined, aliases: [{ line: 6, column: 12 }] },
  ...overrides,
});

describe('the plan', () => {

  test('lists the file of every address, and only what this build writes', () => {
    const { plan, problems: found } = planRoutes({
      perPage: 1,
      articles: [input(), input({ file: 'content/articles/b.md', url: '/news/b/', slug: 'b', aliases: ['/old-b/'], shown: false, published: false })],
      sections: [{ slug: 'news', file: 'content/categories/news.md' }],
      authors: [{ slug: 'jane-doe', file: 'content/authors/jane-doe.md' }],
      publicFiles: ['css/site.0123456789.css', 'index.html'],
    });
    expect(found).toEqual([]);
    expect(Object.fromEntries([...plan.files].filter(([file]) => !builtIn.files.has(file)).map(([file, { url, kind, source }]) => [file, `${kind} ${url} ${source}`]))).toEqual({
      'authors/jane-doe/atom.xml': 'feed /authors/jane-doe/atom.xml content/authors/jane-doe.md',
      'authors/jane-doe/feed.json': 'feed /authors/jane-doe/feed.json content/authors/jane-doe.md',
      'authors/jane-doe/feed.xml': 'feed /authors/jane-doe/feed.xml content/authors/jane-doe.md',
      'authors/jane-doe/index.html': 'author /authors/jane-doe/ content/authors/jane-doe.md',
      'css/site.0123456789.css': 'public file /css/site.0123456789.css public/css/site.0123456789.css',
      'news/a/index.html': 'article /news/a/ content/articles/a.md',
      'news/atom.xml': 'feed /news/atom.xml content/categories/news.md',
      'news/feed.json': 'feed /news/feed.json content/categories/news.md',
      'news/feed.xml': 'feed /news/feed.xml content/categories/news.md',
      'news/index.html': 'section /news/ content/categories/news.md',
      'old-a/index.html': 'redirect /old-a/ content/articles/a.md',
      'tags/harbour/atom.xml': 'feed /tags/harbour/atom.xml the tag "Harbour"',
      'tags/harbour/feed.json': 'feed /tags/harbour/feed.json the tag "Harbour"',
      'tags/harbour/feed.xml': 'feed /tags/harbour/feed.xml the tag "Harbour"',
      'tags/harbour/index.html': 'tag /tags/harbour/ the tag "Harbour"',
    });
    // A public index.html gives way to the home page, as when it is published.
    expect(plan.files.get('index.html')?.kind).toBe('page');
  });

  test('a list is paginated in the plan as in the model: one page per perPage stories', () => {
    const articles = ['a', 'b', 'c'].map((slug) => input({ file: `content/articles/${slug}.md`, url: `/news/${slug}/`, slug, aliases: [] }));
    const { plan } = planRoutes({ perPage: 2, articles, sections: [{ slug: 'news', file: 'n.md' }], authors: [] });
    expect([...plan.files.keys()].filter((file) => file.startsWith('news/page/'))).toEqual(['news/page/2/index.html']);
    expect([...plan.files.keys()].filter((file) => file.startsWith('tags/harbour/page/'))).toEqual(['tags/harbour/page/2/index.html']);
  });

  test('a sitemap of more addresses than one file holds claims its parts', () => {
    const articles = Array.from({ length: 50_001 }, (_, i) => input({ file: `content/articles/${i}.md`, url: `/news/a${i}/`, slug: `a${i}`, tags: [], aliases: [] }));
    const { plan } = planRoutes({ perPage: 100_000, articles, sections: [], authors: [] });
    expect(plan.files.has('sitemap-1.xml') && plan.files.has('sitemap-2.xml')).toBe(true);
    expect(plan.files.has('sitemap-3.xml')).toBe(false);
  });

  test('unplannedFiles: files neither planned nor in a folder a stage fills', () => {
    expect(unplannedFiles(['index.html', 'pagefind/2025/pagefind.js', 'img/a.webp', 'stray/index.html', 'feed.xml/index.html'], builtIn)).toEqual([
      'stray/index.html',
      'feed.xml/index.html',
    ]);
  });

  test('an unsafe page address is a bug, never written', () => {
    expect(() => planRoutes({ perPage: 1, articles: [input({ url: '/../x/' })], sections: [], authors: [] })).toThrow(/unsafe page address/);
  });
});

describe('planAgain', () => {
  const base: PlanInput = {
    perPage: 2,
    articles: ['a', 'b'].map((slug) => input({ file: `content/articles/${slug}.md`, url: `/news/${slug}/`, slug, aliases: [`/old/${slug}/`] })),
    sections: [{ slug: 'news', file: 'content/categories/news.md' }],
    authors: [{ slug: 'jane-doe', file: 'content/authors/jane-doe.md' }],
    publicFiles: ['css/site.css'],
  };
  const last = { input: base, plan: planRoutes(base).plan };
  const withFirst = (change: Partial<PlanArticle>): PlanInput => ({ ...base, articles: [{ ...base.articles[0]!, ...change }, ...base.articles.slice(1)] });

  test('takes the last plan when only where fields are written changed', () => {
    const moved = withFirst({ at: { slug: { line: 9, column: 7 }, aliases: [{ line: 12, column: 3 }] } });
    expect(planAgain(moved, last).plan).toBe(last.plan);
    expect(planAgain({ ...base, articles: base.articles.map((a) => ({ ...a, tags: [...a.tags], aliases: [...a.aliases] })) }, last).plan).toBe(last.plan);
  });

  test.each<[string, PlanInput]>([
    ['an address', withFirst({ url: '/news/a-new/' })],
    ['a slug', withFirst({ slug: 'a2' })],
    ['a section', withFirst({ category: 'sport' })],
    ['an author', withFirst({ authors: ['john-roe'] })],
    ['a tag', withFirst({ tags: [{ slug: 'harbour', name: 'The Harbour' }] })],
    ['an alias', withFirst({ aliases: ['/old/a/', '/older/a/'] })],
    ['whether it is shown', withFirst({ shown: false })],
    ['whether it is published', withFirst({ published: false })],
    ['a new article', { ...base, articles: [...base.articles, input({ file: 'content/articles/c.md', url: '/news/c/', slug: 'c', aliases: [] })] }],
    ['a section file', { ...base, sections: [{ slug: 'news', file: 'content/categories/news-2.md' }] }],
    ['an author slug', { ...base, authors: [{ slug: 'john-roe', file: 'content/authors/jane-doe.md' }] }],
    ['a public file', { ...base, publicFiles: ['css/site.css', 'feed.xml'] }],
    ['the page size', { ...base, perPage: 1 }],
  ])('plans again when %s changed', (_what, changed) => {
    const again = planAgain(changed, last);
    expect(again.plan).not.toBe(last.plan);
    expect(again).toEqual(planRoutes(changed));
  });
});

