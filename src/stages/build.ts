import path from 'node:path';
import type { ArticleCheck } from '../content/check-article.js';
import { isReadFile } from '../content/content-files.js';
import { contentCounts, type ContentCounts } from '../content/content-summary.js';
import { loadContent, readContentFile } from '../content/load.js';
import type { Content, ContentSources, SourceFile } from '../content/types.js';
import { validateLeavingOut } from '../content/leave-out-invalid.js';
import { NOTHING_LEFT_OUT, type LeftOut } from '../content/left-out.js';
import { peekSite, validateContent, validateSaved, type ValidateOptions } from '../content/validate.js';
import { writePages } from '../eleventy/write-pages.js';
import type { PictureSet } from '../images/picture.js';
import { processImages } from '../images/process-images.js';
import { isSvgSource, readStart } from '../images/svg-source.js';
import { hasEveryPicture, imageProblems, usedImages, type ImageUse } from '../images/used-images.js';
import type { RenderedMarkdown } from '../markdown/render.js';
import { articlePage } from '../model/article-pages.js';
import { buildSiteModel } from '../model/build-model.js';
import type { SiteModel } from '../model/model.js';
import { createPageContext } from '../model/page-context.js';
import type { AdminFilesInput } from '../outputs/admin/admin-files.js';
import { outputFiles } from '../outputs/output-files.js';
import { themeStylesheet } from '../outputs/theme/theme-stylesheet.js';
import { recordPublishTime } from '../publish/publish-record.js';
import { unchangedOutput, writeOutput, type OutputReport } from '../publish/write-output.js';
import { NO_TERMS } from '../related/terms.js';
import type { MadePlan } from '../routes/plan.js';
import { displayPath } from '../util/display-path.js';
import { compareText, ContentError, hasErrors, sortProblems, type Problem } from '../util/problems.js';
import { loadRendererHere, processAll, type ProcessAllResult } from '../workers/process-pool.js';
import { assetNames } from './asset-names.js';
import { publishedStylesheets } from './stylesheets.js';
import { buildKey, inputsKey } from './build-key.js';
import { cmsScriptFiles } from './cms-script.js';
import { publicSitePaths } from './public-files.js';
import { readSteadyRecord, recordFits, steadyUntil, writeSteadyRecord, type SteadyQuestion, type SteadyRecord } from './steady-build.js';
import { defaultPaths, Superseded, type BuildOptions, type BuildResult, type BuildState, type Change, type CheckOptions, type StageReport } from './options.js';

export * from './options.js';

/*
 * The one build path. Its stages, in order: load the files, check and
 * render each (worker threads, cached), validate them against each other
 * and plan every address, process images, model the site, make the other
 * files, write the pages, index them for search, scan them, publish. `check`
 * runs it up to the address plan; `serve` runs it over what was saved.
 */

/**
 * Load, check and render every content file and plan the site's addresses,
 * exactly as a build would before it writes anything. Writes nothing but the
 * render cache. Throws ContentError carrying every problem when any is an
 * error (or a warning, with `strict`).
 */
export async function checkContent(options: CheckOptions): Promise<{ content: Content; problems: Problem[]; leftOut: LeftOut }> {
  const checked = finished(await run(options, { kind: 'check' }));
  if ('steady' in checked) throw new Error('a check took a build\'s record');
  return { content: checked.content, problems: checked.problems, leftOut: checked.result.leftOut };
}

/**
 * Build the site into `outDir`. On any error the previous contents of
 * `outDir` are left exactly as they were.
 */
