import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/stages/build.js';
import { writeNewsroom } from '../helpers/newsroom.js';
import { sharedSample } from '../helpers/shared-sample.js';
import { readSite, text, type BuiltSite } from '../helpers/site-output.js';
import { SITE_YML, validArticle } from '../helpers/sources.js';

const NOW = Date.parse('2026-11-25T12:00:00Z');
// A path of its own per site: a query is refused (only an origin and a path may be an endpoint).
const ENDPOINT = 'https://comments.example.net/v1/entry/gazette';
const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function buildInto(contentDir: string, extra: { drafts?: boolean } = {}): Promise<BuiltSite> {
  const out = mkdtempSync(path.join(tmpdir(), 'broadsheet-comments-site-'));
  folders.push(out);
  await build({ contentDir, outDir: path.join(out, 'site'), now: NOW, workers: 0, ...extra });
  return readSite(path.join(out, 'site'));
}

/** Each comment as a reader sees it: name, date shown, body text, and its replies. */
function thread($: CheerioAPI): unknown[] {
  const view = (el: Parameters<CheerioAPI>[0]) => {
    const comment = $(el);
    return [text(comment.find('.comment-author').first().text()), text(comment.find('time').first().text()), text(comment.find('.comment-body').first().text())];
  };
  return $('.comments > .comment-list > li')
    .toArray()
    .map((li) => [...view($(li).children('article.comment')), $(li).find('.comment-replies > li > article.comment').toArray().map(view)]);
}

const formOf = ($: CheerioAPI) => $('.comments form');
const formOrigins = (site: BuiltSite): string => /form-action ([^;]*);/.exec(readFileSync(path.join(site.dir, '_headers'), 'utf8'))?.[1] ?? '';

describe('the sample newsroom', () => {
  // The sample built once for the run (tests/setup/sample-newsroom.ts).
  const site = readSite(sharedSample().siteDir);

  test('the tram story shows its approved comments oldest first, the reply under its parent', () => {
    const $ = site.page('/news/tram-line-first-passengers/');
    expect(text($('#comments-heading').text())).toBe('3 comments');
    expect(thread($)).toEqual([
      [
        'Margaret Okafor',
        '20 November 2026 at 09:14',
        expect.stringMatching(/^Rode the 6\.10 from Northgate .* just missed one\.$/),
        [['Dev Patel', '20 November 2026 at 12:40', expect.stringMatching(/^Seconded on the bench\./)]],
      ],
      ['Ruth Hallam', '21 November 2026 at 08:05', expect.stringMatching(/^I run the café on Fennick Street\./), []],
    ]);
    const first = $('.comment').first();
    expect(first.attr('id')).toBe('comment-2026-11-20-margaret-okafor');
    expect(first.find('time').attr('datetime')).toBe('2026-11-20T09:14:00+00:00');
    expect(first.find('.comment-link').attr('href')).toBe('#comment-2026-11-20-margaret-okafor');
    expect(first.find('.comment-body strong').text()).toBe('Hollins Lane');
  });

  test('comments sit after the story, outside what search indexes', () => {
    const $ = site.page('/news/tram-line-first-passengers/');
    expect($('article.story .comments').length).toBe(0);
    expect($('article.story ~ .comments').length).toBe(1);
  });

  test('without an endpoint, comments there are say comments are closed; a story without comments has no section', () => {
    const $ = site.page('/news/tram-line-first-passengers/');
    expect(text($('.comments .comment-state').text())).toBe('Comments are closed.');
    expect(text(site.page('/culture/gullhaven-library-reopens/')('#comments-heading').text())).toBe('1 comment');
    expect(site.page('/news/police-station-counter-to-close/')('.comments').length).toBe(0);
  });

  test('no form without an endpoint, and forms post only to the site itself', () => {
    for (const [url, $] of site.pages) expect(formOf($).length, url).toBe(0);
    expect(formOrigins(site)).toBe("'self'");
  });
});

