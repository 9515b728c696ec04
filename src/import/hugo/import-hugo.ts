import type { Importer } from '../types.js';
import { staticSiteEvents } from '../static-site/site-events.js';
import { readHugoSite } from './read-site.js';

/** `broadsheet import hugo SITE`: a Hugo site's folder → a newsroom's files. */
export const importHugo: Importer = async function* (options) {
  yield* staticSiteEvents(readHugoSite(options.source, options.uploads));
};
