import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import mime from 'mime';
import { headersFor, parseHeadersFile } from '../deploy/headers-file.js';
import { ADMIN_PATHS, fileOf, HOST_FILES } from '../routes/addresses.js';
import type { Route } from './dev-server.js';
import { checkBackendRequest, checkRequest } from './request-guard.js';

/** The web editor as `serve` answers it: every request under /admin/, the guard's checks passed. */
export interface CmsBackend {
  /** Whether it answers this request target: under /admin/, when the last build wrote the editor. */
  answers(url: string | undefined): boolean;
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

/**
 * The web editor of a served site: its files from the built folder with
 * the headers `_headers` gives them on a host (its own CSP above all), its
 * configuration with `local_backend` pointing at this server, and Decap's
 * local backend (decap-server, file-system mode) at /admin/api/v1, which
 * reads and writes files under `projectDir`, where content/ and public/
 * are. When the last build wrote no /admin/ (the editor is off), it
 * answers nothing: /admin/ is then an address like any other.
 */
export async function createCmsBackend(options: { outDir: string; projectDir: string }): Promise<CmsBackend> {
  // Made at the first request to the backend: express and decap-server take some 0.3 s to load, and the editor is off by default.
  let api: Promise<(request: IncomingMessage, response: ServerResponse) => void> | undefined;
  const backend = () => (api ??= localBackendApi(path.resolve(options.projectDir)));

  const adminDir = path.resolve(options.outDir, path.dirname(fileOf(ADMIN_PATHS.config)));
  const isOn = () => existsSync(path.resolve(options.outDir, fileOf(ADMIN_PATHS.config)));

  return {
    answers: (url) => url !== undefined && url.startsWith(ADMIN_PATHS.page) && isOn(),
    async handle(request, response) {
      const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (pathname === ADMIN_PATHS.api) {
        if (request.method !== 'POST') return answer(response, 405, 'the local backend takes POST\n');
        request.url = '/api/v1';
        return (await backend())(request, response);
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') return answer(response, 405, 'only GET and HEAD are served\n');
      // The guard has refused dot segments and encoded slashes; this keeps the path inside the folder all the same.
      const file = path.resolve(adminDir, pathname.slice(ADMIN_PATHS.page.length) || 'index.html');
      if (!file.startsWith(adminDir + path.sep)) return answer(response, 404, 'not found\n');
      let body: Buffer;
      try {
        body = await readFile(file);
      } catch {
        return answer(response, 404, 'not found\n');
      }
      if (pathname === ADMIN_PATHS.config) body = Buffer.concat([body, Buffer.from(localBackend(request.headers.host ?? 'localhost'))]);
      response.writeHead(200, {
        ...(await hostHeaders(options.outDir, pathname)),
        'Content-Type': pathname.endsWith('.yml') ? 'text/yaml; charset=utf-8' : (mime.getType(file) ?? 'application/octet-stream'),
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    },
  };
}

/** Decap's local file-system backend, reading and writing under `projectDir`, as an express app. */
async function localBackendApi(projectDir: string): Promise<(request: IncomingMessage, response: ServerResponse) => void> {
  const [{ default: decapServer }, { default: express }] = await Promise.all([import('decap-server/dist/middlewares.js'), import('express')]);
  const api = express();
  api.disable('x-powered-by');
  // decap-server reads the repository's folder from the environment, once, as it registers.
  const before = process.env.GIT_REPO_DIRECTORY;
  process.env.GIT_REPO_DIRECTORY = projectDir;
  const registered = decapServer.registerLocalFs(api, { logLevel: 'warn' });
  if (before === undefined) delete process.env.GIT_REPO_DIRECTORY;
  else process.env.GIT_REPO_DIRECTORY = before;
  await registered;
  return api;
}

/**
 * The web editor as one of the dev server's routes: /admin/ while the last
 * build wrote it, its backend's POSTs checked as strictly as
 * checkBackendRequest does (JSON from this server's own pages), the rest as
 * any page.
 */
export function cmsRoute(cms: CmsBackend): Route {
  return {
    prefix: ADMIN_PATHS.page,
    methods: ['GET', 'HEAD', 'POST'],
    answers: (url) => cms.answers(url),
    guard: (request, allowedHosts) => (request.method === 'POST' ? checkBackendRequest(request, allowedHosts) : checkRequest(request, allowedHosts)),
    handle: (request, response) => cms.handle(request, response),
  };
}

/** The web editor's address on the served site, when the last build wrote it (site.yml turns it on). */
export function webEditorUrl(outDir: string, siteUrl: string): string | undefined {
  return existsSync(path.resolve(outDir, fileOf(ADMIN_PATHS.config))) ? new URL(ADMIN_PATHS.page, siteUrl).href : undefined;
}

/**
 * What `serve` adds to the built configuration: the CMS talks to this
 * server's backend instead of the git host. The address is the one the
 * browser used (the guard has checked its Host), which Decap needs whole,
 * and the CMS uses a local backend only on the host names it is told.
 */
function localBackend(host: string): string {
  const hostname = new URL(`http://${host}`).hostname.replace(/^\[|\]$/g, '');
  return `local_backend:\n  url: ${JSON.stringify(`http://${host}${ADMIN_PATHS.api}`)}\n  allowed_hosts: [${JSON.stringify(hostname)}]\n`;
}

/** The headers the built `_headers` gives `sitePath`, as a host applies them. */
async function hostHeaders(outDir: string, sitePath: string): Promise<Record<string, string>> {
  const text = await readFile(path.join(outDir, HOST_FILES.headers), 'utf8').catch(() => '');
  const headers: Record<string, string> = {};
  for (const [name, { value }] of headersFor(parseHeadersFile(text).rules, sitePath)) headers[name] = value;
  return headers;
}

function answer(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'X-Content-Type-Options': 'nosniff' });
  response.end(text);
}
