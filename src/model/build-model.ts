import { createDateFormatter, isoInZone } from '../content/dates.js';
import type { PictureSet } from '../images/picture.js';
import { PICTURE_SIZES } from '../images/sizes.js';
import type { RenderedMarkdown } from '../markdown/render.js';
import { compareText, error, type Problem } from '../util/problems.js';
import { relatedArticles } from '../related/engine.js';
import { NO_TERMS, type TermCounts } from '../related/terms.js';
import type { Article, Author, Content, ContentDate } from '../content/types.js';
import type { ArchivePage, ArticlePage, Byline, CorrectionEntry, Link, Person, SiteModel, Stamp, Teaser } from './model.js';
import { articleComments, type CommentContext } from './comment-threads.js';
import { archiveHead, articleHead, plainHead, type HeadSite } from './page-head.js';
import { paginate } from './paginate.js';
import { searchShards } from '../routes/search-parts.js';

/** For callers without processed images (unit tests): every image is shown as a plain `<img>`. */
const NO_PICTURES: PictureSet = { lead: new Map(), avatar: new Map() };

/** Words a reader gets through in a minute, for "4 min read". */
const WORDS_PER_MINUTE = 230;
const HOME_LATEST = 5;
const HOME_PER_SECTION = 4;

const AUTHOR_LINK_LABELS = {
  website: 'Website',
  email: 'E-mail',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  x: 'X',
  linkedin: 'LinkedIn',
  github: 'GitHub',
} as const;

/** What turning one article into a page needs to know about the rest of the site. */
export interface PageContext {
  stamp(date: ContentDate): Stamp;
  teaser(article: Article): Teaser;
  tagLink(slug: string): Link;
  rendered(file: string): RenderedMarkdown;
  tagNames: Map<string, { name: string; articles: Article[] }>;
  site: HeadSite;
  comments: CommentContext;
}

