import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { writeNewsroom } from './helpers/newsroom.js';
import { runCli } from './helpers/cli-in-process.js';
import { copySharedCache } from './helpers/shared-sample.js';
import { validArticle } from './helpers/sources.js';

const CLI = path.resolve('dist/cli.js');
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function newsroom(articles?: Record<string, string>): string {
  const root = writeNewsroom(articles);
  roots.push(root);
  return root;
}

/** The command line in a process of its own, as an operator runs it. */
function spawnCli(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The command line in this process (tests/helpers/cli-in-process.ts): the same code, without a Node start per run. */
const run = (cwd: string, ...args: string[]) => runCli(args, { cwd, env: { NO_COLOR: '1' } });

const listing = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name), 'utf8')])
    .sort();

describe('broadsheet build', () => {
  test('builds into _site by default and reports each stage', () => {
    const root = newsroom();
    const { code, stdout } = spawnCli(root, 'build');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}load +\d+ files read +\d+ ms$/m);
    expect(stdout).toMatch(/^ {2}render +\d+ Markdown files rendered/m);
    expect(stdout).toMatch(/^✔ built \d+ files from 2 articles into _site in [\d.]+ s$/m);
    expect(existsSync(path.join(root, '_site/news/harbour-wall/index.html'))).toBe(true);
  });

  test('--quiet prints nothing when all is well, also for the sample newsroom', async () => {
    expect(await run(newsroom(), 'build', '--quiet')).toEqual({ code: 0, stdout: '', stderr: '' });
    const root = newsroom();
    // The shared build's encoded images, so that only this build's own work is timed here.
    const cacheDir = copySharedCache(path.join(root, 'cache'));
    expect(await run(root, 'build', '--quiet', '--content', path.resolve('content'), '--cache-dir', cacheDir)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('file names and values that hold terminal controls are printed escaped, one line per problem', async () => {
    const root = newsroom({
      'evil\n✔ built 12 files from 3 articles into _site in 1.00 s.md': validArticle(),
      'b.md': validArticle({ date: '"\\e[2J\\e]0;owned\\a 2025"' }),
    });
    for (const command of ['check', 'build']) {
      const { code, stdout, stderr } = await run(root, command);
      expect(code).toBe(1);
      const output = stdout + stderr;
      // eslint-disable-next-line no-control-regex
      expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(output.split('\n').filter((line) => line.startsWith('✔'))).toEqual([]);
      expect(stderr).toContain('content/articles/evil\\n✔ built 12 files from 3 articles into _site in 1.00 s.md error: the file name gives the article slug "evil\\n✔ built');
      expect(stderr).toContain('\\u001b[2J\\u001b]0;owned\\u0007 2025');
    }
  });

  test('errors in several files are all printed, exit 1, and nothing is written', async () => {
    const root = newsroom({
      'a.md': validArticle({ date: '2024-02-30' }),
      'b.md': validArticle({ authors: '[jane-do]' }),
      'c.md': '---js\n{ title: "x" }\n---\n',
    });
    const { code, stderr } = await run(root, 'build', '--out', 'public_html');
    expect(code).toBe(1);
    expect(stderr.split('\n')).toEqual([
      'content/articles/a.md:3:1 error: date: "2024-02-30" is not a real date: February 2024 has 29 days',
      '    hint: the last day of February 2024 is 2024-02-29',
      'content/articles/b.md:4:11 error: unknown author "jane-do"',
      '    hint: did you mean "jane-doe"?',
      'content/articles/c.md:1:4 error: front matter written in "js" is refused: only YAML is read',
      '    hint: remove "js" after the opening ---',
      '✖ 3 errors in the content; nothing was written',
      '',
    ]);
    // The render cache may be written; the output folder is not.
    expect(readdirSync(root).filter((name) => name !== '.cache')).toEqual(['content']);
  });

  test('a failed build leaves the previous site exactly as it was', async () => {
    const root = newsroom();
    expect((await run(root, 'build')).code).toBe(0);
    const before = listing(path.join(root, '_site'));
    writeFileSync(path.join(root, 'content/articles/tram.md'), validArticle({ category: 'weather' }));
    expect((await run(root, 'build')).code).toBe(1);
    expect(listing(path.join(root, '_site'))).toEqual(before);
    expect(readdirSync(root).filter((name) => name !== '.cache').sort()).toEqual(['_site', 'content']);
  });

  test('a deleted article leaves no stale page behind', async () => {
    const root = newsroom();
    await run(root, 'build');
    rmSync(path.join(root, 'content/articles/tram.md'));
    expect((await run(root, 'build')).code).toBe(0);
    expect(existsSync(path.join(root, '_site/business/tram/index.html'))).toBe(false);
    expect(existsSync(path.join(root, '_site/news/harbour-wall/index.html'))).toBe(true);
  });

  test('warnings are printed but pass; --strict makes them fail', async () => {
    const root = newsroom({ 'a.md': validArticle({ layout: 'evil.njk' }) });
    const relaxed = await run(root, 'build');
    expect(relaxed.code).toBe(0);
    expect(relaxed.stderr).toContain('content/articles/a.md:7:1 warning: "layout" has no effect');
    const strict = await run(root, 'build', '--strict', '--out', 'strict');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('✖ 1 warning, and --strict treats warnings as errors; nothing was written');
    expect(existsSync(path.join(root, 'strict'))).toBe(false);
  });

  test('refuses an output folder that would replace the content', async () => {
    const root = newsroom();
    const { code, stderr } = await run(root, 'build', '--out', '.');
    expect(code).toBe(1);
    expect(stderr).toMatch(/refusing to replace .*: it holds/);
    expect(existsSync(path.join(root, 'content/site.yml'))).toBe(true);
  });

  test('--base-url changes canonical addresses', async () => {
    const root = newsroom();
    await run(root, 'build', '--base-url', 'https://preview.example.net/');
    const html = readFileSync(path.join(root, '_site/news/harbour-wall/index.html'), 'utf8');
    expect(html).toContain('<link rel="canonical" href="https://preview.example.net/news/harbour-wall/">');
  });

  test('unknown options and commands exit 2 with one line that points to --help', () => {
    expect(spawnCli(newsroom(), 'build', '--colour')).toMatchObject({ code: 2, stdout: '', stderr: 'unknown option --colour; run "broadsheet --help" for the list\n' });
    expect(spawnCli(newsroom(), 'publish')).toMatchObject({ code: 2, stdout: '', stderr: 'unknown command "publish"; run "broadsheet --help" for the list\n' });
  });
});

describe('broadsheet check', () => {
  test('reports all problems and writes nothing', async () => {
    const root = newsroom({ 'a.md': validArticle({ category: 'nwes' }), 'b.md': validArticle({ title: '""' }) });
    const { code, stderr } = await run(root, 'check');
    expect(code).toBe(1);
    expect(stderr).toContain('content/articles/a.md:5:1 error: unknown section "nwes"\n    hint: did you mean "news"?');
    expect(stderr).toContain('content/articles/b.md:2:1 error: title: must not be empty');
    // check writes nothing but the render cache, which the build after it reads.
    expect(readdirSync(root)).toEqual(['.cache', 'content']);
    expect(readdirSync(path.join(root, '.cache'))).toEqual(['broadsheet']);
    // With --no-cache, nothing at all.
    const bare = newsroom({ 'a.md': validArticle({ category: 'nwes' }) });
    expect((await run(bare, 'check', '--no-cache')).code).toBe(1);
    expect(readdirSync(bare)).toEqual(['content']);
  });

  test('passes on good content', async () => {
    const { code, stdout } = await run(newsroom(), 'check');
    expect(code).toBe(0);
    expect(stdout).toContain('✔ 2 articles, 2 authors, 2 sections, 0 pages: no errors');
  });
});

test('npm run build forwards --content and --out', () => {
  const root = newsroom();
  // npm runs the script in the package's folder: the cache goes to the newsroom, not into the repository.
  const cacheDir = path.join(root, '.cache');
  const result = spawnSync('npm', ['run', '--silent', 'build', '--', '--content', path.join(root, 'content'), '--out', path.join(root, 'out'), '--cache-dir', cacheDir, '--quiet'], {
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  expect(existsSync(path.join(root, 'out/news/harbour-wall/index.html'))).toBe(true);
  expect(existsSync(cacheDir)).toBe(true);
});

test('serve rebuilds an edited article, serves it and tells the browser to reload', async () => {
  const root = newsroom();
  // Port 0: the system picks a free one (a busy port given with --port is an error).
  const server = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let socket: WebSocket | undefined;
  try {
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await waitFor(() => /Serving .* at (http:\/\/\S+)/.exec(output)?.[1]);
    const page = new URL('news/harbour-wall/', url).href;
    // Asked for as a browser navigates, the page gets the dev server's live-reload client.
    const first = await navigate(page);
    expect(first).toContain('Harbour wall repaired');
    expect(first).toMatch(/<script type="module"[^>]*src="\/\.11ty\/reload-client\.js"/);

    socket = new WebSocket(url.replace('http', 'ws'));
    const messages: string[] = [];
    socket.on('message', (data) => messages.push(String(data)));
    await new Promise((resolve) => socket!.once('open', resolve));

    writeFileSync(path.join(root, 'content/articles/harbour-wall.md'), validArticle({ title: 'Harbour wall rebuilt in stone' }));
    await waitFor(async () => ((await (await fetch(page)).text()).includes('Harbour wall rebuilt in stone') ? true : undefined));
    await waitFor(() => (messages.some((m) => JSON.parse(m).type === 'eleventy.reload') ? true : undefined));
    // The edited page went out ahead of the full rebuild, which then updated the lists.
    expect(output).toMatch(/^↻ \/news\/harbour-wall\/ updated in \d+ ms; updating the pages it affects$/m);
    await waitFor(async () => ((await (await fetch(new URL('news/', url))).text()).includes('Harbour wall rebuilt in stone') ? true : undefined));
  } finally {
    socket?.close();
    server.kill();
  }
});

/** GET as a browser tab would; fetch() cannot send Sec-Fetch-Mode: navigate. */
function navigate(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'sec-fetch-mode': 'navigate' } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve(probe()).catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
