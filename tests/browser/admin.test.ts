import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serve } from '../../src/serve/serve.js';
import { checkContent, defaultPaths } from '../../src/stages/build.js';
import { copySharedCache } from '../helpers/shared-sample.js';
import { launchChromium } from './harness.js';

/*
 * The web editor on a copy of the sample newsroom with admin: on, served by
 * `serve` in this process with Decap's local backend: an editor logs in,
 * sees the stories of every year folder, and writes a new one, picking its
 * author and section from the relation widgets. The CMS runs under the
 * policy _headers gives /admin/; every violation of it is kept.
 */
const HEADLINE = 'Lifeboat station gets a new slipway';
const SLUG = 'lifeboat-station-gets-a-new-slipway';
const REPOSITORY = path.resolve('.');

let root: string;
let site: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;
const violations: string[] = [];
const buildErrors: unknown[] = [];
/** Told after each build or update of the served site. */
const afterBuild = new Set<() => void>();
const workingFolder = process.cwd();

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'broadsheet-admin-'));
  cpSync(path.join(REPOSITORY, 'content'), path.join(root, 'content'), { recursive: true });
  cpSync(path.join(REPOSITORY, 'public'), path.join(root, 'public'), { recursive: true });
  appendFileSync(path.join(root, 'content', 'site.yml'), 'admin:\n  enabled: true\n  backend:\n    repo: courier/newsroom\n');
  // The configuration's paths, and the local backend's files, are the project's where serve runs.
  process.chdir(root);
  let opened: (url: string) => void = () => {};
  const ready = new Promise<string>((resolve) => (opened = resolve));
  const built = () => afterBuild.forEach((listener) => listener());
  site = await serve({
    contentDir: 'content',
    publicDir: 'public',
    templatesDir: defaultPaths.templatesDir,
    outDir: '_site',
    cacheDir: copySharedCache(path.join(root, '.cache')),
    port: 0,
    host: 'localhost',
    onBuild: ({ error }) => {
      if (error) buildErrors.push(error);
      built();
    },
    onPreview: () => {},
    onUpdate: built,
    onReady: (url) => opened(url),
  }).then(async (server) => ({ url: await ready, close: () => server.close() }));
  browser = await launchChromium();
  // The editor's clock is the newsroom's: the picker's time is the site's.
  page = await browser.newPage({ timezoneId: 'Europe/London' });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  process.chdir(workingFolder);
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The local backend's answer to the next save: the file is written when it comes. */
function persisted(): Promise<unknown> {
  return page.waitForResponse((response) => response.request().postData()?.includes('"action":"persistEntry"') === true, { timeout: 0 });
}

/** The new story's file under content/articles/, wherever the CMS put it. */
function storyFile(): string | undefined {
  const articles = path.join(root, 'content', 'articles');
  return readdirSync(articles, { recursive: true, encoding: 'utf8' })
    .map((file) => path.join(articles, file))
    .find((file) => file.endsWith(`-${SLUG}.md`));
}

