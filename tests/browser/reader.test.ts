import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/stages/build.js';
import { launchChromium, serveSite } from './harness.js';

/*
 * A reader's view of the sample newsroom in Debian's Chromium, served with
 * the site's own _headers (so the Content-Security-Policy is enforced).
 */
const NOW = Date.parse('2026-11-25T12:00:00Z');
const ARTIFACTS = path.resolve(process.env.BROADSHEET_ARTIFACTS ?? 'test-artifacts/screenshots');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One page of each type. */
const PAGE_TYPES: Record<string, string> = {
  home: '/',
  section: '/news/',
  article: '/news/tram-line-first-passengers/',
  author: '/authors/tomasz-wren/',
  tag: '/tags/transport/',
  authors: '/authors/',
  tags: '/tags/',
  corrections: '/corrections/',
  search: '/search/',
  'not found': '/no-such-page/',
};

let work: string;
let siteDir: string;
let server: Awaited<ReturnType<typeof serveSite>>;
let browser: Browser;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'broadsheet-browser-'));
  siteDir = path.join(work, 'site');
  await build({ contentDir: path.resolve('content'), outDir: siteDir, cacheDir: path.join(work, 'cache'), now: NOW });
  server = await serveSite(siteDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** A page that records what a reader would never want: console errors and failed requests. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  // The not-found page answers 404 by design; nothing else may.
  const expected404 = (url: string) => url.includes('/no-such-page/');
  page.on('console', (message) => {
    if (message.type() === 'error' && !expected404(message.location().url)) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Leaving a page cancels what it was still loading (lazy images): not a failure a reader sees.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !expected404(response.url())) problems.push(`${response.status()}: ${response.url()}`);
  });
  return { page, problems };
}

describe("a reader's path", () => {
  test('home → section → article → a "You may also like" link → author → tag → 404, with no console error or failed request', async () => {
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context);
    await page.goto(`${server.url}/`);
    await page.locator('nav.sections a', { hasText: 'News' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/news/');
    await page.locator('main article a').first().click();
    const article = new URL(page.url()).pathname;
    expect(await page.locator('h1').first().textContent()).toBeTruthy();
    await page.locator('section.related a').first().click();
    const related = new URL(page.url()).pathname;
    expect(related).not.toBe(article);
    await page.locator('.byline a').first().click();
    expect(new URL(page.url()).pathname).toMatch(/^\/authors\/[a-z0-9-]+\/$/);
    await page.locator('main article a').first().click();
    await page.locator('.story-tags a').first().click();
    expect(new URL(page.url()).pathname).toMatch(/^\/tags\/[a-z0-9-]+\/$/);
    const response = await page.goto(`${server.url}/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('every page type loads with no console error or failed request (the CSP included)', async () => {
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context);
    for (const url of Object.values(PAGE_TYPES)) await page.goto(`${server.url}${url}`, { waitUntil: 'networkidle' });
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('accessibility and validity', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe-core finds no WCAG 2.2 AA violation on any page type, ${scheme} mode`, async () => {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      const violations: string[] = [];
      for (const [type, url] of Object.entries(PAGE_TYPES)) {
        await page.goto(`${server.url}${url}`, { waitUntil: 'networkidle' });
        // Evaluated through the debugging protocol, which the page's CSP does not govern.
        await page.evaluate(AXE_SOURCE);
        const found = await page.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run(options: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
          const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
          return result.violations.map((v) => `${v.id} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
        });
        violations.push(...found.map((v) => `${type}: ${v}`));
      }
      expect(violations).toEqual([]);
      await context.close();
    });
  }

  test('html-validate reports no error on any page type', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Indentation left by template tags: invisible to readers and to browsers.
        'no-trailing-whitespace': 'off',
        // Headlines are the editors' to write; the <title> carries them whole.
        'long-title': 'off',
      },
    });
    const errors: string[] = [];
    for (const [type, url] of Object.entries(PAGE_TYPES)) {
      const file = url === '/no-such-page/' ? '404.html' : `${url.slice(1)}index.html`;
      const report = await validator.validateString(readFileSync(path.join(siteDir, file), 'utf8'));
      for (const result of report.results) for (const message of result.messages) errors.push(`${type}: ${message.ruleId} ${message.message} (line ${message.line})`);
    }
    expect(errors).toEqual([]);
  });
});

describe('search', () => {
  test('a word from a known article finds it; the section filter narrows the results', async () => {
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context);
    await page.goto(`${server.url}/`);
    await page.locator('header form[role="search"] input[type="search"]').fill('tram');
    await page.locator('header form[role="search"] input[type="search"]').press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/search/');
    const results = page.locator('#search-results li');
    await results.first().waitFor();
    const all = await results.locator('a').evaluateAll((links) => links.map((a) => new URL((a as unknown as { href: string }).href).pathname));
    expect(all).toContain('/news/tram-line-first-passengers/');
    const sections = await page.locator('#filter-section option').allTextContents();
    expect(sections).toContain('Business');
    await page.locator('#filter-section').selectOption({ label: 'Business' });
    await expect.poll(async () => (await results.count()) < all.length && (await results.count()) > 0).toBe(true);
    const narrowed = await results.locator('a').evaluateAll((links) => links.map((a) => new URL((a as unknown as { href: string }).href).pathname));
    expect(narrowed.every((url) => url.startsWith('/business/'))).toBe(true);

    // The index is in parts by year: newest first runs across them, and the year filter asks one.
    const years = async () => (await results.locator('.dateline').allTextContents()).map((line) => Number(/\b(\d{4})\b/.exec(line)?.[1]));
    await page.locator('#filter-section').selectOption('');
    await page.locator('#search-sort').selectOption('newest');
    await expect.poll(async () => (await results.count()) === all.length).toBe(true);
    const newest = await years();
    expect(new Set(newest).size).toBeGreaterThan(1);
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
    await page.locator('#filter-year').selectOption(String(newest.at(-1)));
    await expect.poll(async () => (await results.count()) > 0 && (await years()).every((year) => year === newest.at(-1))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('layout', () => {
  test('no horizontal scroll at 360 px on any page type', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const [type, url] of Object.entries(PAGE_TYPES)) {
      await page.goto(`${server.url}${url}`, { waitUntil: 'networkidle' });
      // Runs in the browser; this project's TypeScript has no DOM types.
      const { scroll, width } = await page.evaluate(() => {
        const view = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
        return { scroll: view.document.documentElement.scrollWidth, width: view.innerWidth };
      });
      if (scroll > width) wide.push(`${type}: ${scroll} > ${width}`);
    }
    expect(wide).toEqual([]);
    await context.close();
  });

  test('the lead image has its box before it loads (no layout shift)', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    // Images never arrive: the box must come from the page alone.
    await page.route(/\.(?:jpe?g|png|webp|avif)$/, () => undefined);
    await page.goto(`${server.url}${PAGE_TYPES.article}`, { waitUntil: 'domcontentloaded' });
    const box = await page.locator('.lead-image img').boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(box?.height).toBeGreaterThan(150);
    await context.close();
  });

  test('screenshots of each page type at 390 and 1280 px are saved for review', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const width of [390, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const [type, url] of Object.entries(PAGE_TYPES)) {
        await page.goto(`${server.url}${url}`, { waitUntil: 'networkidle' });
        const file = path.join(ARTIFACTS, `${type.replace(/ /g, '-')}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect(readFileSync(file).length).toBeGreaterThan(1000);
      }
      await context.close();
    }
  });
});
