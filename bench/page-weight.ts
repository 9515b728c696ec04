import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';

/** The reader-experience budget: an article page's HTML and CSS, gzipped (issue 19: a designed page as light as the plain one was). */
export const ARTICLE_BUDGET_BYTES = 12 * 1024;

export interface PageWeight {
  url: string;
  /** Gzipped bytes of the page, its stylesheets and its scripts. */
  html: number;
  css: number;
  js: number;
  /** Script elements that run code (JSON-LD data blocks are not counted). */
  scripts: number;
}

const gzipped = (file: string): number => (existsSync(file) ? gzipSync(readFileSync(file)).length : 0);

/**
 * What a reader downloads for one page of a built site, before images: the
 * HTML, the stylesheets it links and the scripts it loads, each gzipped as a
 * host would send them.
 */
export function pageWeight(siteDir: string, url: string): PageWeight {
  const htmlFile = path.join(siteDir, url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1));
  const $ = load(readFileSync(htmlFile, 'utf8'));
  const local = (href: string | undefined) => (href && href.startsWith('/') ? path.join(siteDir, href.slice(1)) : undefined);
  const css = $('link[rel="stylesheet"]').toArray().map((el) => local($(el).attr('href')));
  const scripts = $('script[src]').toArray().map((el) => local($(el).attr('src')));
  return {
    url,
    html: gzipped(htmlFile),
    css: css.reduce((sum, file) => sum + (file ? gzipped(file) : 0), 0),
    js: scripts.reduce((sum, file) => sum + (file ? gzipped(file) : 0), 0),
    scripts: $('script:not([type="application/ld+json"])').length,
  };
}

/**
 * A 1,000-word article for the budget, made from two sample articles' bodies
 * so that it reads like the rest: the first file's front matter, then body
 * paragraphs of both until a thousand words.
 */
export function thousandWordArticle(first: string, second: string): string {
  const [, frontMatter = '', body = ''] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(first) ?? [];
  const paragraphs = [...body.split(/\n{2,}/), ...(/^---\n[\s\S]*?\n---\n([\s\S]*)$/.exec(second)?.[1] ?? '').split(/\n{2,}/)];
  const chosen: string[] = [];
  let words = 0;
  for (const paragraph of paragraphs) {
    if (words >= 1000) break;
    const count = paragraph.split(/\s+/).filter(Boolean).length;
    chosen.push(paragraph);
    words += count;
  }
  return `${frontMatter.replace(/^slug: .*$/m, '').replace(/\n---\n$/, '\nslug: weight-test-article\n---\n')}${chosen.join('\n\n')}\n`;
}
