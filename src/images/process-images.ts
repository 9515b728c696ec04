import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { packageVersion } from '../util/package-version.js';
import { makeScratchFolder } from '../util/scratch-folder.js';
import { IMAGES_FOLDER } from '../routes/addresses.js';
import { entryKey, readEntry, writeEntry } from '../util/file-cache.js';
import { fallbackFile, IMAGE_FORMATS, IMAGE_WIDTHS, pictureFromEncoded, type EncodedImage, type ImageKind, type Picture, type PictureSet } from './picture.js';
import type { ImageUse } from './used-images.js';
import { isSvgSource, readStart } from './svg-source.js';

/*
 * The I/O edge of image processing. Each image is encoded by
 * @11ty/eleventy-img into a folder of finished files that outlives the
 * build (AVIF is slow: seconds per image), next to a record of what was
 * made. A later build finds the record by the source's bytes and the
 * settings, checks the files are whole, and encodes nothing.
 */

export interface ProcessImagesOptions {
  publicDir: string;
  /** The build's cache folder; without it the files go to a temporary folder removed when the process ends. */
  cacheDir: string | undefined;
  /** Images encoded at once. Default: one per core. */
  concurrency?: number | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface ProcessedImages {
  pictures: PictureSet;
  /** Files to publish: path in the output (`img/ab12cd-400.avif`) → the file on disk. */
  files: Map<string, string>;
  /** Images encoded in this build. */
  encoded: number;
  /** Images whose files were already made by an earlier build. */
  reused: number;
  failures: { use: ImageUse; message: string }[];
}

/**
 * What a finished image left: what the encoder made (the picture is drawn
 * from it on every build, so a change to how pictures are described needs no
 * re-encoding), the fallback's measured size, and the files with their sizes,
 * to tell a whole file from a cut one.
 */
interface ImageRecord {
  encoded: EncodedImage;
  size: { width: number; height: number };
  files: { name: string; size: number }[];
}

/**
 * AVIF at effort 1, quality 52: `npm run bench:images` over the sample's
 * photos at the lead widths measured 0.17 s of CPU per photo, SSIM 0.985
 * and 24 KB, against 0.8 s, SSIM 0.983 and 14 KB for effort 2 at sharp's
 * quality 50, and 2.6 s for the default effort 4. Effort 2 is where the
 * encoder's slow search starts; quality 52 brings effort 1 back to at least
 * the same measured quality, for larger files. Colour stays at full
 * resolution (4:2:0 lost 0.009 SSIM). WebP and JPEG keep sharp's defaults.
 */
const SHARP_OPTIONS = { sharpAvifOptions: { effort: 1, quality: 52 } };

/**
 * Everything eleventy-img is told besides the source and the folder to write
 * to. The cache key is made from this very object (and the encoders'
 * versions), not from our source files, so the compiled CLI and the
 * TypeScript sources share encoded images, and any change to what the
 * encoder is asked for is a change of key.
 */
const encoderOptions = (kind: ImageKind) => ({
  widths: [...IMAGE_WIDTHS[kind]],
  formats: [...IMAGE_FORMATS],
  urlPath: `/${IMAGES_FOLDER}/`,
  // Its in-memory and on-disk caches live as long as the process and
  // trust a file's size and name; the record above is the cache.
  useCache: false,
  failOnError: true,
  ...SHARP_OPTIONS,
});

/**
 * Encode every image in `uses` (or take it from an earlier build) and
 * describe it as a picture. An image that cannot be read is reported in
 * `failures`, never thrown, so every such image is named at once.
 */
export async function processImages(uses: readonly ImageUse[], options: ProcessImagesOptions): Promise<ProcessedImages> {
  const folder = options.cacheDir ? path.join(options.cacheDir, 'images') : scratchFolder();
  const filesDir = path.join(folder, 'files');
  const recordsDir = path.join(folder, 'records');
  const settings = settingsKey();
  const pictures: Record<ImageKind, Map<string, Picture>> = { lead: new Map(), avatar: new Map() };
  const files = new Map<string, string>();
  const failures: ProcessedImages['failures'] = [];
  let encoded = 0;
  let reused = 0;
  let done = 0;

  await inParallel(uses, options.concurrency ?? availableParallelism(), async (use) => {
    const source = path.join(options.publicDir, ...use.src.split('/'));
    try {
      // Validation refuses these first; this keeps an SVG out of the encoder and out of img/ whatever called it.
      if (isSvgSource(source, readStart(source))) throw new Error('an SVG, which is never encoded or published as an image: it can carry script');
      const key = recordKey(source, use.kind, settings, recordsDir);
      let record = readEntry<ImageRecord>(recordsDir, key);
      if (record && isWhole(record, filesDir)) {
        reused++;
      } else {
        record = await encode(source, use.kind, folder, filesDir);
        writeEntry(recordsDir, key, record);
        encoded++;
      }
      pictures[use.kind].set(use.src, pictureFromEncoded(record.encoded, record.size));
      for (const file of record.files) files.set(`${IMAGES_FOLDER}/${file.name}`, path.join(filesDir, file.name));
    } catch (cause) {
      failures.push({ use, message: cause instanceof Error ? cause.message : String(cause) });
    }
    options.onProgress?.(++done, uses.length);
  });
  return {
    pictures,
    // Filled in the order encodings finished; sorted so that every build hands on the same map.
    files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    encoded,
    reused,
    failures,
  };
}

/**
 * The key of an image's record: its bytes, kind and the settings. Hashing
 * every source on every build would read the whole photo archive, so a
 * second small record remembers the hash for the file's size and time.
 */
function recordKey(source: string, kind: ImageKind, settings: string, recordsDir: string): string {
  const stat = statSync(source);
  const statKey = entryKey('stat', settings, kind, source, String(stat.size), String(stat.mtimeMs));
  const known = readEntry<string>(recordsDir, statKey);
  if (known) return known;
  const key = entryKey('image', settings, kind, createHash('sha256').update(readFileSync(source)).digest('hex'));
  writeEntry(recordsDir, statKey, key);
  return key;
}

const isWhole = (record: ImageRecord, filesDir: string): boolean =>
  record.files.every((file) => {
    try {
      return statSync(path.join(filesDir, file.name)).size === file.size;
    } catch {
      return false;
    }
  });

/**
 * Encode one image. eleventy-img writes into a fresh folder of its own; the
 * files are moved into `filesDir` only when all are written, so a build
 * killed halfway leaves no cut file under a finished name.
 */
async function encode(source: string, kind: ImageKind, folder: string, filesDir: string): Promise<ImageRecord> {
  // Loaded on demand: a build whose images are all made never needs it.
  const { default: Image } = await import('@11ty/eleventy-img');
  mkdirSync(folder, { recursive: true });
  const work = mkdtempSync(path.join(folder, 'encoding-'));
  try {
    const result = await Image(source, { ...encoderOptions(kind), outputDir: work });
    // Only the fields a picture is drawn from: eleventy-img's own include this process's scratch folder.
    const encoded = Object.fromEntries(
      Object.entries(result).map(([format, list]) => [format, list.map(({ format, width, height, url, sourceType, filename }) => ({ format, width, height, url, sourceType, filename }))]),
    );
    const fallback = fallbackFile(encoded);
    const measured = Image.ImageSize(readFileSync(path.join(work, fallback.filename)));
    if (!measured.width || !measured.height) throw new Error(`no size in ${fallback.filename}`);
    const files = Object.values(encoded)
      .flat()
      .map((file) => ({ name: file.filename, size: statSync(path.join(work, file.filename)).size }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    mkdirSync(filesDir, { recursive: true });
    for (const file of files) renameSync(path.join(work, file.name), path.join(filesDir, file.name));
    return { encoded, size: { width: measured.width, height: measured.height }, files };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Everything besides the source that decides the files: what the encoder is
 * asked for and the versions of eleventy-img and sharp (which bundles libvips
 * and the encoders). `record` counts changes to the record's shape.
 */
function settingsKey(): string {
  const versions = ['@11ty/eleventy-img', 'sharp'].map((name) => {
    try {
      return `${name}@${packageVersion(name)}`;
    } catch {
      // sharp comes with eleventy-img and may sit below it rather than beside it.
      return `${name}@unknown`;
    }
  });
  return entryKey(JSON.stringify({ record: 2, versions, lead: encoderOptions('lead'), avatar: encoderOptions('avatar') }));
}

let scratch: string | undefined;

/** A folder for one process's images when there is no cache folder: shared by its builds, removed at exit (or by a later build, see makeScratchFolder). */
function scratchFolder(): string {
  if (scratch && existsSync(scratch)) return scratch;
  const folder = makeScratchFolder('images');
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  scratch = folder;
  return folder;
}

/** Run `task` over `items`, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
