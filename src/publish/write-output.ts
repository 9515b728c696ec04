import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { templatesKey, writePages } from '../eleventy/write-pages.js';
import { fingerprintPages, type PageFingerprints } from './fingerprint.js';
import { fileOf, SEARCH_INDEX_FOLDER } from '../routes/addresses.js';
import type { SiteModel } from '../model/model.js';
import type { ExtraFiles } from '../outputs/output-files.js';
import { displayPath } from '../util/display-path.js';
import { ContentError, error } from '../util/problems.js';
import { indexSite, type SearchIndexReport } from '../search/index-site.js';
import { searchShards, type SearchShard } from '../routes/search-parts.js';
import { pageScripts } from '../search/page-scripts.js';
import { packageVersion } from '../util/package-version.js';
import { publishAtomically, recoverInterrupted } from './atomic.js';
import { copyKeepingTime, linkOrCopy } from '../util/link-or-copy.js';
import { collectGarbage } from './collect-garbage.js';
import { scanFolder, scanPages } from './scan-output.js';

export interface WriteOutputOptions {
  outDir: string;
  templatesDir: string;
  publicDir: string;
  /** public/ files published under another name (fingerprinted stylesheets), by their name in public/. */
  assetNames?: ReadonlyMap<string, string> | undefined;
  /**
   * Files made before publishing (encoded images), by path in the output,
   * with the file on disk they are copied from. Published like public/ files:
   * unchanged ones are taken over from the last build.
   */
  generatedFiles?: ReadonlyMap<string, string> | undefined;
  /**
   * Files made without templates (sitemaps, feeds, redirects), by path in the
   * output. They are made only when their key or a page fingerprint differs
   * from the last build's (see outputFiles).
   */
  extraFiles?: ExtraFiles | undefined;
  /** Where the record of the last build is kept; without it every page is rendered. */
  cacheDir: string | undefined;
  /** Folders the output may never replace. */
  protect: string[];
  /**
   * Change the output folder where it stands instead of swapping in a new
   * one: for the preview server, where a moment of mixed pages does no harm
   * and rebuilding a ten-thousand-page folder per save would.
   */
  inPlace?: boolean | undefined;
  /** Recorded with the output, for unchangedOutput (see buildKey). */
  buildKey?: string | undefined;
}

export interface OutputReport {
  /** Files in the published folder. */
  files: number;
  /** Pages Eleventy rendered in this build. */
  rendered: number;
  /** Files taken over unchanged from the previous build. */
  reused: number;
  /** Nothing differed from the previous build, so nothing was replaced. */
  upToDate: boolean;
  /** The search index, when it was made afresh: only when an indexed page changed. */
  search?: SearchIndexReport | undefined;
}

/** What the last build published, to tell which pages can be taken over. */
interface Manifest {
  version: 1;
  /** Page file → fingerprint. */
  pages: Record<string, string>;
  templatePages: string;
  /** Files Eleventy wrote from templates alone. */
  templateFiles: string[];
  /** public/ or generated file → [size, mtime] of the source when it was copied. */
  public: Record<string, [number, number]>;
  /** Every published file → [size, mtime], to notice files changed by hand since. */
  files: Record<string, [number, number]>;
  /** Extra file → SHA-1 of its content. */
  extras?: Record<string, string>;
  /** What the extra files were made from: their own key and every page fingerprint. */
  extrasKey?: string;
  /** Each part of the search index: what it was made from (its pages' fingerprints) and its files. */
  search?: Record<string, { key: string; files: string[] }>;
  /** What the whole build was made from (see buildKey). */
  buildKey?: string;
}

/**
 * Write the site into a fresh folder and swap it in (see publishAtomically).
 * Pages whose fingerprint matches the last build, and public files that did
 * not change, are hard links to the previous output: they keep their bytes
 * and modification time, so deploy tools that compare files upload only what
 * changed. A rendered page that comes out identical to its old copy is
 * replaced by that copy for the same reason.
 */
