import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer as createSocketServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { startDevServer } from '../../src/serve/dev-server.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dev-server-'));
writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Home</title><p>home</p>');
// A Unix socket in the output: the dev server finds it as a file, then cannot read it.
const unreadable = createSocketServer().listen(path.join(dir, 'unreadable'));
afterAll(async () => {
  await new Promise((resolve) => unreadable.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

test('an error inside the dev server is a 500, and the next request is served', async () => {
  const server = await startDevServer(dir, { host: '127.0.0.1', port: 0 });
  server.showStatus({ served: true, failed: false, problems: [] });
  try {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await get(new URL('unreadable', server.url).href)).toEqual({ status: 500, body: '500 the file could not be read; reload the page\n' });
    const home = await get(server.url);
    expect(home.status).toBe(200);
    expect(home.body).toContain('<p>home</p>');
  } finally {
    await server.close();
  }
});
