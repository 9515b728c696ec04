import { describe, expect, test } from 'vitest';
import { allowedHosts, bindAddress, exposureWarning, isLoopback, previewUrl } from '../../src/serve/hosts.js';

const MACHINE = { addresses: ['127.0.0.1', '192.168.1.20', '::1', 'fe80::1%eth0', '2001:db8::5'], hostname: 'newsdesk' };

test.each([
  ['localhost', true],
  ['LOCALHOST', true],
  ['127.0.0.1', true],
  ['127.3.2.1', true],
  ['::1', true],
  ['[::1]', true],
  ['::ffff:127.0.0.1', true],
  ['0.0.0.0', false],
  ['::', false],
  ['192.168.1.20', false],
  ['newsdesk.local', false],
  ['localhost.evil.example', false],
  ['127.0.0.1.nip.io', false],
])('isLoopback(%s) is %s', (host, loopback) => {
  expect(isLoopback(host)).toBe(loopback);
});

test('bindAddress takes the brackets off IPv6 literals', () => {
  expect(bindAddress('[::1]')).toBe('::1');
  expect(bindAddress('Localhost')).toBe('localhost');
});

describe('allowedHosts', () => {
  test('by default: the loopback names with the port', () => {
    expect([...allowedHosts('localhost', 8080, MACHINE)].sort()).toEqual(['127.0.0.1:8080', '[::1]:8080', 'localhost:8080']);
  });

  test('--host adds its own name', () => {
    expect([...allowedHosts('newsdesk.local', 4000, MACHINE)].sort()).toEqual(['127.0.0.1:4000', '[::1]:4000', 'localhost:4000', 'newsdesk.local:4000']);
    expect(allowedHosts('2001:db8::5', 4000, MACHINE).has('[2001:db8::5]:4000')).toBe(true);
  });

  test('a wildcard adds every address of the machine and its name, but not the wildcard itself', () => {
    expect([...allowedHosts('0.0.0.0', 4000, MACHINE)].sort()).toEqual([
      '127.0.0.1:4000',
      '192.168.1.20:4000',
      '[2001:db8::5]:4000',
      '[::1]:4000',
      'localhost:4000',
      'newsdesk:4000',
    ]);
  });

  test('on port 80 the names without a port too, as browsers send them', () => {
    expect([...allowedHosts('localhost', 80, MACHINE)].sort()).toEqual(['127.0.0.1', '127.0.0.1:80', '[::1]', '[::1]:80', 'localhost', 'localhost:80']);
  });
});

test.each([
  ['localhost', 8080, 'http://localhost:8080/'],
  ['127.0.0.1', 8080, 'http://127.0.0.1:8080/'],
  ['::1', 8080, 'http://[::1]:8080/'],
  ['0.0.0.0', 8080, 'http://localhost:8080/'],
  ['::', 8080, 'http://localhost:8080/'],
  ['192.168.1.20', 3000, 'http://192.168.1.20:3000/'],
])('previewUrl(%s, %i) is %s', (host, port, url) => {
  expect(previewUrl(host, port)).toBe(url);
});

test('--host on a loopback address warns of nothing', () => {
  for (const host of ['localhost', '127.0.0.1', '::1']) expect(exposureWarning(host)).toBeUndefined();
});

test('--host on a network address warns that drafts can be read from the network', () => {
  expect(exposureWarning('0.0.0.0')).toBe(
    '⚠ --host 0.0.0.0: the preview is reachable from the network on every network address of this machine. ' +
      'Anyone who can reach it can read every page it serves, drafts and scheduled stories included when --drafts or --future is on. ' +
      'Without --host, serve answers this machine only.',
  );
  expect(exposureWarning('192.168.1.20')).toMatch(/^⚠ --host 192\.168\.1\.20: the preview is reachable from the network on 192\.168\.1\.20\. /);
});