export async function build(options: BuildOptions): Promise<BuildResult & { content?: Content | undefined; counts: ContentCounts }> {
  const now = options.now ?? Date.now();
  const outcome = finished(await run({ ...options, now }, { kind: 'build', outDir: options.outDir }));
  // Read by `due`, next to the manifest, so that whoever keeps the cache keeps it too.
  if (options.cacheDir) recordPublishTime(options.cacheDir, options.outDir, now);
  if ('steady' in outcome) return { ...outcome.result, counts: outcome.steady.counts };
  // The counts of the content, for the summary of what is on the site and what is not (see contentSummary).
  const counts = contentCounts(outcome.content, now);
  const { keys, result } = outcome;
  // Not after errors: what --skip-invalid left out is checked again on every build.
  if (options.cacheDir && keys && !hasErrors(result.problems)) {
    writeSteadyRecord(options.cacheDir, options.outDir, {
      inputs: keys.inputs,
      buildKey: keys.build,
      cwd: process.cwd(),
      fileTimeLimitMs: options.fileTimeLimitMs ?? null,
      from: now,
      until: steadyUntil(outcome.content, now),
      problems: result.problems,
      counts,
      articles: result.articles,
    });
  }
  return { ...result, content: outcome.content, counts };
}

/**
 * Build again after articles or pages were saved, from what the last build
 * learnt (see Change). Undefined when the change needs a full build: a file
 * outside articles/ and pages/, an image no build has encoded, or for a
 * preview a page, or a new or deleted article. Throws ContentError when the
 * content has errors.
 */
export async function rebuild(options: BuildOptions, change: Change): Promise<BuildResult | undefined> {
  const outcome = await run(options, { kind: change.scope, outDir: options.outDir, change });
  return outcome === FULL_BUILD ? undefined : outcome.result;
}

/**
 * Ready this process for rebuilds after saves (see rebuild): the preview
 * server calls it once its first build is done, so that the first save is
 * as quick as the rest.
 */
export async function prepareRebuilds(): Promise<void> {
  await loadRendererHere();
}

type Mode =
  | { kind: 'check' }
  | { kind: 'build'; outDir: string }
  | { kind: 'preview' | 'update'; outDir: string; change: Change };

/** What a run over a change answers when the change needs a full build instead. */
const FULL_BUILD = Symbol('full build');

interface Outcome {
  content: Content;
  problems: Problem[];
  result: BuildResult;
  /** A build's inputsKey and buildKey, when it made them (skipUnchanged). */
  keys?: { inputs: string; build: string } | undefined;
}

/** A build that found the last one's record still true (see steady-build.ts): nothing rendered, nothing written. */
interface SteadyOutcome {
  steady: SteadyRecord;
  result: BuildResult;
}

/** Only a run over a change asks for a full build. */
function finished(outcome: Outcome | SteadyOutcome | typeof FULL_BUILD): Outcome | SteadyOutcome {
  if (outcome === FULL_BUILD) throw new Error('a full build asked for a full build');
  return outcome;
}

const EMPTY: RenderedMarkdown = { html: '', firstParagraph: '', words: 0 };
const NO_OUTPUT: OutputReport = { files: 0, rendered: 0, reused: 0, upToDate: true };

