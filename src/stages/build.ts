import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../content/load.js';
import type { ArticleCheck } from '../content/check-article.js';
import { peekSite, validateContent } from '../content/validate.js';
import type { ContentSources } from '../content/types.js';
import type { RenderedMarkdown } from '../markdown/render.js';
import type { PictureSet } from '../images/picture.js';
import { processImages } from '../images/process-images.js';
import { imageProblems, usedImages } from '../images/used-images.js';
import { NO_TERMS, type TermCounts } from '../related/terms.js';
import { processAll } from '../workers/process-pool.js';
import { assetNames } from './asset-names.js';
import { outputFiles } from '../outputs/output-files.js';
import { ContentError, hasErrors, sortProblems, type Problem } from '../util/problems.js';
import { unchangedOutput, writeOutput, type OutputReport } from '../publish/write-output.js';
import { buildKey, inputsKey } from './build-key.js';
import { buildSiteModel } from '../model/build-model.js';
import type { SiteModel } from '../model/model.js';
import type { Content } from '../content/types.js';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CheckOptions {
  contentDir: string;
  /** Site files copied as they are (CSS, images); article images must exist here. */
  publicDir?: string | undefined;
  baseUrl?: string | undefined;
  drafts?: boolean | undefined;
  future?: boolean | undefined;
  /** Build time in ms; defaults to SOURCE_DATE_EPOCH, else now. */
  now?: number | undefined;
  /** Told when each stage ends. */
  onStage?: ((stage: StageReport) => void) | undefined;
  /** Told how far a long stage has got, for a live counter. */
  onProgress?: ((progress: { stage: StageReport['stage']; done: number; total: number }) => void) | undefined;
}

export interface BuildOptions extends CheckOptions {
  outDir: string;
  templatesDir?: string | undefined;
  /** Folder of the persistent render cache; undefined renders everything afresh. */
  cacheDir?: string | undefined;
  /** How long one file may take to check and render (in worker threads). Default: FILE_TIME_LIMIT_MS. */
  fileTimeLimitMs?: number | undefined;
  /** Worker threads for rendering; 0 renders in the main thread. Default: one per core. */
  workers?: number | undefined;
  /** Warnings fail the build too. */
  strict?: boolean | undefined;
  /**
   * Stop once the content is checked when nothing the site is made from has
   * changed since the last build into `outDir` and its files are as it left
   * them (see buildKey); the result then has no `state`. Needs `cacheDir`.
   */
  skipUnchanged?: boolean | undefined;
}

export interface StageReport {
  stage: 'load' | 'validate' | 'render' | 'images' | 'model' | 'publish' | 'search';
  count: number;
  ms: number;
  /** A short remark on the stage, such as how many renderings came from the cache. */
  note?: string | undefined;
}

export interface BuildResult {
  problems: Problem[];
  /** Files in the output folder. */
  pages: number;
  articles: number;
  output: OutputReport;
  /** Lead images and avatars: how many were encoded in this build, how many taken from the cache. */
  images: { encoded: number; reused: number };
  /** Everything the build learnt, for a preview server to update from; none when it stopped early (see skipUnchanged). */
  state?: BuildState | undefined;
}

export interface BuildState {
  sources: ContentSources;
  /** Site paths of the files in public/. */
  assets: Set<string>;
  /** Published names of public/ stylesheets and scripts (see assetNames). */
  assetNames: Map<string, string>;
  checks: Map<string, ArticleCheck>;
  rendered: Map<string, RenderedMarkdown>;
  terms: Map<string, TermCounts>;
  /** The processed lead images and avatars, and their files to publish (see processImages). */
  pictures: PictureSet;
  imageFiles: ReadonlyMap<string, string>;
  content: Content;
  model: SiteModel;
}

export const defaultPaths = {
  templatesDir: path.join(PACKAGE_ROOT, 'templates'),
  publicDir: path.join(PACKAGE_ROOT, 'public'),
};