export async function writeOutput(model: SiteModel, options: WriteOutputOptions): Promise<OutputReport> {
  const outDir = path.resolve(options.outDir);
  // Before the old output is compared: a killed build may have left it aside.
  await recoverInterrupted(outDir);
  const prints = fingerprintPages(model, templatesKey(options.templatesDir));
  const manifestFile = options.cacheDir ? manifestPath(options.cacheDir, outDir) : undefined;
  const previous = manifestFile ? readManifest(manifestFile) : undefined;
  const intact = (file: string): boolean => isIntact(outDir, previous, file);
  // Keyed by the published name; `publicSource` gives the file it is copied from.
  const publicSource = new Map<string, string>();
  const publicFiles = new Map<string, Stats>();
  for (const [file, stat] of listFiles(options.publicDir)) {
    const published = options.assetNames?.get(file) ?? file;
    publicSource.set(published, path.join(options.publicDir, file));
    publicFiles.set(published, stat);
  }
  for (const [published, source] of options.generatedFiles ?? []) {
    publicSource.set(published, source);
    publicFiles.set(published, lstatSync(source));
  }
  const reusedPublic = new Set(
    [...publicFiles].filter(([file, stat]) => {
      const recorded = previous?.public[file];
      return recorded && recorded[0] === stat.size && recorded[1] === stat.mtimeMs && intact(file);
    }).map(([file]) => file),
  );
  const reusedPages = new Set([...prints.pages].filter(([file, print]) => previous?.pages[file] === print && intact(file)).map(([file]) => file));
  // The extra files are made from the pages' data: with the same
  // fingerprints and key they would come out the same, so they are not made.
  const extrasKey = options.extraFiles ? extraFilesKey(options.extraFiles.key, prints) : undefined;
  const keepExtras = !!previous?.extras && previous.extrasKey === extrasKey && Object.keys(previous.extras).every(intact);
  // Extra file → hash of its content; filled as they are made when they are not kept.
  const extraHashes = new Map(keepExtras ? Object.entries(previous.extras ?? {}) : []);
  const reuseTemplatePages = !!previous && previous.templatePages === prints.templatePages && previous.templateFiles.every(intact);
  // Each part of the index is made from its year's published article pages
  // alone: while none of them changed, the last one is kept. Indexing takes
  // most of a build of ten thousand articles in which one page changed.
  const shards = searchShards(model.articles);
  const shardKeys = new Map(shards.map((shard) => [shard.name, shardKey(shard, prints)]));
  // Part of the index → its files: the kept parts now, the made ones once written.
  const searchFiles = new Map<string, string[]>();
  for (const { name } of shards) {
    const last = previous?.search?.[name];
    if (last && last.key === shardKeys.get(name) && last.files.every(intact)) searchFiles.set(name, last.files);
  }
  const toIndex = shards.filter((shard) => !searchFiles.has(shard.name));
  const keptSearchFiles = [...searchFiles.values()].flat();
  const reuseSearch = toIndex.length === 0;

  const expected = [
    ...publicFiles.keys(),
    ...prints.pages.keys(),
    ...extraHashes.keys(),
    ...(reuseTemplatePages ? previous.templateFiles : []),
    ...keptSearchFiles,
  ];
  const upToDate =
    reuseTemplatePages &&
    reuseSearch &&
    reusedPublic.size === publicFiles.size &&
    reusedPages.size === prints.pages.size &&
    (keepExtras || !options.extraFiles) &&
    new Set(expected).size === Object.keys(previous.files).length;
  if (upToDate) {
    if (manifestFile && previous.buildKey !== options.buildKey) writeManifest(manifestFile, { ...previous, buildKey: options.buildKey });
    return { files: expected.length, rendered: 0, reused: expected.length, upToDate: true };
  }

  let templateFiles: string[] = [];
  /** Fill `target` with the new site: a fresh folder, or the output itself when updating in place. */
  const fill = async (target: string, inPlace: boolean): Promise<{ rendered: number; reused: number; search: SearchIndexReport | undefined }> => {
    let reused = 0;
    const takeOver = (file: string) => {
      if (!inPlace) linkOrCopy(path.join(outDir, file), path.join(target, file));
      reused++;
    };
    // Public files first: a page of ours at the same path wins.
    for (const [file, stat] of publicFiles) {
      if (reusedPublic.has(file)) takeOver(file);
      else copyKeepingTime(publicSource.get(file) ?? path.join(options.publicDir, file), path.join(target, file), stat);
    }
    for (const file of reusedPages) takeOver(file);
    const changed = (page: { url: string }) => !reusedPages.has(fileOf(page.url));
    const subset: SiteModel = { ...model, articles: model.articles.filter(changed), archives: model.archives.filter(changed) };
    const written: string[] = [];
    for (const [index, chunk] of inChunks(subset).entries()) {
      const templatePages = index === 0 && !reuseTemplatePages;
      if (chunk.articles.length + chunk.archives.length > 0 || templatePages) {
        // Before the first run too: building the model left garbage behind.
        collectGarbage();
        written.push(...(await writePages(chunk, options.templatesDir, target, { templatePages })));
      }
    }
    const pageFiles = new Set(prints.pages.keys());
    templateFiles = reuseTemplatePages ? previous.templateFiles : written.filter((file) => !pageFiles.has(file));
    if (reuseTemplatePages) templateFiles.forEach(takeOver);

    /** The files made without templates; written ones are returned. */
    const writeExtras = (): string[] => {
      if (keepExtras) {
        [...extraHashes.keys()].forEach(takeOver);
        return [];
      }
      const extraWritten: string[] = [];
      // Made, compared and written one at a time: together the feeds of a
      // large site are over a hundred megabytes.
      for (const { path: file, content } of options.extraFiles?.make() ?? []) {
        const bytes = Buffer.from(content);
        const hash = createHash('sha1').update(bytes).digest('hex');
        extraHashes.set(file, hash);
        if (previous?.extras?.[file] === hash && intact(file)) {
          takeOver(file);
          continue;
        }
        mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
        writeFileSync(path.join(target, file), bytes);
        extraWritten.push(file);
      }
      return extraWritten;
    };

    // Pagefind needs only the pages: it reads them in its own process while
    // this one makes the other files and scans the pages. Updating in place,
    // stale files go first, old index files among them.
    const startIndexing = () => indexSite(target, toIndex);
    let indexing = reuseSearch || inPlace ? undefined : startIndexing();
    let extraWritten: string[] = [];
    try {
      extraWritten = writeExtras();
      if (!inPlace) keptSearchFiles.forEach((file) => linkOrCopy(path.join(outDir, file), path.join(target, file)));
      if (inPlace) {
        const current = new Set([...publicFiles.keys(), ...pageFiles, ...templateFiles, ...extraHashes.keys(), ...keptSearchFiles]);
        for (const file of Object.keys(previous?.files ?? {})) {
          if (!current.has(file)) rmSync(path.join(outDir, file), { force: true });
        }
        if (!reuseSearch) indexing = startIndexing();
      }
      refuseUnsafe(scanPages(target, htmlOnly([...written, ...extraWritten]), pageScripts(model.site)), model, outDir);
    } finally {
      // Never leave Pagefind writing into a folder that is being thrown away.
      await indexing?.catch(() => undefined);
    }
    const search = await indexing;
    for (const shard of toIndex) {
      const folder = `${SEARCH_INDEX_FOLDER}/${shard.name}`;
      searchFiles.set(shard.name, [...listFiles(path.join(target, folder)).keys()].map((file) => `${folder}/${file}`));
    }
    // The pages were scanned above; this looks over the whole folder, index included, for links leading out of it.
    refuseUnsafe(scanFolder(target), model, outDir);
    if (!inPlace) {
      // Only now that Pagefind has read them: a page is briefly missing while its old copy takes its place.
      for (const file of [...written, ...extraWritten]) {
        if (sameBytes(path.join(outDir, file), path.join(target, file))) {
          unlinkSync(path.join(target, file));
          takeOver(file);
        }
      }
      // Index files that came out the same keep their old copy too, but are not counted as kept pages.
      for (const file of toIndex.flatMap((shard) => searchFiles.get(shard.name) ?? [])) {
        if (sameBytes(path.join(outDir, file), path.join(target, file))) {
          unlinkSync(path.join(target, file));
          linkOrCopy(path.join(outDir, file), path.join(target, file));
        }
      }
    }
    return { rendered: written.length, reused, search };
  };
  const report = options.inPlace
    ? await fill(outDir, true)
    : await publishAtomically(outDir, (staging) => fill(staging, false), { protect: options.protect });

  const files = listFiles(outDir);
  if (manifestFile) {
    writeManifest(manifestFile, {
      version: 1,
      pages: Object.fromEntries(prints.pages),
      templatePages: prints.templatePages,
      templateFiles,
      public: Object.fromEntries([...publicFiles].map(([file, stat]) => [file, [stat.size, stat.mtimeMs]])),
      files: Object.fromEntries([...files].map(([file, stat]) => [file, [stat.size, stat.mtimeMs]])),
      extras: Object.fromEntries(extraHashes),
      extrasKey,
      search: Object.fromEntries(shards.map((shard) => [shard.name, { key: shardKeys.get(shard.name) ?? '', files: searchFiles.get(shard.name) ?? [] }])),
      buildKey: options.buildKey,
    });
  }
  return { files: files.size, ...report, upToDate: false };
}

