import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build, checkContent, type BuildResult } from '../../src/stages/build.js';
import { ContentError, formatProblem } from '../../src/util/problems.js';
import type { Content } from '../../src/content/types.js';
import { writeNewsroom } from '../helpers/newsroom.js';
import { readSite, type BuiltSite } from '../helpers/site-output.js';
import { validArticle } from '../helpers/sources.js';
import { copySharedImages } from '../helpers/shared-sample.js';

const CONTENT = path.resolve('content');
const PUBLIC = path.resolve('public');
// As in sample-newsroom.test.ts: the newest sample stories published, the 2031 one not.
const NOW = Date.parse('2026-11-25T12:00:00Z');

let work: string;
let content: Content;
let site: BuiltSite;
let cold: { result: BuildResult; ms: number };
let warm: { result: BuildResult; ms: number };
/** Inode and modification time of each img/ file after the first build. */
let firstImages: Map<string, { ino: number; mtimeMs: number }>;

// The Markdown is rendered in this thread: worker threads are tested in
// tests/workers, and starting them costs each build seconds.
const timedBuild = async (outDir: string) => {
  const started = performance.now();
  const result = await build({ contentDir: path.join(work, 'content'), outDir, cacheDir: path.join(work, 'cache'), now: NOW, workers: 0 });
  return { result, ms: performance.now() - started };
};

const imageFiles = (dir: string) =>
  new Map(
    readdirSync(path.join(dir, 'img'))
      .sort()
      .map((name) => {
        const stat = statSync(path.join(dir, 'img', name));
        return [name, { ino: stat.ino, mtimeMs: stat.mtimeMs }] as const;
      }),
  );

/** A PNG that declares `width` × `height` pixels and holds none: all a decoder reads before deciding whether to open it. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', Buffer.alloc(0)), chunk('IEND', Buffer.alloc(0))]);
}

/** The files a srcset names, as paths in the output. */
const srcsetFiles = (srcset: string) => srcset.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!.replace(/^\//, ''));

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'broadsheet-images-'));
  cpSync(CONTENT, path.join(work, 'content'), { recursive: true });
  // A cache of its own (this file is about the image cache), with one image
  // to encode: the shared build's encoding of the other fifteen is reused.
  copySharedImages(path.join(work, 'cache'), { forget: 1 });
  cold = await timedBuild(path.join(work, 'site'));
  // Checked after the build, so that its renderings come from the cache.
  content = (await checkContent({ contentDir: path.join(work, 'content'), cacheDir: path.join(work, 'cache'), now: NOW })).content;
  site = readSite(path.join(work, 'site'));
  firstImages = imageFiles(site.dir);
  // A fresh output folder, the same cache: every page is written again, no image encoded.
  warm = await timedBuild(path.join(work, 'site-again'));
  console.log(
    `images: ${cold.result.images.encoded} encoded in a cold build of ${(cold.ms / 1000).toFixed(1)} s; ` +
      `${warm.result.images.reused} from the cache in a warm one of ${(warm.ms / 1000).toFixed(1)} s`,
  );
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('lead images', () => {
  test('every article with an image has a <picture> with AVIF and WebP sources whose files are in the output', () => {
    const withImages = content.articles.filter((article) => article.image);
    expect(withImages.length).toBeGreaterThan(10);
    for (const article of withImages) {
      const $ = site.page(article.url);
      const sources = $('.lead-image picture source').toArray().map((el) => ({ type: $(el).attr('type'), srcset: $(el).attr('srcset') ?? '' }));
      expect(sources.map((source) => source.type), article.url).toEqual(['image/avif', 'image/webp', 'image/jpeg']);
      for (const { type, srcset } of sources) {
        const files = srcsetFiles(srcset);
        expect(files.length, `${article.url} ${type}`).toBeGreaterThan(1);
        for (const file of files) expect(site.files, `${article.url} ${file}`).toContain(file);
      }
      expect($('.lead-image picture source').toArray().every((el) => $(el).attr('sizes'))).toBe(true);
    }
  });

  test("the <img> has the fallback file's real width and height, its alt text, and loads first", async () => {
    for (const article of content.articles.filter((a) => a.image)) {
      const img = site.page(article.url)('.lead-image picture img');
      expect(img.length, article.url).toBe(1);
      const file = path.join(site.dir, img.attr('src')!);
      const { width, height } = await sharp(file).metadata();
      expect([img.attr('width'), img.attr('height')], article.url).toEqual([String(width), String(height)]);
      expect(img.attr('alt')).toBe(article.image!.alt);
      expect([img.attr('loading'), img.attr('fetchpriority')], article.url).toEqual(['eager', 'high']);
    }
  });

  test('widths follow the original and are never upscaled: a 1200 px photo gives 400, 800 and 1200', async () => {
    const $ = site.page('/news/tram-line-first-passengers/');
    const avif = $('.lead-image source[type="image/avif"]').attr('srcset')!;
    expect(avif.split(', ').map((candidate) => candidate.split(' ')[1])).toEqual(['400w', '800w', '1200w']);
    for (const file of srcsetFiles(avif)) {
      const meta = await sharp(path.join(site.dir, file)).metadata();
      expect(meta.format, file).toBe('heif');
      expect(`${meta.width}w`).toBe(avif.split(', ').find((candidate) => candidate.startsWith(`/${file} `))!.split(' ')[1]);
    }
    const original = await sharp(path.join(PUBLIC, 'images/tram-depot.jpg')).metadata();
    expect(original.width).toBe(1200);
  });

  test('caption and credit are kept', () => {
    const $ = site.page('/news/tram-line-first-passengers/');
    expect($('.lead-image figcaption').text()).toContain('Trams will run every eight minutes');
    expect($('.lead-image figcaption .credit').text()).toBe('Illustration: Courier graphics');
  });
});

