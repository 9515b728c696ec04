import type { Importer } from '../types.js';
import { staticSiteEvents } from '../static-site/site-events.js';
import { readJekyllSite } from './read-site.js';

/** `broadsheet import jekyll SITE`: a Jekyll site's folder → a newsroom's files. */
export const importJekyll: Importer = async function* (options) {
  yield* staticSiteEvents(readJekyllSite(options.source, options.uploads));
};
