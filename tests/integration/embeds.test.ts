import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/stages/build.js';
import { EVERY_EMBED, EVERY_FRAME_ORIGIN, writeEmbedNewsroom } from '../helpers/embed-newsroom.js';
import { writeNewsroom } from '../helpers/newsroom.js';
import { readSite, type BuiltSite } from '../helpers/site-output.js';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

async function buildSite(root: string): Promise<BuiltSite> {
  folders.push(root);
  const out = mkdtempSync(path.join(tmpdir(), 'broadsheet-embeds-site-'));
  folders.push(out);
  await build({ contentDir: path.join(root, 'content'), outDir: path.join(out, 'site'), now: NOW, workers: 0 });
  return readSite(path.join(out, 'site'));
}

const policyOf = (site: BuiltSite): string[] =>
  (/^ {2}Content-Security-Policy: (.*)$/m.exec(readFileSync(path.join(site.dir, '_headers'), 'utf8'))?.[1] ?? '').split('; ');

describe('a site with one of each embed', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite(writeEmbedNewsroom());
  });

  test('the article shows a facade for each, in order, linking to the original', () => {
    const page = site.page('/news/every-embed/');
    const facades = page('.story-body .embed');
    expect(facades.map((_, el) => page(el).find('.embed-title').text()).get()).toEqual(EVERY_EMBED.map((embed) => embed.title));
    expect(page('.story-body iframe').length).toBe(0);
  });

  test('_headers allows frames from exactly the origins the embeds use', () => {
    expect(policyOf(site).filter((directive) => directive.startsWith('frame-src'))).toEqual([`frame-src ${EVERY_FRAME_ORIGIN.join(' ')}`]);
  });

  test('the embeds stylesheet is loaded by the pages with an embed only', () => {
    const linked = [...site.pages].filter(([, page]) => page('link[rel="stylesheet"][href*="/css/embeds."]').length > 0).map(([url]) => url);
    expect(linked.sort()).toEqual(['/news/every-embed/', '/news/link-card/']);
    const href = site.page('/news/link-card/')('link[href*="/css/embeds."]').attr('href') ?? '';
    expect(href).toMatch(/^\/css\/embeds\.[0-9a-f]{10}\.css$/);
    expect(site.files).toContain(href.slice(1));
  });

  test('the embed script is loaded on the article with frames only, with the same origins, from a file of the site', () => {
    const scripts = [...site.pages].flatMap(([url, page]) => page('script[src*="/js/embeds."]').map((_, el) => ({ url, src: page(el).attr('src'), origins: page(el).attr('data-frame-origins') })).get());
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatchObject({ url: '/news/every-embed/', origins: EVERY_FRAME_ORIGIN.join(' ') });
    const src = scripts[0]?.src ?? '';
    expect(src).toMatch(/^\/js\/embeds\.[0-9a-f]{10}\.js$/);
    expect(site.files).toContain(src.slice(1));
    expect(site.page('/news/harbour-wall/')('script[src*="embeds"], link[href*="embeds"]').length).toBe(0);
    expect(site.page('/news/link-card/')('script[src*="embeds"]').length).toBe(0);
  });
});

test('a site without embeds has no frame-src: frames fall back to default-src, as before', async () => {
  const site = await buildSite(writeNewsroom());
  expect(policyOf(site).some((directive) => directive.startsWith('frame-src'))).toBe(false);
  expect([...site.pages].filter(([, page]) => page('script[src*="embeds"], link[href*="embeds"]').length > 0)).toEqual([]);
});
