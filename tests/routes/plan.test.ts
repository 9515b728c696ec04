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
    const found = problems({ 'a.md': story({ slug: 'x', date: '2030-01-01', scheduled: 'true' }), 'b.md': story({ slug: 'x' }) });
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
    ['a page', { ...base, pages: [{ file: 'content/pages/about.md', url: '/about/', aliases: [], shown: true, published: true, at: { permalink: undefined, aliases: [] } }] }],
    ['a section alias', { ...base, sections: [{ slug: 'news', file: 'content/categories/news.md', aliases: ['/category/news/'] }] }],
    ['a redirect in site.yml', { ...base, redirects: [{ from: '/feed/', to: '/feed.xml', file: 'content/site.yml', at: { line: 8, column: 3 } }] }],
  ])('plans again when %s changed', (_what, changed) => {
    const again = planAgain(changed, last);
    expect(again.plan).not.toBe(last.plan);
    expect(again).toEqual(planRoutes(changed));
  });
});


/** A page file: title on line 2, then `extra` lines from 3. */
const pageFile = (extra: Record<string, string> = {}) => article({ title: 'About us', ...extra }, 'Who we are.\n');
const SITE_WITH = (lines: string) => `${SITE_YML}${lines}\n`;

describe('pages and their addresses', () => {
  test.each(slugNames)('a page named %s.md is an error at the top of the file', (name) => {
    expect(problems({}, { pages: { [name]: pageFile() } })).toEqual([
      expect.stringMatching(
        new RegExp(`^content/pages/${name}\\.md:1:1 error: the page's address /${name}/ is already .*\\n    hint: the address comes from the file name: rename the file, or give the page a permalink: of its own$`),
      ),
    ]);
  });

  // Every built-in page and a place in each folder a stage fills, as a permalink (line 3).
  const permalinks = [...builtInUrls.filter((url) => url !== '/' && url.endsWith('/')), ...[...builtIn.folders.keys()].flatMap((folder) => [`/${folder}/`, `/${folder}/2025/`])];
  test.each(permalinks)('permalink %s is an error at its line', (permalink) => {
    expect(problems({}, { pages: { about: pageFile({ permalink }) } })).toEqual([
      expect.stringMatching(new RegExp(`^content/pages/about\\.md:3:1 error: the page's address ${permalink.replace(/[/]/g, '\\/')} is already .*\\n    hint: change the permalink$`)),
    ]);
  });

  test.each([
    ['/authors/jane-doe/', 'is already the address of content/authors/jane-doe.md'],
    ['/tags/harbour/', 'is already the address of the tag "Harbour"'],
    ['/news/', 'is already the address of content/categories/news.md'],
    ['/news/page/2/', 'is already the address of content/categories/news.md'],
  ])('permalink %s collides with content', (permalink, taken) => {
    const found = problems(
      { 'a.md': story({ tags: '[Harbour]' }), 'b.md': story(), 'c.md': story() },
      { pages: { about: pageFile({ permalink }) } },
    );
    expect(found).toEqual([expect.stringContaining(`content/pages/about.md:3:1 error: the page's address ${permalink} ${taken}`)]);
  });

  test('an article at a page address is blamed on the article; two pages at one address on the later file', () => {
    expect(problems({ 'a.md': story() }, { pages: { about: pageFile({ permalink: '/news/a/' }) } })).toEqual([
      'content/articles/a.md:1:1 error: the address /news/a/ is already the address of content/pages/about.md\n' +
        '    hint: the slug comes from the file name: rename the file, or give the article a slug: of its own',
    ]);
    expect(problems({ 'about.md': story() }, { site: SITE_AT_SLUG, pages: { about: pageFile() } })).toEqual([
      'content/articles/about.md:1:1 error: the address /about/ is already the address of content/pages/about.md\n' +
        '    hint: the slug comes from the file name: rename the file, or give the article a slug: of its own',
    ]);
    expect(problems({}, { pages: { about: pageFile(), ethics: pageFile({ permalink: '/about/' }) } })).toEqual([
      "content/pages/ethics.md:3:1 error: the page's address /about/ is already the address of content/pages/about.md\n    hint: change the permalink",
    ]);
  });

  test('a page alias collides like an article alias, and may not be its own address', () => {
    expect(problems({ 'a.md': story({ aliases: '[/old/]' }) }, { pages: { about: pageFile({ aliases: '[/about/, /old/, /search/, /about-us/]' }) } })).toEqual([
      "content/pages/about.md:3:11 error: aliases: /about/ is this page's own address\n    hint: list only addresses the page used to have",
      'content/pages/about.md:3:20 error: aliases: /old/ is already an alias in content/articles/a.md\n    hint: a redirect there would replace it: remove the alias',
      'content/pages/about.md:3:27 error: aliases: /search/ is already the search page\n    hint: a redirect there would replace it: remove the alias',
    ]);
  });

  test('a draft page keeps its address, and gets no redirects until it is published', () => {
    expect(problems({ 'about.md': story() }, { site: SITE_AT_SLUG, pages: { about: pageFile({ draft: 'true' }) } })).toEqual([
      expect.stringMatching(/^content\/articles\/about\.md:1:1 error: the address \/about\/ is already the address of content\/pages\/about\.md/),
    ]);
    const { plan } = validateContent(sources({}, { pages: { about: pageFile({ draft: 'true', aliases: '[/about-us/]' }) } }), options);
    expect([plan?.files.has('about/index.html'), plan?.files.has('about-us/index.html')]).toEqual([false, false]);
  });

  test.each([
    ['about', 'must start and end with "/", such as /about/'],
    ['/about', 'must start and end with "/", such as /about/'],
    ['/', 'must start and end with "/", such as /about/'],
    ['/feed.xml/', 'each part of the address must be lowercase ASCII letters and digits in words joined by "-"'],
    ['/About/', 'each part of the address must be lowercase ASCII letters and digits in words joined by "-"'],
    ['/a/../b/', 'each part of the address must be lowercase ASCII letters and digits in words joined by "-"'],
    ['/legal/con/', 'each part of the address must not be a name Windows reserves for devices (con, prn, aux, nul, com1…, lpt1…)'],
  ])('permalink %j is refused by the schema', (permalink, message) => {
    expect(problems({}, { pages: { about: pageFile({ permalink: JSON.stringify(permalink) }) } })).toEqual([`content/pages/about.md:3:1 error: permalink: ${message}`]);
  });
});

