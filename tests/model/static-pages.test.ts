import { describe, expect, test } from 'vitest';
import { validateContent } from '../../src/content/validate.js';
import type { RenderedMarkdown } from '../../src/markdown/render.js';
import { buildSiteModel } from '../../src/model/build-model.js';
import { outputFiles } from '../../src/outputs/output-files.js';
import { pageScripts } from '../../src/search/page-scripts.js';
import { article, SITE_YML, sources } from '../helpers/sources.js';

const FRAME = 'https://www.youtube-nocookie.com';
const pages = {
  about: article({ title: 'About us', updated: '2025-05-01' }, 'Who we are.\n'),
  video: article({ title: 'Our studio', aliases: '[/studio/]', draft: 'true' }, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ\n'),
  tour: article({ title: 'A tour' }, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ\n'),
};
const rendered = (file: string): RenderedMarkdown =>
  file.endsWith('/tour.md') || file.endsWith('/video.md')
    ? { html: '<div class="embed"></div>', firstParagraph: '', words: 0, embeds: { origins: [FRAME] } }
    : { html: '<p>Who we are.</p>', firstParagraph: 'Who we are.', words: 3 };

function modelOf(drafts: boolean) {
  const site = `${SITE_YML}pages: [about, tour, video]\nredirects:\n  /feed/: /feed.xml\n`;
  const { content, problems } = validateContent(sources({}, { site, pages }), { now: Date.parse('2026-01-01T00:00:00Z'), drafts, future: false, assetExists: () => false });
  expect(problems).toEqual([]);
  return buildSiteModel(content!, rendered);
}

const files = (drafts: boolean) => {
  const model = modelOf(drafts);
  return { model, made: new Map([...outputFiles(model, { now: Date.parse('2026-01-01T00:00:00Z'), assetNames: new Map() }).make()].map((file) => [file.path, file.content.toString()])) };
};

describe('pages in the files made without templates', () => {
  test('an embed in a page: its script is allowed on that page alone, and its frame origin is in the CSP', () => {
    const { model, made } = files(false);
    expect(model.pages.map((page) => [page.url, page.embeds?.origins])).toEqual([
      ['/about/', undefined],
      ['/tour/', FRAME],
    ]);
    const scripts = pageScripts(model.site, [...model.articles, ...model.pages]);
    expect([...scripts.keys()].sort()).toEqual(['search/index.html', 'tour/index.html']);
    expect(made.get('_headers')).toContain(`frame-src ${FRAME}`);
  });

  test('the sitemap lists published pages (dated by updated:), _redirects their aliases and site.yml redirects; no feed names a page', () => {
    const { made } = files(true);
    const sitemap = made.get('sitemap.xml')!;
    expect(sitemap).toContain('<url><loc>https://gazette.example.org/about/</loc><lastmod>2025-05-01T00:00:00+01:00</lastmod></url>');
    expect(sitemap).toContain('<url><loc>https://gazette.example.org/tour/</loc></url>');
    // A draft shown by --drafts is in no sitemap, and its aliases wait for it to be published.
    expect(sitemap).not.toContain('/video/');
    expect(made.get('_redirects')).toBe('/feed/ /feed.xml 301\n');
    expect(made.has('studio/index.html')).toBe(false);
    const feeds = [...made].filter(([file]) => /(?:feed\.xml|atom\.xml|feed\.json)$/.test(file));
    expect(feeds.length).toBeGreaterThan(0);
    for (const [file, text] of feeds) expect(text, file).not.toMatch(/\/(?:about|tour|video)\//);
  });
});