/** The build time: `SOURCE_DATE_EPOCH` (seconds) when set, so builds can be reproduced. */
export function buildTime(env: NodeJS.ProcessEnv = process.env): number {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return Number(epoch) * 1000;
  return Date.now();
}

/**
 * Load and validate every content file. Writes nothing. Throws
 * ContentError carrying every problem when any is an error.
 */
export async function checkContent(options: CheckOptions): Promise<{ content: Content; problems: Problem[] }> {
  const stage = timer(options.onStage);
  const loaded = await loadAll(options);
  stage('load', loaded.fileCount);
  const checked = validateLoaded(loaded, options);
  stage('validate', checked.content.articles.length);
  return checked;
}

/**
 * Build the site into `outDir`. On any error the previous contents of
 * `outDir` are left exactly as they were.
 */
export async function build(buildOptions: BuildOptions): Promise<BuildResult> {
  // One moment for every decision of this build: what is published, what is news.
  const options = { ...buildOptions, now: buildOptions.now ?? buildTime() };
  const stage = timer(options.onStage);
  const loaded = await loadAll(options);
  const publicDir = options.publicDir ?? defaultPaths.publicDir;
  const templatesDir = options.templatesDir ?? defaultPaths.templatesDir;
  // Made now, while every article's text is in memory.
  const inputs = options.skipUnchanged && options.cacheDir ? inputsKey(loaded.sources, { ...options, publicDir, templatesDir }) : undefined;
  stage('load', loaded.fileCount);

  // Each file is checked and rendered in worker threads (or taken from the
  // cache); this thread then checks the files against each other.
  const site = peekSite(loaded.sources, options.baseUrl);
  const processed = site
    ? await processAll(
        [
          ...loaded.sources.articles.map((file) => ({ ...file, kind: 'article' as const })),
          ...[...loaded.sources.authors, ...loaded.sources.categories].map((file) => ({ ...file, kind: 'page' as const })),
          // Comments come from the public: their bodies get the same time limit as articles.
          ...loaded.sources.comments.map(({ path, text }) => ({ path, text, kind: 'comment' as const })),
        ],
        {
          siteUrl: site.url,
          timezone: site.timezone,
          language: site.language,
          cacheDir: options.cacheDir,
          workers: options.workers,
          fileTimeLimitMs: options.fileTimeLimitMs,
          onProgress: (done, total) => options.onProgress?.({ stage: 'render', done, total }),
        },
      )
    : undefined;
  stage('render', processed?.rendered.size ?? 0, processed ? `${processed.fromCache} from cache` : undefined);
  // Every article now has its check, so its text is not read again: letting
  // it go halves the memory of a large build.
  if (processed) loaded.sources = { ...loaded.sources, articles: loaded.sources.articles.map(({ path }) => ({ path, text: '' })) };

  const { content, problems } = validateLoaded(loaded, options, processed?.checks, processed?.problems);
  if (options.strict && problems.length > 0) throw new ContentError(problems);
  stage('validate', content.articles.length);

  const key = inputs === undefined ? undefined : buildKey(inputs, content, options.now);
  const unchanged = key && options.cacheDir ? await unchangedOutput(options.outDir, options.cacheDir, key) : undefined;
  if (unchanged) {
    stage('publish', unchanged.files, 'nothing changed');
    return { problems, pages: unchanged.files, articles: content.articles.length, output: unchanged, images: { encoded: 0, reused: 0 } };
  }

  const uses = usedImages(content);
  const images = await processImages(uses, {
    publicDir,
    cacheDir: options.cacheDir,
    onProgress: (done, total) => options.onProgress?.({ stage: 'images', done, total }),
  });
  if (images.failures.length > 0) {
    const at = (use: { kind: string }, file: string) => (use.kind === 'lead' ? processed?.checks.get(file)?.article?.at.imageSrc : undefined);
    throw new ContentError(sortProblems([...problems, ...imageProblems(images.failures, at)]));
  }
  stage('images', uses.length, `${images.encoded} encoded, ${images.reused} from cache`);

  const rendered = processed?.rendered ?? new Map<string, RenderedMarkdown>();
  const terms = processed?.terms ?? new Map<string, TermCounts>();
  const { model, problems: pageProblems } = buildSiteModel(
    content,
    (file) => rendered.get(file) ?? EMPTY,
    (file) => terms.get(file) ?? NO_TERMS,
    loaded.assetNames,
    images.pictures,
  );
  const all = sortProblems([...problems, ...pageProblems]);
  if (hasErrors(all) || (options.strict && all.length > 0)) throw new ContentError(all);
  stage('model', model.articles.length + model.archives.length);

  const output = await writeOutput(model, {
    outDir: options.outDir,
    templatesDir,
    publicDir,
    cacheDir: options.cacheDir,
    assetNames: loaded.assetNames,
    generatedFiles: images.files,
    extraFiles: outputFiles(model, { now: options.now, assetNames: loaded.assetNames }),
    protect: [options.contentDir, templatesDir, publicDir],
    buildKey: key,
  });
  // Indexing for search runs inside publishing, after the pages are written; it is reported on its own.
  stage('publish', output.files, output.upToDate ? 'nothing changed' : `${output.rendered} rendered, ${output.reused} kept`, output.search?.ms);
  if (output.search) options.onStage?.({ stage: 'search', count: output.search.pages, ms: output.search.ms });
  return {
    problems: all,
    pages: output.files,
    articles: model.articles.length,
    output,
    images: { encoded: images.encoded, reused: images.reused },
    state: {
      sources: loaded.sources,
      assets: loaded.assets,
      assetNames: loaded.assetNames,
      checks: processed?.checks ?? new Map(),
      rendered,
      terms,
      pictures: images.pictures,
      imageFiles: images.files,
      content,
      model,
    },
  };
}

