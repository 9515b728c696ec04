import path from 'node:path';
import type { BuildState } from './build.js';
import type { ArticleCheck } from '../content/check-article.js';
import { readContentFile } from '../content/load.js';
import { displayPath } from '../util/display-path.js';
import { validateContent, type ValidateOptions } from '../content/validate.js';
import { writePages } from '../eleventy/write-pages.js';
import { hasEveryPicture } from '../images/used-images.js';
import type { RenderedMarkdown } from '../markdown/render.js';
import type { CacheSettings } from '../workers/cached-results.js';
import processBatch from '../workers/process-files.js';
import { compareText, ContentError, error, hasErrors, sortProblems, type Problem } from '../util/problems.js';
import { writeOutput, type OutputReport } from '../publish/write-output.js';
import { articlePage, buildSiteModel, createPageContext } from '../model/build-model.js';
import { outputFiles } from '../outputs/output-files.js';
import { NO_TERMS, type TermCounts } from '../related/terms.js';
import type { ArticlePage } from '../model/model.js';
import type { SourceFile } from '../content/types.js';

/*
 * The two steps of `serve` after articles were saved: the edited pages at
 * once (previewEdits), then everything they affect (updateSite), both from
 * what the last build learnt rather than from the whole content folder.
 */

export interface LiveUpdateOptions extends Omit<ValidateOptions, 'articleChecks'>, Omit<CacheSettings, 'timezone' | 'processingKey'> {
  contentDir: string;
  templatesDir: string;
  publicDir: string;
  outDir: string;
  processingKey: string;
}

/**
 * The fast path of `serve`. After articles were edited, render only their
 * pages, from what the last build learnt, straight into the served folder,
 * so the editor sees the change within a second. The full rebuild that
 * follows brings archives, feeds and related links up to date. Returns the
 * addresses rendered, or undefined when the edit needs the full rebuild
 * (a new or deleted file, an error, a change outside articles).
 */
export async function previewEdits(state: BuildState, changedFiles: string[], options: LiveUpdateOptions): Promise<string[] | undefined> {
  const known = new Set(state.sources.articles.map((file) => file.path));
  const paths = changedFiles.map((file) => displayPath(path.resolve(file)));
  if (paths.length === 0 || !paths.every((file) => known.has(file))) return undefined;

  const { sources, checks, rendered, problems } = refresh(state, paths, options);
  const { content } = validateContent(sources, { ...options, articleChecks: checks });
  // An image no build has encoded yet needs the full build.
  if (!content || hasErrors(problems) || !hasEveryPicture(content, state.pictures)) return undefined;

  const context = createPageContext(content, (file) => rendered.get(file) ?? { html: '', firstParagraph: '', words: 0 }, state.pictures);
  const previous = new Map(state.model.articles.map((page) => [page.url, page]));
  const pages: ArticlePage[] = content.articles
    .filter((article) => paths.includes(article.file))
    .map((article) => {
      const old = previous.get(article.url);
      return articlePage(article, context, {
        related: old?.related ?? [],
        moreFromAuthor: old?.moreFromAuthor,
        moreInSection: old?.moreInSection,
        previous: old?.previous,
        next: old?.next,
      });
    });
  if (pages.length === 0) return undefined;
  await writePages({ ...state.model, articles: pages, archives: [] }, options.templatesDir, options.outDir, { templatePages: false });
  return pages.map((page) => page.url);
}

/**
 * Bring the whole site up to date after articles were saved, added or
 * deleted, changing only the pages affected, in place. Returns undefined when
 * the change is not to articles alone (the caller then builds in full);
 * throws ContentError when the content now has errors.
 */
export async function updateSite(
  state: BuildState,
  changedFiles: string[],
  options: LiveUpdateOptions,
): Promise<{ state: BuildState; output: OutputReport; problems: Problem[] } | undefined> {
  const articlesDir = path.resolve(options.contentDir, 'articles') + path.sep;
  if (!changedFiles.every((file) => path.resolve(file).startsWith(articlesDir) && /\.md$/i.test(file))) return undefined;
  const paths = changedFiles.map((file) => displayPath(path.resolve(file)));
  const { sources, checks, rendered, terms, problems: readProblems } = refresh(state, paths, options);
  const validated = validateContent(sources, { ...options, articleChecks: checks });
  const content = validated.content;
  let problems = sortProblems([...readProblems, ...validated.problems]);
  if (!content || hasErrors(problems)) throw new ContentError(problems);
  if (!hasEveryPicture(content, state.pictures)) return undefined;
  const { model, problems: pageProblems } = buildSiteModel(
    content,
    (file) => rendered.get(file) ?? EMPTY,
    (file) => terms.get(file) ?? NO_TERMS,
    state.assetNames,
    state.pictures,
  );
  problems = sortProblems([...problems, ...pageProblems]);
  if (hasErrors(problems)) throw new ContentError(problems);
  const extraFiles = outputFiles(model, { now: options.now, assetNames: state.assetNames });
  const output = await writeOutput(model, {
    ...options,
    assetNames: state.assetNames,
    generatedFiles: state.imageFiles,
    extraFiles,
    protect: [],
    inPlace: true,
  });
  return { state: { ...state, sources, checks, rendered, terms, content, model }, output, problems };
}

const EMPTY: RenderedMarkdown = { html: '', firstParagraph: '', words: 0 };

/** Re-read and re-process the given article files; files that no longer exist are dropped. */
function refresh(state: BuildState, paths: string[], options: LiveUpdateOptions) {
  const problems: Problem[] = [];
  const fresh = new Map<string, SourceFile | undefined>();
  for (const file of paths) {
    const before = problems.length;
    const read = readContentFile(file, problems);
    if (!read && problems.length === before && !state.sources.articles.some((a) => a.path === file)) continue;
    fresh.set(file, read);
  }
  const { site } = state.content;
  const processed = processBatch({
    files: [...fresh.values()].flatMap((file) => (file ? [{ ...file, kind: 'article' as const }] : [])),
    siteUrl: site.url,
    timezone: site.timezone,
    language: site.language,
    cacheDir: options.cacheDir,
    processingKey: options.processingKey,
  });
  const checks = new Map<string, ArticleCheck>(state.checks);
  const rendered = new Map<string, RenderedMarkdown>(state.rendered);
  const terms = new Map<string, TermCounts>(state.terms);
  for (const file of fresh.keys()) {
    checks.delete(file);
    rendered.delete(file);
    terms.delete(file);
  }
  for (const file of processed) {
    if (file.check) checks.set(file.path, file.check);
    if (file.rendered) rendered.set(file.path, file.rendered);
    if (file.terms) terms.set(file.path, file.terms);
    problems.push(...file.problems);
  }
  const kept = state.sources.articles.filter((file) => !fresh.has(file.path));
  const added = [...fresh.values()].filter((file): file is SourceFile => file !== undefined);
  const articles = [...kept, ...added].sort((a, b) => compareText(a.path, b.path));
  return { sources: { ...state.sources, articles }, checks, rendered, terms, problems };
}
