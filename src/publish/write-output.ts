import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
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
import { copyKeepingTime, folderMaker, linkOrCopy, type FolderMaker } from '../util/link-or-copy.js';
import { packageVersion } from '../util/package-version.js';
import { ContentError, error } from '../util/problems.js';
import { publishAtomically, recoverInterrupted } from './atomic.js';
import { keepOnly, removeUnclaimed } from './recycle.js';
import { collectGarbage } from './collect-garbage.js';
import { fingerprintPages, type PageFingerprints } from './fingerprint.js';
import { isIntact, listFiles, manifestPath, readManifest, statOrUndefined, writeManifest, type Manifest } from './manifest.js';
import { planReuse, type ReusePlan } from './reuse-plan.js';
import { scanFolder, scanPages } from './scan-output.js';

export interface WriteOutputOptions {
  outDir: string;
  templatesDir: string;
  publicDir: string;
  /** public/ files published under another name (fingerprinted stylesheets), by their name in public/. */
  assetNames?: ReadonlyMap<string, string> | undefined;
  /** The bytes to publish for public/ files whose own bytes are not published (the stylesheets), by name in public/. */
  stylesheets?: ReadonlyMap<string, Buffer> | undefined;
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
  /** Told, updating in place, after each run of pages is written (the home page and lists first when there are many), before the rest: the search index takes seconds. */
  onPagesWritten?: (() => void) | undefined;
  /** Recorded with the output, for unchangedOutput (see buildKey). */
  buildKey?: string | undefined;
  /**
   * Awaited where the build may stop for newer saves (it throws; see
   * Change.stale): once what to write is known, before anything is; and,
   * updating in place, once the pages are written, if every one of them was
   * published before (the next update renders again whatever differs from
   * the last manifest, whereas a new file it no longer wants would stay).
   */
  giveWay?: (() => Promise<void>) | undefined;
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
  const published = publishedStats(outDir);
  const intact = (file: string): boolean => isIntact(previous, file, published(file));
  const publicFiles = publicSources(options);
  const extrasKey = options.extraFiles ? extraFilesKey(options.extraFiles.key, prints) : undefined;
  const shards = searchShards(model.articles, model.pages).map((shard) => ({ shard, key: shardKey(shard, prints) }));
  const publicStats = new Map([...publicFiles].map(([file, { stat }]) => [file, stat]));
  const reuse = planReuse({ previous, prints, publicFiles: publicStats, extrasKey, shards, intact });
  if (reuse.upToDate && previous) {
    if (manifestFile && previous.buildKey !== options.buildKey) writeManifest(manifestFile, { ...previous, buildKey: options.buildKey });
    return { files: reuse.files, rendered: 0, reused: reuse.files, upToDate: true };
  }

  await options.giveWay?.();

  // What the new output holds beyond the pages: filled as it is written.
  const made = {
    templateFiles: [] as string[],
    // Extra file → hash of its content: the kept ones now, the others as they are made.
    extraHashes: new Map(reuse.extras ? Object.entries(previous?.extras ?? {}) : []),
    // Part of the index → its files: the kept parts now, the made ones once written.
    searchFiles: new Map(reuse.search),
  };
  const fillInto = (target: string, inPlace: boolean, recycled: boolean) =>
    fill(
      { model, options, outDir, target, inPlace, previous, reuse, prints, publicFiles, intact, reused: 0, makeFolder: folderMaker(), present: recycled ? keepOnly(target, mayKeep(reuse, previous), published) : undefined },
      made,
    );
  const report = options.inPlace
    ? await fillInto(outDir, true, false)
    : // Without a last build there is nothing in the spare to keep: a fresh folder costs less than clearing it.
      await publishAtomically(outDir, (staging, recycled) => fillInto(staging, false, recycled), { protect: options.protect, recycle: previous !== undefined });

