import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sharedSample } from '../helpers/shared-sample.js';
import { launchChromium, serveSite } from './harness.js';

/*
 * A reader's view of the sample newsroom (the build shared by the test run,
 * see tests/setup/sample-newsroom.ts) in Debian's Chromium, served with the
 * site's own _headers (so the Content-Security-Policy is enforced).
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** A phone and a desktop. */
const WIDTHS = [390, 1280] as const;

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
  page: '/about/',
  'not found': '/no-such-page/',
};

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
 * review; none without it. Drawing and encoding two dozen full pages took
 * a tenth of this file's time in every run, for files nobody opened.
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

  test('every page type loads with no console error or failed request (the CSP included)', async () => {
    const context = await browser.newContext();
    const { page, problems, settled } = await watchedPage(context);
    for (const url of Object.values(PAGE_TYPES)) {
      await page.goto(`${server.url}${url}`, { waitUntil: 'load' });
      await settled();
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('accessibility and validity', () => {
  // At both widths: a layout that wraps on a phone can bring small targets
  // (the breadcrumb's links) too close together.
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of WIDTHS) {
      test(`axe-core finds no WCAG 2.2 AA violation on any page type, ${scheme} mode, ${width} px wide`, async () => {
        const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
        const page = await context.newPage();
        const violations: string[] = [];
        for (const [type, url] of Object.entries(PAGE_TYPES)) {
          await page.goto(`${server.url}${url}`, { waitUntil: 'load' });
          // Evaluated through the debugging protocol, which the page's CSP does not govern.
          await page.evaluate(AXE_SOURCE);
          const found = await page.evaluate(async () => {
            const axe = (globalThis as unknown as { axe: { run(options: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
            const result = await axe.run({
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
              // Only violations are reported; the passes are not collected.
              resultTypes: ['violations'],
            });
            return result.violations.map((v) => `${v.id} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
          });
          violations.push(...found.map((v) => `${type}: ${v}`));
        }
        expect(violations).toEqual([]);
        await context.close();
      });
    }
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
      await page.goto(`${server.url}${url}`, { waitUntil: 'load' });
      const { scroll, width } = await page.evaluate(pageWidths);
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

  test('at 390 and 1280 px every page type keeps its content clear of the header and footer, does not scroll sideways, and gives the lead image its box; with BROADSHEET_ARTIFACTS, screenshots are saved for review', async () => {
    const folder = screenshotFolder();
    if (folder) console.log(`screenshots of every page type at ${WIDTHS.join(' and ')} px: ${folder}`);
    const problems: string[] = [];
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const [type, url] of Object.entries(PAGE_TYPES)) {
        const at = `${type} at ${width} px`;
        await page.goto(`${server.url}${url}`, { waitUntil: 'load' });
        const layout = await page.evaluate(measureLayout);
        if (!Number.isFinite(layout.gapAbove) || !Number.isFinite(layout.gapBelow)) problems.push(`${at}: nothing drawn in main`);
        if (layout.gapAbove < MIN_GAP_PX) problems.push(`${at}: ${layout.gapAbove.toFixed(1)} px between the header and the first content in main`);
        if (layout.gapBelow < MIN_GAP_PX) problems.push(`${at}: ${layout.gapBelow.toFixed(1)} px between the last content in main and the footer`);
        const { scroll, width: viewport } = await page.evaluate(pageWidths);
        if (scroll > viewport) problems.push(`${at}: the page is ${scroll} px wide in a ${viewport} px viewport`);
        if (url === PAGE_TYPES.article) {
          const image = await page.evaluate(leadImageBox);
          if (!image) problems.push(`${at}: no lead image`);
          else if (
            !(image.intrinsicWidth > 0 && image.intrinsicHeight > 0 && image.height > 0) ||
            image.width < 0.9 * image.figureWidth ||
            Math.abs(image.height - (image.width * image.intrinsicHeight) / image.intrinsicWidth) > 1
          )
            problems.push(`${at}: the lead image is ${image.width}×${image.height} px in a ${image.figureWidth} px figure, drawn from ${image.intrinsicWidth}×${image.intrinsicHeight}`);
        }
        if (url === PAGE_TYPES.article || url === PAGE_TYPES.page) {
          // Running text keeps a reading measure however wide the window: lines of a page once ran 1,120 px.
          const { text, em } = await page.evaluate(textMeasure);
          if (text > 40 * em) problems.push(`${at}: the text column is ${text.toFixed(0)} px wide, ${(text / em).toFixed(1)} em`);
        }
        if (folder) await page.screenshot({ path: path.join(folder, `${type.replace(/ /g, '-')}-${width}.png`), fullPage: true });
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});

/** Less than this between the header's rule (or the footer) and the page's content reads as touching. */
const MIN_GAP_PX = 12;

// The functions below run in the browser (page.evaluate); this project's
// TypeScript has no DOM types, so they describe the little they use.
interface Box {
  top: number;
  bottom: number;
  width: number;
  height: number;
}
interface Element {
  tagName: string;
  parentElement: Element | null;
  getBoundingClientRect(): Box;
  querySelector(selector: string): Element | null;
  getAttribute(name: string): string | null;
}
interface Document {
  documentElement: { scrollWidth: number };
  querySelector(selector: string): Element | null;
  createTreeWalker(root: Element, show: number): { nextNode(): unknown; currentNode: { nodeType: number; textContent: string | null; parentElement: Element | null } & Element };
  createRange(): { selectNodeContents(node: unknown): void; getClientRects(): Iterable<Box> };
}

function pageWidths(): { scroll: number; width: number } {
  const view = globalThis as unknown as { innerWidth: number; document: Document };
  return { scroll: view.document.documentElement.scrollWidth, width: view.innerWidth };
}

/**
 * The space between the site header's bottom edge and the top of the first
 * thing drawn in main (a line of text, an image, a form control), and
 * between the bottom of the last one and the footer. Text a reader cannot
 * see (visually hidden, clipped to a pixel) does not count.
 */
function measureLayout(): { gapAbove: number; gapBelow: number } {
  const document = (globalThis as unknown as { document: Document }).document;
  const main = document.querySelector('main')!;
  const tiny = (element: Element | null): boolean => {
    for (let at = element; at && at !== main; at = at.parentElement) {
      const box = at.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) return true;
    }
    return false;
  };
  let top = Infinity;
  let bottom = -Infinity;
  const take = (box: Box) => {
    if (box.width <= 1 || box.height <= 1) return;
    top = Math.min(top, box.top);
    bottom = Math.max(bottom, box.bottom);
  };
  // 1 | 4: elements and text.
  const walker = document.createTreeWalker(main, 5);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.nodeType === 3) {
      if (!node.textContent?.trim() || tiny(node.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const box of range.getClientRects()) take(box);
    } else if (['IMG', 'INPUT', 'SELECT', 'BUTTON', 'TEXTAREA'].includes(node.tagName) && !tiny(node)) {
      take(node.getBoundingClientRect());
    }
  }
  return {
    gapAbove: top - document.querySelector('body > header')!.getBoundingClientRect().bottom,
    gapBelow: document.querySelector('body > footer')!.getBoundingClientRect().top - bottom,
  };
}

/** The article's lead image as drawn, its figure's width and the size its attributes give. */
/** The width of the story's or page's text column, and the size of its font (px). */
function textMeasure(): { text: number; em: number } {
  const view = globalThis as unknown as { document: Document; getComputedStyle(element: Element): { fontSize: string } };
  const body = view.document.querySelector('.story-body');
  if (!body) return { text: Number.POSITIVE_INFINITY, em: 1 };
  return { text: body.getBoundingClientRect().width, em: Number.parseFloat(view.getComputedStyle(body).fontSize) };
}

function leadImageBox(): { width: number; height: number; figureWidth: number; intrinsicWidth: number; intrinsicHeight: number } | undefined {
  const document = (globalThis as unknown as { document: Document }).document;
  const figure = document.querySelector('.lead-image');
  const image = figure?.querySelector('img');
  if (!figure || !image) return undefined;
  const box = image.getBoundingClientRect();
  return {
    width: box.width,
    height: box.height,
    figureWidth: figure.getBoundingClientRect().width,
    intrinsicWidth: Number(image.getAttribute('width')),
    intrinsicHeight: Number(image.getAttribute('height')),
  };
}
