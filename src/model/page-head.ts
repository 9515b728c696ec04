import { serializeJsonLd } from './head/json-ld.js';
import { pageMeta } from './head/page-meta.js';
import { breadcrumbJsonLd, newsArticleJsonLd, profilePageJsonLd } from './head/structured-data.js';
import type { ArchivePage, ArticlePage, FeedLink, Head, HeadSite, Person } from './model.js';
import { absolute, feedPaths, firstPagePath, SITE_PATHS } from '../routes/addresses.js';

/** The head of an article page: meta tags, NewsArticle and breadcrumb JSON-LD, the site's feeds. */
export function articleHead(site: HeadSite, page: Omit<ArticlePage, 'head'> & { canonical: string | undefined }): Head {
  const url = absolute(site, page.url);
  const image = page.image && { url: absolute(site, page.image.src), alt: page.image.alt };
  const meta = pageMeta({
    kind: 'article',
    url,
    canonical: page.canonical,
    title: page.title,
    description: page.summary,
    siteName: site.title,
    language: site.language,
    image,
    published: page.published.iso,
    updated: page.updated?.iso,
    section: page.section.name,
    tags: page.tags.map((tag) => tag.name),
    authorUrls: page.authors.map((author) => absolute(site, author.url)),
  });
  const article = newsArticleJsonLd({
    url: meta.canonical,
    headline: page.title,
    description: page.summary,
    images: image ? [image.url] : [],
    published: page.published.iso,
    updated: page.updated?.iso,
    authors: page.authors.map((author) => ({ name: author.name, url: absolute(site, author.url), jobTitle: author.role })),
    publisher: { name: site.title, url: site.url, logo: site.logo && absolute(site, site.logo) },
    section: page.section.name,
    tags: page.tags.map((tag) => tag.name),
    language: site.language,
    corrections: page.corrections.map((correction) => ({ text: correction.text, published: correction.date.iso })),
  });
  const trail = breadcrumbJsonLd([
    { name: site.title, url: site.url },
    { name: page.section.name, url: absolute(site, page.section.url) },
    { name: page.title, url },
  ]);
  return { ...meta, jsonLd: [serializeJsonLd(article), serializeJsonLd(trail)], feeds: feedLinks(site, SITE_PATHS.home, site.title) };
}

/** The head of a section, author or tag page (every page of it), with the feeds of that archive. */
export function archiveHead(site: HeadSite, page: Omit<ArchivePage, 'head'>): Head {
  const url = absolute(site, page.url);
  const kind = page.kind === 'author' ? 'profile' : 'website';
  const image = page.person?.avatar ? { url: absolute(site, page.person.avatar), alt: page.person.name } : undefined;
  const meta = pageMeta({ kind, url, title: page.title, description: page.description, siteName: site.title, language: site.language, image });
  const jsonLd = page.person ? [serializeJsonLd(profilePageJsonLd(profileInput(site, page.person, url, page.description)))] : [];
  return { ...meta, jsonLd, feeds: feedLinks(site, firstPagePath(page.url), `${site.title}: ${page.heading}`) };
}

/** The head of a page made from templates alone: home, lists, corrections. */
export function plainHead(site: HeadSite, sitePath: string, title: string, description: string, feedsOf?: string): Head {
  const meta = pageMeta({ kind: 'website', url: absolute(site, sitePath), title, description, siteName: site.title, language: site.language });
  return { ...meta, jsonLd: [], feeds: feedsOf === undefined ? [] : feedLinks(site, feedsOf, title === site.title ? site.title : `${site.title}: ${title}`) };
}

function profileInput(site: HeadSite, person: Person, url: string, bio: string) {
  return {
    name: person.name,
    url,
    jobTitle: person.role,
    bio,
    avatar: person.avatar && absolute(site, person.avatar),
    sameAs: person.links.filter((link) => /^https?:/.test(link.url)).map((link) => link.url),
  };
}

/** The alternate links a page's head gives for its feeds, with absolute addresses. */
function feedLinks(site: { url: string }, pagePath: string, title: string): FeedLink[] {
  const paths = feedPaths(pagePath);
  return [
    { type: 'application/rss+xml', title: `${title} (RSS)`, href: absolute(site, paths.rss) },
    { type: 'application/atom+xml', title: `${title} (Atom)`, href: absolute(site, paths.atom) },
    { type: 'application/feed+json', title: `${title} (JSON Feed)`, href: absolute(site, paths.json) },
  ];
}
