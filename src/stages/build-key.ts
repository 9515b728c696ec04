import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeKey } from '../util/code-key.js';
import { filesBelow } from '../util/files-below.js';
import type { ContentSources } from '../content/types.js';
import { templatesKey } from '../eleventy/write-pages.js';
import { packageVersion } from '../util/package-version.js';
import { inNewsWindow } from '../outputs/seo/sitemaps.js';
import type { Content } from '../content/types.js';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Everything besides the content that the output of a build is made from. */
export interface BuildInputs {
  publicDir: string;
  templatesDir: string;
  baseUrl?: string | undefined;
  drafts?: boolean | undefined;
  future?: boolean | undefined;
  strict?: boolean | undefined;
}

/**
 * A hash of what a build reads before it looks at the clock: every content
 * file (path and text), the public files (path, size, time), the templates,
 * our code and our dependencies' versions, and the options that change the
 * output. Made right after loading, while the article texts are in memory.
 */
export function inputsKey(sources: ContentSources, inputs: BuildInputs): string {
  const digest = createHash('sha1');
  const add = (...parts: string[]) => parts.forEach((part) => digest.update(part).update('\0'));
  add(codeKey(), dependencyVersions(), templatesKey(inputs.templatesDir), folderKey(inputs.publicDir));
  add(JSON.stringify([inputs.baseUrl ?? null, !!inputs.drafts, !!inputs.future, !!inputs.strict, inputs.publicDir, inputs.templatesDir]));
  const files = [sources.site, ...sources.articles, ...sources.authors, ...sources.categories, ...sources.pages, ...sources.comments];
  for (const file of files) if (file) add(file.path, file.text);
  return digest.digest('hex');
}

/**
 * The build's key: `inputs` (see inputsKey) and what the clock decided, which
 * articles are shown with which status and which are recent enough for the
 * news sitemap. Two builds with the same key write the same files.
 */
export function buildKey(inputs: string, content: Content, now: number): string {
  const decided = content.articles.map((article) => [article.file, article.status, article.status === 'published' && inNewsWindow(article.date.epoch, now)]);
  return createHash('sha1').update(inputs).update('\0').update(JSON.stringify(decided)).digest('hex');
}

let versions: string | undefined;

/** Our dependencies and their installed versions: an upgrade may change any output. */
function dependencyVersions(): string {
  if (versions) return versions;
  const manifest = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  versions = Object.keys(manifest.dependencies ?? {})
    .sort()
    .map((name) => `${name}@${versionOf(name)}`)
    .join(',');
  return versions;
}

function versionOf(name: string): string {
  try {
    return packageVersion(name);
  } catch {
    // A package that cannot be resolved from here is not used by the build.
    return 'unresolved';
  }
}

/** Every file below `dir` with its size and modification time. */
function folderKey(dir: string): string {
  const files = filesBelow(dir);
  if (files.length === 0) return 'none';
  return files
    .map(({ file, full }) => {
      const stat = lstatSync(full);
      return `${file}:${stat.size}:${stat.mtimeMs}`;
    })
    .sort()
    .join('\n');
}