async function run(given: CheckOptions & Partial<BuildOptions>, mode: Mode): Promise<Outcome | SteadyOutcome | typeof FULL_BUILD> {
  // One moment for every decision of this build: what is published, what is news.
  const options = { ...given, now: given.now ?? Date.now() };
  const publicDir = options.publicDir ?? defaultPaths.publicDir;
  const templatesDir = options.templatesDir ?? defaultPaths.templatesDir;
  const change = mode.kind === 'preview' || mode.kind === 'update' ? mode.change : undefined;
  const stage = timer(options.onStage);
  // Between the stages of an update (see Change.stale): newer saves make its work stale, and the next update does it all.
  const stopIfStale = async (): Promise<void> => {
    if (mode.kind !== 'update' || !mode.change.stale) return;
    // A save is heard only when the event loop turns, and the stage before kept this thread busy.
    await new Promise((resolve) => setImmediate(resolve));
    if (mode.change.stale()) throw new Superseded();
  };

  // Load.
  const loaded = change ? reload(change, options.contentDir, mode.kind === 'preview') : await loadAll(options.contentDir, publicDir);
  if (!loaded) return FULL_BUILD;
  // Made now, while every article's text is in memory.
  const inputs = mode.kind === 'build' && options.skipUnchanged && options.cacheDir ? inputsKey(loaded.sources, { ...options, publicDir, templatesDir }) : undefined;
  stage('load', loaded.fileCount);
  if (inputs !== undefined && mode.kind === 'build' && options.cacheDir) {
    const steady = await steadyOutput(options.cacheDir, mode.outDir, { inputs, cwd: process.cwd(), fileTimeLimitMs: options.fileTimeLimitMs, now: options.now });
    if (steady) {
      stage('publish', steady.result.pages, 'nothing changed');
      return steady;
    }
  }

  // Check and render each file: in worker threads (or from the cache), or
  // for a saved article in this thread, next to what the last build learnt.
  const processed = await render(loaded, options, change);
  stage('render', processed.rendered.size, change ? undefined : `${processed.fromCache} from cache`);
  await stopIfStale();
  // An article with its check is not read again: letting its text go halves
  // the memory of a large build. Without a valid site.yml nothing was
  // checked, and validation checks the articles from their texts.
  loaded.sources = {
    ...loaded.sources,
    articles: loaded.sources.articles.map((file) => (processed.checks.has(file.path) ? { path: file.path, text: '' } : file)),
  };

  // Validate the files against each other and plan every address.
  const validated =
    mode.kind === 'preview' ? previewContent(loaded, { ...options, publicDir }, processed, mode.change) : validate(loaded, { ...options, publicDir }, processed, change?.state.plan);
  if (!validated) return FULL_BUILD;
  const { content, plan, problems, leftOut } = validated;
  stage('validate', content.articles.length);
  await stopIfStale();

  const keys = inputs === undefined ? undefined : { inputs, build: buildKey(inputs, content, options.now) };
  const unchanged = keys && options.cacheDir && mode.kind === 'build' ? await unchangedOutput(mode.outDir, options.cacheDir, keys.build) : undefined;
  if (unchanged) {
    stage('publish', unchanged.files, 'nothing changed');
    return {
      content,
      problems,
      result: { problems, leftOut, pages: unchanged.files, articles: content.articles.length, output: unchanged, images: { encoded: 0, reused: 0 } },
      keys,
    };
  }

  // Images: encoded (or from the cache) for a build; a saved article may only use what the last build encoded.
  const images = await pictures(content, { ...options, publicDir }, change, processed, problems);
  if (!images) return FULL_BUILD;
  stage('images', images.uses, change ? undefined : `${images.encoded} encoded, ${images.reused} from cache`);
  await stopIfStale();

  // Model the site: every page, or for a preview the saved articles' own pages.
  const rendered = (file: string) => processed.rendered.get(file) ?? EMPTY;
  const model =
    mode.kind === 'preview'
      ? previewModel(content, mode.change, rendered, images.pictures)
      : buildSiteModel(content, rendered, (file) => processed.terms.get(file) ?? NO_TERMS, loaded.assetNames, images.pictures);
  if (model.articles.length === 0 && mode.kind === 'preview') return FULL_BUILD;
  stage('model', model.articles.length + model.archives.length);
  await stopIfStale();
  const admin = adminInput(content, { contentDir: options.contentDir, publicDir });
  const extraFiles = () => outputFiles(model, { now: options.now, assetNames: loaded.assetNames, svgFiles: svgFiles(loaded.assets), admin });
  if (mode.kind === 'check') {
    // A check goes as far as a build does before it writes (images opened,
    // the model, feeds and sitemaps made), so content that passes it builds.
    for (const made of extraFiles().make()) void made.content;
    return { content, problems, result: { ...emptyResult(problems), leftOut } };
  }

  // Write: a preview's pages straight into the served folder; otherwise the
  // other files are made, the pages written, indexed, scanned and published.
  const output =
    mode.kind === 'preview'
      ? await writePreview(model, templatesDir, mode.outDir)
      : await writeOutput(model, {
          outDir: mode.outDir,
          templatesDir,
          publicDir,
          cacheDir: options.cacheDir,
          plan: plan.plan,
          assetNames: loaded.assetNames,
          stylesheets: loaded.stylesheets,
          // The web editor's script is copied like an encoded image: unchanged, it is taken over from the last build.
          generatedFiles: admin ? new Map([...images.files, ...cmsScriptFiles()]) : images.files,
          extraFiles: extraFiles(),
          protect: change ? [] : [options.contentDir, templatesDir, publicDir],
          inPlace: !!change,
          onPagesWritten: change ? options.onPagesWritten : undefined,
          buildKey: keys?.build,
          giveWay: stopIfStale,
        });
  // Indexing for search runs inside publishing, after the pages are written; it is reported on its own.
  stage('publish', output.files, output.upToDate ? 'nothing changed' : `${output.rendered} rendered, ${output.reused} kept`, output.search?.ms);
  if (output.search) options.onStage?.({ stage: 'search', count: output.search.pages, ms: output.search.ms });

  const state: BuildState = {
    sources: loaded.sources,
    assets: loaded.assets,
    assetNames: loaded.assetNames,
    stylesheets: loaded.stylesheets,
    checks: processed.checks,
    rendered: processed.rendered,
    terms: processed.terms,
    pictures: images.pictures,
    imageFiles: images.files,
    content,
    plan,
    // A preview changed a few pages, not the site: the next update starts from the last full model.
    model: mode.kind === 'preview' ? mode.change.state.model : model,
  };
  return {
    content,
    problems,
    result: {
      problems,
      leftOut,
      pages: output.files,
      articles: model.articles.length,
      output,
      images: { encoded: images.encoded, reused: images.reused },
      previewed: mode.kind === 'preview' ? model.articles.map((page) => page.url) : undefined,
      state: mode.kind === 'preview' ? mode.change.state : state,
    },
    keys,
  };
}

