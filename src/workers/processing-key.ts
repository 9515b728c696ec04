import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addFiles, isModule } from '../util/code-key.js';
import { packageVersion } from '../util/package-version.js';

/*
 * What is learnt from each content file (its checks and its rendered
 * Markdown) is cached by the file's bytes and everything else that decides
 * the result: the versions of the parsing packages, the source of our own
 * code that reads content and renders Markdown, and the options.
 */

const PACKAGES = [
  'unified',
  'remark-parse',
  'micromark-extension-gfm-autolink-literal',
  'micromark-extension-gfm-footnote',
  'micromark-extension-gfm-strikethrough',
  'micromark-extension-gfm-table',
  'micromark-extension-gfm-task-list-item',
  'mdast-util-gfm-autolink-literal',
  'mdast-util-gfm-footnote',
  'mdast-util-gfm-strikethrough',
  'mdast-util-gfm-table',
  'mdast-util-gfm-task-list-item',
  'remark-directive',
  'micromark-extension-directive',
  'mdast-util-directive',
  'lowlight',
  'highlight.js',
  'remark-html',
  'hast-util-sanitize',
  'hast-util-raw',
  'github-slugger',
  'mdast-util-to-string',
  'gray-matter',
  'yaml',
  'zod',
  'luxon',
  '@sindresorhus/slugify',
];


/** What every cache key of this build shares: change our code, a package or an option, and nothing old matches. */
export function processingKey(options: Record<string, string>): string {
  const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const digest = createHash('sha256');
  for (const folder of ['content', 'markdown', 'markdown/embeds', 'workers', 'related', 'util']) {
    addFiles(digest.update(folder).update('\0'), path.join(src, folder), { recursive: false, keep: isModule });
  }
  const versions = PACKAGES.map((name) => `${name}@${packageVersion(name)}`);
  return digest.update(JSON.stringify({ versions, options })).digest('hex');
}
