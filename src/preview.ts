import path from 'node:path';
import type { BuildState } from './build.js';
import type { ArticleCheck } from './content/check-article.js';
import { displayPath, readContentFile } from './content/load.js';
import { validateContent, type ValidateOptions } from './content/validate.js';
import { writePages } from './eleventy/write-pages.js';
import type { RenderedMarkdown } from './markdown/render.js';
import type { CacheSettings } from './pipeline/cached-results.js';
import processBatch from './pipeline/process-files.js';
import { articlePage, createPageContext } from './site/build-model.js';
import type { ArticlePage } from './site/model.js';

export interface PreviewOptions extends Omit<ValidateOptions, 'articleChecks'>, Omit<CacheSettings, 'timezone' | 'processingKey'> {
  templatesDir: string;
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
export async function previewEdits(state: BuildState, changedFiles: string[], options: PreviewOptions): Promise<string[] | undefined> {
  const known = new Set(state.sources.articles.map((file) => file.path));
  const paths = changedFiles.map((file) => displayPath(path.resolve(file)));
  if (paths.length === 0 || !paths.every((file) => known.has(file))) return undefined;

  const fresh = paths.map((file) => readContentFile(file, []));
  if (fresh.some((file) => file === undefined)) return undefined;
  const { site } = state.content;
  const processed = processBatch({
    files: fresh.map((file) => ({ ...(file as NonNullable<typeof file>), kind: 'article' as const })),
    siteUrl: site.url,
    timezone: site.timezone,
    cacheDir: options.cacheDir,
    processingKey: options.processingKey,
  });
  const checks = new Map<string, ArticleCheck>(state.checks);
  const rendered = new Map<string, RenderedMarkdown>(state.rendered);
  for (const file of processed) {
    if (file.check) checks.set(file.path, file.check);
    if (file.rendered) rendered.set(file.path, file.rendered);
  }
  const byPath = new Map(fresh.map((file) => [file?.path, file]));
  const sources = { ...state.sources, articles: state.sources.articles.map((file) => byPath.get(file.path) ?? file) };
  const { content } = validateContent(sources, { ...options, articleChecks: checks });
  if (!content) return undefined;

  const context = createPageContext(content, (file) => rendered.get(file) ?? { html: '', firstParagraph: '', words: 0 });
  const previous = new Map(state.model.articles.map((page) => [page.url, page]));
  const pages: ArticlePage[] = content.articles
    .filter((article) => paths.includes(article.file))
    .map((article) => {
      const old = previous.get(article.url);
      return articlePage(article, context, { related: old?.related ?? [], previous: old?.previous, next: old?.next });
    });
  if (pages.length === 0) return undefined;
  await writePages({ ...state.model, articles: pages, archives: [] }, options.templatesDir, options.outDir, { templatePages: false });
  return pages.map((page) => page.url);
}
