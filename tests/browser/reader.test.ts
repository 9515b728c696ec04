import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sharedSample } from '../helpers/shared-sample.js';
import { launchChromium, serveSite } from './harness.js';
import { measurePage } from './layout-facts.js';
import { type Finding, judgePage, reportFindings } from './layout-rules.js';

/*
 * A reader's view of the sample newsroom (the build shared by the test run,
 * see tests/setup/sample-newsroom.ts) in Debian's Chromium, served with the
 * site's own _headers (so the Content-Security-Policy is enforced).
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One page of each type (the search page also as it answers a search that finds stories, and one that finds none). */
const PAGE_TYPES = {
  home: '/',
  section: '/news/',
  article: '/news/tram-line-first-passengers/',
  author: '/authors/tomasz-wren/',
  tag: '/tags/transport/',
  authors: '/authors/',
  tags: '/tags/',
  corrections: '/corrections/',
  search: '/search/',
  'search, stories found': '/search/?q=tram',
  'search, nothing found': '/search/?q=qxzvjw',
  page: '/about/',
  'not found': '/no-such-page/',
} as const;

/** The windows every page type is looked at in: phones, a tablet, a laptop, a wide desktop (each with a height such a reader has). */
const WINDOWS = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 1600, height: 900 },
] as const;
/** Where axe looks and screenshots are taken: a phone and a desktop. */
const REVIEW_WIDTHS: readonly number[] = [390, 1280];
const SCHEMES = ['light', 'dark'] as const;

const siteDir = sharedSample().siteDir;
let server: Awaited<ReturnType<typeof serveSite>>;
let browser: Browser;