/**
 * The last build's report, when its record answers for this build (same
 * inputs, the clock inside its span) and the output is still the one it
 * left, file for file.
 */
async function steadyOutput(cacheDir: string, outDir: string, question: SteadyQuestion): Promise<SteadyOutcome | undefined> {
  const record = readSteadyRecord(cacheDir, outDir);
  if (!record || !recordFits(record, question)) return undefined;
  const output = await unchangedOutput(outDir, cacheDir, record.buildKey);
  if (!output) return undefined;
  return {
    steady: record,
    result: { problems: record.problems, leftOut: NOTHING_LEFT_OUT, pages: output.files, articles: record.articles, output, images: { encoded: 0, reused: 0 } },
  };
}

interface Loaded {
  sources: ContentSources;
  problems: Problem[];
  /** The files to check and render when not all of them: those saved. */
  toRender?: ContentSources | undefined;
  assets: Set<string>;
  assetNames: Map<string, string>;
  stylesheets: Map<string, Buffer>;
  fileCount: number;
}

async function loadAll(contentDir: string, publicDir: string): Promise<Loaded> {
  const loaded = await loadContent(contentDir);
  const published = publicSitePaths(publicDir);
  const { sources } = loaded;
  const fileCount = sources.articles.length + sources.authors.length + sources.categories.length + sources.pages.length + sources.comments.length + (sources.site ? 1 : 0);
  const { stylesheets, problems: cssProblems } = publishedStylesheets(publicDir, themeAppended(sources));
  return {
    sources,
    problems: [...loaded.problems, ...published.problems, ...cssProblems],
    assets: published.sitePaths,
    assetNames: assetNames(publicDir, stylesheets),
    stylesheets,
    fileCount,
  };
}

/**
 * site.yml's theme as CSS after the published site.css (one request, its
 * name hashed with the theme), named before validation, since every
 * stylesheet name is needed by then; without a valid site.yml nothing is built.
 */
function themeAppended(sources: ContentSources): Map<string, string> {
  const theme = peekSite(sources)?.theme;
  const css = theme ? themeStylesheet(theme) : '';
  return new Map(css ? [['css/site.css', css]] : []);
}

/**
 * The last build's sources with the saved articles and pages read again;
 * deleted ones drop out. Undefined when a saved file is neither, or, for a
 * preview, when one is a page or an article was added or deleted.
 */
