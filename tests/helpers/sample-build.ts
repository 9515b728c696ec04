import type { Content } from '../../src/content/types.js';
import type { OutputReport } from '../../src/publish/write-output.js';

/**
 * The build time of the shared sample build: the sample's newest stories
 * are published (the one of 20 November 2026 is still in the news sitemap's
 * 48 hours) and the 2031 one is not, whatever today is.
 */
export const SAMPLE_NOW = Date.parse('2026-11-21T09:00:00Z');

/** The one sample story with embeds (a video, a chart, a Mastodon post): the only page besides search that loads a script. */
export const SAMPLE_EMBED_PAGE = '/news/brackley-sands-sea-wall-rebuild-plan/';

/**
 * The sample newsroom (`content/`) built once per test run by
 * tests/setup/sample-newsroom.ts and read by every test that only reads it.
 * Nothing here may be written to: a test that needs to change a build or the
 * cache copies it first (copySharedCache).
 */
export interface SampleBuild {
  contentDir: string;
  now: number;
  /** The site as published. */
  siteDir: string;
  /** The same content built with drafts and scheduled articles shown. */
  previewDir: string;
  /** The cache both builds filled: renderings and encoded images. */
  cacheDir: string;
  /** What building `siteDir` reported (a fresh output folder, a cold cache). */
  output: OutputReport;
  /** The published content, as `checkContent` gives it at `now`. */
  content: Content;
  /** Drafts and scheduled articles included. */
  everything: Content;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sample: SampleBuild;
  }
}
