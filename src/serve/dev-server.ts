import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import type { Duplex } from 'node:stream';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import { allowedHosts, bindAddress, previewUrl } from './hosts.js';
import { OVERLAY_STYLESHEET } from './overlay-style.js';
import { BUILDING, OVERLAY_PREFIX, OVERLAY_STYLESHEET_PATH, problemPage, withProblemPanel, type ServeStatus } from './problem-overlay.js';
import { checkRequest, checkUpgrade, READ_METHODS, type Verdict } from './request-guard.js';

/** Ports tried after the default one when it is busy, as Eleventy's dev server did. */
const PORT_RETRIES = 10;

/** Eleventy's dev server's live-reload script: served before any good build too, for the problem page's reload. */
const RELOAD_SCRIPT_PATH = '/.11ty/reload-client.js';

/** A path prefix the dev server answers with a handler of its own instead of a file of the output folder. */
export interface Route {
  /** The paths it answers: those that start with it (it ends with "/"), and the path without that slash. */
  prefix: string;
  /** The request methods it takes (the request guard refuses others with 405); GET and HEAD unless given. */
  methods?: readonly string[];
  /** Whether it answers this request target now; always unless given. Otherwise the output folder does. */
  answers?(url: string | undefined): boolean;
  /** A stricter check of the request than the guard's, in its place (the web editor's backend takes JSON from this server's pages only). */
  guard?(request: IncomingMessage, allowedHosts: ReadonlySet<string>): Verdict;
  handle(request: IncomingMessage, response: ServerResponse): void | Promise<void>;
}

export interface DevServerOptions {
  host: string;
  /** 0 lets the system pick a free port. */
  port: number;
  /** When `port` is busy, use the next free one of a few; without it, a busy port is a PortInUseError. */
  portFallback?: boolean | undefined;
  /** Answered before the output folder is looked at, after the request guard; the first whose prefix matches wins. */
  routes?: readonly Route[] | undefined;
}

export interface DevServer {
  /** The address to open in a browser, with the port actually bound. */
  url: string;
  /** The port asked for, when it was busy and the server moved to the next free one. */
  busyPort?: number | undefined;
  /** Tell every open page to reload. */
  reload(): void;
  /**
   * What the last build or update left: its problems go on every page
   * served; until a build went through, every address gets the problem page.
   */
  showStatus(status: ServeStatus): void;
  close(): Promise<void>;
}

/** The port `serve` was asked to listen on (or each of the ports it would have moved to) is taken. */
export class PortInUseError extends Error {
  constructor(port: number, last: number) {
    super(
      last === port
        ? `port ${port} is in use (by another broadsheet serve?); stop it or pass --port 0 to pick a free one`
        : `ports ${port} to ${last} are all in use (by other broadsheet serves?); stop one or pass --port 0 to pick a free one`,
    );
    this.name = 'PortInUseError';
  }
}

/**
 * Serve a folder with Eleventy's dev server (its page lookup, 404 page and
 * live reload), behind our own listening socket: bound to `host`, every
 * request and WebSocket upgrade checked by the request guard before the dev
 * server sees it, and any error it throws answered with a 500 instead of
 * ending the process. The dev server itself never listens: it offers no
 * bind address, no Host or Origin check, and throws on paths it cannot
 * decode. Until `showStatus` says a build went through, every address gets
 * the problem page (503) rather than whatever an earlier session left in
 * the folder; after that, problems are shown on the pages as they are sent,
 * never written into the folder.
 */
