import type { UserConfig } from '@11ty/eleventy';

/** Filters the templates use. Small, pure, and the only template helpers there are. */
export function filtersPlugin(siteUrl: string) {
  return (config: UserConfig): void => {
    // `page.url` never includes the path prefix; `site.url` always does.
    config.addFilter('absoluteUrl', (sitePath: string) => new URL(String(sitePath).replace(/^\//, ''), siteUrl).href);
  };
}
