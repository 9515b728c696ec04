import EleventyDevServer from '@11ty/eleventy-dev-server';
import { watch } from 'chokidar';
import { build, defaultPaths, type BuildOptions, type BuildResult } from './build.js';

export interface ServeOptions extends BuildOptions {
  port: number;
  /** Told about each build, good or failed. */
  onBuild: (outcome: { result?: BuildResult; error?: unknown; ms: number }) => void;
  onReady: (url: string) => void;
}

/**
 * Build, serve the output with Eleventy's dev server, and rebuild and
 * live-reload when content, templates or public files change. A failed
 * rebuild leaves the last good site being served.
 */
export async function serve(options: ServeOptions): Promise<{ close(): Promise<void> }> {
  const runBuild = async (): Promise<void> => {
    const started = performance.now();
    try {
      const result = await build(options);
      options.onBuild({ result, ms: performance.now() - started });
    } catch (error) {
      options.onBuild({ error, ms: performance.now() - started });
    }
  };
  await runBuild();

  let url = `http://localhost:${options.port}/`;
  const server = EleventyDevServer.getServer('broadsheet', options.outDir, {
    port: options.port,
    liveReload: true,
    domDiff: false,
    messageOnStart: ({ hosts }) => {
      url = hosts[0] ?? url;
      return '';
    },
  });
  await server.serve(options.port);

  // One build at a time; saves during a build are folded into one more.
  let running: Promise<void> | undefined;
  let again = false;
  const rebuild = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = runBuild().then(() => {
      server.reload();
      running = undefined;
      if (again) {
        again = false;
        rebuild();
      }
    });
  };
  const watcher = watch(
    [options.contentDir, options.templatesDir ?? defaultPaths.templatesDir, options.publicDir ?? defaultPaths.publicDir],
    { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 30, pollInterval: 10 } },
  );
  watcher.on('all', rebuild);
  // Ready only once every file is watched: an edit before that would be missed.
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  options.onReady(url);

  return {
    async close() {
      await watcher.close();
      await server.close();
      await running;
    },
  };
}
