import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { readEntry } from '../../src/util/file-cache.js';
import type { SampleBuild } from './sample-build.js';

export { SAMPLE_EMBED_PAGE, SAMPLE_NOW, type SampleBuild } from './sample-build.js';

/** The shared build of the sample newsroom (see tests/setup/sample-newsroom.ts). Read it; never write into it. */
export const sharedSample = (): SampleBuild => inject('sample');

/**
 * A copy of the shared build's cache at `dest`, for a test that builds the
 * sample (or a variant of it) itself: its renderings and encoded images are
 * reused, and the shared cache stays as it was.
 */
export function copySharedCache(dest: string): string {
  cpSync(sharedSample().cacheDir, dest, { recursive: true });
  return dest;
}

/**
 * A copy of the shared build's encoded images only (the cache's `images/`
 * folder) into the cache folder `dest`, with the records and files of
 * `forget` of them removed: a build from it encodes those again in its own
 * process, and takes the others from the copy. Encoding all sixteen of the
 * sample's images costs seconds of CPU; one is enough to show that an
 * image encoded again comes out the same, and that the cache is filled.
 * Returns the cache folder.
 */
export function copySharedImages(dest: string, { forget = 0 } = {}): string {
  const images = path.join(dest, 'images');
  cpSync(path.join(sharedSample().cacheDir, 'images'), images, { recursive: true });
  const records = readdirSync(path.join(images, 'records'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file: path.join(images, 'records', file), value: readEntry<unknown>(path.join(images, 'records'), path.basename(file, '.json')) }))
    // Records of encoded images; the others map a file's size and time to one of these.
    .filter(({ value }) => typeof value === 'object' && value !== null && 'files' in value);
  if (records.length < forget) throw new Error(`the shared cache holds ${records.length} encoded images, fewer than ${forget}`);
  for (const { file, value } of records.slice(0, forget)) {
    rmSync(file);
    for (const { name } of (value as { files: { name: string }[] }).files) rmSync(path.join(images, 'files', name));
  }
  return dest;
}

/** Whether a site path is one of the redirect stand-ins a build writes for `content`: an old address of an article or page. */
export function isRedirectStub(content: { articles: readonly { aliases: readonly string[] }[]; pages: readonly { aliases: readonly string[] }[] }, sitePath: string): boolean {
  return [...content.articles, ...content.pages].some((item) => item.aliases.some((alias) => sitePath === alias || sitePath.startsWith(alias)));
}
