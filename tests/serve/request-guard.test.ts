import { describe, expect, test } from 'vitest';
import { checkRequest, checkUpgrade, type GuardedRequest } from '../../src/serve/request-guard.js';
import { HOSTILE_PATHS } from './hostile-paths.js';

const ALLOWED = new Set(['localhost:8080', '127.0.0.1:8080', '[::1]:8080']);
const get = (url: string, headers: GuardedRequest['headers'] = {}): GuardedRequest => ({ method: 'GET', url, headers: { host: 'localhost:8080', ...headers } });
const upgrade = (headers: GuardedRequest['headers'] = {}): GuardedRequest => get('/', { upgrade: 'websocket', ...headers });

describe('checkRequest', () => {
  test.each([
    '/',
    '/news/harbour-wall/',
    '/news/harbour-wall',
    '/404.html',
    '/.11ty/reload-client.js',
    '/img/ab12-640.avif',
    '/pagefind/pagefind.js?v=1',
    '/search/?q=harbour+wall&section=news',
    '/tags/caf%C3%A9/',
    '/tags/%E2%80%A4%E2%80%A4/',
    '/news/..foo/',
    '/%252e%252e/%252e%252e/etc/passwd',
    '/a(b)!$&\'*+,;=:@~/',
  ])('serves %s', (url) => {
    expect(checkRequest(get(url), ALLOWED)).toEqual({ ok: true });
  });

  test.each(HOSTILE_PATHS)('refuses %s with %i', (url, status) => {
    expect(checkRequest(get(url), ALLOWED)).toMatchObject({ ok: false, status });
  });

  test.each([
    ['malformed percent-encoding or UTF-8', '/%c0%ae%c0%ae/etc/passwd'],
    ['encoded slashes are refused', '/..%2fetc'],
    ['control characters are refused', '/%00'],
    ['dot segments are refused', '/%2e%2e/etc/passwd'],
    ['the address holds characters a URL may not', '/a b'],
    ['the address must be a path', '//evil.example/'],
    ['addresses longer than 2048 characters are refused', `/${'a'.repeat(2048)}`],
  ])('says why: %s', (reason, url) => {
    expect(checkRequest(get(url), ALLOWED)).toEqual({ ok: false, status: expect.any(Number), reason });
  });

  test('an address of exactly the longest length is served', () => {
    expect(checkRequest(get(`/${'a'.repeat(2047)}`), ALLOWED)).toEqual({ ok: true });
  });

  test.each(['GET', 'HEAD'])('%s is served', (method) => {
    expect(checkRequest({ ...get('/'), method }, ALLOWED)).toEqual({ ok: true });
  });

  test.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'CONNECT', 'get', undefined])('%s is refused with 405', (method) => {
    expect(checkRequest({ ...get('/'), method }, ALLOWED)).toEqual({ ok: false, status: 405, reason: 'only GET and HEAD are served' });
  });

  test.each(['localhost:8080', 'LOCALHOST:8080', '127.0.0.1:8080', '[::1]:8080'])('Host %s is served', (host) => {
    expect(checkRequest(get('/', { host }), ALLOWED)).toEqual({ ok: true });
  });

  test.each([
    'evil.example',
    'evil.example:8080',
    'localhost',
    'localhost:8081',
    'localhost.:8080',
    '127.0.0.1.nip.io:8080',
    '192.168.1.20:8080',
    'localhost:8080@evil.example',
  ])('Host %s is refused with 421 (DNS rebinding)', (host) => {
    expect(checkRequest(get('/', { host }), ALLOWED)).toEqual({ ok: false, status: 421, reason: 'this server does not answer to that host name' });
  });

  test.each([undefined, '', ['localhost:8080', 'evil.example']])('Host %j is refused with 400', (host) => {
    expect(checkRequest(get('/', { host }), ALLOWED)).toMatchObject({ ok: false, status: 400 });
  });

  test.each(['http://localhost:8080', 'http://127.0.0.1:8080', 'http://[::1]:8080', 'HTTP://Localhost:8080'])('Origin %s (the preview itself) is served', (origin) => {
    expect(checkRequest(get('/', { origin }), ALLOWED)).toEqual({ ok: true });
  });

  test.each(['http://evil.example', 'https://localhost:8080', 'http://localhost:8081', 'http://localhost', 'null', 'file://', 'http://localhost:8080.evil.example', ''])(
    'Origin %j is refused with 403',
    (origin) => {
      expect(checkRequest(get('/', { origin }), ALLOWED)).toEqual({ ok: false, status: 403, reason: 'requests from other sites are refused' });
    },
  );

  test('a foreign Host is refused before anything else is looked at', () => {
    expect(checkRequest({ method: 'POST', url: '/..%2f', headers: { host: 'evil.example', origin: 'http://evil.example' } }, ALLOWED)).toMatchObject({ status: 421 });
  });
});

describe('checkUpgrade', () => {
  test('the page’s own live-reload socket opens, and one without Origin (not from a page)', () => {
    expect(checkUpgrade(upgrade({ origin: 'http://localhost:8080' }), ALLOWED)).toEqual({ ok: true });
    expect(checkUpgrade(upgrade(), ALLOWED)).toEqual({ ok: true });
  });

  test.each([
    ['a foreign Origin', upgrade({ origin: 'http://evil.example' }), 403],
    ['Origin null', upgrade({ origin: 'null' }), 403],
    ['a foreign Host', upgrade({ host: 'evil.example:8080', origin: 'http://evil.example:8080' }), 421],
    ['no Upgrade header', get('/'), 400],
    ['another protocol', upgrade({ upgrade: 'h2c' }), 400],
    ['a traversal', { ...upgrade(), url: '/..%2f..%2fetc%2fpasswd' }, 400],
    ['POST', { ...upgrade(), method: 'POST' }, 405],
  ] as const)('refuses %s', (_name, request, status) => {
    expect(checkUpgrade(request, ALLOWED)).toMatchObject({ ok: false, status });
  });
});
