import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { afterAll, describe, expect, test } from 'vitest';
import { PortInUseError, startDevServer } from '../../src/serve/dev-server.js';
import { serve } from '../../src/serve/serve.js';
import { error } from '../../src/util/problems.js';
import { writeNewsroom } from '../helpers/newsroom.js';
import { validArticle } from '../helpers/sources.js';

const CLI = path.resolve('dist/cli.js');
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'serve-problems-'));
  folders.push(dir);
  return dir;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request as a browser makes it: a navigation unless `mode` says it is a script's fetch. */
function get(url: string, { mode = 'navigate', method = 'GET' }: { mode?: string; method?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(url, { method, headers: { 'sec-fetch-mode': mode } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    })
      .on('error', reject)
      .end();
  });
}

/** A port on 127.0.0.1 held by another listener, as another serve would hold it. */
async function occupyPort(port = 0): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port }, resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { port: address.port, server };
}

async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const PAGE = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<title>Home</title>\n</head>\n<body>\n<p>home</p>\n</body>\n</html>\n';

describe('the dev server', () => {
  test('before any good build, every address gets the problem page with status 503; the stylesheet and the live-reload script are served', async () => {
    const dir = tempDir();
    // What an earlier session left: not served until this session built.
    writeFileSync(path.join(dir, 'index.html'), PAGE);
    const server = await startDevServer(dir, { host: '127.0.0.1', port: 0 });
    try {
      const building = await get(server.url);
      expect(building.status).toBe(503);
      expect(load(building.body)('h1').text()).toBe('Building the site…');

      server.showStatus({ served: false, failed: true, problems: [error('content/articles/a.md', 'date: "2026-02-31" is not a real date', { position: { line: 4, column: 1 } })] });
      for (const address of ['', 'news/a/', 'css/site.css', 'no/such/page']) {
        const answer = await get(new URL(address, server.url).href);
        expect(answer.status).toBe(503);
        expect(answer.headers['retry-after']).toBe('2');
        const $ = load(answer.body);
        expect($('h1').text()).toBe('The site could not be built');
        expect($('#broadsheet-problems li').text()).toBe('content/articles/a.md:4:1 error: date: "2026-02-31" is not a real date');
        expect($('script[type=module]').attr('src')).toBe('/.11ty/reload-client.js');
      }
      const css = await get(new URL('/__broadsheet/problems.css', server.url).href, { mode: 'no-cors' });
      expect(css.status).toBe(200);
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(css.body).toContain('.broadsheet-problems');
      expect((await get(new URL('/__broadsheet/other.js', server.url).href)).status).toBe(404);
      const reloadScript = await get(new URL('/.11ty/reload-client.js', server.url).href, { mode: 'no-cors' });
      expect(reloadScript.status).toBe(200);
      expect(reloadScript.body).toContain('WebSocket');

      server.showStatus({ served: true, failed: false, problems: [] });
      const served = await get(server.url);
      expect(served.status).toBe(200);
      expect(load(served.body)('p').text()).toBe('home');
      expect(load(served.body)('#broadsheet-problems').length).toBe(0);
    } finally {
      await server.close();
    }
  });

  test('after a good build, problems are added to pages as they are sent: a fetch gets the file as it is, and the file is not changed', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'index.html'), PAGE);
    const server = await startDevServer(dir, { host: '127.0.0.1', port: 0 });
    try {
      server.showStatus({ served: true, failed: true, problems: [error('content/articles/<b>.md', 'title: <script>alert(1)</script>')] });
      const page = await get(server.url);
      expect(page.status).toBe(200);
      const $ = load(page.body);
      expect($('#broadsheet-problems li').text()).toBe('content/articles/<b>.md error: title: <script>alert(1)</script>');
      expect($('#broadsheet-problems summary').text()).toBe('✖ The site was not updated: 1 error');
      // The only script is the dev server's live reload.
      expect($('script').map((_, script) => $(script).attr('src')).get()).toEqual(['/.11ty/reload-client.js']);
      expect($('body > p').text()).toBe('home');
      expect(Number(page.headers['content-length'])).toBe(Buffer.byteLength(page.body));

      const fetched = await get(server.url, { mode: 'cors' });
      expect(fetched.body).toBe(PAGE);
      expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe(PAGE);

      // The output's own 404 page gets the panel too.
      writeFileSync(path.join(dir, '404.html'), PAGE.replace('home', 'not found'));
      const missing = await get(new URL('/no/such/page/', server.url).href);
      expect(missing.status).toBe(404);
      expect(load(missing.body)('#broadsheet-problems li').length).toBe(1);
    } finally {
      await server.close();
    }
  });

  test('a route of its own answers its prefix, with the methods it takes; elsewhere only GET and HEAD', async () => {
    const dir = tempDir();
    const server = await startDevServer(dir, {
      host: '127.0.0.1',
      port: 0,
      routes: [{ prefix: '/api/v1/', methods: ['POST'], handle: (_request, response) => void response.end('handled') }],
    });
    try {
      expect(await get(new URL('/api/v1', server.url).href, { method: 'POST', mode: 'cors' })).toMatchObject({ status: 200, body: 'handled' });
      expect(await get(new URL('/api/v1/', server.url).href, { method: 'GET', mode: 'cors' })).toMatchObject({ status: 405, body: '405 only POST is served\n' });
      expect(await get(new URL('/news/', server.url).href, { method: 'POST', mode: 'cors' })).toMatchObject({ status: 405, body: '405 only GET and HEAD are served\n' });
    } finally {
      await server.close();
    }
  });
});

