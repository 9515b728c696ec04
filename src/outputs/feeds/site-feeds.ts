import { createHash } from 'node:crypto';
import type { ArchivePage, ArticlePage, SiteModel } from '../../model/model.js';
import type { OutputFile } from '../seo/sitemaps.js';
import { codeKey } from '../../util/code-key.js';
import { absolute, feedPaths, firstPagePath, SITE_PATHS } from '../../routes/addresses.js';
import { htmlText } from '../../util/xml-text.js';
import { renderAtom } from './atom.js';
import type { FeedInput, FeedItem } from './feed-input.js';
import { renderJsonFeed } from './json-feed.js';
import { renderRss } from './rss.js';

/** Stories in the whole site's feeds. */
export const SITE_FEED_ITEMS = 50;
/** Stories in each section's, author's and tag's feeds. */
export const ARCHIVE_FEED_ITEMS = 20;

/**
 * Every feed of the site, each as RSS 2.0, Atom and JSON Feed 1.1: the whole
 * site, every section, author and tag, and the corrections. Published
 * articles only; drafts and scheduled ones (shown with a banner) never.
 * Each file carries a key, a fingerprint of its feed's input and of our
 * code, and is written only when its `content` is read: a build keeps the
 * last build's file when the key is the same (see makeExtras), which for
 * one story changed is all but the few feeds it is in.
 */
export function* siteFeeds(model: SiteModel): Generator<OutputFile<Buffer> & { key: string }> {
  const { site } = model;
  const address = (sitePath: string) => absolute(site, sitePath);
  const published = model.articles.filter((page) => !page.banner);
  // One item per article, shared by every feed it is in: its content is made absolute once.
  const items = new Map(published.map((page) => [page.url, feedItem(page, address)]));
  const feed = (pagePath: string, title: string, description: string, feedItems: FeedItem[]): [string, FeedInput] => {
    const paths = feedPaths(pagePath);
    return [pagePath, {
      title,
      description,
      language: site.language,
      homeUrl: address(pagePath),
      feedUrls: { rss: address(paths.rss), atom: address(paths.atom), json: address(paths.json) },
      siteUrl: site.url,
      items: feedItems,
    }];
  };
  const archives = archivesByAddress(model.archives);
  const archiveItems = (pages: ArchivePage[]): FeedItem[] => {
    const chosen: FeedItem[] = [];
    for (const url of pages.flatMap((page) => page.items.map((item) => item.url))) {
      const item = items.get(url);
      if (item) chosen.push(item);
      if (chosen.length === ARCHIVE_FEED_ITEMS) break;
    }
    return chosen;
  };
  const feeds: [string, FeedInput][] = [
    feed(SITE_PATHS.home, site.title, site.description, published.slice(0, SITE_FEED_ITEMS).map((page) => items.get(page.url) as FeedItem)),
    ...[...archives].map(([url, pages]) => feed(url, `${site.title}: ${pages[0]?.heading}`, pages[0]?.description ?? '', archiveItems(pages))),
    feed(
      SITE_PATHS.corrections,
      `${site.title}: Corrections`,
      `Corrections and clarifications published by ${site.title}`,
      model.corrections.slice(0, SITE_FEED_ITEMS).map((entry) => ({
        url: `${address(entry.article.url)}#${entry.anchor}`,
        title: `Correction: ${entry.article.title}`,
        summary: entry.text,
        contentHtml: `<p>${htmlText(entry.text)}</p>`,
        published: entry.date.iso,
        authors: entry.article.authors.map((author) => ({ name: author.name, url: address(author.url) })),
        categories: [entry.article.section.name],
      })),
    ),
  ];
  const key = feedKeys();
  // One file at a time: the caller writes each before the next is made.
  for (const [pagePath, input] of feeds) {
    const paths = feedPaths(pagePath);
    const inputKey = key(input);
    yield keyedFile(paths.rss.slice(1), inputKey, () => renderRss(input));
    yield keyedFile(paths.atom.slice(1), inputKey, () => renderAtom(input));
    yield keyedFile(paths.json.slice(1), inputKey, () => renderJsonFeed(input));
  }
}

/** A file whose content is made when read. */
function keyedFile(file: string, key: string, render: () => Buffer): OutputFile<Buffer> & { key: string } {
  return {
    path: file,
    key,
    get content() {
      return render();
    },
  };
}

/**
 * A feed input's fingerprint: our code, the feed's own fields and each
 * item's. An article's item is in many feeds and is hashed once (its
 * content apart, which JSON would have to escape).
 */
function feedKeys(): (input: FeedInput) => string {
  const code = codeKey();
  const itemKeys = new WeakMap<FeedItem, string>();
  const itemKey = (item: FeedItem): string => {
    let made = itemKeys.get(item);
    if (made === undefined) {
      made = createHash('sha1').update(item.contentHtml).update('\0').update(JSON.stringify({ ...item, contentHtml: undefined })).digest('hex');
      itemKeys.set(item, made);
    }
    return made;
  };
  return (input) =>
    createHash('sha1')
      .update(code)
      .update('\0')
      .update(JSON.stringify({ ...input, items: input.items.map(itemKey) }))
      .digest('hex');
}

function feedItem(page: ArticlePage, absolute: (sitePath: string) => string): FeedItem {
  return {
    url: absolute(page.url),
    title: page.title,
    summary: page.summary,
    contentHtml: page.html,
    published: page.published.iso,
    updated: page.updated?.iso,
    authors: page.authors.map((author) => ({ name: author.name, url: absolute(author.url) })),
    categories: [page.section.name, ...page.tags.map((tag) => tag.name)],
    image: page.image && { url: absolute(page.image.src), alt: page.image.alt },
  };
}

/** The pages of each archive (section, author, tag) under the address of its first page, in page order. */
function archivesByAddress(pages: readonly ArchivePage[]): Map<string, ArchivePage[]> {
  const byAddress = new Map<string, ArchivePage[]>();
  for (const page of pages) {
    const first = firstPagePath(page.url);
    const list = byAddress.get(first);
    if (list) list.push(page);
    else byAddress.set(first, [page]);
  }
  return byAddress;
}
