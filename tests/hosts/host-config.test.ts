import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'smol-toml';
import { describe, expect, test } from 'vitest';
import { renderHeaders } from '../../src/outputs/seo/headers.js';
import { renderRedirects } from '../../src/outputs/seo/redirects.js';
import { CLOUDFLARE_HEADER_RULES, CLOUDFLARE_STATIC_REDIRECTS, cloudflareLimits, headersSyntax, redirectsSyntax } from '../helpers/host-limits.js';
import { sharedSample } from '../helpers/shared-sample.js';

const repo = (file: string) => readFileSync(path.resolve(file), 'utf8');
const pkg = JSON.parse(repo('package.json')) as { scripts: Record<string, string>; engines: { node: string } };

/** What a host's build command runs, with `npm run X` looked up in package.json. */
function broadsheetArgs(command: string): string[] {
  const script = /^npm run ([\w:-]+)$/.exec(command)?.[1];
  const words = (script === undefined ? command : (pkg.scripts[script] ?? '')).split(/\s+/);
  expect(words.slice(0, 2)).toEqual(['node', 'dist/cli.js']);
  return words.slice(2);
}

/** The output folder `broadsheet build` writes to when told none, as its help says. */
function defaultOut(): string {
  const help = spawnSync(process.execPath, [path.resolve('dist/cli.js'), '--help'], { encoding: 'utf8' }).stdout;
  return /^ {2}--out DIR +output folder \(default: (\S+)\)$/m.exec(help)?.[1] ?? 'not in the help';
}

describe('netlify.toml', () => {
  const config = parse(repo('netlify.toml')) as { build: { command: string; publish: string; environment: Record<string, string> } };

  test("runs Broadsheet's build and publishes the folder it writes", () => {
    const args = broadsheetArgs(config.build.command);
    expect(args[0]).toBe('build');
    // No --out: the build writes to its default folder, which is the one published.
    expect(args).not.toContain('--out');
    expect(config.build.publish).toBe(defaultOut());
  });

  // Cloudflare Pages has no build file of its own here: its build image reads .node-version.
  test('asks for a Node.js that package.json accepts, the same as .node-version', () => {
    const wanted = Number(config.build.environment.NODE_VERSION);
    const [major = 0] = /^>=(\d+)/.exec(pkg.engines.node)?.slice(1).map(Number) ?? [];
    expect(wanted).toBeGreaterThanOrEqual(major);
    expect(repo('.node-version').trim()).toBe(String(wanted));
  });
});

describe("the sample's _headers and _redirects on Netlify and Cloudflare Pages", () => {
  const { siteDir } = sharedSample();
  const headers = readFileSync(path.join(siteDir, '_headers'), 'utf8');
  const redirects = readFileSync(path.join(siteDir, '_redirects'), 'utf8');

  test('are in the syntax both read, every line a rule, a header or a redirect', () => {
    expect(headersSyntax(headers)).toEqual([]);
    expect(redirectsSyntax(redirects)).toEqual([]);
    expect(redirects.trim().split('\n').length).toBeGreaterThan(0);
  });

  test("stay within Cloudflare's limits", () => {
    expect(cloudflareLimits(headers, redirects)).toEqual([]);
  });

  test('header rules: one for the whole site, one per SVG file, one per fingerprinted asset, one for the image folder', () => {
    const patterns = headers.split('\n').filter((line) => line.startsWith('/'));
    const svg = patterns.filter((p) => p.endsWith('.svg'));
    const assets = patterns.filter((p) => /\.[0-9a-f]{10}\.(css|js)$/.test(p));
    expect(patterns).toEqual(['/*', ...svg, ...assets.filter((p) => p.startsWith('/css/')), '/img/*', ...assets.filter((p) => p.startsWith('/js/'))]);
    expect(svg.length + assets.length + 2).toBeLessThan(CLOUDFLARE_HEADER_RULES);
  });
});

describe('a large imported archive', () => {
  const site = { url: 'https://example.org/', language: 'en' };
  const redirects = Array.from({ length: 20_000 }, (_, i) => ({ from: `/category/old-${i}/`, to: '/news/' }));
  const [file, ...pages] = renderRedirects(redirects, site);

  test("site.yml's 20,000 redirects are one static rule each: Cloudflare Pages applies the first 2,000, and every old address still has its page", () => {
    expect(redirectsSyntax(file?.content ?? '')).toEqual([]);
    expect(cloudflareLimits('/*\n  X-Frame-Options: DENY\n', file?.content ?? '')).toEqual([
      { file: '_redirects', line: CLOUDFLARE_STATIC_REDIRECTS + 1, message: `20000 static redirects; Cloudflare Pages applies ${CLOUDFLARE_STATIC_REDIRECTS}` },
    ]);
    expect(pages).toHaveLength(20_000);
    expect(pages.at(-1)?.content).toContain('<meta http-equiv="refresh" content="0; url=https://example.org/news/">');
  });

  test('a public folder with a hundred SVG files goes past the header rules Cloudflare Pages applies', () => {
    const svgFiles = Array.from({ length: 100 }, (_, i) => `/images/icon-${i}.svg`);
    const { content } = renderHeaders({ url: 'https://example.org/' }, ['/img/*'], [], svgFiles);
    expect(headersSyntax(content)).toEqual([]);
    expect(cloudflareLimits(content, '')).toEqual([{ file: '_headers', line: 204, message: `102 header rules; Cloudflare Pages applies ${CLOUDFLARE_HEADER_RULES}` }]);
  });
});