describe('a newsroom with a comment endpoint', () => {
  let root: string;
  let site: BuiltSite;
  const comment = (name: string, date: string, body: string, replyTo?: string): string =>
    [`name: ${JSON.stringify(name)}`, `date: ${date}`, ...(replyTo ? [`reply-to: ${replyTo}`] : []), 'body: |', ...body.split('\n').map((line) => `  ${line}`), ''].join('\n');
  const write = (file: string, content: string) => {
    mkdirSync(path.dirname(path.join(root, 'content', file)), { recursive: true });
    writeFileSync(path.join(root, 'content', file), content);
  };

  beforeAll(async () => {
    root = writeNewsroom({
      'harbour-wall.md': validArticle(),
      'tram.md': validArticle({ title: 'Tram opens', category: 'business' }),
      'closed.md': validArticle({ title: 'Closed to comments', comments: 'false' }),
      'draft.md': validArticle({ title: 'A draft', draft: 'true' }),
      'quiet.md': validArticle({ title: 'Nobody has said a word' }),
    });
    folders.push(root);
    write('site.yml', `${SITE_YML}comments:\n  endpoint: ${ENDPOINT}\n`);
    write('comments/harbour-wall/ann.yml', comment('Ann Reader', '2025-03-14T10:00', 'Good to see it *fixed*.'));
    write('comments/harbour-wall/ben.yml', comment('Ben Writer', '2025-03-14T11:30', 'Agreed.', 'ann'));
    write('comments/harbour-wall/cat.yml', comment('Cat', '2025-03-15T09:00', 'Who paid for it?'));
    write('comments/closed/dan.yml', comment('Dan', '2025-03-14T12:00', 'Said before they closed it.'));
    write('comments/draft/eve.yml', comment('Eve', '2025-03-14T12:00', 'Early.'));
    write(
      'comments/tram/mallory.yml',
      comment('</title><script>alert(1)</script>', '2025-03-14T12:00', '<script>alert(document.cookie)</script>\n\n[win](javascript:alert(1)) ![pixel](https://tracker.example/p.gif) {{ 6 * 7 }}\n\n## Heading'),
    );
    site = await buildInto(path.join(root, 'content'), { drafts: true });
  });

  test('the form posts to the endpoint with the article, a labelled name and comment, and the moderation note', () => {
    const $ = site.page('/news/harbour-wall/');
    const form = formOf($);
    expect(form.length).toBe(1);
    expect(form.attr('method')).toBe('post');
    expect(form.attr('action')).toBe(ENDPOINT);
    expect(form.find('input[type="hidden"][name="article"]').attr('value')).toBe('harbour-wall');
    const labelled = (name: string) => {
      const control = form.find(`[name="${name}"]`);
      return text(form.find(`label[for="${control.attr('id')}"]`).text());
    };
    expect(labelled('name')).toBe('Name');
    expect(labelled('comment')).toBe('Comment');
    expect(form.find('[name="name"]').attr('required')).toBeDefined();
    expect(form.find('textarea[name="comment"]').attr('required')).toBeDefined();
    expect(text(form.find('.comment-note').text())).toMatch(/^Comments are moderated/);
    expect(text(form.find('button[type="submit"]').text())).toBe('Send for moderation');
  });

  test('a honeypot field that people leave empty: visually hidden, out of the tab order, never autofilled, labelled for screen readers', () => {
    const form = formOf(site.page('/news/harbour-wall/'));
    const trap = form.find('[name="website"]');
    expect(trap.length).toBe(1);
    expect(trap.attr('tabindex')).toBe('-1');
    expect(trap.attr('autocomplete')).toBe('off');
    expect(trap.closest('.visually-hidden').length).toBe(1);
    expect(text(form.find(`label[for="${trap.attr('id')}"]`).text())).toMatch(/^Leave this field empty/);
  });

  test('a reader may answer a top-level comment, never a reply', () => {
    const form = formOf(site.page('/news/harbour-wall/'));
    const options = form.find('select[name="reply-to"] option').toArray().map((o) => [form.find(o).attr('value'), text(form.find(o).text())]);
    expect(options).toEqual([
      ['', 'Nobody: a new comment'],
      ['ann', 'Ann Reader, 14 March 2025 at 10:00'],
      ['cat', 'Cat, 15 March 2025 at 09:00'],
    ]);
  });

  test('threads, count and order', () => {
    const $ = site.page('/news/harbour-wall/');
    expect(text($('#comments-heading').text())).toBe('3 comments');
    expect(thread($)).toEqual([
      ['Ann Reader', '14 March 2025 at 10:00', 'Good to see it fixed.', [['Ben Writer', '14 March 2025 at 11:30', 'Agreed.']]],
      ['Cat', '15 March 2025 at 09:00', 'Who paid for it?', []],
    ]);
  });

  test('`comments: false` keeps the approved comments and drops the form', () => {
    const $ = site.page('/news/closed/');
    expect(thread($)).toEqual([['Dan', '14 March 2025 at 12:00', 'Said before they closed it.', []]]);
    expect(text($('.comments .comment-state').text())).toBe('Comments are closed.');
    expect(formOf($).length).toBe(0);
  });

  test('a draft shown with --drafts shows its comments, but takes none', () => {
    const $ = site.page('/news/draft/');
    expect(thread($)).toEqual([['Eve', '14 March 2025 at 12:00', 'Early.', []]]);
    expect(text($('.comments .comment-state').text())).toBe('Comments open when the story is published.');
    expect(formOf($).length).toBe(0);
  });

  test('an open article without comments says so above the form, which has no reply-to choice', () => {
    const $ = site.page('/news/quiet/');
    expect(text($('#comments-heading').text())).toBe('Comments');
    expect(text($('.comments .comment-state').text())).toBe('No comments yet.');
    expect(formOf($).length).toBe(1);
    expect(formOf($).find('select').length).toBe(0);
  });

  test('a hostile comment is shown as text: no script, no script URL, no image, no heading, template syntax literal', () => {
    const $ = site.page('/business/tram/');
    const item = $('.comment').first();
    expect(text(item.find('.comment-author').text())).toBe('</title><script>alert(1)</script>');
    expect($('script:not([type="application/ld+json"])').length).toBe(0);
    expect(item.find('img, h1, h2, h3, h4, h5, h6, [id]:not(.comment)').length).toBe(0);
    expect(item.find('.comment-body a').toArray().map((a) => $(a).attr('href'))).toEqual([undefined, 'https://tracker.example/p.gif']);
    expect(item.find('a.external').attr('rel')).toBe('noopener nofollow ugc');
    expect(text(item.find('.comment-body').text())).toContain('{{ 6 * 7 }}');
  });

  test('the CSP lets forms post to the endpoint origin, and nowhere else', () => {
    expect(formOrigins(site)).toBe("'self' https://comments.example.net");
  });

  test('ids are unique on every page, and the comments are valid, accessible HTML', async () => {
    for (const [url, $] of site.pages) {
      const ids = $('[id]').toArray().map((el) => $(el).attr('id'));
      expect(ids.length, url).toBe(new Set(ids).size);
    }
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-trailing-whitespace': 'off', 'long-title': 'off' } });
    for (const url of ['/news/harbour-wall/', '/business/tram/', '/news/closed/']) {
      const report = await validator.validateString(readFileSync(path.join(site.dir, `${url.slice(1)}index.html`), 'utf8'));
      const messages = report.results.flatMap((result) => result.messages.map((m) => `${url}: ${m.ruleId} ${m.message} (line ${m.line})`));
      expect(messages).toEqual([]);
    }
  });

  test('site-wide `enabled: false` shows no comment and no form anywhere; a story that has comments says they are closed', async () => {
    write('site.yml', `${SITE_YML}comments:\n  enabled: false\n  endpoint: ${ENDPOINT}\n`);
    const off = await buildInto(path.join(root, 'content'));
    for (const [url, $] of off.pages) expect($('.comment, form[method="post"]').length, url).toBe(0);
    expect(text(off.page('/news/harbour-wall/')('.comments .comment-state').text())).toBe('Comments are closed.');
    expect(off.page('/news/quiet/')('.comments').length).toBe(0);
    expect(formOrigins(off)).toBe("'self'");
  });
});
