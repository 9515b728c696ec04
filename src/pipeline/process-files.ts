import { checkArticle } from '../content/check-article.js';
import { bodyOf } from '../content/front-matter.js';
import { createTextRenderer, type RenderedMarkdown } from '../markdown/render.js';
import { stopWordsFor } from '../related/stop-words.js';
import { countTerms, TERMS_KEPT, topTerms } from '../related/terms.js';
import { storeResult, type CacheSettings, type PipelineFile, type ProcessedFile } from './cached-results.js';

export interface ProcessBatch extends CacheSettings {
  /** Articles are checked and rendered; other pages (authors, sections) only rendered. */
  files: PipelineFile[];
  siteUrl: string;
  /** The site's language, for the stop words of related-article scoring. */
  language: string;
}


type Render = ReturnType<typeof createTextRenderer>;

const renderers = new Map<string, Render>();

/**
 * Check and render a batch of content files and store the results in the
 * cache. This is the task of the worker threads (the default export), and
 * runs in the main thread when there are no workers.
 */
export default function processBatch(batch: ProcessBatch): ProcessedFile[] {
  let render = renderers.get(batch.siteUrl);
  if (!render) {
    render = createTextRenderer({ siteUrl: batch.siteUrl });
    renderers.set(batch.siteUrl, render);
  }
  return batch.files.map((file) => {
    const result = { path: file.path, ...processFile(file, batch, render), fromCache: false };
    storeResult(batch, file, result);
    return result;
  });
}

function processFile(file: PipelineFile, batch: ProcessBatch, render: Render): Pick<ProcessedFile, 'check' | 'rendered' | 'terms'> {
  if (file.kind === 'page') {
    const body = bodyOf(file.text);
    return { check: undefined, rendered: body === undefined ? undefined : withoutText(render(body)), terms: undefined };
  }
  const { body, ...check } = checkArticle(file, batch.timezone);
  const usable = check.article && body !== undefined && !check.problems.some((p) => p.severity === 'error');
  if (!usable || body === undefined || !check.article) return { check, rendered: undefined, terms: undefined };
  const { text, ...rendered } = render(body);
  // The headline and standfirst say most about what a story is about.
  const stopWords = stopWordsFor(batch.language);
  const counts = countTerms(text, stopWords);
  countTerms(check.article.title, stopWords, counts, 3);
  countTerms(check.article.summary ?? '', stopWords, counts, 2);
  return { check, rendered, terms: topTerms(counts, TERMS_KEPT) };
}

const withoutText = ({ text: _text, ...rendered }: ReturnType<Render>): RenderedMarkdown => rendered;
