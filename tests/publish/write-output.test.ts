import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { build, defaultPaths, type BuildOptions, type BuildState } from '../../src/stages/build.js';
import { writeOutput } from '../../src/publish/write-output.js';
import type { OutputFile } from '../../src/outputs/seo/sitemaps.js';
import { sha256Manifest } from '../helpers/manifest.js';
import { writeNewsroom } from '../helpers/newsroom.js';
import { validArticle } from '../helpers/sources.js';

let root: string;
// Every build renders its Markdown in this thread (workers: 0): worker
// threads are tested in tests/workers, and starting them costs a build seconds.
let options: BuildOptions;
const NOW = Date.parse('2026-01-01T00:00:00Z');

beforeEach(() => {
  root = writeNewsroom({
    'harbour.md': validArticle({ title: 'Harbour wall repaired', summary: 'Repairs done.' }),
    'tram.md': validArticle({ title: 'Tram opens', category: 'business', summary: 'Tram runs.' }),
    'ferry.md': validArticle({ title: 'Ferry returns', date: '2024-02-01', summary: 'Ferry back.' }),
  });
  options = { contentDir: path.join(root, 'content'), outDir: path.join(root, '_site'), cacheDir: path.join(root, '.cache'), now: NOW, workers: 0 };
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const page = (url: string) => path.join(root, '_site', url, 'index.html');
const identity = (file: string) => {
  const stat = statSync(file);
  return `${stat.ino}:${stat.mtimeMs}`;
};

describe('publishing only what changed', () => {
  test('a second build with nothing changed replaces nothing', async () => {
    const first = await build(options);
    expect(first.output).toMatchObject({ upToDate: false, reused: 0 });
    const before = identity(page('news/harbour'));
    const second = await build(options);
    expect(second.output).toMatchObject({ upToDate: true, rendered: 0 });
    expect(identity(page('news/harbour'))).toBe(before);
  });

  test('an edited body re-renders its page; every other file keeps its bytes, inode and time', async () => {
    await build(options);
    const others = ['news/ferry', 'business/tram', 'news', 'tags/harbour', 'authors/jane-doe'].map((url) => [url, identity(page(url))]);
    const stylesheet = () => readdirSync(path.join(root, '_site/css')).find((file) => /^site\.[0-9a-f]{10}\.css$/.test(file)) ?? 'missing';
    const css = identity(path.join(root, '_site/css', stylesheet()));
    const harbour = path.join(root, 'content/articles/harbour.md');
    writeFileSync(harbour, readFileSync(harbour, 'utf8').replace('The first paragraph.', 'A new first paragraph.'));
    const result = await build(options);
    expect(result.output.upToDate).toBe(false);
    expect(result.output.rendered).toBe(1);
    expect(readFileSync(page('news/harbour'), 'utf8')).toContain('A new first paragraph.');
    expect(others.map(([url]) => [url, identity(page(url!))])).toEqual(others);
    expect(identity(path.join(root, '_site/css', stylesheet()))).toBe(css);
  });

  test('a new title re-renders the lists and related links that show it', async () => {
    await build(options);
    writeFileSync(path.join(root, 'content/articles/tram.md'), validArticle({ title: 'Tram opens to crowds', category: 'business', summary: 'Tram runs.' }));
    await build(options);
    for (const url of ['business/tram', 'business', 'news/harbour', '']) {
      expect(readFileSync(page(url), 'utf8'), url).toContain('Tram opens to crowds');
    }
  });

  test('a correction added to an article reaches the corrections page', async () => {
    await build(options);
    expect(readFileSync(page('corrections'), 'utf8')).not.toContain('The wall is 40 metres long');
    writeFileSync(
      path.join(root, 'content/articles/harbour.md'),
      validArticle({ title: 'Harbour wall repaired', summary: 'Repairs done.', corrections: '[{date: 2025-03-15T09:00:00, text: "The wall is 40 metres long, not 400."}]' }),
    );
    await build(options);
    expect(readFileSync(page('corrections'), 'utf8')).toContain('The wall is 40 metres long');
  });

  test('a page changed by hand in the output is put right', async () => {
    await build(options);
    const original = readFileSync(page('news/ferry'), 'utf8');
    writeFileSync(page('news/ferry'), 'tampered');
    const result = await build(options);
    expect(result.output.upToDate).toBe(false);
    expect(readFileSync(page('news/ferry'), 'utf8')).toBe(original);
  });

  test('a deleted article leaves no page behind', async () => {
    await build(options);
    unlinkSync(path.join(root, 'content/articles/ferry.md'));
    await build(options);
    expect(() => statSync(page('news/ferry'))).toThrow();
    expect(readFileSync(page('news'), 'utf8')).not.toContain('Ferry returns');
  });

  test('a changed template re-renders every page; pages that come out the same keep their time', async () => {
    const templatesDir = path.join(root, 'templates');
    cpSync(defaultPaths.templatesDir, templatesDir, { recursive: true });
    const withTemplates = { ...options, templatesDir };
    await build(withTemplates);
    const archive = identity(page('tags/harbour'));
    const base = path.join(templatesDir, '_includes/layouts/base.njk');
    writeFileSync(base, readFileSync(base, 'utf8').replace('Skip to content', 'Skip to the story'));
    const result = await build(withTemplates);
    expect(result.output.rendered).toBeGreaterThan(10);
    expect(readFileSync(page('news/harbour'), 'utf8')).toContain('Skip to the story');
    expect(identity(page('tags/harbour'))).not.toBe(archive);

    // A template change that alters no page's bytes keeps every file as it was.
    const before = identity(page('news/harbour'));
    writeFileSync(base, `${readFileSync(base, 'utf8')}{# a comment renders to nothing #}`);
    await build(withTemplates);
    expect(identity(page('news/harbour'))).toBe(before);
  });

  test('without a cache folder every build renders everything', async () => {
    const noCache = { ...options, cacheDir: undefined };
    await build(noCache);
    const result = await build(noCache);
    expect(result.output.upToDate).toBe(false);
    const pages = readdirSync(path.join(root, '_site'), { recursive: true }).filter((file) => String(file).endsWith('.html'));
    expect(result.output.rendered).toBe(pages.length);
  });
});

describe('the spare: the site before the last, filled by the next build', () => {
  const spare = () => path.join(root, '_site.spare');
  const editBody = (name: string, text: string) => {
    const file = path.join(root, 'content/articles', name);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/The first paragraph\.|A body edit \d\./, text));
  };

  test('a third build, filling the first build’s folder, gives the files a fresh build gives', async () => {
    // A tag of its own: its pages and feeds go with the article.
    writeFileSync(path.join(root, 'content/articles/ferry.md'), validArticle({ title: 'Ferry returns', date: '2024-02-01', summary: 'Ferry back.', tags: '[Ferries]' }));
    await build(options);
    expect(existsSync(path.join(root, '_site/tags/ferries/feed.xml'))).toBe(true);
    editBody('harbour.md', 'A body edit 1.');
    await build(options);
    expect(readFileSync(path.join(spare(), 'news/harbour/index.html'), 'utf8')).toContain('The first paragraph.');

    editBody('harbour.md', 'A body edit 2.');
    unlinkSync(path.join(root, 'content/articles/ferry.md'));
    writeFileSync(path.join(root, 'content/articles/tram.md'), validArticle({ title: 'Tram opens to crowds', category: 'business', summary: 'Tram runs.' }));
    const third = await build(options);
    expect(third.output.reused).toBeGreaterThan(0);
    // Not even the folder of the deleted article's page is left.
    expect(existsSync(path.join(root, '_site/news/ferry'))).toBe(false);
    expect(existsSync(path.join(root, '_site/tags/ferries'))).toBe(false);
    expect(readFileSync(page('news/harbour'), 'utf8')).toContain('A body edit 2.');
    const fresh = await build({ ...options, outDir: path.join(root, 'fresh'), cacheDir: path.join(root, 'fresh-cache') });
    expect(fresh.output.reused).toBe(0);
    expect(sha256Manifest(path.join(root, '_site'))).toBe(sha256Manifest(path.join(root, 'fresh')));
  });

  test('files put in the spare by hand are never published', async () => {
    await build(options);
    editBody('harbour.md', 'A body edit 1.');
    await build(options);
    const ferry = readFileSync(page('news/ferry'), 'utf8');
    writeFileSync(path.join(spare(), 'stray.html'), 'stray');
    unlinkSync(path.join(spare(), 'news/ferry/index.html'));
    writeFileSync(path.join(spare(), 'news/ferry/index.html'), 'stale');

    editBody('harbour.md', 'A body edit 2.');
    await build(options);
    expect(existsSync(path.join(root, '_site/stray.html'))).toBe(false);
    expect(readFileSync(page('news/ferry'), 'utf8')).toBe(ferry);
  });

  test('a build that fails while filling the spare leaves every published file as it was', async () => {
    await build(options);
    editBody('harbour.md', 'A body edit 1.');
    await build(options);
    const published = sha256Manifest(path.join(root, '_site'));

    // A template change renders every page again, into files the spare shares with the site (hard links).
    const templatesDir = path.join(root, 'templates');
    cpSync(defaultPaths.templatesDir, templatesDir, { recursive: true });
    const article = path.join(templatesDir, '_includes/pages/article.njk');
    writeFileSync(article, readFileSync(article, 'utf8').replace('<h1>{{ article.title }}</h1>', '<h1>{{ article.title | safe }}</h1>'));
    writeFileSync(path.join(root, 'content/articles/tram.md'), validArticle({ title: 'Tram <img src=x onerror=alert(1)>', category: 'business' }));
    await expect(build({ ...options, templatesDir })).rejects.toThrow();
    expect(sha256Manifest(path.join(root, '_site'))).toBe(published);
  });
});

