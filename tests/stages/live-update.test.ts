import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { build, defaultPaths, rebuild, Superseded, type BuildOptions, type BuildState } from '../../src/stages/build.js';
import { ContentError, formatProblem } from '../../src/util/problems.js';
import { writeNewsroom } from '../helpers/newsroom.js';
import { treeSnapshot } from '../helpers/tree-snapshot.js';
import { validArticle } from '../helpers/sources.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
let root: string;
let state: BuildState;
// The first build renders its Markdown in this thread (workers: 0), as the
// updates do: worker threads are tested in tests/workers, and starting them
// costs a build seconds.
const options: BuildOptions = { contentDir: 'content', outDir: '_site', cacheDir: '.cache', now: NOW, workers: 0 };
const cwd = process.cwd();

beforeEach(async () => {
  root = writeNewsroom({
    'harbour.md': validArticle({ title: 'Harbour wall repaired', summary: 'Repairs done.' }),
    'tram.md': validArticle({ title: 'Tram opens', category: 'business', summary: 'Tram runs.' }),
    'ferry.md': validArticle({ title: 'Ferry returns', date: '2025-02-01', summary: 'Ferry back.' }),
  });
  mkdirSync(path.join(root, 'content/pages'));
  writeFileSync(path.join(root, 'content/pages/about.md'), '---\ntitle: About the Gazette\n---\nWe report on the city.\n');
  appendFileSync(path.join(root, 'content/site.yml'), 'pages: [about]\n');
  // Content paths are shown relative to the working directory, as in the CLI.
  process.chdir(root);
  const result = await build(options);
  if (!result.state) throw new Error('a build that does not skip has its state');
  state = result.state;
});
const previewEdits = async (state: BuildState, files: string[]) => (await rebuild(options, { state, files, scope: 'preview' }))?.previewed;
const updateSite = (state: BuildState, files: string[]) => rebuild(options, { state, files, scope: 'update' });
afterEach(() => {
  process.chdir(cwd);
  rmSync(root, { recursive: true, force: true });
});

const html = (url: string) => readFileSync(path.join(root, '_site', url, 'index.html'), 'utf8');
const inode = (url: string) => statSync(path.join(root, '_site', url, 'index.html')).ino;

describe('a preview of saved articles', () => {
  test('renders only the edited article page, keeping its related links', async () => {
    const lists = html('news');
    writeFileSync('content/articles/harbour.md', validArticle({ title: 'Harbour wall rebuilt', summary: 'Repairs done.' }));
    expect(await previewEdits(state, ['content/articles/harbour.md'])).toEqual(['/news/harbour/']);
    expect(html('news/harbour')).toContain('Harbour wall rebuilt');
    expect(html('news/harbour')).toContain('You may also like');
    // The section list is left for the update.
    expect(html('news')).toBe(lists);
  });

  test('checks the saved story against the last build alone, and keeps the comments it approved', async () => {
    mkdirSync('content/comments/harbour', { recursive: true });
    writeFileSync('content/comments/harbour/1.yml', 'name: Ann Reader\ndate: 2025-03-15T10:00\nbody: Good to see the wall fixed.\n');
    writeFileSync('content/articles/harbour.md', validArticle({ title: 'Harbour wall rebuilt', summary: 'Repairs done.', related: '[tram]' }));
    const withComment = await build(options);
    writeFileSync('content/articles/harbour.md', validArticle({ title: 'Harbour wall rebuilt at last', summary: 'Repairs done.', related: '[tram]' }) + '\n::readmore{slug="ferry"}\n');
    expect(await previewEdits(withComment.state!, ['content/articles/harbour.md'])).toEqual(['/news/harbour/']);
    const page = html('news/harbour');
    expect(page).toContain('Harbour wall rebuilt at last');
    expect(page).toContain('Good to see the wall fixed.');
    expect(page).toContain('href="/news/ferry/"');
  });

  test.each([
    ['an error', validArticle({ date: '2025-02-30' })],
    ['an unknown author', validArticle({ authors: '[nobody]' })],
    ['a pin to no article', validArticle({ related: '[no-such-story]' })],
    ['a Read more block naming no article', `${validArticle()}\n::readmore{slug="no-such-story"}\n`],
    ['a new section, and so a new address', validArticle({ category: 'business' })],
    ['a draft, no longer shown', validArticle({ draft: 'true' })],
  ])('leaves to the update a saved story with %s, and the page as it was', async (_, text) => {
    const before = html('news/harbour');
    writeFileSync('content/articles/harbour.md', text);
    expect(await previewEdits(state, ['content/articles/harbour.md'])).toBeUndefined();
    expect(html('news/harbour')).toBe(before);
    expect(existsSync(path.join(root, '_site/business/harbour/index.html'))).toBe(false);
  });

  test('declines what it cannot do alone: a new file, or a file outside articles', async () => {
    writeFileSync('content/articles/new.md', validArticle({ title: 'New' }));
    expect(await previewEdits(state, ['content/articles/new.md'])).toBeUndefined();
    expect(await previewEdits(state, ['content/authors/jane-doe.md'])).toBeUndefined();
  });
});

