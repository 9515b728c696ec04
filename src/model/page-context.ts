import { createDateFormatter, isoInZone } from '../content/dates.js';
import type { Article, Content, ContentDate } from '../content/types.js';
import type { PictureSet } from '../images/picture.js';
import type { RenderedMarkdown } from '../markdown/render.js';
import { authorPath, sectionPath, tagPath } from '../routes/addresses.js';
import { compareText } from '../util/problems.js';
import type { CommentContext } from './comment-threads.js';
import { fullCredit } from './teaser-context.js';
import type { Byline, HeadSite, Link, Stamp, Teaser } from './model.js';

/** For callers without processed images (unit tests): every image is shown as a plain `<img>`. */
export const NO_PICTURES: PictureSet = { lead: new Map(), avatar: new Map() };

/** What turning one article into a page needs to know about the rest of the site. */
export interface PageContext {
  stamp(date: ContentDate): Stamp;
  teaser(article: Article): Teaser;
  tagLink(slug: string): Link;
  /** A section as a link, by slug. */
  section(slug: string): Link;
  /** An author as a link, by slug. */
  author(slug: string): Link;
  rendered(file: string): RenderedMarkdown;
  tagNames: Map<string, { name: string; articles: Article[] }>;
  site: HeadSite;
  comments: CommentContext;
  pictures: PictureSet;
  /** Site paths of public/'s embed stylesheet and script, as published (hashed names): pages with an embed load them. */
  embedAssets: { stylesheet: string; script: string };
}

/** The stylesheet and page script for embeds, in public/: only pages with an embed load them. */
const EMBED_STYLESHEET = 'css/embeds.css';
const EMBED_SCRIPT = 'js/embeds.js';

/** Lookups shared by every page, made once per build. */
export function createPageContext(
  content: Content,
  rendered: (file: string) => RenderedMarkdown,
  pictures: PictureSet = NO_PICTURES,
  assets: ReadonlyMap<string, string> = new Map(),
): PageContext {
  const { site } = content;
  const formatDate = createDateFormatter(site.language, site.timezone);
  const stamp = (date: ContentDate): Stamp => ({ iso: isoInZone(date.epoch, site.timezone), display: formatDate(date) });
  const sections = new Map(content.categories.map((c) => [c.slug, { name: c.name, url: sectionPath(c.slug) }]));
  const section = (slug: string): Link => sections.get(slug) ?? { name: slug, url: sectionPath(slug) };
  const people = new Map(content.authors.map((a) => [a.slug, a]));
  const author = (slug: string): Link => ({ name: people.get(slug)?.name ?? slug, url: authorPath(slug) });
  const byline = (slug: string): Byline => ({ ...author(slug), role: people.get(slug)?.role });
  const teasers = new Map<Article, Teaser>();
  const teaser = (article: Article): Teaser => {
    let made = teasers.get(article);
    if (!made) {
      const published = stamp(article.date);
      const authors = article.authors.map(byline);
      made = {
        url: article.url,
        title: article.title,
        summary: article.summary ?? rendered(article.file).firstParagraph,
        authors,
        section: section(article.category),
        published,
        // Lists date a story by its day; the hour is for the story's own page.
        day: formatDate({ epoch: article.date.epoch, hasTime: false }),
        label: section(article.category),
        credit: fullCredit(authors),
        image: article.image && { ...article.image, picture: pictures.lead.get(article.image.src) },
        banner:
          article.status === 'draft'
            ? 'Draft: not published'
            : article.status === 'scheduled'
              ? `Scheduled: not published before ${published.display}`
              : undefined,
      };
      teasers.set(article, made);
    }
    return made;
  };
  const tagNames = tagDisplayNames(content.articles);
  const tagLink = (slug: string): Link => ({ name: tagNames.get(slug)?.name ?? slug, url: tagPath(slug) });
  const headSite: HeadSite = { title: site.title, url: site.url, language: site.language, description: site.description ?? '', logo: site.logo };
  const comments: CommentContext = { settings: site.comments, stamp, html: (file) => rendered(file).html };
  const embedAssets = { stylesheet: `/${assets.get(EMBED_STYLESHEET) ?? EMBED_STYLESHEET}`, script: `/${assets.get(EMBED_SCRIPT) ?? EMBED_SCRIPT}` };
  return { stamp, teaser, tagLink, section, author, rendered, tagNames, site: headSite, comments, pictures, embedAssets };
}

/**
 * Tags by slug, each shown with its most used spelling ("City Council" over
 * "city council"), ties to the first in code-point order, and its articles.
 */
function tagDisplayNames(articles: readonly Article[]): Map<string, { name: string; articles: Article[] }> {
  const spellings = new Map<string, Map<string, number>>();
  const tagged = new Map<string, Article[]>();
  for (const article of articles) {
    for (const tag of article.tags) {
      const counts = spellings.get(tag.slug) ?? new Map<string, number>();
      counts.set(tag.name, (counts.get(tag.name) ?? 0) + 1);
      spellings.set(tag.slug, counts);
      const list = tagged.get(tag.slug) ?? [];
      list.push(article);
      tagged.set(tag.slug, list);
    }
  }
  const result = new Map<string, { name: string; articles: Article[] }>();
  for (const slug of [...spellings.keys()].sort(compareText)) {
    const counts = [...(spellings.get(slug) ?? [])].sort(([a, x], [b, y]) => y - x || compareText(a, b));
    result.set(slug, { name: counts[0]?.[0] ?? slug, articles: tagged.get(slug) ?? [] });
  }
  return result;
}
