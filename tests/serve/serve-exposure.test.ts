import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { connect, isIPv6 } from 'node:net';
import { endianness } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { writeNewsroom } from '../helpers/newsroom.js';
import { HOSTILE_PATHS } from './hostile-paths.js';

// `broadsheet serve` through the real CLI (build it first: npx tsc -p
// tsconfig.build.json). Every request goes to a loopback address read from
// the process's listening socket, over raw TCP so that the test, not an
// HTTP client, decides the Host header and the bytes of the path.

const CLI = path.resolve('dist/cli.js');
/** A file next to the output folder, under a name that begins with the output folder's. */
const SIBLING_SECRET = 'sibling-secret-9f2c1e';

interface Served {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  url: URL;
  port: number;
  /** Every address the process listens on, from /proc. */
  listening: Array<{ address: string; port: number }>;
  /** A loopback address it listens on, for the requests. */
  address: string;
}

async function startServe(root: string, ...args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<URL>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const printed = /^Serving .* at (http:\/\/\S+) \(Ctrl\+C to stop\)$/m.exec(stdout)?.[1];
      if (printed) resolve(new URL(printed));
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${stdout}\n${stderr}`)));
  });
  const port = Number(url.port);
  const listening = listeningSockets(child.pid!);
  const address = listening.find((socket) => socket.port === port)?.address;
  if (!address) throw new Error(`serve printed port ${port} but listens on ${JSON.stringify(listening)}`);
  return { child, stdout: () => stdout, stderr: () => stderr, url, port, listening, address };
}

/** The local addresses of the process's listening TCP sockets, from /proc (Linux). */
function listeningSockets(pid: number): Array<{ address: string; port: number }> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
      if (inode) inodes.add(inode);
    } catch {
      // Closed while we looked.
    }
  }
  const sockets: Array<{ address: string; port: number }> = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').trim().split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [hexAddress = '', hexPort = ''] = (fields[1] ?? '').split(':');
      // State 0A is LISTEN; the tenth field is the socket's inode.
      if (fields[3] === '0A' && inodes.has(fields[9] ?? '')) sockets.push({ address: procAddress(hexAddress), port: Number.parseInt(hexPort, 16) });
    }
  }
  return sockets;
}

/** /proc/net/tcp prints addresses as 32-bit words in the machine's byte order. */
function procAddress(hex: string): string {
  const bytes: number[] = [];
  for (let word = 0; word < hex.length; word += 8) {
    const wordBytes = hex.slice(word, word + 8).match(/../g)!.map((pair) => Number.parseInt(pair, 16));
    bytes.push(...(endianness() === 'LE' ? wordBytes.reverse() : wordBytes));
  }
  if (bytes.length === 4) return bytes.join('.');
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  const full = groups.join(':');
  if (full === '0:0:0:0:0:0:0:1') return '::1';
  if (full === '0:0:0:0:0:0:0:0') return '::';
  const mapped = /^0:0:0:0:0:ffff:/.test(full) ? `::ffff:${bytes.slice(12).join('.')}` : full;
  return mapped;
}

const isLoopbackAddress = (address: string) => /^127\./.test(address) || address === '::1' || /^::ffff:127\./.test(address);

interface RawResponse {
  status: number;
  head: string;
  body: string;
}

/** Send `text` as it is and read the whole answer; the server closes after one response (Connection: close). */
function raw(served: Served, text: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: served.address, port: served.port });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const answer = Buffer.concat(chunks).toString('latin1');
      const split = answer.indexOf('\r\n\r\n');
      const head = split < 0 ? answer : answer.slice(0, split);
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3}) /.exec(head)?.[1] ?? Number.NaN), head, body: split < 0 ? '' : answer.slice(split + 4) });
    });
    socket.end(Buffer.from(text, 'latin1'));
  });
}

function request(served: Served, target: string, { method = 'GET', host = `localhost:${served.port}`, headers = '' } = {}): Promise<RawResponse> {
  return raw(served, `${method} ${target} HTTP/1.1\r\nHost: ${host}\r\n${headers}Connection: close\r\n\r\n`);
}

/** Open the live-reload socket as a page with the given Origin would; the first message, or the refusal's status. */
function openReloadSocket(served: Served, origin: string): Promise<{ message: unknown } | { status: number }> {
  const host = isIPv6(served.address) ? `[${served.address}]` : served.address;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://${host}:${served.port}/`, { origin });
    socket.once('message', (data) => {
      resolve({ message: JSON.parse(String(data)) });
      socket.close();
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve({ status: response.statusCode ?? Number.NaN });
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

const roots: string[] = [];
const children: ChildProcessWithoutNullStreams[] = [];
afterAll(() => {
  for (const child of children) child.kill();
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

async function newsroomServed(...args: string[]): Promise<Served> {
  const root = writeNewsroom();
  roots.push(root);
  // Eleventy's dev server took any path that began with the output folder's name as inside it.
  mkdirSync(path.join(root, '_site-private'));
  writeFileSync(path.join(root, '_site-private', 'secret.txt'), SIBLING_SECRET);
  const served = await startServe(root, ...args);
  children.push(served.child);
  return served;
}

describe('broadsheet serve by default', () => {
  let served: Served;
  beforeAll(async () => {
    served = await newsroomServed();
  });

  /** The server still answers an ordinary request, with the page. */
  async function stillServing(): Promise<void> {
    const home = await request(served, '/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('</html>');
  }

  test('listens on loopback addresses only, on the port it prints, at localhost', () => {
    expect(served.url.href).toBe(`http://localhost:${served.port}/`);
    expect(served.listening.length).toBeGreaterThan(0);
    for (const socket of served.listening) expect(isLoopbackAddress(socket.address), `${socket.address} port ${socket.port}`).toBe(true);
  });

  test.each(HOSTILE_PATHS)('%s gets %i and the server goes on answering', async (target, status) => {
    const answer = await request(served, target);
    expect(answer.status).toBe(status);
    expect(answer.body).not.toMatch(/root:/);
    await stillServing();
  });

  test.each(['/..%2f_site-private%2fsecret.txt', '/%2e%2e/_site-private/secret.txt', '/../_site-private/secret.txt'])(
    '%s does not reach the folder beside the output',
    async (target) => {
      const answer = await request(served, target);
      expect(answer.status).toBe(400);
      expect(answer.body).not.toContain(SIBLING_SECRET);
      await stillServing();
    },
  );

  test('a path too long for the request head gets 431 from Node, and the server goes on', async () => {
    expect((await request(served, `/${'a'.repeat(20_000)}`)).status).toBe(431);
    await stillServing();
  });

  test.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'])('%s gets 405 naming GET and HEAD', async (method) => {
    const answer = await request(served, '/', { method, headers: 'Content-Length: 0\r\n' });
    expect(answer.status).toBe(405);
    expect(answer.head).toMatch(/^Allow: GET, HEAD$/im);
    await stillServing();
  });

  test('a method that is not HTTP at all gets 400, and the server goes on', async () => {
    expect((await request(served, '/', { method: 'B@D' })).status).toBe(400);
    await stillServing();
  });

  test('HEAD is answered', async () => {
    expect((await request(served, '/', { method: 'HEAD' })).status).toBe(200);
  });

  test('the page is served under its own names: localhost, 127.0.0.1, [::1]', async () => {
    for (const host of [`localhost:${served.port}`, `127.0.0.1:${served.port}`, `[::1]:${served.port}`]) {
      expect((await request(served, '/news/harbour-wall/', { host })).status, host).toBe(200);
    }
  });

  test.each(['evil.example', 'evil.example:PORT', 'localhost:1', '127.0.0.1.nip.io:PORT'])('Host %s gets 421 (DNS rebinding)', async (host) => {
    const answer = await request(served, '/', { host: host.replace('PORT', String(served.port)) });
    expect(answer.status).toBe(421);
    expect(answer.body).toBe('421 this server does not answer to that host name\n');
  });

  test('a request without Host gets 400', async () => {
    expect((await raw(served, 'GET / HTTP/1.0\r\n\r\n')).status).toBe(400);
  });

  test('a request from another site’s page gets 403; from the preview’s own, the page', async () => {
    const foreign = await request(served, '/', { headers: 'Origin: http://evil.example\r\n' });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toBe('403 requests from other sites are refused\n');
    expect((await request(served, '/', { headers: `Origin: http://localhost:${served.port}\r\n` })).status).toBe(200);
  });

  test('the live-reload socket opens for the page’s own origin and refuses a foreign one', async () => {
    const own = isIPv6(served.address) ? `http://[${served.address}]:${served.port}` : `http://${served.address}:${served.port}`;
    expect(await openReloadSocket(served, own)).toEqual({ message: { type: 'eleventy.status', status: 'connected' } });
    expect(await openReloadSocket(served, `http://localhost:${served.port}`)).toEqual({ message: { type: 'eleventy.status', status: 'connected' } });
    expect(await openReloadSocket(served, 'http://evil.example')).toEqual({ status: 403 });
    expect(await openReloadSocket(served, 'null')).toEqual({ status: 403 });
  });

  test('the live-reload socket refuses a foreign Host', async () => {
    const handshake =
      `GET / HTTP/1.1\r\nHost: evil.example:${served.port}\r\nOrigin: http://evil.example:${served.port}\r\n` +
      'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';
    expect((await raw(served, handshake)).status).toBe(421);
    await stillServing();
  });

  test('printed no warning about the network, and is still running', () => {
    expect(served.stderr()).not.toContain('⚠');
    expect(served.child.exitCode).toBeNull();
  });
});

test('--host 127.0.0.2 listens there, answers to that name, and warns of nothing (a loopback address)', async () => {
  const served = await newsroomServed('--host', '127.0.0.2');
  expect(served.url.href).toBe(`http://127.0.0.2:${served.port}/`);
  expect(served.listening).toEqual([{ address: '127.0.0.2', port: served.port }]);
  expect((await request(served, '/', { host: `127.0.0.2:${served.port}` })).status).toBe(200);
  expect((await request(served, '/', { host: `evil.example:${served.port}` })).status).toBe(421);
  expect(served.stderr()).not.toContain('⚠');
});

test.each(['abc', '-1', '70000', '80.5'])('--port %s is refused before anything is built', (port) => {
  const root = writeNewsroom();
  roots.push(root);
  const result = spawnSync(process.execPath, [CLI, 'serve', `--port=${port}`], { cwd: root, encoding: 'utf8' });
  expect(result.status).toBe(2);
  expect(result.stderr).toBe(`--port must be a whole number from 0 to 65535, not "${port}"\n`);
});
