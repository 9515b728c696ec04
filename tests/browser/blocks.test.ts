import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeNewsroom } from '../helpers/newsroom.js';
import { validArticle } from '../helpers/sources.js';
import { launchChromium, serveSite } from './harness.js';

/*
 * A story with a pull quote, a key facts box and highlighted code, built by
 * the CLI and read in Chromium with the site's own _headers (its CSP
 * enforced), light and dark, on a phone and a desktop.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BODY = `The first tram left the depot at 06:10 on Sunday.

:::pullquote{by="Mayor Ana Ruiz"}
This line will carry ten thousand people a day by the end of the year.
:::

The council says the line will reach the harbour within five years.

:::keyfacts{title="The line in numbers"}
- 12 km of track and 18 stops
- Trams every 6 minutes at peak times
:::

The timetable data is open:

\`\`\`js
// Stops of a tram line, from the open data feed at https://courier.example.org/data/a-very-long-address/stops.json
export async function stops(line) {
  const response = await fetch(\`/data/\${line}.json\`);
  return response.ok ? (await response.json()).stops : [];
}
\`\`\`
`;

let root: string;
let server: Awaited<ReturnType<typeof serveSite>>;
let browser: Browser;

beforeAll(async () => {
  root = writeNewsroom({ 'tram.md': validArticle({ title: 'Tram line opens' }).replace('The first paragraph.\n', BODY) });
  const built = spawnSync(process.execPath, [path.resolve('dist/cli.js'), 'build', '--no-cache', '--quiet'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`the newsroom did not build:\n${built.stdout}${built.stderr}`);
  server = await serveSite(path.join(root, '_site'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('a story with newsroom blocks and highlighted code', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [390, 1280]) {
      test(`${scheme}, ${width} px: styled, no sideways scroll, no console error, axe finds no WCAG 2.2 AA violation`, async () => {
        const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${server.url}/news/tram/`, { waitUntil: 'load' });

        const looks = await page.evaluate(() => {
          const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
          return {
            quoteBorder: style('.pull-quote').borderTopStyle,
            quoteSize: parseFloat(style('.pull-quote blockquote').fontSize),
            bodySize: parseFloat(style('.story-body > p').fontSize),
            boxBackground: style('.key-facts').backgroundColor,
            pageBackground: getComputedStyle(document.body).backgroundColor,
            keywordColour: style('.hljs-keyword').color,
            codeColour: style('pre code').color,
            scroll: document.documentElement.scrollWidth,
            viewport: window.innerWidth,
          };
        });
        expect(looks.quoteBorder).toBe('solid');
        expect(looks.quoteSize).toBeGreaterThan(looks.bodySize);
        expect(looks.boxBackground).not.toBe(looks.pageBackground);
        expect(looks.keywordColour).not.toBe(looks.codeColour);
        expect(looks.scroll).toBeLessThanOrEqual(looks.viewport);

        await page.evaluate(AXE_SOURCE);
        const violations = await page.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run(context: string, options: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
          const result = await axe.run('.story-body', {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
            resultTypes: ['violations'],
          });
          return result.violations.map((v) => `${v.id} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
        });
        expect(violations).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }

  test('the key facts box is a landmark named by its label', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/news/tram/`, { waitUntil: 'load' });
    await expect(page.getByRole('complementary', { name: 'The line in numbers' }).getByRole('listitem').count()).resolves.toBe(2);
    await expect(page.getByRole('figure').getByText('Mayor Ana Ruiz').count()).resolves.toBe(1);
    await page.close();
  });
});
