import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli as runCliHere } from '../helpers/cli-in-process.js';
import { writeBuiltNewsroom, writeNewsroom, writeOutside } from '../helpers/newsroom.js';
import { readSite, type BuiltSite } from '../helpers/site-output.js';
import { treeSnapshot } from '../helpers/tree-snapshot.js';
import { packageCopy } from '../helpers/package-copy.js';
import { CANARY_VARIABLE, HOSTILE_CASES, type CaseFiles, type HostileCase } from './cases.js';
import { publicFilesOf } from './cases-svg-headers.js';

/**
 * Every hostile case goes through the real command line, with a secret in
 * the environment that no output file and no log may contain. Cases that
 * must be refused are built together (the build reports every problem at
 * once); cases that must render safely are built together too.
 */
const CLI = path.resolve('dist/cli.js');
const SECRET = `canary-${randomBytes(12).toString('hex')}`;

interface Run {
  root: string;
  /** The folder outside the newsroom that symbolic links of the cases point into. */
  outside: string;
  /** The command line run: ours, or a copy of Broadsheet with the cases' public/ files. */
  cli: string;
  /** Removes that copy. */
  copy?: (() => void) | undefined;
  /** Every file of the newsroom and of the folder outside it just before the run (see buildCases). */
  before?: { newsroom: Record<string, string>; outside: Record<string, string> } | undefined;
  code: number | null;
  signal: NodeJS.Signals | null;
  log: string;
  stderr: string;
}

/**
 * A newsroom with the cases' files, built by the CLI. With `afterGoodBuild`
 * the newsroom is built first without them, and the run records every file
 * of the newsroom and of the folder outside it as they were just before the
 * cases' build, to show that a refused build changed nothing.
 */
function buildCases(cases: readonly HostileCase[], { afterGoodBuild = false, args = [] as string[] } = {}): Run {
  // Built by our own command line: the cases' public/ files (hostile SVGs) would fail any build.
  const root = afterGoodBuild ? writeBuiltNewsroom() : writeNewsroom();
  const outside = writeOutside(SECRET);
  // Cases with files in public/ run a copy of Broadsheet that has them (the CLI reads public/ from beside itself).
  const publicFiles = publicFilesOf(cases);
  const copy = Object.keys(publicFiles).length > 0 ? packageCopy(publicFiles) : undefined;
  const where = { root, outside, cli: copy?.cli ?? CLI, copy: copy?.remove };
  const files: CaseFiles = Object.assign({}, ...cases.map((c) => c.files));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, 'content', file)), { recursive: true });
    if (typeof text === 'object' && 'symlink' in text) symlinkSync(path.join(outside, text.symlink), path.join(root, 'content', file));
    else writeFileSync(path.join(root, 'content', file), text);
  }
  const before = afterGoodBuild ? { newsroom: treeSnapshot(root), outside: treeSnapshot(outside) } : undefined;
  return { ...runCli(where, 'build', ...args), before };
}

/** `broadsheet <command> --no-cache …` in the run's newsroom, with the secret in its environment. */
function runCli(where: Pick<Run, 'root' | 'outside' | 'cli' | 'copy'>, command: 'build' | 'check', ...args: string[]): Run {
  const result = spawnSync(process.execPath, [where.cli, command, '--no-cache', ...args], {
    cwd: where.root,
    encoding: 'utf8',
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', [CANARY_VARIABLE]: SECRET },
  });
  return { ...where, code: result.status, signal: result.signal, log: result.stdout + result.stderr, stderr: result.stderr };
}