describe('section aliases and site.yml redirects', () => {
  const news = (aliases: string) => ({ ...CATEGORIES, news: `---\nname: News\norder: 1\naliases: ${aliases}\n---\nThe news.\n` });

  test('a section alias collides like an article alias, and may not be its own address', () => {
    expect(problems({ 'a.md': story({ aliases: '[/category/news/]' }) }, { categories: news('[/category/news/, /news/, /business/, /tags/]') })).toEqual([
      'content/categories/news.md:4:11 error: aliases: /category/news/ is already an alias in content/articles/a.md\n    hint: a redirect there would replace it: remove the alias',
      "content/categories/news.md:4:28 error: aliases: /news/ is this section's own address\n    hint: list only addresses the section used to have",
      'content/categories/news.md:4:36 error: aliases: /business/ is already the address of content/categories/business.md\n    hint: a redirect there would replace it: remove the alias',
      'content/categories/news.md:4:48 error: aliases: /tags/ is already the list of topics\n    hint: a redirect there would replace it: remove the alias',
    ]);
  });

  test('a section has at most as many aliases as an article', () => {
    const many = `[${Array.from({ length: 21 }, (_, i) => `/old-${i}/`).join(', ')}]`;
    expect(problems({}, { categories: news(many) })).toEqual([
      'content/categories/news.md:4:1 error: aliases: 21 aliases, and a section may have at most 20 (each alias is a redirect page of its own)',
    ]);
  });

  test('a redirect leads to a page of the site: an article, page, section, tag, author page or feed', () => {
    const site = SITE_WITH(
      [
        'pages: [about]',
        'redirects:',
        '  /category/news/: /news/',
        '  /tag/harbour/: /tags/harbour/',
        '  /about-us/: /about/',
        '  /2019/05/a.html: /news/a/',
        '  /writer/jane/: /authors/jane-doe/',
        '  /feed/: /feed.xml',
      ].join('\n'),
    );
    const validated = validateContent(sources({ 'a.md': story({ tags: '[Harbour]' }) }, { site, pages: { about: pageFile() } }), options);
    expect(validated.problems.map(formatProblem)).toEqual([]);
    expect(validated.plan?.files.get('category/news/index.html')).toEqual({ url: '/category/news/', kind: 'redirect', source: 'content/site.yml' });
    expect(validated.plan?.files.get('2019/05/a.html')).toEqual({ url: '/2019/05/a.html', kind: 'redirect', source: 'content/site.yml' });
  });

  test('an unknown target, a redirect to a redirect, a collision are errors at their lines', () => {
    const site = SITE_WITH(
      [
        'redirects:',
        '  /category/sport/: /sport/',
        '  /old-a/: /news/a',
        '  /older-a/: /old-a/',
        '  /search/: /news/',
        '  /news/a/: /news/',
        '  /tag/x/: /tags/x/',
        '  /draft/: /news/d/',
      ].join('\n'),
    );
    expect(problems({ 'a.md': story(), 'd.md': story({ draft: 'true' }) }, { site })).toEqual([
      // Collisions are found as each address is claimed, targets once every address is known.
      'content/site.yml:11:3 error: redirects: /search/ is already the search page\n    hint: a redirect there would replace it: remove this line',
      'content/site.yml:12:3 error: redirects: /news/a/ is already the address of content/articles/a.md\n    hint: a redirect there would replace it: remove this line',
      'content/site.yml:8:3 error: redirects: /category/sport/ → /sport/: this site has no page there\n    hint: send it to the address of an article, page, section, author or tag page',
      'content/site.yml:9:3 error: redirects: /old-a/ → /news/a: the address is written /news/a/\n    hint: write /news/a/',
      'content/site.yml:10:3 error: redirects: /older-a/ → /old-a/: that is itself an alias in content/site.yml\n    hint: send it to where that redirect leads',
      'content/site.yml:13:3 error: redirects: /tag/x/ → /tags/x/: this site has no page there\n    hint: send it to the address of an article, page, section, author or tag page',
      'content/site.yml:14:3 error: redirects: /draft/ → /news/d/: the address of content/articles/d.md is not published by this build\n    hint: send it to a published page, or add the redirect once it is published',
    ]);
  });

  test('a path that is not a site path, on either side, is refused at its line', () => {
    const site = SITE_WITH(['redirects:', '  /../etc/: /news/', '  /old/: news', '  /con.html: /news/'].join('\n'));
    expect(problems({}, { site })).toEqual([
      'content/site.yml:8:3 error: redirects /../etc/: the old address must be a site path such as /news/old-slug/',
      'content/site.yml:9:3 error: redirects /old/: the new address must be a site path such as /news/old-slug/',
      'content/site.yml:10:3 error: redirects /con.html: the old address must not use a name Windows reserves for devices',
    ]);
    expect(problems({}, { site: SITE_WITH('redirects:\n  /x/: 5') })).toEqual(['content/site.yml:8:3 error: redirects /x/: must be a site path such as /news/']);
  });

  test('pages: in site.yml names page files; an unknown one is an error at its line with the nearest slugs', () => {
    const site = SITE_WITH('pages:\n  - about\n  - ethic\n  - about\n  - Contact');
    expect(problems({}, { site, pages: { about: pageFile(), ethics: pageFile() } })).toEqual([
      'content/site.yml:11:5 error: pages.3: must be lowercase ASCII letters and digits in words joined by "-"\n    hint: pages are the files in content/pages/ (without .md)',
    ]);
    expect(problems({}, { site: SITE_WITH('pages:\n  - about\n  - ethic\n  - about\n  - contact'), pages: { about: pageFile(), ethics: pageFile() } })).toEqual([
      'content/site.yml:9:5 error: pages: no page "ethic"\n    hint: did you mean "ethics"?',
      'content/site.yml:10:5 error: pages: "about" is listed twice\n    hint: the footer links each page once: remove one',
      'content/site.yml:11:5 error: pages: no page "contact"\n    hint: pages are the files in content/pages/ (without .md): add content/pages/contact.md',
    ]);
  });
});