/** Lookups shared by every page, made once per build. */
export function createPageContext(
  content: Content,
  rendered: (file: string) => RenderedMarkdown,
  pictures: PictureSet = NO_PICTURES,
): PageContext {
  const { site } = content;
  const formatDate = createDateFormatter(site.language, site.timezone);
  const stamp = (date: ContentDate): Stamp => ({ iso: isoInZone(date.epoch, site.timezone), display: formatDate(date) });
  const sections = new Map(content.categories.map((c) => [c.slug, { name: c.name, url: `/${c.slug}/` }]));
  const people = new Map(content.authors.map((a) => [a.slug, a]));
  const byline = (slug: string): Byline => {
    const person = people.get(slug);
    return { name: person?.name ?? slug, role: person?.role, url: `/authors/${slug}/` };
  };
  const teasers = new Map<Article, Teaser>();
  const teaser = (article: Article): Teaser => {
    let made = teasers.get(article);
    if (!made) {
      const published = stamp(article.date);
      made = {
        url: article.url,
        title: article.title,
        summary: article.summary ?? rendered(article.file).firstParagraph,
        authors: article.authors.map(byline),
        section: sections.get(article.category) ?? { name: article.category, url: `/${article.category}/` },
        published,
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
  const tagLink = (slug: string): Link => ({ name: tagNames.get(slug)?.name ?? slug, url: `/tags/${slug}/` });
  const headSite: HeadSite = { title: site.title, url: site.url, language: site.language, description: site.description ?? '', logo: site.logo };
  const comments: CommentContext = { settings: site.comments, stamp, html: (file) => rendered(file).html };
  return { stamp, teaser, tagLink, rendered, tagNames, site: headSite, comments };
}

/** The parts of an article page that depend on other articles. */
export type ArticleLinks = Pick<ArticlePage, 'related' | 'moreFromAuthor' | 'moreInSection' | 'previous' | 'next'>;

/** Stories in each "More from" and "More in" list. */
const MORE_ITEMS = 4;

/** One article's page, given the links that depend on other articles. */
export function articlePage(
  article: Article,
  context: PageContext,
  links: ArticleLinks,
): ArticlePage {
  const body = context.rendered(article.file);
  const teaser = context.teaser(article);
  const page = {
    ...teaser,
    source: article.file,
    html: body.html,
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
  return { ...page, head: articleHead(context.site, { ...page, canonical: article.canonical }) };
}

/**
 * Turn validated content and its rendered Markdown into the pages of the
 * site: every link resolved, every date formatted, every list paginated.
 * Pure: the same input always gives the same model.
 */
export function buildSiteModel(
  content: Content,
  rendered: (file: string) => RenderedMarkdown,
  terms: (file: string) => TermCounts = () => NO_TERMS,
  assets: ReadonlyMap<string, string> = new Map(),
  pictures: PictureSet = NO_PICTURES,
): { model: SiteModel; problems: Problem[] } {
  const { site } = content;
  const context = createPageContext(content, rendered, pictures);
  const { teaser, tagNames } = context;
  const sections = new Map(content.categories.map((c) => [c.slug, { name: c.name, url: `/${c.slug}/` }]));
  const people = new Map(content.authors.map((a) => [a.slug, { name: a.name, url: `/authors/${a.slug}/` }]));
  const inSection = groupBy(content.articles, (a) => [a.category]);
  const byAuthor = groupBy(content.articles, (a) => a.authors);
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

  const articles: ArticlePage[] = content.articles.map((article, index) => {
    const siblings = inSection.get(article.category) ?? [];
    const position = positionInSection.get(article) ?? -1;
    const older = siblings[position + 1];
    const newer = position > 0 ? siblings[position - 1] : undefined;
    const related =
      article.related === false
        ? []
        : pinnedThenChosen(
            article.related.flatMap((url) => byUrl.get(url) ?? []).filter(linkable),
            (chosen[index] ?? []).map((i) => content.articles[i] as Article),
            site.related.count,
          );
    const shown = new Set<Article>([article, ...related]);
    // Stops at the first few: an author's or a section's list runs to thousands.
    const more = (list: readonly Article[] | undefined) => {
      const items: Teaser[] = [];
      for (const other of list ?? []) {
        if (items.length === MORE_ITEMS) break;
        if (!linkable(other) || shown.has(other)) continue;
        shown.add(other);
        items.push(teaser(other));
      }
      return items;
    };
    const firstAuthor = article.authors[0] as string;
    const fromAuthor = more(byAuthor.get(firstAuthor));
    const inItsSection = more(inSection.get(article.category));
    return articlePage(article, context, {
      related: related.map(teaser),
      moreFromAuthor: fromAuthor.length ? { ...(people.get(firstAuthor) ?? { name: firstAuthor, url: `/authors/${firstAuthor}/` }), items: fromAuthor } : undefined,
      moreInSection: inItsSection.length ? { ...(sections.get(article.category) ?? { name: article.category, url: `/${article.category}/` }), items: inItsSection } : undefined,
      previous: older ? { name: older.title, url: older.url } : undefined,
      next: newer ? { name: newer.title, url: newer.url } : undefined,
    });
  });

  const archives: ArchivePage[] = [
    ...content.categories.flatMap((category) =>
      archivePages(
        context.site,
        (inSection.get(category.slug) ?? []).map(teaser),
        site.perPage,
        {
          source: category.file,
          kind: 'section',
          url: `/${category.slug}/`,
          heading: category.name,
          description: category.description ?? rendered(category.file).firstParagraph,
          introHtml: rendered(category.file).html,
          person: undefined,
        },
      ),
    ),
    ...content.authors.flatMap((author) =>
      archivePages(
        context.site,
        (byAuthor.get(author.slug) ?? []).map(teaser),
        site.perPage,
        {
          source: author.file,
          kind: 'author',
          url: `/authors/${author.slug}/`,
          heading: author.name,
          description: rendered(author.file).firstParagraph || (author.role ? `${author.name}, ${author.role}` : author.name),
          introHtml: rendered(author.file).html,
          person: person(author, pictures),
        },
      ),
    ),
    ...[...tagNames].flatMap(([slug, { name, articles: tagged }]) =>
      archivePages(context.site, tagged.map(teaser), site.perPage, {
        source: `tag "${name}"`,
        kind: 'tag',
        url: `/tags/${slug}/`,
        heading: name,
        description: `Stories tagged ${name}`,
        introHtml: undefined,
        person: undefined,
      }),
    ),
  ];

  const latest = content.articles.slice(0, HOME_LATEST);
  const corrections: CorrectionEntry[] = content.articles
    .flatMap((article, index) => (linkable(article) ? (articles[index]?.corrections ?? []).map((correction) => ({ ...correction, article: teaser(article) })) : []))
    .sort((a, b) => compareText(b.date.iso, a.date.iso) || compareText(a.article.url, b.article.url));
  const headSite = context.site;
  const model: SiteModel = {
    site: {
      title: site.title,
      url: site.url,
      language: site.language,
      description: site.description ?? '',
      nav: [...sections.values()],
      logo: site.logo,
      stylesheet: `/${assets.get('css/site.css') ?? 'css/site.css'}`,
      pictureSizes: PICTURE_SIZES,
      searchScript: `/${assets.get('js/search.js') ?? 'js/search.js'}`,
    },
    heads: {
      home: plainHead(headSite, '/', site.title, site.description ?? '', '/'),
      authors: plainHead(headSite, '/authors/', 'Our journalists', `The reporters and editors of ${site.title}`),
      tags: plainHead(headSite, '/tags/', 'Topics', `Every topic ${site.title} covers`),
      corrections: plainHead(headSite, '/corrections/', 'Corrections', `Corrections and clarifications published by ${site.title}`, '/corrections/'),
      search: plainHead(headSite, '/search/', 'Search', `Search the stories of ${site.title}`),
    },
    corrections,
    search: { shards: searchShards(articles).map((shard) => shard.name) },
    articles,
    archives,
    home: {
      latest: latest.map(teaser),
      sections: content.categories
        .map((category) => ({
          ...(sections.get(category.slug) as Link),
          items: (inSection.get(category.slug) ?? [])
            .filter((a) => !latest.includes(a))
            .slice(0, HOME_PER_SECTION)
            .map(teaser),
        }))
        .filter((block) => block.items.length > 0),
    },
    authors: content.authors.map((a) => ({
      name: a.name,
      role: a.role,
      avatar: a.avatar,
      avatarPicture: a.avatar ? pictures.avatar.get(a.avatar) : undefined,
      url: `/authors/${a.slug}/`,
    })),
    tags: [...tagNames]
      .map(([slug, { name, articles: tagged }]) => ({ name, url: `/tags/${slug}/`, count: tagged.length }))
      .sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.url, b.url)),
  };
  return { model, problems: urlCollisions(model) };
}

function archivePages(
  site: HeadSite,
  items: Teaser[],
  perPage: number,
  page: Omit<ArchivePage, 'items' | 'pageNumber' | 'pageCount' | 'previousUrl' | 'nextUrl' | 'title' | 'head'>,
): ArchivePage[] {
  return paginate(items, perPage, page.url).map((part) => {
    const archive = {
      ...page,
      ...part,
      title: part.pageNumber === 1 ? page.heading : `${page.heading} (page ${part.pageNumber} of ${part.pageCount})`,
    };
    return { ...archive, head: archiveHead(site, archive) };
  });
}


function person(author: Author, pictures: PictureSet): Person {
  const links = Object.entries(author.links).flatMap(([key, value]) =>
    value
      ? [
          {
            name: AUTHOR_LINK_LABELS[key as keyof typeof AUTHOR_LINK_LABELS] ?? key,
            url: key === 'email' ? `mailto:${value}` : value,
          },
        ]
      : [],
  );
  return {
    name: author.name,
    role: author.role,
    avatar: author.avatar,
    avatarPicture: author.avatar ? pictures.avatar.get(author.avatar) : undefined,
    links,
  };
}

/** Pinned articles first, in the editor's order, then the engine's choice up to `count`. */
function pinnedThenChosen(pinned: Article[], chosen: Article[], count: number): Article[] {
  const rest = chosen.filter((article) => !pinned.includes(article));
  return [...pinned, ...rest.slice(0, Math.max(0, count - pinned.length))];
}

/** Articles by each of their keys (section, authors), keeping the newest-first order. */
function groupBy(articles: readonly Article[], keys: (article: Article) => readonly string[]): Map<string, Article[]> {
  const groups = new Map<string, Article[]>();
  for (const article of articles) {
    for (const key of keys(article)) {
      const group = groups.get(key);
      if (group) group.push(article);
      else groups.set(key, [article]);
    }
  }
  return groups;
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

/** Page addresses are made only of validated slugs and digits; anything else is a bug, never written. */
const SAFE_PAGE_URL = /^\/(?:[a-z0-9-]+\/)*$/;

/** Two pages at one address would overwrite each other; name both sources. */
function urlCollisions(model: SiteModel): Problem[] {
  const owners = new Map<string, string>([
    ['/', 'the home page'],
    ['/authors/', 'the list of authors'],
    ['/tags/', 'the list of tags'],
    ['/search/', 'the search page'],
  ]);
  const problems: Problem[] = [];
  for (const page of [...model.articles, ...model.archives]) {
    if (!SAFE_PAGE_URL.test(page.url)) throw new Error(`unsafe page address ${JSON.stringify(page.url)} from ${page.source}`);
    const owner = owners.get(page.url);
    if (owner) {
      problems.push(
        error(page.source.startsWith('tag "') ? 'site.yml' : page.source, `the address ${page.url} is also used by ${owner}`, {
          hint: 'change the slug, the file name or the permalink pattern in site.yml',
        }),
      );
    } else {
      owners.set(page.url, page.source);
    }
  }
  return problems;
}
