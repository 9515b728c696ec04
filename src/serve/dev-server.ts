import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import type { Duplex } from 'node:stream';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import { allowedHosts, bindAddress, previewUrl } from './hosts.js';
import type { CmsBackend } from './cms-backend.js';
import { checkBackendRequest, checkRequest, checkUpgrade, type Verdict } from './request-guard.js';

/** Ports tried after a busy one, as Eleventy's dev server did. */
const PORT_RETRIES = 10;

export interface DevServer {
  /** The address to open in a browser, with the port actually bound. */
  url: string;
  /** Tell every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

/**
 * Serve a folder with Eleventy's dev server (its page lookup, 404 page and
 * live reload), behind our own listening socket: bound to `host`, every
 * request and WebSocket upgrade checked by the request guard before the dev
 * server sees it, and any error it throws answered with a 500 instead of
 * ending the process. The dev server itself never listens: it offers no
 * bind address, no Host or Origin check, and throws on paths it cannot
 * decode.
 */
export async function startDevServer(dir: string, options: { host: string; port: number; cms?: CmsBackend | undefined }): Promise<DevServer> {
  const eleventy = EleventyDevServer.getServer('broadsheet', dir, { liveReload: true, domDiff: false });
  // Creates its WebSocket server on its own (never listening) HTTP server;
  // upgrades reach it only through handleUpgrade below.
  eleventy.setupReloadNotifier();
  const reloadSockets = eleventy.updateServer;

  // Nothing is answered until the port, and so the allowed Host values, are known.
  let allowed: ReadonlySet<string> = new Set();
  const server = createServer((request, response) => {
    // The web editor (/admin/) answers its own prefix; its backend takes POSTed JSON, checked as strictly.
    const cms = options.cms?.answers(request.url) ? options.cms : undefined;
    const verdict = cms && request.method === 'POST' ? checkBackendRequest(request, allowed) : checkRequest(request, allowed);
    if (!verdict.ok) return refuse(response, verdict);
    if (cms) {
      return void cms.handle(request, response).catch(() => {
        if (response.headersSent) response.destroy();
        else refuse(response, { status: 500, reason: 'the web editor could not answer; see the terminal' });
      });
    }
    eleventy.onRequestHandler(request, response).catch(() => {
      // A page replaced by a build between finding and reading it, say.
      if (response.headersSent) response.destroy();
      else refuse(response, { status: 500, reason: 'the file could not be read; reload the page' });
    });
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Without a listener, a reset connection would be an uncaught error.
    socket.on('error', () => socket.destroy());
    const verdict = checkUpgrade(request, allowed);
    if (!verdict.ok) return refuseUpgrade(socket, verdict);
    reloadSockets.handleUpgrade(request, socket, head, (client) => reloadSockets.emit('connection', client, request));
  });

  const port = await listen(server, bindAddress(options.host), options.port);
  // A failed accept (too many open files) is that one connection's loss, not the server's end.
  server.on('error', () => {});
  const addresses = Object.values(networkInterfaces()).flatMap((entries) => (entries ?? []).map((entry) => entry.address));
  allowed = allowedHosts(options.host, port, { addresses, hostname: hostname() });

  return {
    url: previewUrl(options.host, port),
    reload: () => eleventy.reload(),
    async close() {
      await eleventy.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Browsers keep connections open; close() alone would wait for them.
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Listen on `port`, or the next free one of a few when it is taken (none for port 0, which the system picks). */
async function listen(server: ReturnType<typeof createServer>, host: string, port: number): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host, port: port === 0 ? 0 : port + attempt }, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0 || attempt >= PORT_RETRIES) throw error;
    }
  }
}

function refuse(response: ServerResponse, { status, reason }: { status: number; reason: string }): void {
  const body = `${status} ${reason}\n`;
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    ...(status === 405 ? { Allow: 'GET, HEAD' } : {}),
    // A client that sent one bad request is not kept talking.
    Connection: 'close',
  });
  response.end(body);
}

function refuseUpgrade(socket: Duplex, verdict: Exclude<Verdict, { ok: true }>): void {
  const body = `${verdict.status} ${verdict.reason}\n`;
  socket.end(
    `HTTP/1.1 ${verdict.status} ${STATUS_CODES[verdict.status]}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
