import type { Article, Content } from '../content/types.js';
import { relatedArticles } from '../related/engine.js';
import type { TermCounts } from '../related/terms.js';
import type { RenderedMarkdown } from '../markdown/render.js';
import { groupBy, groupByEach } from '../util/group-by.js';
import { PICTURE_SIZES } from '../images/sizes.js';
import { SITE_PATHS } from '../routes/addresses.js';
import { articleEnd } from './article-end.js';
import { articleComments } from './comment-threads.js';
import { fillBody } from './fill-body.js';
import type { ArticlePage, EmbedAssets } from './model.js';
import type { PageContext } from './page-context.js';
import { articleHead } from './page-head.js';

/** The rail's heading and where it leads: the section's newest, or the site's latest (see articleEnd). */
const railHeading = (scope: 'section' | 'site', section: { name: string; url: string }) =>
  scope === 'section' ? { heading: `Latest in ${section.name}`, url: section.url } : { heading: 'Latest', url: SITE_PATHS.home };

/** Words a reader gets through in a minute, for "4 min read". */
const WORDS_PER_MINUTE = 230;

/** The parts of an article page that depend on other articles. */
export type ArticleLinks = Pick<ArticlePage, 'related' | 'moreFromAuthor' | 'previous' | 'next' | 'rail'>;

/** One article's page, given the links that depend on other articles. */
export function articlePage(article: Article, context: PageContext, links: ArticleLinks): ArticlePage {
  const body = context.rendered(article.file);
  const teaser = context.teaser(article);
  const page = {
    ...teaser,
    source: article.file,
    // A body picture is drawn across the article column, as the lead image is.
    html: fillBody(body, { picture: (src) => context.pictures.lead.get(src), sizes: PICTURE_SIZES.lead, readMore: article.readMore ?? [] }),
    updated: article.updated ? context.stamp(article.updated) : undefined,
    readingMinutes: Math.max(1, Math.round(body.words / WORDS_PER_MINUTE)),
    tags: article.tags.map((t) => context.tagLink(t.slug)),
    ...links,
    corrections: article.corrections.map((c, index) => ({ date: context.stamp(c.date), text: c.text, anchor: `correction-${index + 1}` })),
    aliases: article.aliases,
    ...articleComments(article, context.comments),
    year: teaser.published.iso.slice(0, 4),
    // UTC, so that dates written with different offsets sort in time order as text.
    sortDate: new Date(article.date.epoch).toISOString(),
  };
  return withEmbeds<ArticlePage>({ ...page, head: articleHead(context.site, { ...page, canonical: article.canonical }) }, body, context.embedAssets);
}

/** A page with the embeds' assets when its body has an embed (the script only for frames); the page as it was otherwise. */
export function withEmbeds<P extends { embeds?: EmbedAssets | undefined }>(page: P, body: RenderedMarkdown, assets: PageContext['embedAssets']): P {
  if (!body.embeds) return page;
  const { origins } = body.embeds;
  return { ...page, embeds: { stylesheet: assets.stylesheet, script: origins.length > 0 ? assets.script : undefined, origins: origins.join(' ') } };
}

/**
 * Every article's page, in the content's order (newest first), with its
 * related links (pinned first, then the engine's choice), the older and
 * newer story in its section, "More from" its first author, and a rail of
 * its section's newest stories: no story linked twice (see articleEnd).
 */
export function articlePages(content: Content, context: PageContext, terms: (file: string) => TermCounts): ArticlePage[] {
  const { site } = content;
  const { teaser } = context;
  const inSection = groupBy(content.articles, (a) => a.category);
  const byAuthor = groupByEach(content.articles, (a) => a.authors);
  const positionInSection = new Map([...inSection.values()].flatMap((list) => list.map((article, index) => [article, index] as const)));
  const linkable = (article: Article) => article.status === 'published';
  const byUrl = new Map(content.articles.map((article) => [article.url, article]));
  const chosen = relatedArticles(
    content.articles.map((article) => ({
      slug: article.slug,
      epoch: article.date.epoch,
      section: article.category,
      authors: article.authors,
      tags: article.tags.map((t) => t.slug),
      terms: terms(article.file),
      candidate: linkable(article),
    })),
    site.related,
  );

  return content.articles.map((article, index) => {
    const siblings = inSection.get(article.category) ?? [];
    const position = positionInSection.get(article) ?? -1;
    const firstAuthor = article.authors[0] as string;
    const end = articleEnd({
      story: article,
      related:
        article.related === false
          ? []
          : pinnedThenChosen(
              article.related.flatMap((url) => byUrl.get(url) ?? []).filter(linkable),
              (chosen[index] ?? []).map((i) => content.articles[i] as Article),
              site.related.count,
            ),
      older: siblings[position + 1],
      newer: position > 0 ? siblings[position - 1] : undefined,
      byAuthor: byAuthor.get(firstAuthor) ?? [],
      inSection: siblings,
      latest: content.articles,
      linkable,
    });
    const section = context.section(article.category);
    const link = (other: Article | undefined) => other && { name: other.title, url: other.url };
    return articlePage(article, context, {
      related: end.related.map(teaser),
      moreFromAuthor: end.moreFromAuthor.length ? { ...context.author(firstAuthor), items: end.moreFromAuthor.map(teaser) } : undefined,
      previous: link(end.previous),
      next: link(end.next),
      rail: end.rail.items.length ? { ...railHeading(end.rail.scope, section), items: end.rail.items.map(teaser) } : undefined,
    });
  });
}

/** Pinned articles first, in the editor's order, then the engine's choice up to `count`. */
function pinnedThenChosen(pinned: Article[], chosen: Article[], count: number): Article[] {
  const rest = chosen.filter((article) => !pinned.includes(article));
  return [...pinned, ...rest.slice(0, Math.max(0, count - pinned.length))];
}