  const files = listFiles(outDir);
  if (manifestFile) {
    writeManifest(manifestFile, {
      version: 1,
      pages: Object.fromEntries(prints.pages),
      templatePages: prints.templatePages,
      templateFiles: made.templateFiles,
      public: Object.fromEntries([...publicFiles].map(([file, { stat }]) => [file, [stat.size, stat.mtimeMs]])),
      files: Object.fromEntries([...files].map(([file, stat]) => [file, [stat.size, stat.mtimeMs]])),
      extras: Object.fromEntries(made.extraHashes),
      extrasKey,
      search: Object.fromEntries(shards.map(({ shard, key }) => [shard.name, { key, files: made.searchFiles.get(shard.name) ?? [] }])),
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
  if (!files.every((file) => isIntact(previous, file, statOrUndefined(path.join(resolved, file))))) return undefined;
  return { files: files.length, rendered: 0, reused: files.length, upToDate: true };
}

/** One filling of an output folder: what it is made from, and how many files it took over. */
interface Filling {
  model: SiteModel;
  options: WriteOutputOptions;
  /** The published folder, which holds the last output. */
  outDir: string;
  /** The folder being filled: a fresh one, or `outDir` itself when updating in place. */
  target: string;
  inPlace: boolean;
  previous: Manifest | undefined;
  reuse: ReusePlan;
  prints: PageFingerprints;
  publicFiles: ReadonlyMap<string, PublicFile>;
  intact: (file: string) => boolean;
  reused: number;
  /** Makes the target's folders, each once. */
  makeFolder: FolderMaker;
  /** Filling the spare (see publishAtomically): the files in it that are the published ones, until taken over. */
  present: Set<string> | undefined;
}

/**
 * Fill the target with the new site, in order: public files, pages (the
 * changed ones rendered, the rest taken over), the other files, the search
 * index (in Pagefind's own process, while this one makes the other files and
 * scans the pages), the scans, and old copies for files that came out the same.
 */
async function fill(
  filling: Filling,
  made: { templateFiles: string[]; extraHashes: Map<string, string>; searchFiles: Map<string, string[]> },
): Promise<{ rendered: number; reused: number; search: SearchIndexReport | undefined }> {
  const { model, options, target, inPlace, reuse } = filling;
  copyPublic(filling);
  const written = await renderPages(filling);
  // The feeds, the search index and the manifest are all the next update would make again.
  if (inPlace && written.every((file) => filling.previous?.files[file] !== undefined)) await options.giveWay?.();
  made.templateFiles = reuse.templatePages ? (filling.previous?.templateFiles ?? []) : written.filter((file) => !filling.prints.pages.has(file));
  if (reuse.templatePages) made.templateFiles.forEach((file) => takeOver(filling, file));

  const startIndexing = () => indexSite(target, reuse.toIndex);
  // Updating in place, stale files go first, old index files among them.
  let indexing = reuse.toIndex.length === 0 || inPlace ? undefined : startIndexing();
  let extraWritten: string[] = [];
  try {
    extraWritten = makeExtras(filling, made.extraHashes);
    refuseUnplanned(extraWritten, options.plan);
    const keptSearchFiles = [...reuse.search.values()].flat();
    if (inPlace) {
      removeStale(filling, new Set([...filling.publicFiles.keys(), ...filling.prints.pages.keys(), ...made.templateFiles, ...made.extraHashes.keys(), ...keptSearchFiles]));
      if (reuse.toIndex.length > 0) indexing = startIndexing();
    } else {
      keptSearchFiles.forEach((file) => takeOver(filling, file, false));
      // Kept by keepOnly as possibly wanted (an extra file not made again), but not wanted after all.
      if (filling.present) removeUnclaimed(target, filling.present);
    }
    refuseUnsafe(scanPages(target, htmlOnly([...written, ...extraWritten]), new Map([...pageScripts(model.site, [...model.articles, ...model.pages]), ...(options.extraFiles?.scripts ?? [])])), model, filling.outDir);
    // The last run's pages, the feeds and the scanned pages are garbage:
    // collected now, they make room for the manifest instead of adding to
    // the build's peak (10,000 articles: 615–623 MB against 656–676). While
    // Pagefind indexes, this thread only waits, so then it costs nothing.
    collectGarbage({ always: indexing !== undefined });
  } finally {
    // Never leave Pagefind writing into a folder that is being thrown away.
    await indexing?.catch(() => undefined);
  }
  const search = await indexing;
  for (const shard of reuse.toIndex) {
    const folder = `${SEARCH_INDEX_FOLDER}/${shard.name}`;
    made.searchFiles.set(shard.name, [...listFiles(path.join(target, folder)).keys()].map((file) => `${folder}/${file}`));
  }
  // The pages were scanned above; this looks over the whole folder, index included, for links leading out of it, and reads every SVG.
  refuseUnsafe(scanFolder(target), model, filling.outDir);
  if (!inPlace) {
    // Only now that Pagefind has read them: a page is briefly missing while its old copy takes its place.
    keepIdenticalCopies(filling, [...written, ...extraWritten], true);
    // Index files that came out the same keep their old copy too, but are not counted as kept pages.
    keepIdenticalCopies(filling, reuse.toIndex.flatMap((shard) => made.searchFiles.get(shard.name) ?? []), false);
  }
  return { rendered: written.length, reused: filling.reused, search };
}

/** Take a file over from the last output: a hard link into a fresh folder; in place, or in the spare when keepOnly kept it, it is already there. */
function takeOver(filling: Filling, file: string, count = true): void {
  if (!filling.inPlace && !filling.present?.delete(file)) linkOrCopy(path.join(filling.outDir, file), path.join(filling.target, file), filling.makeFolder);
  if (count) filling.reused++;
}

/**
 * What a build filling the spare may keep of it: every file it may take over
 * from the last output. The extra files are judged one by one as they are
 * made, so all of the last ones are candidates.
 */
function mayKeep(reuse: ReusePlan, previous: Manifest | undefined): Set<string> {
  return new Set([
    ...reuse.public,
    ...reuse.pages,
    ...(reuse.templatePages ? (previous?.templateFiles ?? []) : []),
    ...Object.keys(previous?.extras ?? {}),
    ...[...reuse.search.values()].flat(),
  ]);
}

/** Stats of the files of `dir`, each read once, when first asked: only this build changes them while it runs, and it asks before it does. */
function publishedStats(dir: string): (file: string) => Stats | undefined {
  const stats = new Map<string, Stats | undefined>();
  return (file) => {
    if (!stats.has(file)) stats.set(file, statOrUndefined(path.join(dir, file)));
    return stats.get(file);
  };
}

/** Public and generated files first: a page of ours at the same path replaces one. */
function copyPublic(filling: Filling): void {
  for (const [file, { source, stat, bytes }] of filling.publicFiles) {
    if (filling.reuse.public.has(file)) takeOver(filling, file);
    else if (bytes) writeInstead(path.join(filling.target, file), bytes, stat, filling.makeFolder);
    else copyKeepingTime(source, path.join(filling.target, file), stat, filling.makeFolder);
  }
}

/** The article, archive and static pages: unchanged ones taken over, the rest rendered by Eleventy in runs; returns the files written. */
async function renderPages(filling: Filling): Promise<string[]> {
  const { model, reuse, options } = filling;
  for (const file of reuse.pages) takeOver(filling, file);
  const changed = (page: { url: string }) => !reuse.pages.has(fileOf(page.url));
  const subset: SiteModel = { ...model, articles: model.articles.filter(changed), archives: model.archives.filter(changed), pages: model.pages.filter(changed) };
  const written: string[] = [];
  for (const [index, chunk] of pageRuns(subset, filling.inPlace).entries()) {
    const templatePages = index === 0 && !reuse.templatePages;
    if (chunk.articles.length + chunk.archives.length + chunk.pages.length > 0 || templatePages) {
      // Before the first run too: building the model left garbage behind.
      collectGarbage();
      written.push(...(await writePages(chunk, options.templatesDir, filling.target, { templatePages })));
      if (filling.inPlace) options.onPagesWritten?.();
    }
  }
  refuseUnplanned(written, options.plan);
  return written;
}

/** The files made without templates, unless the last ones can be kept; returns those written. */
function makeExtras(filling: Filling, hashes: Map<string, string>): string[] {
  if (filling.reuse.extras) {
    [...hashes.keys()].forEach((file) => takeOver(filling, file));
    return [];
  }
  const written: string[] = [];
  // Made, compared and written one at a time: together the feeds of a
  // large site are over a hundred megabytes.
  for (const made of filling.options.extraFiles?.make() ?? []) {
    const file = made.path;
    // A keyed file is judged on its key, before it is made; any other on its bytes.
    let bytes: Buffer | undefined;
    const hash = made.key !== undefined ? `key:${made.key}` : createHash('sha1').update((bytes = bytesOf(made.content))).digest('hex');
    hashes.set(file, hash);
    if (filling.previous?.extras?.[file] === hash && filling.intact(file)) {
      takeOver(filling, file);
      continue;
    }
    bytes ??= bytesOf(made.content);
    filling.makeFolder(path.dirname(path.join(filling.target, file)));
    // The spare's copy is the published file itself: writing into it would change the live site.
    if (filling.present?.delete(file)) unlinkSync(path.join(filling.target, file));
    writeFileSync(path.join(filling.target, file), bytes);
    written.push(file);
  }
  return written;
}

/** Updating in place: the last output's files this one no longer has. */
function removeStale(filling: Filling, current: ReadonlySet<string>): void {
  for (const file of Object.keys(filling.previous?.files ?? {})) {
    if (!current.has(file)) rmSync(path.join(filling.outDir, file), { force: true });
  }
}

/** Files made again that came out the same are replaced by their old copies, which keep their time (deploy tools upload less). */
function keepIdenticalCopies(filling: Filling, files: readonly string[], count: boolean): void {
  for (const file of files) {
    if (sameBytes(path.join(filling.outDir, file), path.join(filling.target, file))) {
      unlinkSync(path.join(filling.target, file));
      takeOver(filling, file, count);
    }
  }
}

/** A file copied into the output as it is (or published as `bytes`), and where it comes from. */
interface PublicFile {
  source: string;
  stat: Stats;
  bytes?: Buffer | undefined;
}

/** `bytes` in place of the source's, with the source's time, as a copy would have it. */
function writeInstead(target: string, bytes: Buffer, stat: Stats, makeFolder: FolderMaker): void {
  makeFolder(path.dirname(target));
  writeFileSync(target, bytes);
  utimesSync(target, stat.atime, stat.mtime);
}

/** public/ files by their published name (fingerprinted stylesheets), then the generated ones (encoded images). */
function publicSources(options: WriteOutputOptions): Map<string, PublicFile> {
  const files = new Map<string, PublicFile>();
  for (const [file, stat] of listFiles(options.publicDir)) {
    files.set(options.assetNames?.get(file) ?? file, { source: path.join(options.publicDir, file), stat, bytes: options.stylesheets?.get(file) });
  }
  for (const [published, source] of options.generatedFiles ?? []) files.set(published, { source, stat: lstatSync(source) });
  return files;
}

const bytesOf = (content: string | Buffer): Buffer => (typeof content === 'string' ? Buffer.from(content) : content);

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
  const sources = new Map([...model.articles, ...model.pages].map((page) => [fileOf(page.url), page.source]));
  throw new ContentError(
    findings.map(({ file, finding }) =>
      /\.svgz?$/i.test(file)
        ? error(displayPath(path.join(outDir, file)), `the SVG ${file} would contain ${finding}`, {
            hint: 'it came from public/; nothing was published. Remove that from the file, or export the image as PNG',
          })
        : error(sources.get(file) ?? displayPath(path.join(outDir, file)), `the page ${file} would contain ${finding}`, {
            hint: 'a template or the sanitizing let it through; nothing was published. Report it with this file',
          }),
    ),
  );
}

/**
 * Eleventy keeps every page it renders in memory until its run ends, so a
 * large site is rendered in several runs of at most this many pages. Cold
 * builds of 10,000 articles peaked at 782 MB in runs of 2,500, 675–679 MB
 * in runs of 1,250 and 668 MB in runs of 800, in the same time within the
 * machine's noise (86–90 s each): below 1,250 the runs' own peak is no
 * longer the build's.
 */
const PAGES_PER_RUN = 1250;

/**
 * Story pages beyond which an update in place renders the home page,
 * archives and lists in a run of their own first: a story new to a section
 * is in the rail of every story page of that section (a thousand pages at
 * ten thousand stories), and the front of the site need not wait for them.
 */
const FRONT_RUN_AFTER = 100;

/** The Eleventy runs for `subset`: in runs of PAGES_PER_RUN; in place, with many story pages, the front of the site first. */
function pageRuns(subset: SiteModel, inPlace: boolean): SiteModel[] {
  if (!inPlace || subset.articles.length <= FRONT_RUN_AFTER) return inChunks(subset);
  return [{ ...subset, articles: [] }, ...inChunks({ ...subset, archives: [], pages: [] })];
}

function inChunks(model: SiteModel): SiteModel[] {
  const chunks: SiteModel[] = [];
  const pages = model.articles.length + model.archives.length + model.pages.length;
  // Each list takes the run's places after the lists before it.
  const slice = <T>(list: readonly T[], before: number, start: number, end: number) => list.slice(Math.max(0, start - before), Math.max(0, end - before));
  for (let start = 0; start === 0 || start < pages; start += PAGES_PER_RUN) {
    const end = start + PAGES_PER_RUN;
    chunks.push({
      ...model,
      articles: slice(model.articles, 0, start, end),
      archives: slice(model.archives, model.articles.length, start, end),
      pages: slice(model.pages, model.articles.length + model.archives.length, start, end),
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
