import { checkArticle } from '../content/check-article.js';
import { bodyOf } from '../content/front-matter.js';
import { createRenderer, type RenderedMarkdown } from '../markdown/render.js';
import { storeResult, type CacheSettings, type PipelineFile, type ProcessedFile } from './cached-results.js';

export interface ProcessBatch extends CacheSettings {
  /** Articles are checked and rendered; other pages (authors, sections) only rendered. */
  files: PipelineFile[];
  siteUrl: string;
}

const renderers = new Map<string, (markdown: string) => RenderedMarkdown>();

/**
 * Check and render a batch of content files and store the results in the
 * cache. This is the task of the worker threads (the default export), and
 * runs in the main thread when there are no workers.
 */
export default function processBatch(batch: ProcessBatch): ProcessedFile[] {
  let render = renderers.get(batch.siteUrl);
  if (!render) {
    render = createRenderer({ siteUrl: batch.siteUrl });
    renderers.set(batch.siteUrl, render);
  }
  return batch.files.map((file) => {
    const result = { path: file.path, ...processFile(file, batch.timezone, render), fromCache: false };
    storeResult(batch, file, result);
    return result;
  });
}

function processFile(file: PipelineFile, timezone: string, render: (markdown: string) => RenderedMarkdown): Pick<ProcessedFile, 'check' | 'rendered'> {
  if (file.kind === 'page') {
    const body = bodyOf(file.text);
    return { check: undefined, rendered: body === undefined ? undefined : render(body) };
  }
  const { body, ...check } = checkArticle(file, timezone);
  const usable = check.article && body !== undefined && !check.problems.some((p) => p.severity === 'error');
  return { check, rendered: usable && body !== undefined ? render(body) : undefined };
}