describe('the web editor with the local backend', () => {
  test('/admin/ is served under its own policy and lists the stories of every year folder', async () => {
    const response = await page.goto(new URL('/admin/', site.url).href);
    expect(response?.headers()['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(response?.headers()['x-robots-tag']).toBe('noindex');
    await page.getByRole('button', { name: 'Login' }).click();
    for (const title of [
      'Storm floods Brackley Sands seafront as sea wall is overtopped',
      "First passengers ride Port Ellery's tram as the line opens to the public",
    ]) {
      await page.getByText(title, { exact: true }).waitFor({ timeout: 0 });
    }
    // The editor is no page for readers: in no sitemap, no search index.
    expect(readFileSync(path.join(root, '_site', 'sitemap.xml'), 'utf8')).not.toContain('/admin/');
    expect(readdirSync(path.join(root, '_site', 'pagefind'), { recursive: true, encoding: 'utf8' }).length).toBeGreaterThan(0);
    expect(JSON.stringify(readdirSync(path.join(root, '_site', 'pagefind'), { recursive: true, encoding: 'utf8' }))).not.toContain('admin');
  });

  test('a story without a picture is saved: only the edited field changes, its embeds and blocks stay as written', async () => {
    const file = path.join(root, 'content', 'articles', '2026', '2026-11-17-brackley-sands-sea-wall-rebuild-plan.md');
    const before = readFileSync(file, 'utf8');
    await page.goto(new URL('/admin/#/collections/articles', site.url).href);
    await page.getByText('Brackley Sands sea wall to be rebuilt in three phases at a cost of £6.8m', { exact: true }).click();
    const summary = page.getByLabel(/^Summary/);
    await page.getByText(/^Two winters after the seafront flooded/).waitFor({ timeout: 0 });
    await summary.fill('The council has set out how the promenade wall will be raised.');
    const saved = persisted();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Publish now').click();
    await saved;

    const after = readFileSync(file, 'utf8');
    expect(after).toContain('summary: The council has set out how the promenade wall will be raised.\n');
    expect(after).not.toContain('image:');
    // The body (an embed, a "Read more" block, key facts) is exactly as it was.
    expect(after.slice(after.indexOf('\n---\n'))).toBe(before.slice(before.indexOf('\n---\n')));
  });

  test('a story cannot be saved with a picture without alt text; with it, the file is written, passes check and is published', async () => {
    // A fresh load: after the last test's save, Decap went on updating the editor it left, and a form
    // opened by a hash change alone was reset under the test's typing in one run of two.
    await page.goto('about:blank');
    await page.goto(new URL('/admin/#/collections/articles/new', site.url).href, { waitUntil: 'networkidle' });
    await page.getByText('Writing in Articles collection').waitFor();
    const twoDaysAgo = DateTime.now().setZone('Europe/London').minus({ days: 2 }).toFormat("yyyy-LL-dd'T'HH:mm");
    await page.getByLabel('Authors', { exact: true }).fill('Helena');
    await page.getByRole('option', { name: 'Helena Marsh' }).click();
    await page.getByLabel('Section', { exact: true }).fill('New');
    await page.getByRole('option', { name: 'News', exact: true }).click();
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.type('The slipway opened on Monday.');
    await page.getByRole('button', { name: /choose an image/i }).first().click();
    // The library lists its pictures after it opens; on CI that took longer than a poll's first try.
    const picture = page.getByText('harbour-dawn.jpg');
    await picture.waitFor({ timeout: 0 });
    // Again until it holds: a click as the media library was still loading selected nothing in one run of six.
    const choose = page.getByRole('button', { name: 'Choose selected' });
    await expect
      .poll(async () => {
        if (await choose.isDisabled()) await picture.click();
        return choose.isEnabled();
      })
      .toBe(true);
    await choose.click();
    // Last, and again until they hold: typed as the new entry opened, the headline or the date was
    // lost in one run of two, when Decap finished setting up the form (the other fields were kept).
    const headline = page.getByLabel('Headline', { exact: true });
    const date = page.locator('input[type="datetime-local"]').first();
    await expect
      .poll(async () => {
        if ((await headline.inputValue()) !== HEADLINE) await headline.fill(HEADLINE);
        if ((await date.inputValue()) !== twoDaysAgo) await date.fill(twoDaysAgo);
        return [await headline.inputValue(), await date.inputValue()];
      })
      .toEqual([HEADLINE, twoDaysAgo]);

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Publish now').click();
    await page.getByText('Alt text is required.').waitFor({ timeout: 0 });
    expect(storyFile()).toBeUndefined();

    const published = new Promise<void>((resolve) => {
      const listener = () => {
        if (existsSync(path.join(root, '_site', 'news', SLUG, 'index.html'))) resolve();
      };
      afterBuild.add(listener);
    });
    await page.getByLabel(/^Alt text/).fill('Fishing boats moored at dawn');
    const saved = persisted();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Publish now').click();
    await saved;

    const file = storyFile() ?? '';
    expect(path.relative(root, file).split(path.sep).slice(0, 3)).toEqual(['content', 'articles', twoDaysAgo.slice(0, 4)]);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('authors:\n  - helena-marsh\n');
    expect(text).toContain('category: news\n');
    const checked = await checkContent({ contentDir: path.join(root, 'content'), publicDir: path.join(root, 'public'), workers: 0 });
    expect(checked.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(checked.content.articles.map((article) => article.slug)).toContain(SLUG);

    await published;
    const $ = load(readFileSync(path.join(root, '_site', 'news', SLUG, 'index.html'), 'utf8'));
    expect($('h1').first().text().trim()).toBe(HEADLINE);
    expect($('img[alt="Fishing boats moored at dawn"], picture img[alt="Fishing boats moored at dawn"]').length).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    expect(buildErrors).toEqual([]);
  });
});
