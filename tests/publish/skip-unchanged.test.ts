import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { build, defaultPaths, type BuildOptions } from '../../src/stages/build.js';
import { writeNewsroom } from '../helpers/newsroom.js';
import { validArticle } from '../helpers/sources.js';

/*
 * A build with `skipUnchanged` stops after checking the content when
 * nothing the site is made from changed. Each case changes one input and
 * expects a full build whose output shows the change.
 */

let root: string;
// Every build renders its Markdown in this thread (workers: 0): worker
// threads are tested in tests/workers, and starting them costs a build seconds.
let options: BuildOptions;
const NOW = Date.parse('2026-01-01T00:00:00Z');
const LATER = Date.parse('2026-03-01T00:00:00Z');

beforeEach(() => {
  root = writeNewsroom({
    'harbour.md': validArticle({ title: 'Harbour wall repaired' }),
    'tram.md': validArticle({ title: 'Tram opens', category: 'business' }),
    'ferry.md': validArticle({ title: 'Ferry timetable', date: '2026-02-01T09:00:00' }),
    'pier.md': validArticle({ title: 'Pier plans', draft: 'true' }),
  });
  const templatesDir = path.join(root, 'templates');
  const publicDir = path.join(root, 'public');
  cpSync(defaultPaths.templatesDir, templatesDir, { recursive: true });
  cpSync(defaultPaths.publicDir, publicDir, { recursive: true });
  options = {
    contentDir: path.join(root, 'content'),
    outDir: path.join(root, '_site'),
    cacheDir: path.join(root, '.cache'),
    templatesDir,
    publicDir,
    now: NOW,
    skipUnchanged: true,
    workers: 0,
  };
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const edit = (file: string, from: string, to: string) => writeFileSync(path.join(root, file), read(file).replace(from, to));
const page = (url: string) => read(path.join('_site', url, 'index.html'));
const stylesheet = () => readdirSync(path.join(root, '_site/css')).find((file) => file.startsWith('site.') && file.endsWith('.css')) ?? 'none';

describe('a build that skips when nothing changed', () => {
  test('stops after the check, with every file as it was', async () => {
    const first = await build(options);
    expect(first.state).toBeDefined();
    const home = page('');
    const second = await build(options);
    expect(second.state).toBeUndefined();
    expect(second.output).toMatchObject({ upToDate: true, rendered: 0, files: first.output.files });
    expect(second.pages).toBe(first.pages);
    expect(page('')).toBe(home);
  });

  const cases: [string, () => void, Partial<BuildOptions>, () => void][] = [
    ['an edited article', () => edit('content/articles/harbour.md', 'The first paragraph.', 'A later paragraph.'), {}, () => expect(page('news/harbour')).toContain('A later paragraph.')],
    ['an edited author', () => edit('content/authors/jane-doe.md', 'name: Jane Doe', 'name: Jane Doe-Okafor'), {}, () => expect(page('news/harbour')).toContain('Jane Doe-Okafor')],
    ['an edited template', () => edit('templates/_includes/layouts/base.njk', 'Skip to content', 'Skip to the story'), {}, () => expect(page('news/harbour')).toContain('Skip to the story')],
    ['an edited stylesheet', () => edit('public/css/site.css', ':root', '.restyled { color: red; }\n:root'), {}, () => expect(read(`_site/css/${stylesheet()}`)).toContain('.restyled{color:red}')],
    ['a story whose time has come', () => {}, { now: LATER }, () => expect(page('news/ferry')).toContain('Ferry timetable')],
    ['drafts shown', () => {}, { drafts: true }, () => expect(page('news/pier')).toContain('Pier plans')],
    ['a page changed by hand in the output', () => writeFileSync(path.join(root, '_site/business/tram/index.html'), 'tampered'), {}, () => expect(page('business/tram')).toContain('Tram opens')],
  ];
  test.each(cases)('builds again after %s', async (_name, change, override, check) => {
    await build(options);
    change();
    const result = await build({ ...options, ...override });
    expect(result.state).toBeDefined();
    check();
    // And the next build with the same inputs skips again.
    expect((await build({ ...options, ...override })).state).toBeUndefined();
  });

  test('stops before rendering while the clock decides nothing new, and says the same warnings and counts again', async () => {
    // Dated more than a year after NOW: a warning on every build.
    writeFileSync(path.join(root, 'content/articles/regatta.md'), validArticle({ title: 'Regatta', date: '2028-06-01T09:00:00' }));
    const first = await build(options);
    expect(first.problems.map((problem) => problem.message)).toEqual([expect.stringContaining('more than a year ahead')]);
    const stages: string[] = [];
    const second = await build({ ...options, now: NOW + 3_600_000, onStage: ({ stage }) => stages.push(stage) });
    expect(stages).toEqual(['load', 'publish']);
    expect(second.state).toBeUndefined();
    expect(second.problems).toEqual(first.problems);
    expect(second.counts).toEqual(first.counts);
    expect(second.pages).toBe(first.pages);
  });

  test('renders again at the very moment the next story goes live, and when the clock is set back', async () => {
    const first = await build(options);
    const goesLive = first.counts.next?.time ?? NaN;
    expect(goesLive).toBeGreaterThan(NOW);
    const stages: string[] = [];
    // Set back, the record does not answer: the content is checked (and, the clock deciding the same, nothing written).
    await build({ ...options, now: NOW - 60_000, onStage: ({ stage }) => stages.push(stage) });
    expect(stages).toEqual(['load', 'render', 'validate', 'publish']);
    await build({ ...options, now: goesLive - 1 });
    expect(read('_site/index.html')).not.toContain('Ferry timetable');
    const live = await build({ ...options, now: goesLive });
    expect(live.state).toBeDefined();
    expect(page('news/ferry')).toContain('Ferry timetable');
  });

  test('builds again when the news sitemap window moves on, though no page changes', async () => {
    const published = Date.parse('2025-03-14T08:30:00Z');
    await build({ ...options, now: published + 3_600_000 });
    expect(read('_site/news-sitemap.xml')).toContain('/news/harbour/');
    const later = await build({ ...options, now: published + 72 * 3_600_000 });
    expect(later.state).toBeDefined();
    expect(read('_site/news-sitemap.xml')).not.toContain('/news/harbour/');
  });
});
