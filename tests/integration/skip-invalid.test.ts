import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readSite, text, type BuiltSite } from '../helpers/site-output.js';
import { runCli } from '../helpers/cli-in-process.js';

/*
 * A migrated archive with bad files, looked at with `check --keep-going`
 * and built with `build --skip-invalid`, through the command line: two
 * valid articles (dated the way Jekyll writes dates, one tagged `- 2013`),
 * three broken ones (an impossible date, an unknown author, an image
 * without alt text in the body) and a comment on a broken one. One build.
 */
const FIXTURE = path.resolve('tests/fixtures/skip-invalid/content');
// Every article of the fixture is published by then.
const AT = '2027-01-15T08:00:00Z';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let root: string;
const runs = new Map<string, Run>();
let site: BuiltSite;

/** The command line in this process (tests/helpers/cli-in-process.ts). */
const run = (...args: string[]): Promise<Run> => runCli([...args, '--content', 'content', '--out', 'site', '--quiet', '--at', AT], { cwd: root, env: { NO_COLOR: '1' } });

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'broadsheet-skip-invalid-'));
  cpSync(FIXTURE, path.join(root, 'content'), { recursive: true });
  // The refusals first, while there is no output folder to leave as it was.
  for (const args of [['check'], ['build'], ['build', '--skip-invalid', '--strict'], ['check', '--keep-going', '--strict'], ['build', '--keep-going'], ['check', '--skip-invalid']]) {
    runs.set(args.join(' '), await run(...args));
  }
  runs.set('site absent after refusals', { code: existsSync(path.join(root, 'site')) ? 1 : 0, stdout: '', stderr: '' });
  runs.set('check --keep-going', await run('check', '--keep-going'));
  runs.set('build --skip-invalid', await run('build', '--skip-invalid'));
  site = readSite(path.join(root, 'site'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const PROBLEMS = [
  'content/articles/2013-05-08-bad-date.md:3:1 error: date: "2013-02-30 10:00:00 +0200" is not a real date: February 2013 has 28 days',
  '    hint: the last day of February 2013 is 2013-02-28',
  'content/articles/2013-05-09-unknown-author.md:4:11 error: unknown author "john-smith"',
  '    hint: authors are the files in content/authors/ (without .md)',
  'content/articles/2013-05-10-body-error.md:10:1 error: image https://images.example.org/lighthouse.jpg has no alt text',
  '    hint: describe what the picture shows for readers who cannot see it: ![A tram leaving the depot](…)',
  "content/articles/2013-05-10-body-error.md:10:1 warning: image https://images.example.org/lighthouse.jpg is on another host: it is shown as it is, not resized, and readers' browsers fetch it from there",
  '    hint: copy the file into public/images/ and write its path, such as /images/harbour.jpg',
];
const SUMMARY = '✖ 3 articles left out because of errors above, and 1 comment left out with the article or comment it belongs to';
const FAILED = '✖ 3 errors in the content; nothing was written';

const lines = (output: string) => output.split('\n').filter((line) => line !== '');
const result = (name: string) => runs.get(name)!;

describe('without --keep-going or --skip-invalid, the broken files stop everything', () => {
  test('check and build print every problem, exit 1 and write nothing', async () => {
    for (const name of ['check', 'build']) {
      expect(result(name).code).toBe(1);
      expect(lines(result(name).stderr)).toEqual([...PROBLEMS, FAILED]);
    }
    expect(result('site absent after refusals').code).toBe(0);
  });

  test('--strict fails on any problem, left out or not, and writes nothing', async () => {
    for (const name of ['build --skip-invalid --strict', 'check --keep-going --strict']) {
      expect(result(name).code).toBe(1);
      expect(lines(result(name).stderr)).toEqual([...PROBLEMS, FAILED]);
    }
  });

  test('each flag belongs to its command: the other is bad usage (exit 2)', async () => {
    expect(result('build --keep-going')).toEqual({ code: 2, stdout: '', stderr: '--keep-going is for check; build takes --skip-invalid\n' });
    expect(result('check --skip-invalid')).toEqual({ code: 2, stdout: '', stderr: '--skip-invalid is for build; check takes --keep-going\n' });
  });
});

describe('check --keep-going and build --skip-invalid', () => {
  test('print the same problems as check, in the same words, and what was left out; exit 0', async () => {
    for (const name of ['check --keep-going', 'build --skip-invalid']) {
      expect(result(name).code).toBe(0);
      expect(lines(result(name).stderr)).toEqual([...PROBLEMS, SUMMARY]);
      // --quiet: nothing but problems.
      expect(result(name).stdout).toBe('');
    }
  });

  test('the valid articles are published, with the dates and tags written the way Jekyll writes them', async () => {
    const harbour = site.page('/news/harbour-wall/');
    expect(text(harbour('h1').text())).toBe('Harbour wall repaired');
    // 02:12:52 at +02:00 is 01:12:52 in London's summer time.
    expect(harbour('time').first().attr('datetime')).toBe('2013-05-06T01:12:52+01:00');
    expect(harbour('a[href="/tags/2013/"]').text()).toBe('2013');
    const tram = site.page('/news/tram-opens/');
    expect(text(tram('h1').text())).toBe('Tram line opens');
    expect(tram('.comment .comment-author').map((_, author) => text(tram(author).text())).get()).toEqual(['A Rider']);
    expect(tram('.comment .comment-body').map((_, body) => text(tram(body).text())).get()).toEqual(['Smooth ride, and on time.']);
  });

  test('no page, alias, tag page, list entry, feed item, sitemap line or search entry of a left-out article', async () => {
    const articlePages = site.files.filter((file) => /^news\/[^/]+\/index\.html$/.test(file));
    expect(articlePages).toEqual(['news/harbour-wall/index.html', 'news/tram-opens/index.html']);
    expect(site.files.filter((file) => file.startsWith('2013/'))).toEqual(['2013/05/06/harbour-wall/index.html']);
    expect(readFileSync(path.join(site.dir, '_redirects'), 'utf8')).toBe('/2013/05/06/harbour-wall/ /news/harbour-wall/ 301\n');
    expect(site.files.filter((file) => /^tags\/[^/]+\/index\.html$/.test(file))).toEqual(['tags/2013/index.html', 'tags/harbour/index.html', 'tags/transport/index.html']);

    const linked = (url: string) =>
      site.page(url)('main a[href^="/news/"]')
        .map((_, a) => a.attribs.href)
        .get()
        .filter((href) => href !== '/news/');
    for (const url of ['/', '/news/', '/authors/jane-doe/']) {
      expect(new Set(linked(url)), url).toEqual(new Set(['/news/harbour-wall/', '/news/tram-opens/']));
    }

    const rss = load(readFileSync(path.join(site.dir, 'feed.xml'), 'utf8'), { xml: true });
    expect(rss('item > link').map((_, link) => rss(link).text()).get()).toEqual(['https://archive.example.org/news/tram-opens/', 'https://archive.example.org/news/harbour-wall/']);
    const json = JSON.parse(readFileSync(path.join(site.dir, 'feed.json'), 'utf8')) as { items: { url: string }[] };
    expect(json.items.map((item) => item.url)).toEqual(['https://archive.example.org/news/tram-opens/', 'https://archive.example.org/news/harbour-wall/']);

    const sitemap = load(readFileSync(path.join(site.dir, 'sitemap.xml'), 'utf8'), { xml: true });
    expect(sitemap('url > loc').map((_, loc) => sitemap(loc).text()).get()).toEqual([
      'https://archive.example.org/',
      'https://archive.example.org/authors/',
      'https://archive.example.org/authors/jane-doe/',
      'https://archive.example.org/news/',
      'https://archive.example.org/news/harbour-wall/',
      'https://archive.example.org/news/tram-opens/',
      'https://archive.example.org/tags/',
      'https://archive.example.org/tags/2013/',
      'https://archive.example.org/tags/harbour/',
      'https://archive.example.org/tags/transport/',
    ]);

    // Pagefind keeps one fragment per indexed page: gzip, a signature, then JSON.
    const fragments = site.files.filter((file) => file.endsWith('.pf_fragment'));
    const indexed = fragments.map((file) => (JSON.parse(gunzipSync(readFileSync(path.join(site.dir, file))).subarray('pagefind_dcd'.length).toString('utf8')) as { url: string }).url);
    expect(indexed.sort()).toEqual(['/news/harbour-wall/', '/news/tram-opens/']);
  });

  test("no word of a left-out article or of the comment on one is in any file of the site", async () => {
    const everything = readdirSync(site.dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.pf_fragment') && !entry.name.endsWith('.pagefind') && !entry.name.endsWith('.pf_index'))
      .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
      .join('\n');
    for (const words of ['Council budget approved', 'Ferry timetable changes', 'Lighthouse restored', 'Lovely to see it lit again', 'A Reader', 'ferry-timetable', 'body-error', 'bad-date', 'unknown-author']) {
      expect(everything).not.toContain(words);
    }
  });
});
