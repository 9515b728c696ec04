import type { Content, Page } from '../content/types.js';
import { PICTURE_SIZES } from '../images/sizes.js';
import { sectionPath } from '../routes/addresses.js';
import { withEmbeds } from './article-pages.js';
import { fillBody } from './fill-body.js';
import type { PageView, RedirectLink } from './model.js';
import type { PageContext } from './page-context.js';
import { plainHead } from './page-head.js';

/** One page such as About: its body filled in as an article's is, and the head of a plain web page. */
export function staticPage(page: Page, context: PageContext): PageView {
  const body = context.rendered(page.file);
  const summary = page.summary ?? body.firstParagraph;
  const view: PageView = {
    source: page.file,
    url: page.url,
    title: page.title,
    summary,
    html: fillBody(body, { picture: (src) => context.pictures.lead.get(src), sizes: PICTURE_SIZES.lead, readMore: page.readMore ?? [] }),
    updated: page.updated ? context.stamp(page.updated) : undefined,
    banner: page.draft ? 'Draft: not published' : undefined,
    head: plainHead(context.site, page.url, page.title, summary),
  };
  return withEmbeds(view, body, context.embedAssets);
}

/** The pages this build shows, in file order. */
export function staticPages(content: Content, context: PageContext): PageView[] {
  return content.pages.map((page) => staticPage(page, context));
}

/**
 * Every old address the site keeps working, and where each now leads:
 * aliases of published articles and pages, aliases of sections, then
 * site.yml's `redirects:`. The address plan has checked that none is in the
 * way of another address and that each target is a page this build writes.
 */
export function siteRedirects(content: Content): RedirectLink[] {
  const from = (item: { aliases: readonly string[] }, to: string) => item.aliases.map((alias) => ({ from: alias, to }));
  return [
    ...content.articles.filter((article) => article.status === 'published').flatMap((article) => from(article, article.url)),
    ...content.pages.filter((page) => !page.draft).flatMap((page) => from(page, page.url)),
    ...content.categories.flatMap((category) => from(category, sectionPath(category.slug))),
    ...Object.entries(content.site.redirects).map(([alias, to]) => ({ from: alias, to })),
  ];
}
