import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { importWordPress } from '../../../src/import/wordpress/import-wordpress.js';
import type { ImportEvent } from '../../../src/import/types.js';
import { build, checkContent } from '../../../src/stages/build.js';
import { formatProblem } from '../../../src/util/problems.js';

/*
 * The WordPress fixture export (The Marlow Bay Gazette, written for these
 * tests) through the real command, compared file by file with the expected
 * newsroom; then checked and built, and every old address, featured image
 * and approved comment looked for in the built site.
 */

const FIXTURE = path.resolve('tests/fixtures/import/wordpress/newsroom');
const EXPECTED = path.join(FIXTURE, 'expected');
const CLI = path.resolve('dist/cli.js');
const PUBLIC = path.resolve('public');
const NOW = Date.parse('2026-12-01T12:00:00Z');

let work: string;
let first: ReturnType<typeof run>;

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The export is copied beside the newsroom, so that the report names it as a user would: export.xml.
const importArgs = () => ['import', 'wordpress', 'export.xml', '--content', 'content', '--public', 'imported-public', '--uploads', path.join(FIXTURE, 'uploads')];

/** Every file below `dir`, relative with `/`, and its bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(dir, name);
    if (readdirSync(path.dirname(full), { withFileTypes: true }).find((entry) => entry.name === path.basename(full))?.isFile()) files.set(name.split(path.sep).join('/'), readFileSync(full));
  }
  return files;
}

/** What the import wrote: content/, the public files it copied, and the report. */
function imported(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const [name, bytes] of tree(path.join(work, 'content'))) files.set(`content/${name}`, bytes);
  for (const [name, bytes] of tree(path.join(work, 'imported-public'))) files.set(`public/${name}`, bytes);
  files.set('import-report.md', readFileSync(path.join(work, 'import-report.md')));
  return files;
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'broadsheet-wordpress-'));
  cpSync(path.join(FIXTURE, 'export.xml'), path.join(work, 'export.xml'));
  first = run(...importArgs());
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('broadsheet import wordpress', () => {
  test('writes the expected newsroom, byte for byte', () => {
    expect(first.stderr).not.toMatch(/✖/);
    expect(first.code).toBe(0);
    const actual = imported();
    if (process.env['UPDATE']) {
      rmSync(EXPECTED, { recursive: true, force: true });
      for (const [name, bytes] of actual) {
        mkdirSync(path.dirname(path.join(EXPECTED, name)), { recursive: true });
        writeFileSync(path.join(EXPECTED, name), bytes);
      }
    }
    const expected = tree(EXPECTED);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, bytes] of expected) expect({ name, text: actual.get(name)?.toString('latin1') }).toEqual({ name, text: bytes.toString('latin1') });
  });

  test('prints the counts and says where the report is', () => {
    expect(first.stdout).toMatch(/^ {7}4 articles\n {7}4 authors\n {7}4 comments\n/m);
    expect(first.stdout).toMatch(/^ {7}3 pages$/m);
    expect(first.stdout.split('\n').at(-2)).toBe('✔ 28 files written, 0 unchanged, 0 kept; the report is in import-report.md');
    expect(first.stderr).toMatch(/^skipped: not imported: password-protected \(from export\.xml:\d+ \(post 15 “Subscribers' letter”\)\)$/m);
  });

  test('nothing lands outside the content and public folders, whatever the export names', () => {
    const everything = readdirSync(work, { recursive: true, encoding: 'utf8' }).map((name) => name.split(path.sep)[0]);
    expect(new Set(everything)).toEqual(new Set(['export.xml', 'content', 'imported-public', 'import-report.md']));
    const names = [...imported().keys()];
    expect(names.filter((name) => /\.\.|passwd|secret|escape|(?:^|\/)con(?:\.|\/|$)/i.test(name))).toEqual([]);
  });

  test('importing the same export again writes nothing new, and keeps an editor’s change', () => {
    const before = imported();
    const again = run(...importArgs());
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^✔ 0 files written, 28 unchanged, 0 kept;/m);
    const files = (all: Map<string, Buffer>) => new Map([...all].filter(([name]) => name !== 'import-report.md'));
    expect(files(imported())).toEqual(files(before));

    const story = path.join(work, 'content/articles/2019/2019-05-14-harbour-wall-first-stones.md');
    const edited = readFileSync(story, 'utf8').replace('Masons set', 'Stonemasons set');
    writeFileSync(story, edited);
    const third = run(...importArgs());
    expect(third.stderr).toMatch(/^kept content\/articles\/2019\/2019-05-14-harbour-wall-first-stones\.md: changed since the last import/m);
    expect(readFileSync(story, 'utf8')).toBe(edited);
    const forced = run(...importArgs(), '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(story)).toEqual(before.get('content/articles/2019/2019-05-14-harbour-wall-first-stones.md'));
  });
});

describe('importWordPress without --uploads', () => {
  test('images stay at their web addresses, no lead image is set, and the report says why', async () => {
    const events: ImportEvent[] = [];
    for await (const event of importWordPress({ source: path.join(FIXTURE, 'export.xml') })) events.push(event);
    const files = new Map(events.flatMap((event) => (event.type === 'file' ? [[`${event.root}/${event.path}`, String(event.content)]] : [])));
    expect([...files.keys()].filter((name) => name.startsWith('public/'))).toEqual([]);
    const regatta = files.get('content/articles/2019/2019-06-02-regatta-day.md') ?? '';
    expect(regatta).toContain('![The orange lifeboat waiting off the pier](https://gazette.example/wp-content/uploads/2019/06/lifeboat.jpg "The lifeboat crew stood by all afternoon")');
    expect(regatta).not.toMatch(/^image:/m);
    const warnings = events.flatMap((event) => (event.type === 'notice' && event.kind === 'warning' ? [event.message] : []));
    expect(warnings).toContain('13 addresses of uploaded files were kept as remote addresses, and no featured image was imported: give --uploads with a copy of wp-content/uploads to copy them into public/');
  });
});

describe('the imported newsroom, checked and built', () => {
  let site: string;
  let publicDir: string;
  let page: (sitePath: string) => CheerioAPI;

  beforeAll(async () => {
    // The site's own stylesheet and fonts, with the copied uploads beside them.
    publicDir = path.join(work, 'site-public');
    cpSync(PUBLIC, publicDir, { recursive: true });
    cpSync(path.join(work, 'imported-public'), publicDir, { recursive: true });
    site = path.join(work, 'site');
    await build({ contentDir: path.join(work, 'content'), publicDir, outDir: site, cacheDir: path.join(work, 'cache'), now: NOW, workers: 0 });
    page = (sitePath) => load(readFileSync(path.join(site, sitePath, 'index.html'), 'utf8'));
  });

  test('check finds no errors', async () => {
    const { problems } = await checkContent({ contentDir: path.join(work, 'content'), publicDir, now: NOW, workers: 0 });
    expect(problems.filter((problem) => problem.severity === 'error').map(formatProblem)).toEqual([]);
  });

  test('every old address leads to its new one: a redirect page and a _redirects line', () => {
    const report = readFileSync(path.join(work, 'import-report.md'), 'utf8');
    const moves = [...report.matchAll(/^\| (\/[^ ]*) \| (\/[^ ]*) \|$/gm)].map(([, from, to]) => [from?.replace(/\\(.)/g, '$1'), to?.replace(/\\(.)/g, '$1')] as [string, string]);
    expect(moves.length).toBeGreaterThan(10);
    const redirects = readFileSync(path.join(site, '_redirects'), 'utf8').split('\n');
    // The scheduled story's old address starts working when the story is published, as the story does.
    const scheduled = moves.filter(([, to]) => to === '/sport/centenary-regatta/');
    expect(scheduled).toHaveLength(1);
    for (const [from, to] of scheduled) expect(redirects).not.toContain(`${from} ${to} 301`);
    for (const [from, to] of moves.filter((move) => !scheduled.includes(move))) {
      expect(redirects).toContain(`${from} ${to} 301`);
      expect(page(from)('link[rel="canonical"]').attr('href')).toBe(`https://gazette.example${to}`);
      expect(existsSync(path.join(site, to, 'index.html')), `${to} is built`).toBe(true);
    }
  });

  test('every featured image is on its article page', () => {
    const expectations = [
      ['/news/harbour-wall-first-stones/', 'Masons lowering a granite block onto the harbour wall'],
      ['/sport/regatta-day/', 'Dinghies rounding the harbour buoy'],
    ] as const;
    for (const [address, alt] of expectations) {
      const lead = page(address)(`img[alt="${alt}"]`).first();
      expect(lead.attr('fetchpriority'), address).toBe('high');
    }
  });

  test('every approved comment is on its page, replies under the comment they answer', () => {
    const content = path.join(work, 'content/comments/harbour-wall-first-stones');
    const files = readdirSync(content).sort();
    expect(files).toHaveLength(4);
    const $ = page('/news/harbour-wall-first-stones/');
    const shown = $('.comments').text().replace(/\s+/g, ' ');
    for (const file of files) {
      const comment = parseYaml(readFileSync(path.join(content, file), 'utf8')) as { name: string; body: string };
      expect(shown).toContain(comment.name);
      expect(shown).toContain(comment.body.trim().split(/[\n[]/)[0]);
    }
    expect(shown).not.toContain('Buy now');
    expect(shown).not.toContain('Still waiting for moderation');
  });
});
