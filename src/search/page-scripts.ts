import { fileOf, pathPrefix, SITE_PATHS } from '../routes/addresses.js';

/**
 * The scripts our templates put on pages, by page file: only the search page
 * loads one, its own, under the site's path prefix (as written into the
 * page). The post-build scan lets these through and no other script.
 */
export function pageScripts(site: { url: string; searchScript: string }): Map<string, Set<string>> {
  return new Map([[fileOf(SITE_PATHS.search), new Set([`${pathPrefix(site)}${site.searchScript}`])]]);
}
