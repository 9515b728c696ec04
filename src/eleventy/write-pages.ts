import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addFiles, isModule } from '../util/code-key.js';
import { packageVersion } from '../util/package-version.js';
import type { SiteModel } from '../model/model.js';
import { configureEleventy } from './config.js';
import { pathPrefix } from '../routes/addresses.js';

export interface WritePagesOptions {
  /** Also render the pages made from templates alone (home, 404, lists). */
  templatePages: boolean;
}

/**
 * On Node before 22.15, importing Eleventy starts a module loader thread
 * (module.register) that every later import in the process waits on, to
 * reload an eleventy.config.js edited while Eleventy watches. We load no
 * configuration file and never let Eleventy watch; the hooks cost some
 * 0.15 s of CPU per build. Eleventy's own switch turns them off.
 */
function skipEleventyModuleHooks(): void {
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= '1';
}

/**
 * Render the templates over the site model into `outDir`; only the article
 * and archive pages in `model` are written. Returns the files written,
 * relative to `outDir`.
 */
export async function writePages(model: SiteModel, templatesDir: string, outDir: string, options: WritePagesOptions): Promise<string[]> {
  // Loaded on demand: importing Eleventy takes half a second, and a build
  // with nothing to render does not need it.
  skipEleventyModuleHooks();
  const { Eleventy, HtmlBasePlugin } = await import('@11ty/eleventy');
  const eleventy = new Eleventy(templatesDir, outDir, {
    quietMode: true,
    // No eleventy.config.js from the working directory is loaded: the
    // configuration is ours alone.
    configPath: '',
    pathPrefix: `${pathPrefix(model.site)}/`,
    config: configureEleventy(model, { ...options, htmlBase: HtmlBasePlugin }),
  });
  // Our CLI reports progress and errors itself, with file names.
  eleventy.disableLogger();
  const [, written] = await eleventy.write();
  return written.flatMap((page) => (page.outputPath ? [path.relative(outDir, page.outputPath).split(path.sep).join('/')] : []));
}

/**
 * A hash of everything besides the model that decides a page's HTML: the
 * templates, Eleventy's version and our Eleventy wiring.
 */
export function templatesKey(templatesDir: string): string {
  const digest = addFiles(createHash('sha256'), templatesDir);
  addFiles(digest, path.dirname(fileURLToPath(import.meta.url)), { recursive: false, keep: isModule });
  digest.update(`@11ty/eleventy@${packageVersion('@11ty/eleventy')}`);
  return digest.digest('hex');
}
