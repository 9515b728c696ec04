import { fileOf, pathPrefix, SITE_PATHS } from '../routes/addresses.js';

/**
 * The scripts our templates put on pages, by page file: the search page
 * loads its own, and an article or page with an embed the embed script, under the
 * site's path prefix (as written into the page). The post-build scan lets
 * these through and no other script.
 */
export function pageScripts(
  site: { url: string; searchScript: string },
  articles: readonly { url: string; embeds?: { script: string | undefined } | undefined }[] = [],
): Map<string, Set<string>> {
  const prefix = pathPrefix(site);
  return new Map([
    [fileOf(SITE_PATHS.search), new Set([`${prefix}${site.searchScript}`])],
    ...articles.flatMap((page) => (page.embeds?.script ? [[fileOf(page.url), new Set([`${prefix}${page.embeds.script}`])] as const] : [])),
  ]);
}
