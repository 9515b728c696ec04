import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AUTHORS, CATEGORIES, SITE_YML, validArticle } from './sources.js';

/**
 * Write a small newsroom into a new temporary folder and return its path.
 * `articles` maps file names under articles/ to their text.
 */
export function writeNewsroom(
  articles: Record<string, string> = { 'harbour-wall.md': validArticle(), 'tram.md': validArticle({ title: 'Tram opens', category: 'business' }) },
): string {
  const root = mkdtempSync(path.join(tmpdir(), 'broadsheet-newsroom-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('content/site.yml', SITE_YML);
  for (const [slug, text] of Object.entries(AUTHORS)) write(`content/authors/${slug}.md`, text);
  for (const [slug, text] of Object.entries(CATEGORIES)) write(`content/categories/${slug}.md`, text);
  for (const [name, text] of Object.entries(articles)) write(`content/articles/${name}`, text);
  return root;
}

/**
 * A new temporary folder outside any newsroom whose files hold `secret`:
 * what a symbolic link in content/ would publish. `secret.md` is an article,
 * `folder/` holds one (`secret.md`) and a comment folder (`story/secret.yml`).
 */
export function writeOutside(secret: string): string {
  const outside = mkdtempSync(path.join(tmpdir(), 'broadsheet-outside-'));
  const story = `---\ntitle: ${secret}\ndate: 2025-03-14\nauthors: [jane-doe]\ncategory: news\n---\n${secret}\n`;
  mkdirSync(path.join(outside, 'folder/story'), { recursive: true });
  writeFileSync(path.join(outside, 'secret.md'), story);
  writeFileSync(path.join(outside, 'folder/secret.md'), story);
  writeFileSync(path.join(outside, 'folder/story/secret.yml'), `name: Reader\ndate: 2025-03-15\nbody: ${secret}\n`);
  return outside;
}
