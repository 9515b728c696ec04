import path from 'node:path';
import type { HtmlBasePlugin, UserConfig } from '@11ty/eleventy';
import type { SiteModel } from '../model/model.js';
import { fileOf, pathPrefix, TEMPLATE_PAGES } from '../routes/addresses.js';

/** What Eleventy tells a permalink function about the page. */
interface PageData {
  pagination?: { items?: { url?: string }[] };
  page: { inputPath: string };
}

/**
 * The Eleventy configuration: wiring only. The site model goes in as global
 * data; pages come from pagination templates in `templates/`. No content file
 * is ever an Eleventy template, so nothing an editor writes is run through
 * Nunjucks, Liquid or Eleventy's own Markdown. `htmlBase` is Eleventy's
 * plugin, handed in by the caller that loaded Eleventy: importing it here
 * would load Eleventy for every check.
 */
export function configureEleventy(model: SiteModel, options: { templatePages: boolean; htmlBase: typeof HtmlBasePlugin }) {
  return (config: UserConfig): void => {
    // Eleventy 3.1.8 makes this benchmark group before quiet mode applies, so
    // it would print timing warnings into our output; our CLI reports timings.
    config.benchmarkManager.get('Configuration').setIsVerbose(false);
    config.setTemplateFormats(['njk']);
    config.setUseGitIgnore(false);
    config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
    // `tags` is a reserved word in Eleventy's data cascade (it builds
    // collections), so the model travels under names of our own.
    config.addGlobalData('site', model.site);
    config.addGlobalData('news', {
      articles: model.articles,
      archives: model.archives,
      pages: model.pages,
      home: model.home,
      authors: model.authors,
      tags: model.tags,
      heads: model.heads,
      corrections: model.corrections,
      search: model.search,
      searchPage: model.searchPage,
    });
    // Every file comes from the address plan's rules: a paginated page's
    // from the `url` of its item in the model, a page made from a template
    // alone from its template's name. Given as a function in the data
    // cascade: a "{{ article.url }}" string would be compiled once per page,
    // and computed data costs more still.
    const itemFile = (data: PageData): string | false => {
      const url = data.pagination?.items?.[0]?.url;
      return url ? `/${fileOf(url)}` : false;
    };
    const pageFile = (data: PageData): string | false => {
      const own = TEMPLATE_PAGES[path.basename(data.page.inputPath, '.njk')];
      return itemFile(data) || (own ? `/${fileOf(own)}` : false);
    };
    config.addGlobalData('permalink', () => pageFile);
    if (!options.templatePages) {
      // Their copies from the last build are reused: write none of them.
      config.addGlobalData('eleventyComputed', { permalink: itemFile });
    }
    // Rewrites root-relative links (in templates and article bodies alike)
    // when the site lives under a sub-path such as /news/. It parses every
    // page again, so it is only added when there is a prefix to add.
    if (pathPrefix(model.site) !== '') config.addPlugin(options.htmlBase);
  };
}