describe('the port', () => {
  test('a port asked for that is in use is an error that says how to go on', async () => {
    const taken = await occupyPort();
    try {
      const attempt = startDevServer(tempDir(), { host: '127.0.0.1', port: taken.port });
      await expect(attempt).rejects.toThrow(PortInUseError);
      await expect(attempt).rejects.toThrow(`port ${taken.port} is in use (by another broadsheet serve?); stop it or pass --port 0 to pick a free one`);
    } finally {
      taken.server.close();
    }
  });

  test('the default port in use: the next free one, and which port was busy', async () => {
    const taken = await occupyPort();
    try {
      const server = await startDevServer(tempDir(), { host: '127.0.0.1', port: taken.port, portFallback: true });
      try {
        expect(server.busyPort).toBe(taken.port);
        expect(Number(new URL(server.url).port)).toBeGreaterThan(taken.port);
      } finally {
        await server.close();
      }
    } finally {
      taken.server.close();
    }
  });

  test('broadsheet serve without --port, 8080 in use: the port it moved to, on stderr before the address', async () => {
    // Held by this test, or already by something else: busy either way.
    const taken = await occupyPort(8080).catch(() => undefined);
    // A first build that fails is quick, and serve goes on to print its address.
    const root = writeNewsroom({ 'harbour-wall.md': validArticle({ date: '2025-02-31' }) });
    folders.push(root);
    const child = spawn(process.execPath, [CLI, 'serve', '--host', '127.0.0.1', '--quiet'], { cwd: root });
    try {
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const port = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
          const printed = /^Serving .* at http:\/\/127\.0\.0\.1:(\d+)\/ \(Ctrl\+C to stop\)$/m.exec(stdout)?.[1];
          if (printed) resolve(printed);
        });
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${stdout}\n${stderr}`)));
      });
      expect(Number(port)).toBeGreaterThan(8080);
      // After the build's problems, as the last line before the address.
      expect(stderr.endsWith(`✖ 1 error in the content; nothing was written\n✖ port 8080 is in use; serving on ${port} instead\n`)).toBe(true);
    } finally {
      child.kill();
      taken?.server.close();
    }
  });

  test('broadsheet serve --port N with N in use: exit 1 with one line, and nothing built', async () => {
    const taken = await occupyPort();
    try {
      const root = writeNewsroom();
      folders.push(root);
      const result = spawnSync(process.execPath, [CLI, 'serve', '--host', '127.0.0.1', '--port', String(taken.port)], { cwd: root, encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`✖ port ${taken.port} is in use (by another broadsheet serve?); stop it or pass --port 0 to pick a free one\n`);
      expect(existsSync(path.join(root, '_site'))).toBe(false);
    } finally {
      taken.server.close();
    }
  });
});

test('serve whose first build fails: the problem page until the content is fixed, then the site', async () => {
  const root = writeNewsroom({ 'harbour-wall.md': validArticle({ date: '2025-02-31' }) });
  folders.push(root);
  const articleFile = path.join(root, 'content/articles/harbour-wall.md');
  const builds: Array<'good' | 'failed'> = [];
  let address = '';
  const served = await serve({
    contentDir: path.join(root, 'content'),
    outDir: path.join(root, '_site'),
    cacheDir: path.join(root, 'cache'),
    workers: 0,
    port: 0,
    host: '127.0.0.1',
    onBuild: ({ result }) => builds.push(result ? 'good' : 'failed'),
    onPreview: () => {},
    onUpdate: () => {},
    onReady: (url) => (address = url),
  });
  try {
    expect(builds).toEqual(['failed']);
    const page = await get(new URL('news/harbour-wall/', address).href);
    expect(page.status).toBe(503);
    const $ = load(page.body);
    expect($('h1').text()).toBe('The site could not be built');
    expect($('#broadsheet-problems li').text().startsWith(`${articleFile}:3:1 error: date: `)).toBe(true);
    expect($('.broadsheet-problems-note').text()).toContain('this page reloads by itself when the site builds');

    writeFileSync(articleFile, validArticle());
    const fixed = await until(async () => {
      const answer = await get(new URL('news/harbour-wall/', address).href);
      return answer.status === 200 ? answer : undefined;
    });
    expect(builds).toEqual(['failed', 'good']);
    expect(load(fixed.body)('h1').first().text()).toBe('Harbour wall repaired');
    expect(load(fixed.body)('#broadsheet-problems').length).toBe(0);
  } finally {
    await served.close();
  }
});
