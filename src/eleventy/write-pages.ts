import { Eleventy } from '@11ty/eleventy';
import type { SiteModel } from '../site/model.js';
import { configureEleventy } from './config.js';

/**
 * Render the templates over the site model into `outDir`.
 * Returns the number of pages written.
 */
export async function writePages(model: SiteModel, templatesDir: string, outDir: string): Promise<number> {
  const eleventy = new Eleventy(templatesDir, outDir, {
    quietMode: true,
    // No eleventy.config.js from the working directory is loaded: the
    // configuration is ours alone.
    configPath: '',
    pathPrefix: new URL(model.site.url).pathname,
    config: configureEleventy(model),
  });
  // Our CLI reports progress and errors itself, with file names.
  eleventy.disableLogger();
  const [, written] = await eleventy.write();
  return written.filter((page) => page.outputPath).length;
}
