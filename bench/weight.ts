import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../src/stages/build.js';
import { ARTICLE_BUDGET_BYTES, pageWeight, thousandWordArticle, type PageWeight } from './page-weight.js';

/**
 * What a reader downloads per page type (HTML, CSS and JavaScript, gzipped;
 * images aside), for the sample newsroom plus one 1,000-word article.
 * `cacheDir` is a cache to build with (the tests hand a copy of theirs, so
 * that no image is encoded again); `workers` as for build.
 */
export async function measureWeights(options: { cacheDir?: string; workers?: number } = {}): Promise<{ type: string; weight: PageWeight }[]> {
  const work = mkdtempSync(path.join(tmpdir(), 'broadsheet-weight-'));
  try {
    const content = path.join(work, 'content');
    cpSync(path.resolve('content'), content, { recursive: true });
    const withImages = readdirSync(path.join(content, 'articles'), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.md'))
      .sort()
      .map((file) => readFileSync(path.join(content, 'articles', file), 'utf8'))
      .filter((text) => /\nimage:/.test(text) && !/\ndraft: true/.test(text))
      .sort((a, b) => b.length - a.length);
    const [first, second] = withImages;
    if (!first || !second) throw new Error('the sample needs two articles with images');
    const article = thousandWordArticle(first, second);
    writeFileSync(path.join(content, 'articles', 'weight-test.md'), article);
    // The same article with one video after its first paragraph: what an embed's facade and script cost.
    writeFileSync(path.join(content, 'articles', 'weight-embed.md'), withEmbed(article));
    const category = /\ncategory: (\S+)/.exec(first)?.[1] ?? 'news';
    const author = /\n\s+- ([a-z0-9-]+)/.exec(first)?.[1] ?? '';
    const siteDir = path.join(work, 'site');
    await build({ contentDir: content, outDir: siteDir, cacheDir: options.cacheDir ?? path.join(work, 'cache'), workers: options.workers, now: Date.parse('2026-11-25T12:00:00Z') });
    const pages: Record<string, string> = {
      'article (1,000 words)': `/${category}/weight-test-article/`,
      [EMBED_ARTICLE]: `/${category}/weight-embed-article/`,
      home: '/',
      section: `/${category}/`,
      author: `/authors/${author}/`,
      tag: '/tags/transport/',
      search: '/search/',
    };
    return Object.entries(pages).map(([type, url]) => ({ type, weight: pageWeight(siteDir, url) }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The page type of the article with an embed, the one page besides search with a script. */
export const EMBED_ARTICLE = 'article + 1 embed';

/** A body with a video after its first paragraph, under a slug of its own. */
function withEmbed(article: string): string {
  const embed = '::embed{url="https://www.youtube.com/watch?v=dQw4w9WgXcQ" title="The council meeting in full"}';
  const text = article.replace('slug: weight-test-article', 'slug: weight-embed-article');
  const bodyStart = text.indexOf('\n---\n') + '\n---\n'.length;
  return `${text.slice(0, bodyStart)}${text.slice(bodyStart).replace('\n\n', `\n\n${embed}\n\n`)}`;
}

/** Over budget: the article's HTML and CSS, or a script on a page other than search and the embed script's. */
export const overBudget = ({ type, weight }: { type: string; weight: PageWeight }): boolean =>
  (type.startsWith('article') && weight.html + weight.css > ARTICLE_BUDGET_BYTES) || (type !== 'search' && weight.scripts > (type === EMBED_ARTICLE ? 1 : 0));

// `npm run weight` prints the table and exits 1 when over budget.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'weight.ts')) {
  const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7);
  console.log('page type               HTML KB  CSS KB   JS KB  total KB  scripts   (gzipped)');
  const weights = await measureWeights();
  for (const { type, weight } of weights) {
    const total = weight.html + weight.css + weight.js;
    console.log(`${type.padEnd(22)} ${kb(weight.html)} ${kb(weight.css)} ${kb(weight.js)} ${kb(total)}   ${String(weight.scripts).padStart(6)}`);
  }
  console.log(`budget: article HTML + CSS ≤ ${ARTICLE_BUDGET_BYTES / 1024} KB gzipped; no script outside the search page, but the embed script on a page with an embed`);
  if (weights.some(overBudget)) {
    console.error('✖ over budget');
    process.exitCode = 1;
  }
}
