import { cpSync } from 'node:fs';
import { inject } from 'vitest';
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
