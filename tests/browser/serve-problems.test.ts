import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/outputs/seo/headers.js';
import { serve } from '../../src/serve/serve.js';
import { copySharedCache, sharedSample } from '../helpers/shared-sample.js';
import { launchChromium } from './harness.js';

/*
 * An editor's view of `serve` in Chromium, on a copy of the sample
 * newsroom: a saved mistake appears on the page they are looking at, and
 * goes when it is fixed. serve runs in this process; pages reach the
 * browser with the reader pages' Content-Security-Policy added (the dev
 * server sends no _headers), so the panel must show under it.
 */
const ARTICLE = 'articles/2026/2026-01-27-budget-2026-draft-published.md';
const ARTICLE_URL = 'politics/budget-2026-draft-published/';
const GOOD_DATE = 'date: 2026-01-27T18:00:00';

let root: string;
let served: { close(): Promise<void> } | undefined;
let address: string;
let browser: Browser;
let firstBuildError: unknown;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'serve-problems-browser-'));
  cpSync(sharedSample().contentDir, path.join(root, 'content'), { recursive: true });
  const [started] = await Promise.all([
    serve({
      contentDir: path.join(root, 'content'),
      outDir: path.join(root, '_site'),
      cacheDir: copySharedCache(path.join(root, 'cache')),
      now: sharedSample().now,
      workers: 0,
      port: 0,
      host: '127.0.0.1',
      onBuild: ({ error }) => {
        firstBuildError ??= error ?? null;
      },
      onPreview: () => {},
      onUpdate: () => {},
      onReady: (url) => (address = url),
    }),
    launchChromium().then((launched) => (browser = launched)),
  ]);
  served = started;
  if (firstBuildError) throw firstBuildError;
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  rmSync(root, { recursive: true, force: true });
});

test('a saved date error shows on the open page with its file and line, and goes when it is fixed', async () => {
  const articleFile = path.join(root, 'content', ARTICLE);
  const page = await browser.newPage();
  await page.goto(new URL(ARTICLE_URL, address).href);
  const headline = await page.locator('main h1').first().textContent();
  expect(headline).toBe('Draft Budget 2026 protects libraries but raises parking charges');
  const panel = page.locator('#broadsheet-problems');
  expect(await panel.count()).toBe(0);

  const good = readFileSync(articleFile, 'utf8');
  expect(good).toContain(`\n${GOOD_DATE}\n`);
  writeFileSync(articleFile, good.replace(GOOD_DATE, 'date: 2026-02-31'));

  // The live reload brings the page back with the panel; no timeout but the test's.
  await panel.waitFor({ state: 'visible', timeout: 0 });
  expect(await panel.locator('summary').textContent()).toBe('✖ The site was not updated: 1 error');
  const item = (await panel.locator('li').allTextContents()).join('\n');
  expect(item.startsWith(`${articleFile}:4:1 error: date: `)).toBe(true);
  expect(item).toContain('2026-02-31');
  expect(await panel.locator('.broadsheet-problems-note').textContent()).toMatch(/^This page is the last good build\./);
  expect(await page.locator('main h1').first().textContent()).toBe(headline);
  // Only the browser's copy has it: the output folder holds the page as built.
  expect(readFileSync(path.join(root, '_site', ARTICLE_URL, 'index.html'), 'utf8')).not.toContain('broadsheet-problems');

  await expectShownUnderReaderPolicy(new URL(ARTICLE_URL, address).href);

  writeFileSync(articleFile, good);
  await panel.waitFor({ state: 'detached', timeout: 0 });
  expect(await page.locator('main h1').first().textContent()).toBe(headline);
});

/**
 * The panel on `url` with the reader pages' Content-Security-Policy added
 * to every response, as a host sends it: its stylesheet applies (the panel
 * is fixed at the bottom of the window) and nothing is refused. A second
 * page, since Chromium counts a page whose responses a test fulfilled as
 * outside this machine and then refuses its live-reload socket to 127.0.0.1.
 */
async function expectShownUnderReaderPolicy(url: string): Promise<void> {
  const page = await browser.newPage();
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) refused.push(message.text());
  });
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CONTENT_SECURITY_POLICY } });
  });
  try {
    await page.goto(url);
    const panel = page.locator('#broadsheet-problems');
    expect(await panel.locator('li').count()).toBe(1);
    expect(await panel.evaluate((element) => getComputedStyle(element).position)).toBe('fixed');
    expect(refused).toEqual([]);
  } finally {
    await page.close();
  }
}
