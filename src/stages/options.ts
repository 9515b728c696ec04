import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleCheck } from '../content/check-article.js';
import type { LeftOut } from '../content/left-out.js';
import type { Content, ContentSources } from '../content/types.js';
import type { PictureSet } from '../images/picture.js';
import type { RenderedMarkdown } from '../markdown/render.js';
import type { SiteModel } from '../model/model.js';
import type { OutputReport } from '../publish/write-output.js';
import type { TermCounts } from '../related/terms.js';
import type { MadePlan } from '../routes/plan.js';
import type { Problem } from '../util/problems.js';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const defaultPaths = {
  templatesDir: path.join(PACKAGE_ROOT, 'templates'),
  publicDir: path.join(PACKAGE_ROOT, 'public'),
};

export interface CheckOptions {
  contentDir: string;
  /** Site files copied as they are (CSS, images); article images must exist here. */
  publicDir?: string | undefined;
  baseUrl?: string | undefined;
  drafts?: boolean | undefined;
  future?: boolean | undefined;
  /**
   * The moment the build publishes as of, in ms: articles dated later are
   * scheduled, and the news sitemap holds the 48 hours before it. Default:
   * the real clock when the build starts. `SOURCE_DATE_EPOCH` plays no part.
   */
  now?: number | undefined;
  /** Folder of the persistent render cache; undefined renders everything afresh. */
  cacheDir?: string | undefined;
  /** CPU time one file may take to check and render (in worker threads; see FILE_TIME_LIMIT_MS). Default: FILE_TIME_LIMIT_MS. */
  fileTimeLimitMs?: number | undefined;
  /** Worker threads for rendering; 0 renders in the main thread. Default: one per core. */
  workers?: number | undefined;
  /** Warnings fail too. */
  strict?: boolean | undefined;
  /**
   * Leave out the articles and comments with errors, and what exists only
   * because of them, and go on with the valid rest (see validateLeavingOut).
   * Every problem is still reported; errors of other files, and of the
   * address plan, still stop the build. Never with `strict`, which fails
   * on any problem.
   */
  skipInvalid?: boolean | undefined;
  /** Told when each stage ends. */
  onStage?: ((stage: StageReport) => void) | undefined;
  /** Told how far a long stage has got, for a live counter. */
  onProgress?: ((progress: { stage: StageReport['stage']; done: number; total: number }) => void) | undefined;
}

export interface BuildOptions extends CheckOptions {
  outDir: string;
  /**
   * Told each time an update after saves (see rebuild) has written a run of
   * its pages in place (the home page and lists first, when many story
   * pages follow), before the search index and the other files: the preview
   * server reloads the browser then.
   */
  onPagesWritten?: (() => void) | undefined;
  templatesDir?: string | undefined;
  /**
   * Stop once the content is checked when nothing the site is made from has
   * changed since the last build into `outDir` and its files are as it left
   * them (see buildKey); the result then has no `state`. Needs `cacheDir`.
   */
  skipUnchanged?: boolean | undefined;
}

export interface StageReport {
  stage: 'load' | 'validate' | 'render' | 'images' | 'model' | 'publish' | 'search';
  count: number;
  ms: number;
  /** A short remark on the stage, such as how many renderings came from the cache. */
  note?: string | undefined;
}

export interface BuildResult {
  problems: Problem[];
  /** Files in the output folder. */
  pages: number;
  articles: number;
  output: OutputReport;
  /** The files left out because of their errors, with `skipInvalid`. */
  leftOut: LeftOut;
  /** Lead images and avatars: how many were encoded in this build, how many taken from the cache. */
  images: { encoded: number; reused: number };
  /** The addresses of the pages written, when only some were (serve's preview of saved articles). */
  previewed?: string[] | undefined;
  /** Everything the build learnt, for a preview server to update from; none when it stopped early (see skipUnchanged). */
  state?: BuildState | undefined;
}

export interface BuildState {
  sources: ContentSources;
  /** Site paths of the files in public/. */
  assets: Set<string>;
  /** Published names of public/ stylesheets and scripts (see assetNames). */
  assetNames: Map<string, string>;
  /** The bytes published for public/ stylesheets (minified, site.yml's theme after site.css), by name in public/. */
  stylesheets: Map<string, Buffer>;
  checks: Map<string, ArticleCheck>;
  rendered: Map<string, RenderedMarkdown>;
  terms: Map<string, TermCounts>;
  /** The processed lead images and avatars, and their files to publish (see processImages). */
  pictures: PictureSet;
  imageFiles: ReadonlyMap<string, string>;
  content: Content;
  /** Every address of the site (see planRoutes), and what it was made from. */
  plan: MadePlan;
  model: SiteModel;
}

/**
 * Files saved since `state` was built, for the preview server. `preview`
 * writes only the saved articles' own pages, straight into the served
 * folder and with the links they had, so the editor sees the change at once;
 * `update` brings everything they affect up to date, in place.
 */
export interface Change {
  state: BuildState;
  files: readonly string[];
  scope: 'preview' | 'update';
  /**
   * Asked by an update between its stages, each time after letting the
   * event loop turn (so that a watcher hears of saves): true when newer
   * saves have made its result stale. It then stops with Superseded, and
   * `state` still holds. It is asked up to the moment it would start writing,
   * and once more when its pages are written if none of them is a new file:
   * then the feeds, the search index and the record of the output are left
   * as the last update made them, and the next update renders again every
   * page that differs from that record.
   */
  stale?: (() => boolean) | undefined;
}

/** An update that stopped because newer saves made it stale (see Change.stale). */
export class Superseded extends Error {
  constructor() {
    super('the update was superseded by newer saves');
    this.name = 'Superseded';
  }
}
