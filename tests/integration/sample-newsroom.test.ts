import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/stages/build.js';
import { copySharedCache, SAMPLE_EMBED_PAGE, sharedSample } from '../helpers/shared-sample.js';
import { fileForUrl, readSite, text, type BuiltSite } from '../helpers/site-output.js';

// The sample built once for the run (tests/setup/sample-newsroom.ts); the variations below build their own.
const sample = sharedSample();
const CONTENT = sample.contentDir;
const NOW = sample.now;
const site: BuiltSite = readSite(sample.siteDir);
const content = sample.content;
const unpublished = sample.everything.articles.filter((a) => a.status !== 'published');

let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'broadsheet-sample-'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('article pages', () => {
  test('one page per published article', () => {
    expect(content.articles.length).toBeGreaterThanOrEqual(36);
    for (const article of content.articles) expect(site.pages.has(article.url), article.url).toBe(true);
  });

  test('breadcrumb: Home » Section » Headline, each a link', () => {
    for (const article of content.articles) {
      const $ = site.page(article.url);
      const crumbs = $('nav.breadcrumb li a')
        .toArray()
        .map((a) => [text($(a).text()), $(a).attr('href')]);
      const section = content.categories.find((c) => c.slug === article.category)!;
      expect(crumbs).toEqual([
        ['Home', '/'],
        [section.name, `/${section.slug}/`],
        [article.title, article.url],
      ]);
    }
  });

  test('byline names every author with their role, linked to the author page', () => {
    const $ = site.page('/news/tram-line-first-passengers/');
    expect(text($('.story-header .byline').text())).toBe('by Tomasz Wren, Senior News Editor and Helena Marsh, Editor-in-Chief');
    expect($('.story-header .byline a').toArray().map((a) => $(a).attr('href'))).toEqual(['/authors/tomasz-wren/', '/authors/helena-marsh/']);

    for (const article of content.articles) {
      const page = site.page(article.url);
      const authors = page('.story-header .byline .author').toArray().map((el) => text(page(el).text()));
      expect(authors).toEqual(
        article.authors.map((slug) => {
          const person = content.authors.find((a) => a.slug === slug)!;
          return person.role ? `${person.name}, ${person.role}` : person.name;
        }),
      );
    }
  });

  test('headline, standfirst, dates in the site timezone, reading time', () => {
    const $ = site.page('/news/tram-line-first-passengers/');
    expect(text($('h1').text())).toBe("First passengers ride Port Ellery's tram as the line opens to the public");
    expect(text($('.story-header .standfirst').text())).toBe("Hundreds queued at Northgate before dawn to take the first public journeys on the city's new tram line.");
    expect($('.story-header time').first().attr('datetime')).toBe('2026-11-20T07:00:00+00:00');
    expect(text($('.story-header time').first().text())).toBe('20 November 2026 at 07:00');
    expect(text($('.reading-time').text())).toMatch(/^\d+ min read$/);
    expect(text($('title').text())).toBe("First passengers ride Port Ellery's tram as the line opens to the public | The Ellery Courier");
  });

  test('an article with `updated` shows an Updated label with its time', () => {
    const updated = content.articles.filter((a) => a.updated);
    expect(updated.length).toBeGreaterThan(0);
    for (const article of updated) {
      const $ = site.page(article.url);
      expect(text($('.updated').text())).toMatch(/^Updated \d{1,2} \w+ \d{4}/);
      expect($('.updated time').attr('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    }
    const plain = content.articles.find((a) => !a.updated)!;
    expect(site.page(plain.url)('.updated')).toHaveLength(0);
  });

  test('a missing summary falls back to the first paragraph', () => {
    const withoutSummary = content.articles.filter((a) => !a.summary);
    expect(withoutSummary.length).toBeGreaterThan(0);
    for (const article of withoutSummary) {
      const $ = site.page(article.url);
      const standfirst = text($('.story-header .standfirst').text());
      expect(standfirst.length).toBeGreaterThan(20);
      expect(text($('.story-body p').first().text())).toBe(standfirst);
      expect($('meta[name=description]').attr('content')).toBe(standfirst);
    }
  });

  test('lead image with alt, caption and credit', () => {
    const $ = site.page('/news/tram-line-first-passengers/');
    // Encoded from /images/tram-depot.jpg (tests/integration/images.test.ts checks the files).
    expect($('.lead-image picture img').attr('src')).toMatch(/^\/img\/[\w-]+-1200\.jpeg$/);
    expect($('.lead-image img').attr('alt')).toBe('Illustration of a blue and yellow tram beneath overhead wires on a paved track');
    expect(text($('.lead-image figcaption').text())).toBe('Trams will run every eight minutes during the day. Illustration: Courier graphics');
  });

  test('tags are listed and linked to their tag pages', () => {
    const $ = site.page('/news/tram-line-first-passengers/');
    expect($('.story-tags a').toArray().map((a) => [$(a).text(), $(a).attr('href')])).toEqual([
      ['Tram Line', '/tags/tram-line/'],
      ['Transport', '/tags/transport/'],
      ['Community', '/tags/community/'],
      ['Jobs', '/tags/jobs/'],
    ]);
  });

  test('"You may also like" has 4–6 links to other published articles', () => {
    const published = new Set(content.articles.map((a) => a.url));
    for (const article of content.articles) {
      const $ = site.page(article.url);
      expect(text($('.related h2').text())).toBe('You may also like');
      const links = $('.related .teaser-title a').toArray().map((a) => $(a).attr('href')!);
      expect(links.length, article.url).toBeGreaterThanOrEqual(4);
      expect(links.length, article.url).toBeLessThanOrEqual(6);
      expect(new Set(links).size).toBe(links.length);
      expect(links).not.toContain(article.url);
      for (const link of links) expect(published.has(link), link).toBe(true);
    }
  });

  test('pinned related articles come first, in the order the editor wrote', () => {
    const $ = site.page('/news/tram-line-first-passengers/');
    expect($('.related .teaser-title a').toArray().slice(0, 2).map((a) => $(a).attr('href'))).toEqual([
      '/news/tram-line-route-confirmed/',
      '/news/tram-works-begin-on-fennick-street/',
    ]);
  });

  test('"More from" the first author, previous / next and the rail add stories not linked above', () => {
    let withMore = 0;
    let withRail = 0;
    for (const article of content.articles) {
      const $ = site.page(article.url);
      const hrefs = (selector: string) => $(selector).toArray().map((a) => $(a).attr('href')!);
      const related = hrefs('.related .teaser-title a');
      const fromAuthor = $('#more-from-author');
      if (fromAuthor.length) {
        const author = content.authors.find((a) => a.slug === article.authors[0])!;
        expect(text(fromAuthor.text())).toBe(`More from ${author.name}`);
        expect(fromAuthor.find('a').attr('href')).toBe(`/authors/${author.slug}/`);
        withMore++;
      }
      const rail = $('.rail');
      if (rail.length) {
        const heading = text(rail.find('h2').text());
        expect([`Latest in ${content.categories.find((c) => c.slug === article.category)!.name}`, 'Latest'], article.url).toContain(heading);
        expect(rail.find('h2 a').attr('href')).toBe(heading === 'Latest' ? '/' : `/${article.category}/`);
        withRail++;
      }
      const links = [...related, ...hrefs('section.more li a'), ...hrefs('.prev-next a'), ...hrefs('.rail li a'), article.url];
      expect(new Set(links).size, article.url).toBe(links.length);
      for (const url of links) expect(content.articles.some((a) => a.url === url)).toBe(true);
    }
    expect(withMore).toBeGreaterThan(content.articles.length / 2);
    expect(withRail).toBe(content.articles.length);
  });

  test('previous and next stay in the section, in date order, unless "You may also like" shows that story', () => {
    for (const section of content.categories) {
      const inSection = content.articles.filter((a) => a.category === section.slug);
      inSection.forEach((article, index) => {
        const $ = site.page(article.url);
        const related = $('.related .teaser-title a').toArray().map((a) => $(a).attr('href'));
        const unlessRelated = (url: string | undefined) => (url && related.includes(url) ? undefined : url);
        expect($('.prev-next [rel=prev]').attr('href')).toBe(unlessRelated(inSection[index + 1]?.url));
        expect($('.prev-next [rel=next]').attr('href')).toBe(unlessRelated(inSection[index - 1]?.url));
      });
    }
  });

  test('the body is the rendered, sanitized Markdown with heading anchors and tables', () => {
    const tables = content.articles.filter((a) => /^\|.*\|\s*$/m.test(readFileSync(a.file, 'utf8')));
    expect(tables.length).toBeGreaterThan(0);
    for (const article of tables) expect(site.page(article.url)('.story-body table').length).toBeGreaterThan(0);
    const $ = site.page('/news/tram-line-first-passengers/');
    expect($('.story-body h2#two-years-in-the-making').text()).toBe('Two years in the making');
    expect(text($('.story-body blockquote').first().text())).toMatch(/^"My grandfather drove the last steam train/);
  });
});

describe('archive pages', () => {
  test('each section page has its introduction and lists its articles, newest first', () => {
    for (const section of content.categories) {
      const $ = site.page(`/${section.slug}/`);
      expect(text($('h1').text())).toBe(section.name);
      expect(text($('.intro').text()).length).toBeGreaterThan(20);
      const expected = content.articles.filter((a) => a.category === section.slug).map((a) => a.url);
      expect($('.teaser-title a').toArray().map((a) => $(a).attr('href'))).toEqual(expected.slice(0, 10));
    }
  });

  test('each author page has name, role, avatar, bio, links and their articles', () => {
    for (const person of content.authors) {
      const $ = site.page(`/authors/${person.slug}/`);
      expect(text($('h1').text())).toBe(person.name);
      expect(text($('.archive-header .role').text())).toBe(person.role);
      expect($('.archive-header picture img.avatar').attr('src'), person.slug).toMatch(/^\/img\/[\w-]+-192\.jpeg$/);
      expect(text($('.intro').text())).toBe(text(person.body));
      const written = content.articles.filter((a) => a.authors.includes(person.slug)).map((a) => a.url);
      expect(written.length).toBeGreaterThan(0);
      expect($('.teaser-title a').toArray().map((a) => $(a).attr('href'))).toEqual(written.slice(0, 10));
    }
    const $ = site.page('/authors/helena-marsh/');
    expect($('.person-links a').toArray().map((a) => [$(a).text(), $(a).attr('href')])).toEqual([
      ['Website', 'https://helenamarsh.example.org/'],
      ['E-mail', 'mailto:helena.marsh@courier.example.org'],
      ['Mastodon', 'https://social.example.org/@helenamarsh'],
    ]);
  });

  test('each tag page lists exactly the articles with that tag', () => {
    const tagSlugs = new Set(content.articles.flatMap((a) => a.tags.map((t) => t.slug)));
    expect(tagSlugs.size).toBeGreaterThanOrEqual(40);
    for (const slug of tagSlugs) {
      const $ = site.page(`/tags/${slug}/`);
      const expected = content.articles.filter((a) => a.tags.some((t) => t.slug === slug)).map((a) => a.url);
      expect($('.teaser-title a').toArray().map((a) => $(a).attr('href'))).toEqual(expected.slice(0, 10));
    }
  });

  test('list items show headline, standfirst, byline and date', () => {
    const $ = site.page('/news/');
    const first = $('.teaser').first();
    expect(text(first.find('.teaser-title').text())).toBe(content.articles.find((a) => a.category === 'news')!.title);
    expect(text(first.find('.teaser-standfirst').text()).length).toBeGreaterThan(10);
    expect(text(first.find('.byline').text())).toMatch(/^by /);
    expect(first.find('time').attr('datetime')).toMatch(/^\d{4}-/);
  });
});

describe('home page, navigation and 404', () => {
  test('latest stories (the lead and four more), then a block per section in navigation order', () => {
    const $ = site.page('/');
    const top = $('.home-top .teaser-title a').toArray().map((a) => $(a).attr('href'));
    expect([...top].sort()).toEqual(content.articles.slice(0, 5).map((a) => a.url).sort());
    expect($('.home-section a.home-more').toArray().map((a) => $(a).attr('href'))).toEqual(
      content.categories.filter((c) => content.articles.slice(5).some((a) => a.category === c.slug)).map((c) => `/${c.slug}/`),
    );
  });

  test('every page has the section navigation in order (redirect stand-ins for old addresses aside)', () => {
    const expected = content.categories.map((c) => [c.name, `/${c.slug}/`]);
    for (const [, $] of site.pages) {
      if ($('meta[http-equiv="refresh"]').length > 0) continue;
      expect($('nav.sections a').toArray().map((a) => [$(a).text(), $(a).attr('href')])).toEqual(expected);
    }
  });

  test('a 404 page', () => {
    expect(text(site.page('/404.html')('h1').text())).toBe('Page not found');
  });
});

describe('pages such as About', () => {
  const footer = [
    ['About The Ellery Courier', '/about/'],
    ['Our ethics policy', '/ethics/'],
    ['Corrections policy', '/corrections-policy/'],
  ];

  test('each is built at its address with its title, body, description and canonical, as a web page, not an article', () => {
    expect(content.pages.map((page) => page.url)).toEqual(['/about/', '/corrections-policy/', '/ethics/']);
    for (const page of content.pages) {
      const $ = site.page(page.url);
      const canonical = new URL(page.url.slice(1), content.site.url).href;
      expect(text($('main h1').text()), page.url).toBe(page.title);
      expect($('title').text(), page.url).toBe(`${page.title} | The Ellery Courier`);
      expect($('link[rel="canonical"]').attr('href'), page.url).toBe(canonical);
      expect($('meta[property="og:url"]').attr('content'), page.url).toBe(canonical);
      expect($('meta[property="og:type"]').attr('content'), page.url).toBe('website');
      expect($('meta[name="description"]').attr('content'), page.url).toBe(page.summary);
      // No byline, section, related links, comments, article dates or article JSON-LD.
      expect($('.byline, nav.breadcrumb, .related, .comments, .more, .prev-next, .rail, .reading-time, meta[property^="article:"]').length, page.url).toBe(0);
      expect($('script[type="application/ld+json"]').length, page.url).toBe(0);
      // Nor feeds of its own.
      expect($('link[rel="alternate"]').length, page.url).toBe(0);
    }
    const about = site.page('/about/');
    expect(text(about('.story-body p').first().text())).toMatch(/^The Ellery Courier has reported on Port Ellery and the coast around it since 1871/);
    expect(about('.story-body h2#get-in-touch').text()).toBe('Get in touch');
    expect(about('.dateline time').attr('datetime')).toBe('2026-09-01T00:00:00+01:00');
    expect(site.page('/corrections-policy/')('.dateline').length).toBe(0);
    // The corrections policy links to the corrections page at the address the plan gives it.
    expect(site.page('/corrections-policy/')('.story-body a[href="/corrections/"]').text()).toBe('our corrections page');
  });

  test('the footer of every page links them in the order site.yml lists them, marking the page a reader is on', () => {
    let pages = 0;
    for (const [url, $] of site.pages) {
      if ($('meta[http-equiv="refresh"]').length > 0) continue;
      pages++;
      expect($('footer .footer-pages a').toArray().map((a) => [text($(a).text()), $(a).attr('href')]), url).toEqual(footer);
      const current = $('footer .footer-pages a[aria-current="page"]').attr('href');
      expect(current, url).toBe(footer.some(([, href]) => href === url) ? url : undefined);
    }
    expect(pages).toBeGreaterThan(80);
  });

  test('their old addresses send readers on; they are in no feed and no archive', () => {
    expect(site.page('/about-us/')('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=${content.site.url}about/`);
    const feeds = site.files.filter((file) => /(?:feed\.xml|atom\.xml|feed\.json)$/.test(file));
    expect(feeds.length).toBeGreaterThan(10);
    for (const file of feeds) expect(readFileSync(path.join(site.dir, file), 'utf8'), file).not.toMatch(/courier\.example\.org\/(?:about|ethics|corrections-policy)\//);
    const lists = ['/', '/authors/', '/tags/', '/corrections/', ...content.categories.map((c) => `/${c.slug}/`)];
    const links = content.pages.map((page) => `main a[href="${page.url}"]`).join(', ');
    for (const url of lists) expect(site.page(url)(links).length, url).toBe(0);
  });
});

describe('the whole output', () => {
  test('drafts and future articles appear nowhere', () => {
    expect(unpublished.map((a) => a.status).sort()).toEqual(['draft', 'scheduled']);
    const everything = site.files
      .filter((f) => /\.(html|xml|json|txt)$/.test(f))
      .map((f) => readFileSync(path.join(site.dir, f), 'utf8'))
      .join('\n');
    for (const article of unpublished) {
      expect(site.pages.has(article.url)).toBe(false);
      expect(everything).not.toContain(article.url);
      expect(everything).not.toContain(article.title.replace(/'/g, '&#39;'));
      expect(everything).not.toContain(article.title);
    }
  });

  test('every internal link, image and stylesheet resolves to a file', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const [url, $] of site.pages) {
      for (const el of $('a[href], img[src], link[href]').toArray()) {
        const target = $(el).attr('href') ?? $(el).attr('src')!;
        if (!target.startsWith('/') && !target.startsWith(content.site.url)) continue;
        checked++;
        const local = target.startsWith('/') ? target : '/' + target.slice(content.site.url.length);
        if (!fileForUrl(site, local.split('#')[0]!)) broken.push(`${url} → ${target}`);
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(broken).toEqual([]);
  });

  test('no page but the search page and the story with embeds runs a script: the others are JSON-LD data that parses', () => {
    for (const [url, $] of site.pages) {
      const scripts = $('script:not([type="application/ld+json"])').map((_, el) => $(el).attr('src')).get();
      expect(scripts, url).toEqual(
        url === '/search/' ? [expect.stringMatching(/^\/js\/search\.[0-9a-f]{10}\.js$/)]
        : url === SAMPLE_EMBED_PAGE ? [expect.stringMatching(/^\/js\/embeds\.[0-9a-f]{10}\.js$/)]
        : [],
      );
      $('script[type="application/ld+json"]').each((_, el) => {
        expect(() => JSON.parse($(el).text()), url).not.toThrow();
      });
    }
  });
});

describe('variations of the sample', () => {
  let variant: string;
  // A copy of the shared cache: the sample's renderings and images are not made again.
  let cacheDir: string;
  beforeAll(() => {
    variant = path.join(work, 'variant');
    cpSync(CONTENT, path.join(variant, 'content'), { recursive: true });
    const siteYml = path.join(variant, 'content', 'site.yml');
    writeFileSync(siteYml, readFileSync(siteYml, 'utf8').replace(/^perPage: \d+$/m, 'perPage: 3'));
    cacheDir = copySharedCache(path.join(work, 'cache'));
  });

  test('archives paginate with working previous/next links and every article once', async () => {
    const out = path.join(variant, 'paged');
    // Its files are at other paths, so they are rendered again: in this thread, which is quicker for a test than starting workers.
    await build({ contentDir: path.join(variant, 'content'), outDir: out, cacheDir, now: NOW, workers: 0 });
    const paged = readSite(out);
    const expected = content.articles.filter((a) => a.category === 'news').map((a) => a.url);
    const seen: string[] = [];
    let url: string | undefined = '/news/';
    const visited: string[] = [];
    while (url) {
      visited.push(url);
      const $ = paged.page(url);
      seen.push(...$('.teaser-title a').toArray().map((a) => $(a).attr('href')!));
      expect(text($('.pagination span').text())).toBe(`Page ${visited.length} of ${Math.ceil(expected.length / 3)}`);
      url = $('.pagination [rel=next]').attr('href');
      if (url) expect(paged.page(url)('.pagination [rel=prev]').attr('href')).toBe(visited.at(-1));
    }
    expect(visited.slice(0, 3)).toEqual(['/news/', '/news/page/2/', '/news/page/3/']);
    expect(seen).toEqual(expected);
    expect(text(paged.page('/news/page/2/')('title').text())).toBe(`News (page 2 of ${visited.length}) | The Ellery Courier`);
  });

  test('--drafts and --future show those articles with a banner', () => {
    // The shared preview build: the sample with drafts and scheduled articles shown.
    const preview = readSite(sample.previewDir);
    const banners = unpublished.map((a) => text(preview.page(a.url)('.story-header .banner').text()));
    expect(banners.sort()).toEqual(['Draft: not published', 'Scheduled: not published before 1 May 2031 at 09:00']);
  });

  test('the same content builds to byte-identical files', async () => {
    // Built with the cache the shared build left, into a new folder: renderings and images come from the cache.
    const again = path.join(variant, 'again');
    await build({ contentDir: CONTENT, outDir: again, cacheDir, now: NOW });
    const second = readSite(again);
    expect(second.files).toEqual(site.files);
    for (const file of site.files) {
      expect(readFileSync(path.join(again, file)).equals(readFileSync(path.join(site.dir, file))), file).toBe(true);
    }
  });
});