describe('every other picture', () => {
  test('teasers and avatars load lazily, with sizes, and every srcset file exists; the home page\'s lead story is the one loaded first', () => {
    let pictures = 0;
    const lead = site.page('/')('.lead-story picture img');
    expect(lead).toHaveLength(1);
    expect([lead.attr('loading'), lead.attr('fetchpriority')]).toEqual(['eager', 'high']);
    for (const [url, $] of site.pages) {
      $('picture').each((_, el) => {
        const picture = $(el);
        const img = picture.find('img');
        // The article's lead image and the home page's lead story are each the first picture a reader sees.
        if (picture.parent().is('.lead-image, .lead-story')) return;
        pictures++;
        expect(img.attr('loading'), url).toBe('lazy');
        expect(img.attr('fetchpriority'), url).toBeUndefined();
        expect(Number(img.attr('width')), url).toBeGreaterThan(0);
        expect(Number(img.attr('height')), url).toBeGreaterThan(0);
        picture.find('source').each((__, source) => {
          expect($(source).attr('sizes'), url).toBeTruthy();
          for (const file of srcsetFiles($(source).attr('srcset') ?? '')) expect(site.files, `${url} ${file}`).toContain(file);
        });
      });
    }
    expect(pictures).toBeGreaterThan(100);
  });

  test('avatars on the authors list and author pages are the small widths, at their real size', async () => {
    const list = site.page('/authors/');
    const avatars = list('.people picture img.avatar').toArray();
    expect(avatars).toHaveLength(content.authors.filter((a) => a.avatar).length);
    for (const el of avatars) {
      const src = list(el).attr('src')!;
      expect(src).toMatch(/-192\.jpeg$/);
      const { width, height } = await sharp(path.join(site.dir, src)).metadata();
      expect([list(el).attr('width'), list(el).attr('height')]).toEqual([String(width), String(height)]);
    }
    const page = site.page('/authors/helena-marsh/');
    expect(page('.archive-header source[type="image/avif"]').attr('srcset')).toMatch(/^\/img\/\S+-96\.avif 96w, \/img\/\S+-192\.avif 192w$/);
  });

  test('no image file is published that no page uses', () => {
    const used = new Set<string>();
    for (const [, $] of site.pages) {
      $('source[srcset]').each((_, el) => srcsetFiles($(el).attr('srcset')!).forEach((file) => used.add(file)));
    }
    expect(site.files.filter((file) => file.startsWith('img/') && !used.has(file))).toEqual([]);
  });
});