describe('an update after saved articles', () => {
  test('a new title reaches the article, its section, the home page and related links, in place', async () => {
    const untouched = inode('authors/sam-roe');
    writeFileSync('content/articles/tram.md', validArticle({ title: 'Tram opens to crowds', category: 'business', summary: 'Tram runs.' }));
    const updated = await updateSite(state, ['content/articles/tram.md']);
    expect(updated?.output.upToDate).toBe(false);
    for (const url of ['business/tram', 'business', '', 'news/harbour', 'tags/harbour']) expect(html(url), url).toContain('Tram opens to crowds');
    expect(inode('authors/sam-roe')).toBe(untouched);
    expect(updated?.state?.content.articles.find((a) => a.slug === 'tram')?.title).toBe('Tram opens to crowds');
  });

  test('says when its pages are written, before the search index is made again', async () => {
    const entry = () => readFileSync(path.join(root, '_site/pagefind/2025/pagefind-entry.json'), 'utf8');
    const indexBefore = entry();
    const seen: { section: string; index: string }[] = [];
    writeFileSync('content/articles/tram.md', validArticle({ title: 'Tram opens to crowds', category: 'business', summary: 'Tram runs.' }));
    await rebuild({ ...options, onPagesWritten: () => seen.push({ section: html('business'), index: entry() }) }, { state, files: ['content/articles/tram.md'], scope: 'update' });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.section).toContain('Tram opens to crowds');
    expect(seen[0]!.index).toBe(indexBefore);
    expect(entry()).not.toBe(indexBefore);
  });

  test('overtaken by newer saves, it stops where asked: before writing, having written nothing; after its pages, leaving the rest to the next update, which makes the site a full build makes', async () => {
    // The records of the last build beside the render cache (which may keep the saved story's rendering).
    const records = () => Object.fromEntries(Object.entries(treeSnapshot('.cache', { times: true })).filter(([file]) => !file.includes(path.sep)));
    const snapshot = () => ({ site: treeSnapshot('_site', { times: true }), records: records() });
    const feed = () => readFileSync(path.join(root, '_site/feed.xml'), 'utf8');
    writeFileSync('content/articles/tram.md', validArticle({ title: 'Tram opens to crowds', category: 'business', summary: 'Tram runs.' }));
    const before = snapshot();
    let stops = 0;
    for (;;) {
      let asked = 0;
      const stopAt = stops + 1;
      const outcome = await rebuild(options, { state, files: ['content/articles/tram.md'], scope: 'update', stale: () => ++asked === stopAt }).catch((error: unknown) => error);
      if (!(outcome instanceof Superseded)) {
        expect(outcome).toMatchObject({ output: { upToDate: false } });
        // Asked as many times as it stopped, and told to go on each time.
        expect(asked).toBe(stops);
        break;
      }
      stops++;
      if (stopAt <= 5) {
        expect(snapshot(), `stopped at question ${stopAt}`).toEqual(before);
      } else {
        // Its pages are written; the feed, the search index and the record of the output are not.
        expect(html('business/tram')).toContain('Tram opens to crowds');
        expect(feed()).not.toContain('Tram opens to crowds');
        expect(snapshot().records).toEqual(before.records);
      }
    }
    // After rendering, validating, images, the model, with what to write known, and with the pages written.
    expect(stops).toBe(6);
    expect(feed()).toContain('Tram opens to crowds');
    // The same files, byte for byte, as a build of the same content into a fresh folder.
    await build({ ...options, outDir: '_fresh', cacheDir: '.cache-fresh' });
    expect(treeSnapshot('_site')).toEqual(treeSnapshot('_fresh'));
  });

  test('stopped after its pages, and the story then saved back as it was: the next update puts back every page the stopped one wrote', async () => {
    const original = readFileSync('content/articles/tram.md', 'utf8');
    writeFileSync('content/articles/tram.md', validArticle({ title: 'Tram opens to crowds', category: 'business', summary: 'Tram runs.' }));
    let asked = 0;
    const stopped = await rebuild(options, { state, files: ['content/articles/tram.md'], scope: 'update', stale: () => ++asked === 6 }).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(Superseded);
    expect(html('')).toContain('Tram opens to crowds');
    writeFileSync('content/articles/tram.md', original);
    await updateSite(state, ['content/articles/tram.md']);
    for (const url of ['business/tram', 'business', '', 'news/harbour']) expect(html(url), url).not.toContain('Tram opens to crowds');
    await build({ ...options, outDir: '_fresh', cacheDir: '.cache-fresh' });
    expect(treeSnapshot('_site')).toEqual(treeSnapshot('_fresh'));
  });

  test('an update that writes a new page does not stop after its pages: the next one would not know to remove it', async () => {
    writeFileSync('content/articles/lifeboat.md', validArticle({ title: 'Lifeboat launched', date: '2025-06-01' }));
    let asked = 0;
    await rebuild(options, { state, files: ['content/articles/lifeboat.md'], scope: 'update', stale: () => (asked++, false) });
    expect(asked).toBe(5);
    expect(html('news/lifeboat')).toContain('Lifeboat launched');
  });

  test('an added article gets its page and appears in the lists', async () => {
    writeFileSync('content/articles/lifeboat.md', validArticle({ title: 'Lifeboat launched', date: '2025-06-01' }));
    await updateSite(state, ['content/articles/lifeboat.md']);
    expect(html('news/lifeboat')).toContain('Lifeboat launched');
    expect(html('news')).toContain('Lifeboat launched');
  });

  test('a deleted article loses its page and leaves the lists', async () => {
    unlinkSync('content/articles/ferry.md');
    await updateSite(state, ['content/articles/ferry.md']);
    expect(existsSync(path.join(root, '_site/news/ferry/index.html'))).toBe(false);
    expect(html('news')).not.toContain('Ferry returns');
  });

  test('an edit that breaks the content is reported with its line, and the site stays as it was', async () => {
    const before = html('news/harbour');
    writeFileSync('content/articles/harbour.md', validArticle({ date: '2025-02-30' }));
    const failure = await updateSite(state, ['content/articles/harbour.md']).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ContentError);
    expect((failure as ContentError).problems.map(formatProblem)).toEqual([
      'content/articles/harbour.md:3:1 error: date: "2025-02-30" is not a real date: February 2025 has 28 days\n    hint: the last day of February 2025 is 2025-02-28',
    ]);
    expect(html('news/harbour')).toBe(before);
  });

  test('a saved page is updated in place: its own page and the footer of every page, nothing else rendered', async () => {
    writeFileSync('content/pages/about.md', '---\ntitle: About us\n---\nWe have reported on the city since 1901.\n');
    expect(await previewEdits(state, ['content/pages/about.md'])).toBeUndefined();
    const updated = await updateSite(state, ['content/pages/about.md']);
    expect(updated?.output.upToDate).toBe(false);
    expect(html('about')).toContain('We have reported on the city since 1901.');
    // The title is the footer's link text, on every page.
    for (const url of ['about', 'news/harbour', 'news', '']) expect(html(url), url).toContain('<a href="/about/"');
    expect(html('news/harbour')).toContain('>About us</a>');
    // A body edit alone leaves the other pages as they were: only the page is rendered.
    const after = html('news/harbour');
    writeFileSync('content/pages/about.md', '---\ntitle: About us\n---\nWe have reported on the city since 1902.\n');
    const again = await updateSite(updated!.state!, ['content/pages/about.md']);
    expect(html('about')).toContain('since 1902');
    expect(html('news/harbour')).toBe(after);
    expect(again?.output.rendered).toBe(1);
  });

  test('an added page is built; a page with an error is reported with its line, and the site stays as it was', async () => {
    writeFileSync('content/pages/ethics.md', '---\ntitle: Ethics\n---\nOur standards.\n');
    const added = await updateSite(state, ['content/pages/ethics.md']);
    expect(html('ethics')).toContain('Our standards.');
    const before = html('about');
    writeFileSync('content/pages/about.md', '---\ntitle: About\npermalink: /news/\n---\nMoved.\n');
    const failure = await updateSite(added!.state!, ['content/pages/about.md']).catch((error: unknown) => error);
    expect((failure as ContentError).problems.map(formatProblem)).toEqual([
      "content/pages/about.md:3:1 error: the page's address /news/ is already the address of content/categories/news.md\n    hint: change the permalink",
    ]);
    expect(html('about')).toBe(before);
  });

  test('a change outside the articles is left to a full build', async () => {
    expect(await updateSite(state, ['content/authors/jane-doe.md'])).toBeUndefined();
    expect(await updateSite(state, [path.join(defaultPaths.templatesDir, 'article.njk')])).toBeUndefined();
  });
});

