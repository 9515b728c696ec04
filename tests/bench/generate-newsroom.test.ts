import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { generateNewsroom } from '../../bench/generate-newsroom.js';
import { bodyOf } from '../../src/content/front-matter.js';
import { loadContent } from '../../src/content/load.js';
import { validateContent } from '../../src/content/validate.js';
import { createRenderer } from '../../src/markdown/render.js';

function digest(dir: string): string {
  const hash = createHash('sha256');
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort()) {
    hash.update(path.relative(dir, entry)).update(readFileSync(entry));
  }
  return hash.digest('hex');
}

test('the synthetic newsroom is the same for the same seed, valid, and of the asked size', async () => {
  const [a, b, c] = [1, 2, 3].map(() => mkdtempSync(path.join(tmpdir(), 'broadsheet-gen-')));
  try {
    generateNewsroom(a!, { articles: 60, seed: 11 });
    generateNewsroom(b!, { articles: 60, seed: 11 });
    generateNewsroom(c!, { articles: 60, seed: 12 });
    expect(digest(a!)).toBe(digest(b!));
    expect(digest(a!)).not.toBe(digest(c!));

    const { sources } = await loadContent(path.join(a!, 'content'));
    const { content, problems } = validateContent(sources, { now: Date.now(), drafts: false, future: false, assetExists: () => true });
    expect(problems).toEqual([]);
    expect(content!.articles).toHaveLength(60);
    expect(content!.authors).toHaveLength(40);
    expect(content!.categories).toHaveLength(12);
    const render = createRenderer({ siteUrl: content!.site.url });
    const words = sources.articles.map((file) => render(bodyOf(file.text)!.body).words);
    expect(Math.min(...words)).toBeGreaterThanOrEqual(600);
    expect(Math.max(...words)).toBeLessThanOrEqual(1000);
  } finally {
    for (const dir of [a, b, c]) rmSync(dir!, { recursive: true, force: true });
  }
});