/** What a browser would run or follow as script, found with cheerio (independently of the build's own scan). */
function activeContent(page: CheerioAPI): string[] {
  const found: string[] = [];
  // The search script is the one script our templates write; the test below keeps it to the search page.
  page('script:not([type="application/ld+json"]):not([type="module"][src^="/js/search."]), iframe, object, embed, style, base, frame').each((_, el) => {
    found.push(`<${el.tagName}>`);
  });
  page('*').each((_, el) => {
    for (const [name, value] of Object.entries((el as { attribs?: Record<string, string> }).attribs ?? {})) {
      if (/^on/i.test(name)) found.push(`${name}=`);
      // eslint-disable-next-line no-control-regex
      const url = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (['href', 'src', 'srcset', 'action', 'formaction', 'poster'].includes(name) && /^(javascript|vbscript|data):/.test(url)) found.push(`${name}=${url.slice(0, 20)}`);
    }
  });
  return found;
}

const filesUnder = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)) : [];

const refusedCases = HOSTILE_CASES.filter((c) => 'refused' in c.outcome);
const safeCases = HOSTILE_CASES.filter((c) => 'renders' in c.outcome);
const runs: Run[] = [];

afterAll(() => {
  for (const run of runs) {
    for (const dir of [run.root, run.outside]) rmSync(dir, { recursive: true, force: true });
    run.copy?.();
  }
});

test('the suite holds at least 60 cases of every kind', () => {
  expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(60);
  const kinds = new Set(HOSTILE_CASES.map((c) => c.kind));
  expect([...kinds].sort()).toEqual(['body', 'comment', 'field', 'folder or link', 'front matter', 'limit', 'slug or path']);
  expect(new Set(HOSTILE_CASES.map((c) => c.name)).size).toBe(HOSTILE_CASES.length);
});

describe('content that must be refused', () => {
  let run: Run;
  beforeAll(() => {
    run = buildCases(refusedCases, { afterGoodBuild: true });
    runs.push(run);
  });

  test('the build exits 1 on its own (no hang, no signal), leaks no secret, and changes no file: the last site stays as it was', () => {
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.log).not.toContain(SECRET);
    expect(Object.keys(run.before?.newsroom ?? {}).filter((file) => file.startsWith('_site/')).length).toBeGreaterThan(10);
    expect(treeSnapshot(run.root)).toEqual(run.before?.newsroom);
    expect(treeSnapshot(run.outside)).toEqual(run.before?.outside);
  });

  test('check refuses the same content with the very same report', () => {
    const checked = runCli(run, 'check');
    expect(checked.code).toBe(1);
    expect(checked.stderr).toBe(run.stderr);
    expect(checked.log).not.toContain(SECRET);
    expect(treeSnapshot(run.root)).toEqual(run.before?.newsroom);
  });

  test('every line of the report names a content file, a hint, or the count: no stack trace, no nameless crash', () => {
    const lines = run.stderr.split('\n').filter(Boolean);
    for (const line of lines) {
      // A case's own public/ file (a hostile SVG) is named where the copy of Broadsheet that holds it is.
      expect(line).toMatch(/^(?:(?:content\/|\S*\/public\/).+?(?::\d+:\d+)? (?:error|warning): | {4}hint: |✖ \d+ errors? in the content)/);
    }
  });

  test.each(refusedCases.map((c) => [`${c.kind}: ${c.name}`, c] as const))('%s', (_name, hostile) => {
    if (!('refused' in hostile.outcome)) throw new Error('not a refused case');
    const expected = hostile.outcome.refused;
    const file = expected.file ?? `content/${Object.keys(hostile.files)[0]}`;
    const reported = run.stderr.split('\n').filter((line) => line.startsWith(`${file}:`) || line.startsWith(`${file} `));
    expect(reported.length, `nothing reported about ${file}`).toBeGreaterThan(0);
    const matching = reported.filter((line) => expected.message.test(line) && / error: /.test(line));
    expect(matching, reported.join('\n')).not.toEqual([]);
    if (expected.line !== undefined) expect(matching.some((line) => line.startsWith(`${file}:${expected.line}:`)), matching.join('\n')).toBe(true);
  });
});