describe('feeds, sitemaps and other files made without templates', () => {
  const harbourPublished = Date.parse('2025-03-14T08:30:00Z');
  const writeAgain = (state: BuildState, make: () => OutputFile[], key = 'same') =>
    writeOutput(state.model, {
      outDir: options.outDir,
      templatesDir: defaultPaths.templatesDir,
      publicDir: defaultPaths.publicDir,
      cacheDir: options.cacheDir,
      plan: state.plan.plan,
      assetNames: state.assetNames,
      generatedFiles: state.imageFiles,
      extraFiles: { key, make },
      protect: [],
    });

  test('are not made again when no page and nothing else they come from changed', async () => {
    const { state } = await build(options);
    if (!state) throw new Error('a build that does not skip has its state');
    let made = 0;
    const files = () => {
      made++;
      return [{ path: 'feed.xml', content: readFileSync(path.join(root, '_site/feed.xml'), 'utf8') }];
    };
    await writeAgain(state, files, 'first');
    expect(made).toBe(1);
    const feed = identity(path.join(root, '_site/feed.xml'));
    expect((await writeAgain(state, files, 'first')).upToDate).toBe(true);
    expect(made).toBe(1);
    await writeAgain(state, files, 'second');
    expect(made).toBe(2);
    // Made again, but with the same bytes: the file is kept as it was.
    expect(identity(path.join(root, '_site/feed.xml'))).toBe(feed);
  });

  test('a keyed file (a feed) is kept on its key without being made; a new key makes it again', async () => {
    const { state } = await build(options);
    if (!state) throw new Error('a build that does not skip has its state');
    let reads = 0;
    const keyed = (key: string, text: string) => () => [
      {
        path: 'feed.xml',
        key,
        get content() {
          reads++;
          return text;
        },
      },
    ];
    await writeAgain(state, keyed('one', '<rss>first</rss>'), 'first');
    expect(reads).toBe(1);
    const written = identity(path.join(root, '_site/feed.xml'));
    // Something else changed (the other files' key), the feed's input did not.
    await writeAgain(state, keyed('one', '<rss>never read</rss>'), 'second');
    expect(reads).toBe(1);
    expect(readFileSync(path.join(root, '_site/feed.xml'), 'utf8')).toBe('<rss>first</rss>');
    expect(identity(path.join(root, '_site/feed.xml'))).toBe(written);
    await writeAgain(state, keyed('two', '<rss>second</rss>'), 'third');
    expect(reads).toBe(2);
    expect(readFileSync(path.join(root, '_site/feed.xml'), 'utf8')).toBe('<rss>second</rss>');
  });

  test('a story edited: the feeds that list it are made again, every other feed is kept as it was', async () => {
    await build(options);
    const listing = ['feed.xml', 'atom.xml', 'feed.json', 'news/feed.xml', 'news/feed.json', 'tags/harbour/feed.xml', 'authors/jane-doe/atom.xml'];
    const notListing = ['business/feed.xml', 'business/atom.xml', 'business/feed.json', 'corrections/feed.xml'];
    const before = new Map([...listing, ...notListing].map((feed) => [feed, identity(path.join(root, '_site', feed))]));
    const harbour = path.join(root, 'content/articles/harbour.md');
    writeFileSync(harbour, readFileSync(harbour, 'utf8').replace('The first paragraph.', 'A paragraph written later.'));
    await build(options);
    for (const feed of notListing) expect(identity(path.join(root, '_site', feed)), feed).toBe(before.get(feed));
    for (const feed of listing) {
      expect(identity(path.join(root, '_site', feed)), feed).not.toBe(before.get(feed));
      expect(readFileSync(path.join(root, '_site', feed), 'utf8'), feed).toContain('A paragraph written later.');
    }
  });

  test('follow an edited article into every feed that lists it', async () => {
    await build(options);
    const harbour = path.join(root, 'content/articles/harbour.md');
    writeFileSync(harbour, readFileSync(harbour, 'utf8').replace('The first paragraph.', 'A paragraph written later.'));
    const ferryIndex = identity(path.join(root, '_site/pagefind/2024/pagefind-entry.json'));
    const rebuilt = await build(options);
    // The edited article is an indexed page: its year's part of the search
    // index is made again (harbour and tram), the other year's is kept.
    expect(rebuilt.output.search?.pages).toBe(2);
    expect(identity(path.join(root, '_site/pagefind/2024/pagefind-entry.json'))).toBe(ferryIndex);
    for (const feed of ['feed.xml', 'atom.xml', 'feed.json', 'news/feed.xml', 'tags/harbour/feed.xml', 'authors/jane-doe/feed.xml']) {
      expect(readFileSync(path.join(root, '_site', feed), 'utf8'), feed).toContain('A paragraph written later.');
    }
  });

  test('the news sitemap follows the clock even when no page changed', async () => {
    const news = () => readFileSync(path.join(root, '_site/news-sitemap.xml'), 'utf8');
    await build({ ...options, now: harbourPublished + 3_600_000 });
    expect(news()).toContain('/news/harbour/');
    const entry = identity(path.join(root, '_site/pagefind/2025/pagefind-entry.json'));
    const later = await build({ ...options, now: harbourPublished + 72 * 3_600_000 });
    expect(later.output.rendered).toBe(0);
    expect(news()).not.toContain('/news/harbour/');
    // No indexed page changed, so the search index was kept as it was.
    expect(later.output.search).toBeUndefined();
    expect(identity(path.join(root, '_site/pagefind/2025/pagefind-entry.json'))).toBe(entry);
  });

  test('a search index file changed by hand makes its part of the index again', async () => {
    await build(options);
    const entry = path.join(root, '_site/pagefind/2024/pagefind-entry.json');
    const original = readFileSync(entry, 'utf8');
    writeFileSync(entry, '{}');
    const result = await build(options);
    expect(result.output.search?.pages).toBe(1);
    expect(readFileSync(entry, 'utf8')).toBe(original);
  });

  test('a year whose last story goes leaves no part of the index behind', async () => {
    await build(options);
    expect(readdirSync(path.join(root, '_site/pagefind')).sort()).toEqual(['2024', '2025']);
    rmSync(path.join(root, 'content/articles/ferry.md'));
    const result = await build(options);
    expect(result.output.search).toBeUndefined();
    expect(readdirSync(path.join(root, '_site/pagefind'))).toEqual(['2025']);
    expect(readFileSync(page('search'), 'utf8')).toContain('data-shards="2025"');
  });

  test('a feed changed by hand in the output is put right', async () => {
    await build(options);
    const feed = path.join(root, '_site/feed.xml');
    const original = readFileSync(feed, 'utf8');
    writeFileSync(feed, 'tampered');
    await build(options);
    expect(readFileSync(feed, 'utf8')).toBe(original);
  });
});

describe('the post-build scan', () => {
  test('a template that lets a headline through unescaped fails the build against the article, and the old site stays', async () => {
    await build(options);
    const before = readFileSync(page('news/harbour'), 'utf8');
    const templatesDir = path.join(root, 'templates');
    cpSync(defaultPaths.templatesDir, templatesDir, { recursive: true });
    const article = path.join(templatesDir, '_includes/pages/article.njk');
    writeFileSync(article, readFileSync(article, 'utf8').replace('<h1>{{ article.title }}</h1>', '<h1>{{ article.title | safe }}</h1>'));
    writeFileSync(path.join(root, 'content/articles/tram.md'), validArticle({ title: 'Tram <img src=x onerror=alert(1)>', category: 'business' }));

    const failure = await build({ ...options, templatesDir }).then(
      () => undefined,
      (error: unknown) => error as { problems?: { file: string; message: string }[] },
    );
    expect(failure?.problems).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/content\/articles\/tram\.md$/), message: 'the page business/tram/index.html would contain an event-handler attribute onerror=' }),
    ]);
    expect(readFileSync(page('news/harbour'), 'utf8')).toBe(before);
    expect(readFileSync(page('business/tram'), 'utf8')).not.toContain('onerror');
  });
});
