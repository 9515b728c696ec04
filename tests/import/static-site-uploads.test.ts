import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importHugo } from '../../src/import/hugo/import-hugo.js';
import { importJekyll } from '../../src/import/jekyll/import-jekyll.js';
import type { ImportEvent, Importer } from '../../src/import/types.js';

/*
 * `--uploads DIR`: a copy of the site's images kept apart from its sources
 * (Jekyll's site folder, Hugo's static/) is where images named by site path
 * are looked for first; the site's own copy is the fallback.
 */

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ssg-uploads-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(file: string, content: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
}

async function publicFiles(importer: Importer, source: string, uploads?: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for await (const event of importer({ source: path.join(root, source), uploads: uploads && path.join(root, uploads) }) as AsyncIterable<ImportEvent>) {
    if (event.type === 'file' && event.root === 'public') files[event.path] = Buffer.from(event.content).toString();
  }
  return files;
}

describe('images from --uploads', () => {
  write('jekyll/_config.yml', 'title: T\n');
  write('jekyll/_posts/2020-01-01-a.md', '---\ntitle: A\n---\n![One](/assets/one.png) ![Two](/assets/two.png)\n');
  write('jekyll/assets/one.png', 'site one');
  write('jekyll/assets/two.png', 'site two');
  write('jekyll-uploads/assets/one.png', 'uploads one');
  write('hugo/hugo.toml', 'title = "T"\n');
  write('hugo/content/posts/a.md', '---\ntitle: A\ndate: 2020-01-01\n---\n![One](/images/one.png) ![Two](/images/two.png)\n');
  write('hugo/static/images/one.png', 'static one');
  write('hugo/static/images/two.png', 'static two');
  write('hugo-static/images/one.png', 'uploads one');

  it('Jekyll: the uploads copy first, the site folder otherwise', async () => {
    expect(await publicFiles(importJekyll, 'jekyll', 'jekyll-uploads')).toEqual({ 'images/assets/one.png': 'uploads one', 'images/assets/two.png': 'site two' });
    expect(await publicFiles(importJekyll, 'jekyll')).toEqual({ 'images/assets/one.png': 'site one', 'images/assets/two.png': 'site two' });
  });

  it('Hugo: the uploads copy first, static/ otherwise', async () => {
    expect(await publicFiles(importHugo, 'hugo', 'hugo-static')).toEqual({ 'images/one.png': 'uploads one', 'images/two.png': 'static two' });
    expect(await publicFiles(importHugo, 'hugo')).toEqual({ 'images/one.png': 'static one', 'images/two.png': 'static two' });
  });
});
