import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/stages/build.js';
import { EVERY_EMBED, writeEmbedNewsroom } from '../helpers/embed-newsroom.js';
import { launchChromium, serveSite } from './harness.js';

/*
 * An article with one embed of each provider, in Chromium, served with the
 * site's own _headers (the CSP with its frame-src is enforced). Requests to
 * any other host are answered by a stub here: nothing leaves the machine,
 * and every one is counted.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ARTICLE = '/news/every-embed/';
const folders: string[] = [];
let server: Awaited<ReturnType<typeof serveSite>>;
let browser: Browser;

beforeAll(async () => {
  const root = writeEmbedNewsroom();
  const out = mkdtempSync(path.join(tmpdir(), 'broadsheet-embeds-browser-'));
  folders.push(root, out);
  await build({ contentDir: path.join(root, 'content'), outDir: path.join(out, 'site'), now: Date.parse('2026-11-25T12:00:00Z'), workers: 0 });
  server = await serveSite(path.join(out, 'site'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  folders.forEach((folder) => rmSync(folder, { recursive: true, force: true }));
});

/** A page whose requests to other hosts get a stub, each one recorded, and whose console errors are kept. */
async function stubbedPage(context: BrowserContext): Promise<{ page: Page; away: string[]; errors: string[] }> {
  const page = await context.newPage();
  const site = new URL(server.url).host;
  const away: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    if (new URL(route.request().url()).host === site) return route.continue();
    away.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><title>Provider stub</title><p>Stub</p>' });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, away, errors };
}

describe('with JavaScript', () => {
  test('no request leaves for another host before a click, and a click loads the frame the facade names', async () => {
    const context = await browser.newContext();
    const { page, away, errors } = await stubbedPage(context);
    await page.goto(`${server.url}${ARTICLE}`, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    expect(away).toEqual([]);
    expect(await page.locator('.embed').count()).toBe(EVERY_EMBED.length);
    // The script offers to load each frame here; link cards stay links.
    expect(await page.locator('.embed[data-embed-src] .embed-action').first().textContent()).toBe('Load it here (content from YouTube)');
    expect(await page.locator('.embed:not([data-embed-src]) .embed-action').allTextContents()).toEqual(['Read the post on X', 'Read the post on Instagram']);

    const facades = page.locator('.embed[data-embed-src]');
    const count = await facades.count();
    for (let i = 0; i < count; i++) {
      const facade = facades.nth(i);
      const src = await facade.getAttribute('data-embed-src');
      // The first by the mouse; the rest from the keyboard, as a reader who tabs to them does (with the
      // focus in a cross-origin frame, Chromium under Playwright drops every other synthetic click).
      if (i === 0) await facade.locator('a.embed-link').click();
      else await facade.locator('a.embed-link').press('Enter');
      const frame = facade.locator('iframe');
      await frame.waitFor({ state: 'attached', timeout: 5000 });
      expect(await frame.getAttribute('src')).toBe(src);
      expect(await frame.getAttribute('title')).toBe(await facade.locator('.embed-title').textContent());
      expect(await frame.getAttribute('loading')).toBe('lazy');
      expect(await frame.getAttribute('referrerpolicy')).toBe('strict-origin-when-cross-origin');
      const sandbox = (await frame.getAttribute('sandbox'))?.split(' ') ?? [];
      expect(sandbox).toContain('allow-scripts');
      expect(sandbox.filter((token) => token.startsWith('allow-top-navigation') || token === 'allow-modals' || token === 'allow-forms')).toEqual([]);
      // Focus moves to the frame, which scrolls it into view, and it loads (from the stub) before the next click.
      await (await frame.elementHandle())?.contentFrame().then((content) => content?.waitForLoadState('load'));
      expect(away).toContain(src);
      // The facade is now a line linking to the original, under the frame.
      expect(await facade.locator('a.embed-original').count()).toBe(1);
    }
    expect(away.sort()).toEqual((await facades.evaluateAll((boxes) => boxes.map((box) => box.getAttribute('data-embed-src') ?? ''))).sort());
    // The CSP let every frame through: a refused frame is a console error.
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a facade whose frame origin the page does not allow stays a link', async () => {
    const context = await browser.newContext();
    const { page, away } = await stubbedPage(context);
    // As markup that slipped past a sanitizer would: a frame from a host the template did not name.
    await context.route(`${server.url}${ARTICLE}`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"', 'data-embed-src="https://evil.example/embed"');
      await route.fulfill({ response, body });
    });
    await page.goto(`${server.url}${ARTICLE}`, { waitUntil: 'load' });
    const first = page.locator('.embed').first();
    expect(await first.getAttribute('data-embed-src')).toBe('https://evil.example/embed');
    expect(await first.locator('.embed-action').textContent()).toBe('Watch on YouTube');
    await first.locator('a.embed-link').click();
    await page.waitForURL('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(away).toEqual(['https://www.youtube.com/watch?v=dQw4w9WgXcQ']);
    await context.close();
  });
});

describe('without JavaScript', () => {
  test('each facade is a link to the original, and following it is the only request away', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const { page, away } = await stubbedPage(context);
    await page.goto(`${server.url}${ARTICLE}`, { waitUntil: 'load' });
    expect(away).toEqual([]);
    const links = await page.locator('.embed a.embed-link').evaluateAll((anchors) => anchors.map((a) => (a as unknown as { href: string }).href));
    expect(links).toHaveLength(EVERY_EMBED.length);
    expect(links[0]).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(links.every((href) => href.startsWith('https://'))).toBe(true);
    await page.locator('.embed a.embed-link').first().click();
    await page.waitForURL('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(away).toEqual(['https://www.youtube.com/watch?v=dQw4w9WgXcQ']);
    expect(await page.locator('iframe').count()).toBe(0);
    await context.close();
  });
});

describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe-core finds no WCAG 2.2 AA violation on the article, before and after a click, ${scheme} mode`, async () => {
      const context = await browser.newContext({ colorScheme: scheme });
      const { page } = await stubbedPage(context);
      await page.goto(`${server.url}${ARTICLE}`, { waitUntil: 'load' });
      const violations = async () => {
        // Evaluated through the debugging protocol, which the page's CSP does not govern.
        await page.evaluate(AXE_SOURCE);
        return page.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run(context: object, options: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
          // The stub frames are not ours to check.
          const result = await axe.run({ exclude: [['iframe']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] });
          return result.violations.map((v) => `${v.id} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
        });
      };
      expect(await violations()).toEqual([]);
      await page.locator('.embed[data-embed-src] a.embed-link').first().click();
      expect(await violations()).toEqual([]);
      await context.close();
    });
  }
});