function reload(change: Change, contentDir: string, preview: boolean): Loaded | undefined {
  const { state } = change;
  const folders = (['articles', 'pages'] as const).map((folder) => ({ folder, dir: path.resolve(contentDir, folder) + path.sep }));
  // A file a full build would not read (a dot-file, another extension) asks for one: it builds, and warns.
  const folderOf = (file: string) =>
    folders.find(({ folder, dir }) => path.resolve(file).startsWith(dir) && isReadFile(path.relative(dir, path.resolve(file)).split(path.sep).join('/'), folder))?.folder;
  const saved = change.files.map((file) => ({ file: displayPath(path.resolve(file)), folder: folderOf(file) }));
  if (saved.length === 0 || saved.some(({ folder }) => folder === undefined || (preview && folder === 'pages'))) return undefined;
  const known = new Set([...state.sources.articles, ...state.sources.pages].map((file) => file.path));
  if (preview && !saved.every(({ file }) => known.has(file))) return undefined;
  const problems: Problem[] = [];
  const fresh = new Map<string, SourceFile | undefined>();
  for (const { file } of saved) {
    const before = problems.length;
    const read = readContentFile(file, problems);
    if (!read && problems.length === before && !known.has(file)) continue;
    fresh.set(file, read);
  }
  const inFolder = (folder: 'articles' | 'pages') => new Set(saved.filter((file) => file.folder === folder).map(({ file }) => file));
  const merge = (kept: readonly SourceFile[], folder: 'articles' | 'pages') => {
    const mine = inFolder(folder);
    const added = [...fresh].flatMap(([file, read]) => (mine.has(file) && read ? [read] : []));
    return { all: [...kept.filter((file) => !fresh.has(file.path)), ...added].sort((a, b) => compareText(a.path, b.path)), added };
  };
  const articles = merge(state.sources.articles, 'articles');
  const pages = merge(state.sources.pages, 'pages');
  return {
    sources: { ...state.sources, articles: articles.all, pages: pages.all },
    problems,
    toRender: { site: undefined, articles: articles.added, authors: [], categories: [], pages: pages.added, comments: [] },
    assets: state.assets,
    assetNames: state.assetNames,
    stylesheets: state.stylesheets,
    fileCount: fresh.size,
  };
}

/** Check and render `loaded.toRender` (all the sources when unset); for a change, merged into what the last build learnt of the other files. */
async function render(loaded: Loaded, options: CheckOptions, change: Change | undefined): Promise<ProcessAllResult> {
  const site = peekSite(loaded.sources, options.baseUrl);
  const empty: ProcessAllResult = { checks: new Map(), rendered: new Map(), terms: new Map(), fromCache: 0, problems: [], unchecked: new Set() };
  // Only `sources` may hold every text: the build lets them go once rendered.
  const toRender = loaded.toRender ?? loaded.sources;
  const processed = site
    ? await processAll(
        [
          ...toRender.articles.map((file) => ({ ...file, kind: 'article' as const })),
          ...[...toRender.authors, ...toRender.categories, ...toRender.pages].map((file) => ({ ...file, kind: 'page' as const })),
          // Comments come from the public: their bodies get the same time limit as articles.
          ...toRender.comments.map(({ path: file, text }) => ({ path: file, text, kind: 'comment' as const })),
        ],
        {
          siteUrl: site.url,
          timezone: site.timezone,
          language: site.language,
          embeds: site.embeds,
          cacheDir: options.cacheDir,
          // A few saved files render faster here than in threads started for them.
          workers: change ? 0 : options.workers,
          fileTimeLimitMs: options.fileTimeLimitMs,
          onProgress: (done, total) => options.onProgress?.({ stage: 'render', done, total }),
        },
      )
    : empty;
  if (!change) return processed;
  const merged: ProcessAllResult = {
    checks: new Map(change.state.checks),
    rendered: new Map(change.state.rendered),
    terms: new Map(change.state.terms),
    fromCache: processed.fromCache,
    problems: processed.problems,
    unchecked: processed.unchecked,
  };
  const saved = new Set(change.files.map((file) => displayPath(path.resolve(file))));
  for (const map of [merged.checks, merged.rendered, merged.terms]) for (const file of saved) map.delete(file);
  for (const [file, check] of processed.checks) merged.checks.set(file, check);
  for (const [file, rendered] of processed.rendered) merged.rendered.set(file, rendered);
  for (const [file, terms] of processed.terms) merged.terms.set(file, terms);
  return merged;
}