beforeAll(async () => {
  server = await serveSite(siteDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Where the screenshots go: the folder BROADSHEET_ARTIFACTS names, kept for
 * review; none without it. Drawing and encoding fifty full pages costs
 * time in every run, for files nobody opens.
 */
function screenshotFolder(): string | undefined {
  if (!process.env.BROADSHEET_ARTIFACTS) return undefined;
  const folder = path.resolve(process.env.BROADSHEET_ARTIFACTS);
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** A page that records what a reader would never want: console errors and failed requests. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; problems: string[]; settled(): Promise<void> }> {
  const page = await context.newPage();
  const problems: string[] = [];
  const inFlight = new Set<Request>();
  page.on('request', (request) => inFlight.add(request));
  page.on('requestfinished', (request) => inFlight.delete(request));
  page.on('requestfailed', (request) => inFlight.delete(request));
  /**
   * Once every request the page made has finished, and none followed within
   * 50 ms: what a reader's page has loaded by then has been seen. Playwright's
   * 'networkidle' waits 500 ms of quiet after every page.
   */
  const settled = async (): Promise<void> => {
    do while (inFlight.size > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    while (await new Promise((resolve) => setTimeout(() => resolve(inFlight.size > 0), 50)));
  };
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
  return { page, problems, settled };
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
});

/**
 * Every page type is loaded once, then looked at in each window and colour
 * scheme by resizing it and switching `prefers-color-scheme` on the loaded
 * page: measured (layout-facts.ts) and judged (layout-rules.ts) in all ten,
 * checked by axe at a phone's and a desktop's width in both schemes,
 * photographed there when BROADSHEET_ARTIFACTS names a folder. Thirteen
 * loads where separate tests made a hundred; the tests below read what
 * this pass found.
 */
describe('every page type at 360, 390, 768, 1280 and 1600 px, light and dark', () => {
  const found = { loading: [] as string[], layout: [] as Finding[], axe: [] as Finding[], validity: [] as string[] };

  beforeAll(async () => {
    const folder = screenshotFolder();
    if (folder) console.log(`screenshots of every page type at ${REVIEW_WIDTHS.join(' and ')} px, light and dark: ${folder}`);
    const validator = htmlValidator();
    const scripted = htmlValidator(true);
    const context = await browser.newContext({ viewport: WINDOWS[0] });
    const { page, problems, settled } = await watchedPage(context);
    for (const [type, url] of Object.entries(PAGE_TYPES)) {
      await page.setViewportSize(WINDOWS[0]);
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(`${server.url}${url}`, { waitUntil: 'load' });
      const query = new URL(url, server.url).searchParams.get('q');
      if (url.startsWith(PAGE_TYPES.search)) await page.waitForFunction(searchShown, query);
      await settled();
      if (query !== null) {
        const results = await page.locator('#search-results li').count();
        if ((results > 0) !== type.includes('stories found')) found.loading.push(`${type}: ${results} results listed for "${query}"`);
        // What the script made of the page is what a reader gets: validated as the browser has it.
        found.validity.push(...(await validate(scripted, await page.content())).map((error) => `${type}: ${error}`));
      }
      // Evaluated through the debugging protocol, which the page's CSP does not govern.
      await page.evaluate(AXE_SOURCE);
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const window of WINDOWS) {
          await page.setViewportSize(window);
          const at = { type, width: window.width, scheme };
          found.layout.push(...judgePage(type, await page.evaluate(measurePage)).map((text) => ({ ...at, text })));
          if (!REVIEW_WIDTHS.includes(window.width)) continue;
          found.axe.push(...(await page.evaluate(runAxe)).map((text) => ({ ...at, text })));
          if (folder) {
            await settled();
            await page.screenshot({ path: path.join(folder, `${type.replace(/\W+/g, '-')}-${window.width}-${scheme}.png`), fullPage: true });
          }
        }
      }
      // The pictures the wider windows asked for arrive too.
      await settled();
      found.loading.push(...problems.splice(0).map((problem) => `${type}: ${problem}`));
    }
    await context.close();
    // The files as built, as today for every page type (the search pages with a query are the search page's file).
    for (const [type, url] of Object.entries(PAGE_TYPES)) {
      if (url.includes('?')) continue;
      const file = url === PAGE_TYPES['not found'] ? '404.html' : `${url.slice(1)}index.html`;
      found.validity.push(...(await validate(validator, readFileSync(path.join(siteDir, file), 'utf8'))).map((error) => `${type}: ${error}`));
    }
    // One pass over thirteen pages in ten windows, axe twenty-six times: longer than a hook's usual minute on a busy machine.
  }, 300_000);

  test('every page type loads with no console error or failed request (the CSP included)', () => {
    expect(found.loading.length, listed('loading problems', found.loading)).toBe(0);
  });

  test('layout: content clear of the header and footer, no lone card on a row, a 55–75 character article column centred or beside a rail, a lead picture twice a teaser\'s, the footer at the bottom, no section link cut off without a scroll cue, no sideways scroll', () => {
    const report = reportFindings(found.layout);
    expect(report.length, listed('layout failures', report)).toBe(0);
  });

  test('axe-core finds no WCAG 2.2 AA violation (target-size included) on any page type, light and dark, at 390 and 1280 px', () => {
    const report = reportFindings(found.axe);
    expect(report.length, listed('axe violations', report)).toBe(0);
  });

  test('html-validate reports no error on any page type (the search results as the script made them)', () => {
    expect(found.validity.length, listed('html-validate errors', found.validity)).toBe(0);
  });
});

/** One failure a line, under how many there are: the whole list reads as one message. */
function listed(what: string, lines: readonly string[]): string {
  return `${lines.length} ${what}:\n${lines.join('\n')}\n`;
}

/**
 * html-validate as this project runs it, for the files as built; with
 * `serialized`, for a page as the browser serializes it after a script
 * changed it, where a boolean attribute the script set is written
 * `hidden=""`: the serializer's spelling, not the templates'.
 */
function htmlValidator(serialized = false): HtmlValidate {
  return new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: {
      // Indentation left by template tags: invisible to readers and to browsers.
      'no-trailing-whitespace': 'off',
      // Headlines are the editors' to write; the <title> carries them whole.
      'long-title': 'off',
      ...(serialized ? { 'attribute-empty-style': 'off', 'attribute-boolean-style': 'off' } : {}),
    },
  });
}

async function validate(validator: HtmlValidate, html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId} ${message.message} (line ${message.line})`));
}

/** The search page is ready: the script has shown the form and, for a query, said what it found. Runs in the browser. */
function searchShown(query: string | null): boolean {
  const document = (globalThis as unknown as { document: { getElementById(id: string): { hidden: boolean; textContent: string | null } | null } }).document;
  const form = document.getElementById('search-form');
  const status = (document.getElementById('search-status')?.textContent ?? '').trim();
  return form !== null && !form.hidden && (query === null || (status !== '' && !status.endsWith('…')));
}

/** axe-core's WCAG 2.2 AA violations on the page as it is drawn now, with up to three elements each. Runs in the browser, after AXE_SOURCE. */
async function runAxe(): Promise<string[]> {
  const axe = (globalThis as unknown as { axe: { run(options: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
  const result = await axe.run({
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    // Only violations are reported; the passes are not collected.
    resultTypes: ['violations'],
  });
  return result.violations.map((v) => `${v.id} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
}

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
});
