import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { customEmbedSchema } from '../../src/content/schema.js';
import { findTooManyEmbeds, MAX_EMBEDS_PER_BODY } from '../../src/markdown/limits.js';
import { createRenderer } from '../../src/markdown/render.js';

const SITE_URL = 'https://courier.example.org/';
const render = createRenderer({ siteUrl: SITE_URL });
const CUSTOM = path.join(import.meta.dirname, '../fixtures/embeds-custom');

describe('providers a newsroom adds in site.yml (fixtures: site.yml + input.md → output.html)', () => {
  for (const name of readdirSync(CUSTOM).sort()) {
    test(name, () => {
      const folder = path.join(CUSTOM, name);
      const { embeds } = parse(readFileSync(path.join(folder, 'site.yml'), 'utf8')) as { embeds: unknown };
      const providers = z.array(customEmbedSchema).parse(embeds);
      const { html } = createRenderer({ siteUrl: SITE_URL, embeds: providers })(readFileSync(path.join(folder, 'input.md'), 'utf8'));
      const expectedFile = path.join(folder, 'output.html');
      // UPDATE_FIXTURES=1 rewrites the expected files; review the diff before committing.
      if (process.env.UPDATE_FIXTURES) writeFileSync(expectedFile, html);
      expect(html).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});

/** What a plugin said, as `line:column severity: message (hint)`. */
const notesOf = (markdown: string, renderer = render): string[] =>
  renderer(markdown).notes.map((note) => `${note.line}:${note.column} ${note.severity}: ${note.message}${note.hint ? ` (${note.hint})` : ''}`);

describe('what a reader sees of an embed', () => {
  test('a facade links to the original, names the provider and the title, and loads nothing', () => {
    const $ = load(render('Intro.\n\n::embed{url="https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PL1" title="Council meeting"}\n').html);
    const facade = $('div.embed');
    expect(facade.length).toBe(1);
    expect(facade.attr('class')).toBe('embed embed-16x9');
    expect(facade.attr('data-embed-src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(facade.attr('data-embed-kind')).toBe('video');
    // The link is rebuilt from the id: nothing else of the address survives.
    expect(facade.find('a.embed-link').attr('href')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(facade.find('.embed-provider').text()).toBe('YouTube');
    expect(facade.find('.embed-title').text()).toBe('Council meeting');
    expect(facade.find('.embed-action').text()).toBe('Watch on YouTube');
    expect($('iframe, img, script, link').length).toBe(0);
  });

  test('a provider without a frame is a link card with no data for the script', () => {
    const $ = load(render('::embed{url="https://x.com/CourierNews/status/1790123456789012346" title="Road closures"}\n').html);
    expect($('div.embed').attr('data-embed-src')).toBeUndefined();
    expect($('div.embed a').attr('href')).toBe('https://x.com/CourierNews/status/1790123456789012346');
    expect($('.embed-action').text()).toBe('Read the post on X');
  });

  test('the body says it has embeds, and which frame origins they use, each once, sorted', () => {
    const body = [
      '::embed{url="https://vimeo.com/1" title="a"}',
      '::embed{url="https://www.youtube.com/watch?v=dQw4w9WgXcQ" title="b"}',
      '::embed{url="https://youtu.be/dQw4w9WgXcQ" title="c"}',
      '::embed{url="https://x.com/a/status/1" title="d"}',
    ].join('\n\n');
    expect(render(body).embeds).toEqual({ origins: ['https://player.vimeo.com', 'https://www.youtube-nocookie.com'] });
    expect(render('::embed{url="https://x.com/a/status/1" title="d"}').embeds).toEqual({ origins: [] });
    expect(render('Just text.').embeds).toBeUndefined();
  });

  test('an embed is not a summary or words: the first paragraph and word count pass it by', () => {
    const result = render('https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nThe council met.');
    expect(result.firstParagraph).toBe('The council met.');
    expect(result.words).toBe(3);
  });

  test('readers comments embed nothing: the address stays a link', () => {
    const comment = createRenderer({ siteUrl: SITE_URL, comment: true });
    const $ = load(comment('https://www.youtube.com/watch?v=dQw4w9WgXcQ\n').html);
    expect($('.embed').length).toBe(0);
    expect($('a').attr('href')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  });
});

describe('what editors are told, at the line and column', () => {
  test('an embed without a title is named after its provider, with a warning', () => {
    const body = 'Intro.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n  ::embed{url="https://vimeo.com/76979871"}\n';
    expect(notesOf(body)).toEqual([
      '3:1 warning: embed without a title: it is announced as "YouTube" (write ::embed{url="https://www.youtube.com/watch?v=dQw4w9WgXcQ" title="what it shows"})',
      '5:3 warning: embed without a title: it is announced as "Vimeo" (write ::embed{url="https://vimeo.com/76979871" title="what it shows"})',
    ]);
    expect(load(render(body).html)('.embed-title').map((_, el) => load(el).text()).get()).toEqual(['YouTube', 'Vimeo']);
  });

  test.each([
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['http:', 'http://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['another host', 'https://video.example.org/watch/abc'],
    ['a look-alike host', 'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ'],
    ['a user part before the host', 'https://www.youtube.com@evil.example/watch?v=dQw4w9WgXcQ'],
    ['an open redirect on an allowed host', 'https://www.youtube.com/redirect?q=https%3A%2F%2Fevil.example%2F'],
    ['a malformed id', 'https://www.youtube.com/watch?v=short'],
    ['not an address', 'the council video'],
  ])('an ::embed of %s is an error, and nothing is rendered', (_, url) => {
    const result = render(`Intro.\n\n::embed{url="${url.replaceAll('"', '&quot;')}" title="T"}\n`);
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toMatchObject({ severity: 'error', line: 3, column: 1 });
    expect(result.notes[0]?.message).toMatch(/^::embed address is not one of an allowed provider: /);
    expect(result.notes[0]?.hint).toContain('YouTube, Vimeo, X, Bluesky, Mastodon, Instagram, TikTok, Spotify, SoundCloud, Apple Podcasts, Datawrapper, Flourish, OpenStreetMap');
    expect(result.notes[0]?.hint).toContain('site.yml');
    const $ = load(result.html);
    expect($('.embed, a, iframe').length).toBe(0);
    expect(result.html).toBe('<p>Intro.</p>\n');
  });

  test('an ::embed without an address is an error', () => {
    expect(notesOf('::embed{title="T"}')).toEqual([
      '1:1 error: ::embed without an address (write ::embed{url="https://…" title="…"} with the address of a page on YouTube, Vimeo, X, Bluesky, Mastodon, Instagram, TikTok, Spotify, SoundCloud, Apple Podcasts, Datawrapper, Flourish, OpenStreetMap)',
    ]);
  });

  test('other attributes are ignored with a warning, and reach no element', () => {
    const result = render('::embed{url="https://vimeo.com/1" title="T" srcdoc="<script>alert(1)</script>" onload="alert(1)" style="position:fixed" #top .big}');
    expect(result.notes.map((note) => note.message)).toEqual([
      '::embed attribute "srcdoc" ignored',
      '::embed attribute "onload" ignored',
      '::embed attribute "style" ignored',
      '::embed attribute "id" ignored',
      '::embed attribute "class" ignored',
    ]);
    expect(result.notes.every((note) => note.severity === 'warning' && note.line === 1 && note.hint === '::embed takes url="…" and title="…" only')).toBe(true);
    expect(result.html).not.toMatch(/srcdoc|onload|style=|id=|big|alert/);
  });

  test('an embed as a container is an error saying where it goes; :embed in a sentence is prose, as written', () => {
    expect(notesOf('See :embed{url="https://vimeo.com/1"} here.\n\n:::embed{url="https://vimeo.com/1"}\nText\n:::\n')).toEqual([
      '3:1 error: :::embed is not an embed (write ::embed{url="…" title="…"} on a line of its own)',
    ]);
    // Only block directives are read (block-directives-only.ts): a sentence keeps its words.
    const $ = load(render('See :embed{url="https://vimeo.com/1"} here.\n').html);
    expect($('.embed')).toHaveLength(0);
    expect($('p').text()).toMatch(/^See :embed\{url="https:\/\/vimeo\.com\/1"\}( \(external link\))? here\.$/);
  });

  test(`more than ${MAX_EMBEDS_PER_BODY} embeds is one error, at the first one over`, () => {
    const body = Array.from({ length: MAX_EMBEDS_PER_BODY + 5 }, (_, i) => `::embed{url="https://vimeo.com/${i + 1}" title="Video ${i + 1}"}`).join('\n\n');
    const result = render(body);
    expect(result.notes).toEqual([
      {
        severity: 'error',
        message: `more than ${MAX_EMBEDS_PER_BODY} embeds in one story`,
        hint: 'each embed is a frame a reader may load; split the story, or link to the rest',
        line: MAX_EMBEDS_PER_BODY * 2 + 1,
        column: 1,
      },
    ]);
    expect(load(result.html)('.embed').length).toBe(MAX_EMBEDS_PER_BODY);
  });

  test('too many ::embed lines are found before parsing, at the first one over; those in fenced code do not count', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `  ::embed{url="https://vimeo.com/${i + 1}"}`);
    expect(findTooManyEmbeds(lines(MAX_EMBEDS_PER_BODY).join('\n'))).toBeUndefined();
    expect(findTooManyEmbeds(['Intro', ...lines(10_000)].join('\n'))).toEqual({ line: MAX_EMBEDS_PER_BODY + 2, column: 3 });
    expect(findTooManyEmbeds(['```md', ...lines(60), '```', ...lines(MAX_EMBEDS_PER_BODY)].join('\n'))).toBeUndefined();
    expect(findTooManyEmbeds(['~~~', '```', ...lines(60), '~~~', ...lines(MAX_EMBEDS_PER_BODY + 1)].join('\n'))).toEqual({ line: 64 + MAX_EMBEDS_PER_BODY, column: 3 });
  });

  test('a block directive no plugin makes is a warning; prose with colons is left alone', () => {
    const result = render('At 10:30 the deal closed. Note:this and :smile: stay.\n\n::pullquote{text="x"}\n');
    expect(result.notes.map((note) => `${note.line}:${note.column} ${note.severity}: ${note.message}`)).toEqual([
      '3:1 warning: "::pullquote" is left out: this block is written :::pullquote',
    ]);
    const $ = load(result.html);
    expect($('p').text()).toBe('At 10:30 the deal closed. Note:this and :smile: stay.');
  });
});

describe('site.yml providers: errors name the field', () => {
  const check = (entry: Record<string, unknown>) => {
    const result = customEmbedSchema.safeParse({ name: 'Council TV', address: 'https://video.example.org/watch/{id}', frame: 'https://video.example.org/embed/{id}', ...entry });
    return result.success ? 'ok' : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  };

  test.each([
    [{}, 'ok'],
    [{ address: 'http://video.example.org/watch/{id}' }, 'address: must be an https:// address'],
    [{ address: 'https://video.example.org/watch/' }, 'address: must hold {id} exactly once, where the address has the video\'s or chart\'s id'],
    [{ address: 'https://video.example.org/{id}/{id}' }, 'address: must hold {id} exactly once, where the address has the video\'s or chart\'s id'],
    [{ address: 'https://{id}.example.org/watch' }, 'address: must have {id} in its path or query, not in the host'],
    [{ frame: 'https://user@video.example.org/embed/{id}' }, 'frame: must not hold a user name or password'],
    [{ frame: 'https://video.example.org;sandbox/embed/{id}' }, 'frame: has the host "video.example.org;sandbox", which is not a name of letters, digits, "-" and "."'],
    [{ frame: 'https://video.example.org/embed/{id}#top' }, 'frame: must not have a fragment (#…)'],
    [{ frame: 'https://video.example.org/embed?v={id}&x="y"' }, 'frame: has """ in its query, where only letters, digits, "-", ".", "_", "~", "%", "=" and "&" may be'],
    [{ address: 'https://Video.Example.org/watch/{id}' }, 'address: is read by browsers as https://video.example.org/watch/{id}; write it that way'],
    [{ name: 'YouTube' }, 'name: is a built-in provider already; give another name'],
    [{ aspectRatio: '2:1' }, 'aspectRatio: must be one of 16:9, 9:16, 4:3, 3:2, 1:1 (in quotes)'],
    [{ pattern: '.*' }, 'unrecognized'],
  ])('%j → %s', (entry, expected) => {
    const result = check(entry);
    if (expected === 'unrecognized') expect(result).toMatch(/pattern/);
    else expect(result).toBe(expected);
  });
});
