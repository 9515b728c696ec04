import { createHash } from 'node:crypto';
import type { SiteModel, Teaser } from '../model/model.js';
import { fileOf } from '../routes/addresses.js';

export interface PageFingerprints {
  /** Output file (relative to the output folder) → fingerprint, for every article, archive and static page. */
  pages: Map<string, string>;
  /** One fingerprint for the pages made from templates alone (home, 404, lists): their data is shared. */
  templatePages: string;
  /**
   * Article (and static) page file → fingerprint of what the search index reads of it:
   * the page without the lists, links and comments around the story, which
   * change with other articles but are not indexed.
   */
  search: Map<string, string>;
}

// SHA-1 is enough to notice a change (nothing is trusted on it) and is
// several times faster than SHA-256 over a whole site's HTML.
const hash = (...parts: string[]): string => {
  const digest = createHash('sha1');
  for (const part of parts) digest.update(part).update('\0');
  return digest.digest('hex');
};

/**
 * What each page's HTML depends on, as a hash: its own data, the data every
 * page shares (site title, navigation), and `templateKey` (the templates and
 * the code that renders them). A page whose fingerprint has not changed since
 * the last build would come out byte for byte the same.
 */
export function fingerprintPages(model: SiteModel, templateKey: string): PageFingerprints {
  const shared = hash(templateKey, JSON.stringify(model.site));
  const listed = teaserPrints();
  const pages = new Map<string, string>();
  const search = new Map<string, string>();
  for (const page of model.articles) {
    // What the page shows around the story (not indexed, see `search`) is
    // hashed apart from the story; the body apart from the rest, as putting
    // it through JSON.stringify would cost more than everything else here.
    const { html, related, moreFromAuthor, previous, next, rail, comments, commentsHeading, commentsNote, commentForm, ...story } = page;
    const around = {
      related: related.map(listed),
      moreFromAuthor: moreFromAuthor && { ...moreFromAuthor, items: moreFromAuthor.items.map(listed) },
      previous,
      next,
      rail: rail && { ...rail, items: rail.items.map(listed) },
      comments,
      commentsHeading,
      commentsNote,
      commentForm,
    };
    const file = fileOf(page.url);
    const indexed = hash(shared, html, JSON.stringify(story));
    search.set(file, indexed);
    pages.set(file, hash(indexed, JSON.stringify(around)));
  }
  for (const page of model.archives) pages.set(fileOf(page.url), hash(shared, JSON.stringify({ ...page, items: page.items.map(listed) })));
  for (const page of model.pages) {
    const { html, ...rest } = page;
    const file = fileOf(page.url);
    const indexed = hash(shared, html, JSON.stringify(rest));
    search.set(file, indexed);
    pages.set(file, indexed);
  }
  const { home, authors, tags, heads, corrections } = model;
  return { pages, templatePages: hash(shared, JSON.stringify({ home, authors, tags, heads, corrections, search: model.search })), search };
}

/**
 * A teaser's fingerprint, made once per teaser object. The model lists the
 * same teaser object on every page that shows the story (see
 * createPageContext), and those lists are most of the pages' data: a page is
 * hashed with its teasers' fingerprints in their place. A fingerprint follows
 * the teaser's content, not the object, so a copy hashes the same.
 */
function teaserPrints(): (teaser: Teaser) => string {
  const made = new WeakMap<Teaser, string>();
  return (teaser) => {
    let print = made.get(teaser);
    if (print === undefined) {
      print = hash(JSON.stringify(teaser));
      made.set(teaser, print);
    }
    return print;
  };
}