interface Validated {
  content: Content;
  plan: MadePlan;
  problems: Problem[];
  leftOut: LeftOut;
}

function validate(loaded: Loaded, options: CheckOptions & { now: number; publicDir: string }, processed: ProcessAllResult, lastPlan: MadePlan | undefined): Validated {
  const validateOptions = validateOptionsOf(loaded, options, processed, lastPlan);
  const before = [...loaded.problems, ...processed.problems];
  // The one place where a build that skips invalid files differs: what it validates.
  const { result: validated, problems: found, leftOut } = options.skipInvalid
    ? validateLeavingOut(loaded.sources, validateOptions, before)
    : { result: validateContent(loaded.sources, validateOptions), problems: undefined, leftOut: NOTHING_LEFT_OUT };
  const problems = sortProblems(found ?? [...before, ...validated.problems]);
  const leftOutFiles = new Set([...leftOut.articles, ...leftOut.comments]);
  const stopping = problems.filter((problem) => !leftOutFiles.has(problem.file));
  if (!validated.content || !validated.plan || !validated.planInput || hasErrors(stopping) || (options.strict && problems.length > 0)) throw new ContentError(problems);
  return { content: validated.content, plan: { input: validated.planInput, plan: validated.plan }, problems, leftOut };
}

/**
 * A preview's content: the last build's, with the saved articles checked
 * against it alone (see validateSaved), and its address plan. Undefined
 * when that cannot show them as a build would: the update that follows
 * validates everything.
 */
function previewContent(loaded: Loaded, options: CheckOptions & { now: number; publicDir: string }, processed: ProcessAllResult, change: Change): Validated | undefined {
  const { content, plan } = change.state;
  if (loaded.problems.length + processed.problems.length > 0 || !loaded.toRender) return undefined;
  const saved = validateSaved(loaded.toRender.articles, content, validateOptionsOf(loaded, options, processed, plan));
  if (!saved) return undefined;
  const byFile = new Map(saved.map((article) => [article.file, article]));
  return { content: { ...content, articles: content.articles.map((article) => byFile.get(article.file) ?? article) }, plan, problems: [], leftOut: NOTHING_LEFT_OUT };
}

function validateOptionsOf(loaded: Loaded, options: CheckOptions & { now: number; publicDir: string }, processed: ProcessAllResult, lastPlan: MadePlan | undefined): ValidateOptions {
  return {
    articleChecks: processed.checks as ReadonlyMap<string, ArticleCheck>,
    unchecked: processed.unchecked,
    now: options.now,
    drafts: options.drafts ?? false,
    future: options.future ?? false,
    baseUrl: options.baseUrl,
    assetExists: (sitePath) => loaded.assets.has(sitePath),
    isSvg: (sitePath) => isSvgSource(sitePath, readStart(path.join(options.publicDir, ...sitePath.split('/')))),
    publicFiles: [...loaded.assets].map((sitePath) => loaded.assetNames.get(sitePath.slice(1)) ?? sitePath.slice(1)),
    bodies: (file) => processed.rendered.get(file),
    lastPlan,
  };
}

/**
 * The lead images, body images and avatars the content uses, encoded (or taken from the
 * cache); for a change, those the last build encoded, or undefined when it
 * uses one it did not. An image that cannot be encoded is an error of every
 * file that uses it.
 */