describe('content that must render safely', () => {
  let run: Run;
  let site: BuiltSite;
  beforeAll(() => {
    run = buildCases(safeCases);
    runs.push(run);
    if (run.code === 0) site = readSite(path.join(run.root, '_site'));
  });

  test('the build succeeds and leaks no secret into any file or the log', () => {
    expect(run.code, run.log).toBe(0);
    expect(run.log).not.toContain(SECRET);
    const leaking = filesUnder(path.join(run.root, '_site')).filter((file) => readFileSync(file).includes(SECRET));
    expect(leaking).toEqual([]);
  });

  test('no page of the site holds a script, an event handler, a script URL or an embedded frame', () => {
    const unsafe = [...site.pages].flatMap(([url, page]) => activeContent(page).map((found) => `${url}: ${found}`));
    expect(unsafe).toEqual([]);
    expect([...site.pages].filter(([, page]) => page('script[src^="/js/search."]').length > 0).map(([url]) => url)).toEqual(['/search/']);
  });

  test('every file is written inside the output folder, and nothing outside it appeared', () => {
    expect(site.files.every((file) => !file.startsWith('..') && !path.isAbsolute(file))).toBe(true);
    expect(existsSync(path.join(run.root, 'deploy.sh'))).toBe(false);
    expect(readdirSync(run.root).sort()).toEqual(['_site', 'content']);
  });

  test.each(safeCases.map((c) => [`${c.kind}: ${c.name}`, c] as const))('%s', (_name, hostile) => {
    if (!('renders' in hostile.outcome)) throw new Error('not a rendering case');
    const { url, check, warning, file = `content/${Object.keys(hostile.files).find((f) => f.startsWith('articles/'))}` } = hostile.outcome.renders;
    const page = site.page(url);
    check?.(page);
    if (warning) {
      const about = run.stderr.split('\n').filter((line) => line.startsWith(`${file}:`) || line.startsWith(`${file} `));
      expect(about.some((line) => / warning: /.test(line) && warning.test(line)), run.stderr).toBe(true);
    }
  });
});

describe('limits', () => {
  test('a file that takes longer than the time limit is abandoned with an error naming it', () => {
    const slow = {
      name: 'slow emphasis',
      kind: 'body',
      files: { 'articles/slow.md': `---\ntitle: Slow\ndate: 2025-03-14\nauthors: [jane-doe]\ncategory: news\n---\n${'*a'.repeat(40_000)}\n` },
      outcome: { refused: { message: /./ } },
    } satisfies HostileCase;
    const run = buildCases([slow], { args: ['--time-limit', '1'] });
    runs.push(run);
    // The error is only reported once the file's worker was stopped at the limit (the
    // build did not wait for the file to finish): no wall-clock bound needed here.
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('content/articles/slow.md:7:1 error: rendering the Markdown took more than 1 s of CPU time, the limit for one file');
  });

  test('the page of a case renders as in a plain file when it has a BOM or CRLF line ends', async () => {
    const plain = '---\ntitle: Line ends\ndate: 2025-03-14T08:30:00\nauthors: [jane-doe]\ncategory: news\ntags: [Harbour]\n---\nOne *two* three.\n\n- a\n- b\n';
    const variants = [plain, `\uFEFF${plain}`, plain.replace(/\n/g, '\r\n'), `\uFEFF${plain.replace(/\n/g, '\r\n')}`];
    const bodies: string[] = [];
    // In this process: these builds are about reading the file, not about the process.
    for (const text of variants) {
      const root = writeNewsroom();
      runs.push({ root, outside: root, cli: CLI, code: null, signal: null, log: '', stderr: '' });
      writeFileSync(path.join(root, 'content/articles/line-ends.md'), text);
      const run = await runCliHere(['build', '--no-cache'], { cwd: root });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      bodies.push(readFileSync(path.join(root, '_site/news/line-ends/index.html'), 'utf8'));
    }
    expect(new Set(bodies).size).toBe(1);
    expect(load(bodies[0]!)('h1').text()).toBe('Line ends');
  });
});
