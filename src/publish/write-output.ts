import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { templatesKey, writePages } from '../eleventy/write-pages.js';
import type { SiteModel } from '../model/model.js';
import type { ExtraFiles } from '../outputs/output-files.js';
import { fileOf, SEARCH_INDEX_FOLDER } from '../routes/addresses.js';
import { unplannedFiles, type AddressPlan } from '../routes/plan.js';
import { searchShards, type SearchShard } from '../routes/search-parts.js';
import { indexSite, type SearchIndexReport } from '../search/index-site.js';
import { pageScripts } from '../search/page-scripts.js';
import { displayPath } from '../util/display-path.js';
import { copyKeepingTime, linkOrCopy } from '../util/link-or-copy.js';
import { packageVersion } from '../util/package-version.js';
import { ContentError, error } from '../util/problems.js';
import { publishAtomically, recoverInterrupted } from './atomic.js';
import { collectGarbage } from './collect-garbage.js';
import { fingerprintPages, type PageFingerprints } from './fingerprint.js';
import { isIntact, listFiles, manifestPath, readManifest, statOrUndefined, writeManifest } from './manifest.js';
import { planReuse } from './reuse-plan.js';
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
  /** Every file the site may have (see planRoutes): a file outside it is a bug, never published. */
  plan: AddressPlan;
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
  const extrasKey = options.extraFiles ? extraFilesKey(options.extraFiles.key, prints) : undefined;
  const shards = searchShards(model.articles).map((shard) => ({ shard, key: shardKey(shard, prints) }));
  const reuse = planReuse({ previous, prints, publicFiles, extrasKey, shards, intact });
  const { pages: reusedPages, toIndex } = reuse;
  // Part of the index → its files: the kept parts now, the made ones once written.
  const searchFiles = new Map(reuse.search);
  const keptSearchFiles = [...searchFiles.values()].flat();
  // Extra file → hash of its content; filled as they are made when they are not kept.
  const extraHashes = new Map(reuse.extras ? Object.entries(previous?.extras ?? {}) : []);
  if (reuse.upToDate && previous) {
    if (manifestFile && previous.buildKey !== options.buildKey) writeManifest(manifestFile, { ...previous, buildKey: options.buildKey });
    return { files: reuse.files, rendered: 0, reused: reuse.files, upToDate: true };
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
      if (reuse.public.has(file)) takeOver(file);
      else copyKeepingTime(publicSource.get(file) ?? path.join(options.publicDir, file), path.join(target, file), stat);
    }
    for (const file of reusedPages) takeOver(file);
    const changed = (page: { url: string }) => !reusedPages.has(fileOf(page.url));
    const subset: SiteModel = { ...model, articles: model.articles.filter(changed), archives: model.archives.filter(changed) };
    const written: string[] = [];
    for (const [index, chunk] of inChunks(subset).entries()) {
      const templatePages = index === 0 && !reuse.templatePages;
      if (chunk.articles.length + chunk.archives.length > 0 || templatePages) {
        // Before the first run too: building the model left garbage behind.
        collectGarbage();
        written.push(...(await writePages(chunk, options.templatesDir, target, { templatePages })));
      }
    }
    refuseUnplanned(written, options.plan);
    const pageFiles = new Set(prints.pages.keys());
    templateFiles = reuse.templatePages ? (previous?.templateFiles ?? []) : written.filter((file) => !pageFiles.has(file));
    if (reuse.templatePages) templateFiles.forEach(takeOver);

    /** The files made without templates; written ones are returned. */
    const writeExtras = (): string[] => {
      if (reuse.extras) {
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
    let indexing = toIndex.length === 0 || inPlace ? undefined : startIndexing();
    let extraWritten: string[] = [];
    try {
      extraWritten = writeExtras();
      refuseUnplanned(extraWritten, options.plan);
      if (!inPlace) keptSearchFiles.forEach((file) => linkOrCopy(path.join(outDir, file), path.join(target, file)));
      if (inPlace) {
        const current = new Set([...publicFiles.keys(), ...pageFiles, ...templateFiles, ...extraHashes.keys(), ...keptSearchFiles]);
        for (const file of Object.keys(previous?.files ?? {})) {
          if (!current.has(file)) rmSync(path.join(outDir, file), { force: true });
        }
        if (toIndex.length > 0) indexing = startIndexing();
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
      search: Object.fromEntries(shards.map(({ shard, key }) => [shard.name, { key, files: searchFiles.get(shard.name) ?? [] }])),
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

const htmlOnly = (files: string[]): string[] => files.filter((file) => file.endsWith('.html'));

/** A file written that the address plan does not know is a bug in Broadsheet: nothing is published. */
function refuseUnplanned(files: readonly string[], plan: AddressPlan): void {
  const unplanned = unplannedFiles(files, plan);
  if (unplanned.length > 0) throw new Error(`files outside the address plan were written: ${unplanned.slice(0, 5).join(', ')}`);
}

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

function sameBytes(a: string, b: string): boolean {
  const old = statOrUndefined(a);
  if (!old || old.size !== statOrUndefined(b)?.size) return false;
  return readFileSync(a).equals(readFileSync(b));
}