async function pictures(
  content: Content,
  options: CheckOptions & { publicDir: string },
  change: Change | undefined,
  processed: ProcessAllResult,
  problems: Problem[],
): Promise<{ pictures: PictureSet; files: ReadonlyMap<string, string>; uses: number; encoded: number; reused: number } | undefined> {
  const uses = usedImages(content);
  if (change) {
    if (!hasEveryPicture(content, change.state.pictures)) return undefined;
    return { pictures: change.state.pictures, files: change.state.imageFiles, uses: uses.length, encoded: 0, reused: 0 };
  }
  const images = await processImages(uses, {
    publicDir: options.publicDir,
    cacheDir: options.cacheDir,
    onProgress: (done, total) => options.onProgress?.({ stage: 'images', done, total }),
  });
  if (images.failures.length > 0) {
    const articles = new Map(content.articles.map((article) => [article.file, article]));
    // A lead image at its front-matter line; an image of the body (encoded as a lead image) where the body shows it first.
    const at = (use: ImageUse, file: string) => {
      if (use.kind !== 'lead') return undefined;
      const article = articles.get(file);
      if (article?.image?.src === use.src) return processed.checks.get(file)?.article?.at.imageSrc;
      return article?.bodyImages?.find((image) => image.src === use.src)?.at;
    };
    throw new ContentError(sortProblems([...problems, ...imageProblems(images.failures, at)]));
  }
  return { ...images, uses: uses.length };
}

/** A preview's pages, straight into the served folder: no other file changes. */
async function writePreview(model: SiteModel, templatesDir: string, outDir: string): Promise<OutputReport> {
  const written = await writePages(model, templatesDir, outDir, { templatePages: false });
  return { files: written.length, rendered: written.length, reused: 0, upToDate: false };
}

/** The saved articles' own pages, with the related links and lists they had in the last build. */
function previewModel(content: Content, change: Change, rendered: (file: string) => RenderedMarkdown, pictures: BuildState['pictures']): SiteModel {
  const saved = new Set(change.files.map((file) => displayPath(path.resolve(file))));
  const context = createPageContext(content, rendered, pictures, change.state.assetNames);
  const previous = new Map(change.state.model.articles.map((page) => [page.url, page]));
  const articles = content.articles
    .filter((article) => saved.has(article.file))
    .map((article) => {
      const old = previous.get(article.url);
      return articlePage(article, context, {
        related: old?.related ?? [],
        moreFromAuthor: old?.moreFromAuthor,
        previous: old?.previous,
        next: old?.next,
        rail: old?.rail,
      });
    });
  return { ...change.state.model, articles, archives: [], pages: [] };
}

function emptyResult(problems: Problem[]): BuildResult {
  return { problems, leftOut: NOTHING_LEFT_OUT, pages: 0, articles: 0, output: NO_OUTPUT, images: { encoded: 0, reused: 0 } };
}

/** What the web editor's files are made from, when site.yml turns it on; its folders are named from the project root, where the build runs. */
function adminInput(content: Content, folders: { contentDir: string; publicDir: string }): AdminFilesInput | undefined {
  const { site } = content;
  if (!site.admin.enabled) return undefined;
  const fromRoot = (dir: string) => path.relative(process.cwd(), path.resolve(dir)).split(path.sep).join('/');
  return {
    admin: site.admin,
    site: { url: site.url, title: site.title, language: site.language, timezone: site.timezone },
    contentFolder: fromRoot(folders.contentDir),
    publicFolder: fromRoot(folders.publicDir),
  };
}

/** The SVG files among public/'s site paths: a browser opens one as a document, so each gets a sandbox. */
const svgFiles = (assets: ReadonlySet<string>): string[] => [...assets].filter((sitePath) => /\.svgz?$/i.test(sitePath));

function timer(onStage: CheckOptions['onStage']) {
  let last = performance.now();
  // `elsewhereMs`: time within this stage that another stage line reports.
  return (name: StageReport['stage'], count: number, note?: string, elsewhereMs = 0): void => {
    const now = performance.now();
    onStage?.({ stage: name, count, ms: now - last - elsewhereMs, note });
    last = now;
  };
}
