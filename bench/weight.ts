import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../src/build.js';
import { ARTICLE_BUDGET_BYTES, pageWeight, thousandWordArticle } from './page-weight.js';

/*
 * `npm run weight`: what a reader downloads per page type (HTML, CSS and
 * JavaScript, gzipped; images aside), for the sample newsroom plus one
 * 1,000-word article. Exits 1 when the article page is over budget or a page
 * other than search runs a script.
 */
const work = mkdtempSync(path.join(tmpdir(), 'broadsheet-weight-'));
try {
  const content = path.join(work, 'content');
  cpSync(path.resolve('content'), content, { recursive: true });
  const articles = readdirSync(path.join(content, 'articles'), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.md'))
    .sort();
  const longest = articles
    .map((file) => ({ file, text: readFileSync(path.join(content, 'articles', file), 'utf8') }))
    .filter(({ text }) => /\nimage:/.test(text) && !/\ndraft: true/.test(text))
    .sort((a, b) => b.text.length - a.text.length);
  const [first, second] = longest;
  if (!first || !second) throw new Error('the sample needs two articles with images');
  writeFileSync(path.join(content, 'articles', 'weight-test.md'), thousandWordArticle(first.text, second.text));
  const category = /\ncategory: (\S+)/.exec(first.text)?.[1] ?? 'news';
  const siteDir = path.join(work, 'site');
  await build({ contentDir: content, outDir: siteDir, cacheDir: path.join(work, 'cache'), now: Date.parse('2026-11-25T12:00:00Z') });

  const pages: Record<string, string> = {
    'article (1,000 words)': `/${category}/weight-test-article/`,
    home: '/',
    section: `/${category}/`,
    author: `/authors/${/\n\s+- ([a-z0-9-]+)/.exec(first.text)?.[1] ?? ''}/`,
    tag: '/tags/transport/',
    search: '/search/',
  };
  const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7);
  console.log('page type               HTML KB  CSS KB   JS KB  total KB  scripts   (gzipped)');
  let failed = false;
  for (const [type, url] of Object.entries(pages)) {
    const weight = pageWeight(siteDir, url);
    const total = weight.html + weight.css + weight.js;
    console.log(`${type.padEnd(22)} ${kb(weight.html)} ${kb(weight.css)} ${kb(weight.js)} ${kb(total)}   ${String(weight.scripts).padStart(6)}`);
    if (type.startsWith('article') && weight.html + weight.css > ARTICLE_BUDGET_BYTES) failed = true;
    if (type !== 'search' && weight.scripts > 0) failed = true;
  }
  console.log(`budget: article HTML + CSS ≤ ${ARTICLE_BUDGET_BYTES / 1024} KB gzipped; no script outside the search page`);
  if (failed) {
    console.error('✖ over budget');
    process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