describe('the image cache', () => {
  test('a second build with the same cache encodes nothing and publishes the same files', () => {
    expect(cold.result.images).toEqual({ encoded: 1, reused: 15 });
    expect(warm.result.images).toEqual({ encoded: 0, reused: 16 });
    const again = readSite(path.join(work, 'site-again'));
    for (const file of site.files.filter((f) => f.startsWith('img/'))) {
      expect(readFileSync(path.join(again.dir, file)).equals(readFileSync(path.join(site.dir, file))), file).toBe(true);
    }
  });

  test('an image no longer used leaves the output; the others keep their inode and modification time', async () => {
    const file = path.join(work, 'content/articles/2026/2026-11-20-tram-line-first-passengers.md');
    const tramImage = site.page('/news/tram-line-first-passengers/')('.lead-image img').attr('src')!.replace(/^\/img\//, '').replace(/-\d+\.jpeg$/, '');
    // The tram depot picture is on other articles too; drop it from every one.
    const users = content.articles.filter((a) => a.image?.src === '/images/tram-depot.jpg').map((a) => a.file);
    expect(users.length).toBeGreaterThan(0);
    // Paths outside the working folder are shown, and so kept, absolute.
    for (const user of users) writeFileSync(user, readFileSync(user, 'utf8').replace(/^image:\n(?: {2}.*\n)+/m, ''));
    expect(readFileSync(file, 'utf8')).not.toMatch(/^image:/m);

    const third = await timedBuild(path.join(work, 'site'));
    expect(third.result.images).toEqual({ encoded: 0, reused: 15 });
    const after = imageFiles(path.join(work, 'site'));
    expect([...after.keys()].filter((name) => name.startsWith(`${tramImage}-`))).toEqual([]);
    expect(after.size).toBe(firstImages.size - 9);
    for (const [name, stat] of after) expect(stat, name).toEqual(firstImages.get(name));
  });

  test('a cut file in the cache (a killed build, a full disk) is encoded again, never published', async () => {
    const cached = path.join(work, 'cache/images/files');
    const victim = readdirSync(cached).find((name) => name.endsWith('-96.avif'))!;
    const whole = readFileSync(path.join(cached, victim));
    writeFileSync(path.join(cached, victim), whole.subarray(0, 100));
    const again = await timedBuild(path.join(work, 'site-cut'));
    expect(again.result.images).toEqual({ encoded: 1, reused: 14 });
    expect(readFileSync(path.join(work, 'site-cut/img', victim)).equals(whole)).toBe(true);
  });
});

describe('images that cannot be shown are errors naming the file and line', () => {
  /** The problems a build refuses the newsroom with; `check` must refuse it with the very same. */
  const failure = async (newsroom: string, publicDir = PUBLIC): Promise<string[]> => {
    const refusal = async (run: () => Promise<unknown>, what: string) => {
      try {
        await run();
      } catch (error) {
        if (error instanceof ContentError) return error.problems.map(formatProblem);
        throw error;
      }
      throw new Error(`${what} passed`);
    };
    const contentDir = path.join(newsroom, 'content');
    const built = await refusal(() => build({ contentDir, outDir: path.join(newsroom, 'site'), publicDir, now: NOW, workers: 0 }), 'the build');
    const checked = await refusal(() => checkContent({ contentDir, publicDir, now: NOW, workers: 0 }), 'the check');
    expect(checked).toEqual(built);
    return built;
  };

  test('a lead image missing from public/', async () => {
    const root = writeNewsroom({ 'missing.md': validArticle({ image: '{src: /images/nope.jpg, alt: Nothing}' }) });
    expect(await failure(root)).toEqual([
      `${root}/content/articles/missing.md:7:9 error: image /images/nope.jpg is not in public/\n    hint: add the file public/images/nope.jpg, or fix the path`,
    ]);
  });

  test('a lead image without alt text', async () => {
    const root = writeNewsroom({ 'no-alt.md': validArticle({ image: '{src: /images/harbour-dawn.jpg}' }) });
    expect(await failure(root)).toEqual([`${root}/content/articles/no-alt.md:7:1 error: image.alt: is required`]);
  });

  test('an avatar missing from public/', async () => {
    const root = writeNewsroom();
    const author = path.join(root, 'content/authors/jane-doe.md');
    writeFileSync(author, readFileSync(author, 'utf8').replace('role:', 'avatar: /images/avatars/nobody.jpg\nrole:'));
    expect(await failure(root)).toEqual([
      `${root}/content/authors/jane-doe.md:3:1 error: image /images/avatars/nobody.jpg is not in public/\n    hint: add the file public/images/avatars/nobody.jpg, or fix the path`,
    ]);
  });

  test('an image too large to open (100,000 × 100,000 pixels declared)', async () => {
    const root = writeNewsroom({ 'huge.md': validArticle({ image: '{src: /images/huge.png, alt: Huge}' }) });
    const publicDir = path.join(root, 'public');
    cpSync(path.join(PUBLIC, 'css'), path.join(publicDir, 'css'), { recursive: true });
    cpSync(path.join(PUBLIC, 'images'), path.join(publicDir, 'images'), { recursive: true });
    writeFileSync(path.join(publicDir, 'images/huge.png'), pngHeader(100_000, 100_000));
    const problems = await failure(root, publicDir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${root}/content/articles/huge\\.md:7:9 error: image /images/huge\\.png could not be read as an image \\(.*pixel limit.*\\)`));
  });

  test('a file in public/ that is not an image', async () => {
    const root = writeNewsroom({ 'broken.md': validArticle({ image: '{src: /images/broken.jpg, alt: Broken}' }) });
    const publicDir = path.join(root, 'public');
    cpSync(path.join(PUBLIC, 'css'), path.join(publicDir, 'css'), { recursive: true });
    cpSync(path.join(PUBLIC, 'images'), path.join(publicDir, 'images'), { recursive: true });
    writeFileSync(path.join(publicDir, 'images/broken.jpg'), 'not a JPEG');
    const problems = await failure(root, publicDir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(`^${root}/content/articles/broken\\.md:7:9 error: image /images/broken\\.jpg could not be read as an image \\(.+\\)\\n    hint: `),
    );
  });
});
