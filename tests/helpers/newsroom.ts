import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUTHORS, CATEGORIES, SITE_YML, validArticle } from './sources.js';

const made = new Set<string>();

/**
 * A new temporary folder, removed when the test process ends if the test
 * did not remove it: many tests leave theirs to the end of the file or
 * forget, and /tmp filled up with hundreds of newsrooms across runs.
 */
function temporaryFolder(prefix: string): string {
  if (made.size === 0) process.once('exit', () => made.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  made.add(folder);
  return folder;
}

/**
 * Write a small newsroom into a new temporary folder and return its path.
 * `articles` maps file names under articles/ to their text.
 */
export function writeNewsroom(
  articles: Record<string, string> = { 'harbour-wall.md': validArticle(), 'tram.md': validArticle({ title: 'Tram opens', category: 'business' }) },
): string {
  const root = temporaryFolder('broadsheet-newsroom-');
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

let built: string | undefined;

/**
 * The default newsroom of writeNewsroom with its site already built into
 * `_site/` by the compiled command line (`build --no-cache`), in a new
 * temporary folder: for tests that change a newsroom after a good build.
 * The first call in a test process builds it; later ones copy that folder,
 * since a build makes the same files wherever the newsroom is.
 */
export function writeBuiltNewsroom(): string {
  if (built === undefined) {
    const root = writeNewsroom();
    const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
    const result = spawnSync(process.execPath, [cli, 'build', '--no-cache', '--quiet'], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`the default newsroom did not build:\n${result.stdout}${result.stderr}`);
    built = root;
  }
  const copy = temporaryFolder('broadsheet-newsroom-');
  cpSync(built, copy, { recursive: true });
  return copy;
}

/**
 * A new temporary folder outside any newsroom whose files hold `secret`:
 * what a symbolic link in content/ would publish. `secret.md` is an article,
 * `folder/` holds one (`secret.md`) and a comment folder (`story/secret.yml`).
 */
export function writeOutside(secret: string): string {
  const outside = temporaryFolder('broadsheet-outside-');
  const story = `---\ntitle: ${secret}\ndate: 2025-03-14\nauthors: [jane-doe]\ncategory: news\n---\n${secret}\n`;
  mkdirSync(path.join(outside, 'folder/story'), { recursive: true });
  writeFileSync(path.join(outside, 'secret.md'), story);
  writeFileSync(path.join(outside, 'folder/secret.md'), story);
  writeFileSync(path.join(outside, 'folder/story/secret.yml'), `name: Reader\ndate: 2025-03-15\nbody: ${secret}\n`);
  return outside;
}