const EMPTY: RenderedMarkdown = { html: '', firstParagraph: '', words: 0 };

interface Loaded {
  sources: ContentSources;
  problems: Problem[];
  assets: Set<string>;
  assetNames: Map<string, string>;
  fileCount: number;
}

async function loadAll(options: CheckOptions): Promise<Loaded> {
  const [loaded, assets] = await Promise.all([loadContent(options.contentDir), listSitePaths(options.publicDir ?? defaultPaths.publicDir)]);
  const { sources } = loaded;
  const fileCount = sources.articles.length + sources.authors.length + sources.categories.length + sources.comments.length + (sources.site ? 1 : 0);
  return { sources, problems: loaded.problems, assets, assetNames: assetNames(options.publicDir ?? defaultPaths.publicDir), fileCount };
}

function validateLoaded(
  loaded: Loaded,
  options: CheckOptions,
  articleChecks?: ReadonlyMap<string, ArticleCheck>,
  renderProblems: readonly Problem[] = [],
): { content: Content; problems: Problem[] } {
  const validated = validateContent(loaded.sources, {
    articleChecks,
    now: options.now ?? buildTime(),
    drafts: options.drafts ?? false,
    future: options.future ?? false,
    baseUrl: options.baseUrl,
    assetExists: (sitePath) => loaded.assets.has(sitePath),
  });
  const problems = sortProblems([...loaded.problems, ...validated.problems, ...renderProblems]);
  if (!validated.content || hasErrors(problems)) throw new ContentError(problems);
  return { content: validated.content, problems };
}

/** Every file under `public/` as a site path (`/images/a.jpg`). */
async function listSitePaths(publicDir: string): Promise<Set<string>> {
  const entries = await readdir(publicDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return new Set(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => '/' + path.relative(publicDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')),
  );
}

function timer(onStage: CheckOptions['onStage']) {
  let last = performance.now();
  // `elsewhereMs`: time within this stage that another stage line reports.
  return (name: StageReport['stage'], count: number, note?: string, elsewhereMs = 0): void => {
    const now = performance.now();
    onStage?.({ stage: name, count, ms: now - last - elsewhereMs, note });
    last = now;
  };
}