/**
 * The report of a build that has nothing to do: the last build into `outDir`
 * was made from the same `buildKey`, and every file it wrote is still there
 * as it was. Undefined otherwise. Puts right a build killed while swapping
 * folders first.
 */
export async function unchangedOutput(outDir: string, cacheDir: string, buildKey: string): Promise<OutputReport | undefined> {
  const resolved = path.resolve(outDir);
  await recoverInterrupted(resolved);
  const previous = readManifest(manifestPath(cacheDir, resolved));
  if (previous?.buildKey !== buildKey) return undefined;
  const files = Object.keys(previous.files);
  if (!files.every((file) => isIntact(resolved, previous, file))) return undefined;
  return { files: files.length, rendered: 0, reused: files.length, upToDate: true };
}

function manifestPath(cacheDir: string, outDir: string): string {
  return path.join(cacheDir, `output-${createHash('sha256').update(outDir).digest('hex').slice(0, 16)}.json`);
}

/** Whether a file the last build published is still there with the size and time it had. */
function isIntact(outDir: string, previous: Manifest | undefined, file: string): boolean {
  const recorded = previous?.files[file];
  const stat = statOrUndefined(path.join(outDir, file));
  return !!recorded && !!stat && stat.size === recorded[0] && stat.mtimeMs === recorded[1];
}