describe('an update that reaches many story pages', () => {
  // 102 stories in one section: the newest is in the rail of every other story's page.
  const STORIES = 102;
  const story = (n: number, title = `Council story ${n}`) =>
    validArticle({ title, date: `2025-${String(1 + Math.floor(n / 28)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}T08:00:00`, summary: `Story ${n}.` });
  let many: string;
  let manyState: BuildState;

  beforeAll(async () => {
    many = writeNewsroom(Object.fromEntries(Array.from({ length: STORIES }, (_, n) => [`story-${n}.md`, story(n)])));
    process.chdir(many);
    manyState = (await build(options)).state!;
    process.chdir(cwd);
  }, 120_000);
  afterAll(() => rmSync(many, { recursive: true, force: true }));

  test('writes the home page and the lists first, and says so, before the story pages whose rails show the change', async () => {
    process.chdir(many);
    try {
      const newest = STORIES - 1;
      const page = (url: string) => readFileSync(path.join(many, '_site', url, 'index.html'), 'utf8');
      writeFileSync(`content/articles/story-${newest}.md`, story(newest, 'Breaking news as the council resigns'));
      const seen: { home: string; news: string; other: string }[] = [];
      const write = () => seen.push({ home: page(''), news: page('news'), other: page('news/story-0') });
      const updated = await rebuild({ ...options, onPagesWritten: write }, { state: manyState, files: [`content/articles/story-${newest}.md`], scope: 'update' });
      expect(updated?.output.rendered).toBeGreaterThan(100);
      expect(seen).toHaveLength(2);
      expect(seen[0]!.home).toContain('Breaking news as the council resigns');
      expect(seen[0]!.news).toContain('Breaking news as the council resigns');
      // The rails come in the second run.
      expect(seen[0]!.other).not.toContain('Breaking news as the council resigns');
      expect(seen[1]!.other).toContain('Breaking news as the council resigns');
    } finally {
      process.chdir(cwd);
    }
  });
});
