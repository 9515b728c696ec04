import { cp, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from './content/load.js';
import { validateContent } from './content/validate.js';
import { writePages } from './eleventy/write-pages.js';
import { createRenderer, type RenderedMarkdown } from './markdown/render.js';
import { ContentError, hasErrors, sortProblems, type Problem } from './problems.js';
import { publishAtomically } from './publish.js';
import { buildSiteModel } from './site/build-model.js';
import type { SiteModel } from './site/model.js';
import type { Content } from './types.js';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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
  /** Warnings fail the build too. */
  strict?: boolean | undefined;
}

export interface StageReport {
  stage: 'load' | 'validate' | 'render' | 'model' | 'publish';
  count: number;
  ms: number;
}

export interface BuildResult {
  problems: Problem[];
  pages: number;
  articles: number;
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
  const publicDir = options.publicDir ?? defaultPaths.publicDir;
  const [loaded, assets] = await Promise.all([loadContent(options.contentDir), listSitePaths(publicDir)]);
  const { sources } = loaded;
  stage('load', sources.articles.length + sources.authors.length + sources.categories.length + (sources.site ? 1 : 0));

  const validated = validateContent(sources, {
    now: options.now ?? buildTime(),
    drafts: options.drafts ?? false,
    future: options.future ?? false,
    baseUrl: options.baseUrl,
    assetExists: (sitePath) => assets.has(sitePath),
  });
  const problems = sortProblems([...loaded.problems, ...validated.problems]);
  if (!validated.content || hasErrors(problems)) throw new ContentError(problems);
  stage('validate', validated.content.articles.length);
  return { content: validated.content, problems };
}

/**
 * Build the site into `outDir`. On any error the previous contents of
 * `outDir` are left exactly as they were.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const { content, problems } = await checkContent(options);
  if (options.strict && problems.length > 0) throw new ContentError(problems);
  const stage = timer(options.onStage);

  const rendered = renderAll(content, (done, total) => options.onProgress?.({ stage: 'render', done, total }));
  stage('render', rendered.size);

  const { model, problems: pageProblems } = buildSiteModel(content, (file) => rendered.get(file) ?? EMPTY);
  const all = sortProblems([...problems, ...pageProblems]);
  if (hasErrors(all) || (options.strict && all.length > 0)) throw new ContentError(all);
  stage('model', model.articles.length + model.archives.length);

  const pages = await publishAtomically(options.outDir, async (staging) => {
    return writeSite(model, staging, {
      templatesDir: options.templatesDir ?? defaultPaths.templatesDir,
      publicDir: options.publicDir ?? defaultPaths.publicDir,
    });
  }, { protect: [options.contentDir, options.templatesDir ?? defaultPaths.templatesDir, options.publicDir ?? defaultPaths.publicDir] });
  stage('publish', pages);
  return { problems: all, pages, articles: model.articles.length };
}

const EMPTY: RenderedMarkdown = { html: '', firstParagraph: '', words: 0 };

function renderAll(content: Content, progress: (done: number, total: number) => void): Map<string, RenderedMarkdown> {
  const render = createRenderer({ siteUrl: content.site.url });
  const rendered = new Map<string, RenderedMarkdown>();
  const items = [...content.articles, ...content.authors, ...content.categories];
  for (const item of items) {
    rendered.set(item.file, render(item.body));
    progress(rendered.size, items.length);
  }
  return rendered;
}

async function writeSite(
  model: SiteModel,
  outDir: string,
  dirs: { templatesDir: string; publicDir: string },
): Promise<number> {
  // Public files first: a page of ours at the same path wins.
  await cp(dirs.publicDir, outDir, { recursive: true, verbatimSymlinks: true }).catch((cause: NodeJS.ErrnoException) => {
    if (cause.code !== 'ENOENT') throw cause;
  });
  return writePages(model, dirs.templatesDir, outDir);
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
  return (name: StageReport['stage'], count: number): void => {
    const now = performance.now();
    onStage?.({ stage: name, count, ms: now - last });
    last = now;
  };
}
