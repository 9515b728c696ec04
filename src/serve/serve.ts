import path from 'node:path';
import { watch } from 'chokidar';
import type { OutputReport } from '../publish/write-output.js';
import { build, defaultPaths, prepareRebuilds, rebuild, Superseded, type BuildOptions, type BuildResult, type BuildState } from '../stages/build.js';
import { ContentError, type Problem } from '../util/problems.js';
import { cmsRoute, createCmsBackend } from './cms-backend.js';
import { startDevServer, type Route } from './dev-server.js';
import { createSaveQueue } from './save-queue.js';
import { DEFAULT_HOST, DEFAULT_PORT } from './hosts.js';
import type { ServeStatus } from './problem-overlay.js';

/** How long the previewed page has the server to itself before the full build starts. */
const PREVIEW_GRACE_MS = 750;

export interface ServeOptions extends BuildOptions {
  /**
   * The port to listen on, taken before anything is built: busy, it is a
   * PortInUseError. Without it, DEFAULT_PORT or, when that is busy, the next
   * free one of a few. 0 lets the system pick a free port.
   */
  port?: number | undefined;
  /** The address to listen on; loopback (`localhost`) unless given. */
  host?: string;
  /** Paths answered by handlers of their own rather than from the output folder (see dev-server.ts). */
  routes?: readonly Route[] | undefined;
  /** Told about each full build, good or failed. */
  onBuild: (outcome: { result?: BuildResult; error?: unknown; ms: number }) => void;
  /** Told when edited articles were put online ahead of the update of the rest. */
  onPreview: (outcome: { urls: string[]; ms: number }) => void;
  /** Told when the pages affected by saved articles were brought up to date. */
  onUpdate: (outcome: { problems: Problem[]; output: OutputReport; ms: number }) => void;
  /** Told the address to open once every file is watched, and the default port when it was busy. */
  onReady: (url: string, notes: { busyPort?: number | undefined }) => void;
}

/**
 * Build, serve the output with Eleventy's dev server (on this machine only
 * unless `host` says otherwise; see dev-server.ts), and update it when
 * content, templates or public files change. A saved article's own page is
 * rendered at once and the browser reloaded; then the archives, lists and
 * related links it affects are updated in place and the browser reloaded
 * again. A saved page (About…) is updated in place the same way. Other
 * changes (templates, public files, authors, sections, site.yml) get a full
 * build from the cache. A failed update leaves the last
 * good site being served, with its problems shown on every page; until a
 * build goes through, every address gets a page listing what stops it
 * (see problem-overlay.ts). The port is taken first, so that a busy one
 * stops `serve` before anything is built.
 */
export async function serve(options: ServeOptions): Promise<{ close(): Promise<void> }> {
  // The web editor's local backend writes into the project where serve runs (content/, public/), as the configuration's paths say.
  const cms = await createCmsBackend({ outDir: options.outDir, projectDir: process.cwd() });
  const server = await startDevServer(options.outDir, {
    host: options.host ?? DEFAULT_HOST,
    port: options.port ?? DEFAULT_PORT,
    portFallback: options.port === undefined,
    routes: [cmsRoute(cms), ...(options.routes ?? [])],
  });
  let state: BuildState | undefined;
  // The pages show a failure before the terminal reports it: an editor who reads the terminal and reloads finds it there.
  const failed = (error: unknown, ms: number): void => {
    server.showStatus(failedStatus(error, state !== undefined));
    options.onBuild({ error, ms });
  };
  const runBuild = async (): Promise<void> => {
    const started = performance.now();
    try {
      const result = await build(options);
      state = result.state;
      server.showStatus({ served: true, failed: false, problems: result.problems });
      options.onBuild({ result, ms: performance.now() - started });
    } catch (error) {
      failed(error, performance.now() - started);
    }
  };
  try {
    await runBuild();
    await prepareRebuilds();
  } catch (error) {
    await server.close();
    throw error;
  }
  // A page opened during the first build shows "Building the site…" until told.
  server.reload();

  const templatesDir = options.templatesDir ?? defaultPaths.templatesDir;
  const publicDir = options.publicDir ?? defaultPaths.publicDir;
  // Saves are reported as one line each, not stage by stage. The browser
  // reloads once an update's pages are written, not seconds later when its
  // search index is: a saved story reaches the home page and its section then.
  const quietly = { ...options, onStage: undefined, onProgress: undefined, onPagesWritten: () => server.reload() };
  const preview = async (files: string[]): Promise<void> => {
    if (!state) return;
    const started = performance.now();
    try {
      const urls = (await rebuild(quietly, { state, files, scope: 'preview' }))?.previewed;
      if (urls) {
        server.reload();
        options.onPreview({ urls, ms: performance.now() - started });
        // The update that follows keeps this thread busy; let the browser
        // fetch the previewed page first.
        await new Promise((resolve) => setTimeout(resolve, PREVIEW_GRACE_MS));
      }
    } catch {
      // The update that follows reports whatever went wrong, with file names.
    }
  };
  const within = (folder: string) => (file: string) => path.resolve(file).startsWith(path.resolve(options.contentDir, folder) + path.sep);
  /**
   * Everything the saved articles and pages affect, in place; a full build
   * for any other change. An update that newer saves overtake gives way to
   * them at its next stage (see Change.stale and createSaveQueue).
   */
  const refresh = async (files: string[], stale: () => boolean): Promise<'done' | 'superseded'> => {
    const inPlace = files.every((file) => within('articles')(file) || within('pages')(file));
    const started = performance.now();
    try {
      const updated = state && inPlace ? await rebuild(quietly, { state, files, scope: 'update', stale }) : undefined;
      if (updated) {
        state = updated.state;
        server.showStatus({ served: true, failed: false, problems: updated.problems });
        options.onUpdate({ problems: updated.problems, output: updated.output, ms: performance.now() - started });
        return 'done';
      }
    } catch (error) {
      if (error instanceof Superseded) return 'superseded';
      failed(error, performance.now() - started);
      return 'done';
    }
    await runBuild();
    return 'done';
  };

  const saves = createSaveQueue({
    // A page has no preview of its own: its title is in every page's footer, so the update comes at once.
    previewable: (files) => files.every(within('articles')),
    preview,
    update: refresh,
    // Reloaded whatever happened, a failed update too: the pages then show its problems.
    settled: () => server.reload(),
  });
  const watcher = watch([options.contentDir, templatesDir, publicDir], {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: 20, pollInterval: 5 },
  });
  watcher.on('all', (_event, file) => saves.saved(file));
  // Heard at once, before the file has settled: an update under way can give way before it writes.
  watcher.on('raw', () => saves.changing());
  // Ready only once every file is watched: an edit before that would be missed.
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  options.onReady(server.url, { busyPort: server.busyPort });

  return {
    async close() {
      await watcher.close();
      await server.close();
      await saves.idle();
    },
  };
}

/** What a failed build or update leaves to show: the content's problems, or the error's message when it was not the content. */
export function failedStatus(error: unknown, served: boolean): ServeStatus {
  if (error instanceof ContentError) return { served, failed: true, problems: error.problems };
  return { served, failed: true, problems: [], failure: error instanceof Error ? error.message : String(error) };
}