export async function startDevServer(dir: string, options: DevServerOptions): Promise<DevServer> {
  const eleventy = EleventyDevServer.getServer('broadsheet', dir, { liveReload: true, domDiff: false });
  // Creates its WebSocket server on its own (never listening) HTTP server;
  // upgrades reach it only through handleUpgrade below.
  eleventy.setupReloadNotifier();
  const reloadSockets = eleventy.updateServer;
  let status: ServeStatus = BUILDING;
  // The dev server passes every HTML page a browser navigates to through
  // this, and only those: pages fetched by scripts and other files are sent
  // as they are.
  const addReloadScript = eleventy.augmentContentWithNotifier.bind(eleventy);
  eleventy.augmentContentWithNotifier = (content, ...rest) => addReloadScript(withProblemPanel(content, status), ...rest);

  const routes: readonly Route[] = [{ prefix: OVERLAY_PREFIX, handle: sendOverlayFile }, ...(options.routes ?? [])];
  // Nothing is answered until the port, and so the allowed Host values, are known.
  let allowed: ReadonlySet<string> = new Set();
  const server = createServer((request, response) => {
    const route = routes.find((candidate) => isUnder(request.url, candidate.prefix) && (candidate.answers?.(request.url) ?? true));
    const methods = route?.methods ?? READ_METHODS;
    const verdict = route?.guard ? route.guard(request, allowed) : checkRequest(request, allowed, methods);
    if (!verdict.ok) return refuse(response, verdict, methods);
    const answered = route
      ? route.handle(request, response)
      : status.served || pathOf(request.url) === RELOAD_SCRIPT_PATH
        ? eleventy.onRequestHandler(request, response)
        : sendProblemPage(response, addReloadScript(problemPage(status)));
    Promise.resolve(answered).catch(() => {
      // A page replaced by a build between finding and reading it, say.
      if (response.headersSent) response.destroy();
      else refuse(response, { status: 500, reason: 'the file could not be read; reload the page' }, methods);
    });
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Without a listener, a reset connection would be an uncaught error.
    socket.on('error', () => socket.destroy());
    const verdict = checkUpgrade(request, allowed);
    if (!verdict.ok) return refuseUpgrade(socket, verdict);
    reloadSockets.handleUpgrade(request, socket, head, (client) => reloadSockets.emit('connection', client, request));
  });

  let port: number;
  try {
    port = await listen(server, bindAddress(options.host), options.port, options.portFallback ?? false);
  } catch (error) {
    await eleventy.close();
    throw error;
  }
  // A failed accept (too many open files) is that one connection's loss, not the server's end.
  server.on('error', () => {});
  const addresses = Object.values(networkInterfaces()).flatMap((entries) => (entries ?? []).map((entry) => entry.address));
  allowed = allowedHosts(options.host, port, { addresses, hostname: hostname() });

  return {
    url: previewUrl(options.host, port),
    busyPort: options.port !== 0 && port !== options.port ? options.port : undefined,
    reload: () => eleventy.reload(),
    showStatus: (next) => {
      status = next;
    },
    async close() {
      await eleventy.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Browsers keep connections open; close() alone would wait for them.
      server.closeAllConnections();
      await closed;
    },
  };
}

/** A request target without its query. */
function pathOf(url: string | undefined): string {
  return (url ?? '').split('?', 1)[0] ?? '';
}

/** Whether a request target's path is `prefix` (ending in "/") or below it. */
function isUnder(url: string | undefined, prefix: string): boolean {
  const pathPart = pathOf(url);
  return pathPart.startsWith(prefix) || pathPart === prefix.slice(0, -1);
}

/**
 * Listen on `port`; when it is busy and `fallback` is on, on the next free
 * one of a few. Port 0 (the system picks) is never busy.
 */
async function listen(server: ReturnType<typeof createServer>, host: string, port: number, fallback: boolean): Promise<number> {
  const last = fallback && port !== 0 ? Math.min(port + PORT_RETRIES, 65535) : port;
  for (let candidate = port; ; candidate++) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host, port: candidate }, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      if (candidate >= last) throw new PortInUseError(port, last);
    }
  }
}

/** The files of OVERLAY_PREFIX: the problem panel's stylesheet. */
function sendOverlayFile(request: IncomingMessage, response: ServerResponse): void {
  if (pathOf(request.url) !== OVERLAY_STYLESHEET_PATH) return refuse(response, { status: 404, reason: 'no such file' }, READ_METHODS);
  response.writeHead(200, {
    'Content-Type': 'text/css; charset=utf-8',
    'Content-Length': Buffer.byteLength(OVERLAY_STYLESHEET),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
  response.end(OVERLAY_STYLESHEET);
}

/** The problem page, as a temporary failure: nothing is wrong with the address, and a browser asking again soon gets the site. */
function sendProblemPage(response: ServerResponse, html: string): void {
  response.writeHead(503, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Retry-After': '2',
    // Its text quotes the editors' files: nothing but our stylesheet and the live-reload script may load.
    'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  });
  response.end(html);
}

function refuse(response: ServerResponse, { status, reason }: { status: number; reason: string }, methods: readonly string[]): void {
  const body = `${status} ${reason}\n`;
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    ...(status === 405 ? { Allow: methods.join(', ') } : {}),
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