const htmlOnly = (files: string[]): string[] => files.filter((file) => file.endsWith('.html'));

/**
 * Fail the build on findings of the post-build scan (see scanOutput), which
 * covers the pages written in this build (pages taken over were scanned when
 * they were written) and the whole folder. Each is reported against the
 * article the page came from.
 */
function refuseUnsafe(findings: { file: string; finding: string }[], model: SiteModel, outDir: string): void {
  if (findings.length === 0) return;
  const sources = new Map(model.articles.map((page) => [fileOf(page.url), page.source]));
  throw new ContentError(
    findings.map(({ file, finding }) =>
      error(sources.get(file) ?? displayPath(path.join(outDir, file)), `the page ${file} would contain ${finding}`, {
        hint: 'a template or the sanitizing let it through; nothing was published. Report it with this file',
      }),
    ),
  );
}

/**
 * Eleventy keeps every page it renders in memory until its run ends, so a
 * large site is rendered in several runs of at most this many pages.
 */
const PAGES_PER_RUN = 2500;

function inChunks(model: SiteModel): SiteModel[] {
  const chunks: SiteModel[] = [];
  const pages = model.articles.length + model.archives.length;
  for (let start = 0; start === 0 || start < pages; start += PAGES_PER_RUN) {
    const end = start + PAGES_PER_RUN;
    chunks.push({
      ...model,
      articles: model.articles.slice(start, end),
      archives: model.archives.slice(Math.max(0, start - model.articles.length), Math.max(0, end - model.articles.length)),
    });
  }
  return chunks;
}

function extraFilesKey(key: string, prints: PageFingerprints): string {
  return keyOf(key, [prints.templatePages, ...[...prints.pages].flat()]);
}

/** A hash of strings, each kept apart from the next. */
function keyOf(first: string, rest: readonly string[]): string {
  const digest = createHash('sha1').update(first);
  for (const part of rest) digest.update('\0').update(part);
  return digest.digest('hex');
}

const PAGEFIND_VERSION = packageVersion('pagefind');

/** What a part of the search index is made from: Pagefind, and what it reads of its pages. */
function shardKey(shard: SearchShard, prints: PageFingerprints): string {
  return keyOf(`pagefind@${PAGEFIND_VERSION} ${shard.name}`, shard.pages.flatMap((file) => [file, prints.search.get(file) ?? '']));
}

function readManifest(file: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>;
    const complete = manifest.version === 1 && manifest.pages && manifest.public && manifest.files && Array.isArray(manifest.templateFiles);
    return complete ? (manifest as Manifest) : undefined;
  } catch {
    return undefined;
  }
}

function writeManifest(file: string, manifest: Manifest): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(manifest));
  renameSync(temporary, file);
}

/** Every file below `dir`, by `/`-separated relative path, with its stats. */
function listFiles(dir: string): Map<string, Stats> {
  const files = new Map<string, Stats>();
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return files;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full).split(path.sep).join('/'), lstatSync(full));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

function sameBytes(a: string, b: string): boolean {
  const old = statOrUndefined(a);
  if (!old || old.size !== statOrUndefined(b)?.size) return false;
  return readFileSync(a).equals(readFileSync(b));
}
