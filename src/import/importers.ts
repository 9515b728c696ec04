import type { Importer } from './types.js';

/**
 * The sources `broadsheet import <kind>` reads, each loaded only when asked
 * for: an importer brings its own parsers (XML, TOML, HTML).
 */
export const IMPORTERS: Record<string, () => Promise<Importer>> = {
  wordpress: async () => (await import('./wordpress/import-wordpress.js')).importWordPress,
  jekyll: async () => (await import('./jekyll/import-jekyll.js')).importJekyll,
  hugo: async () => (await import('./hugo/import-hugo.js')).importHugo,
};
