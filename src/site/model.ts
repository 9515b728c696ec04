import type { Image } from '../types.js';

/*
 * What the templates receive: everything already decided, formatted and
 * linked, so that templates only loop and print.
 */

export interface Link {
  name: string;
  url: string;
}

/** A moment as a reader sees it and as machines read it. */
export interface Stamp {
  iso: string;
  display: string;
}

export interface Byline extends Link {
  role: string | undefined;
}

/** An article as it appears in lists. */
export interface Teaser {
  url: string;
  title: string;
  summary: string;
  authors: Byline[];
  section: Link;
  published: Stamp;
  image: Image | undefined;
  /** Set only for drafts and scheduled articles shown by --drafts / --future. */
  banner: string | undefined;
}

export interface ArticlePage extends Teaser {
  /** Where the article was written, for messages. */
  source: string;
  html: string;
  updated: Stamp | undefined;
  readingMinutes: number;
  tags: Link[];
  /** "You may also like": pinned articles first, then the engine's choice. Empty when turned off. */
  related: Teaser[];
  /** "More from <first author>", leaving out what is shown above. */
  moreFromAuthor: MoreList | undefined;
  /** "More in <section>", leaving out what is shown above. */
  moreInSection: MoreList | undefined;
  /** Older and newer articles in the same section. */
  previous: Link | undefined;
  next: Link | undefined;
}

/** A short list of further stories under a linked heading. */
export interface MoreList extends Link {
  items: Teaser[];
}

export interface Person {
  name: string;
  role: string | undefined;
  avatar: string | undefined;
  links: Link[];
}

export interface ArchivePage {
  source: string;
  kind: 'section' | 'author' | 'tag';
  url: string;
  /** The page's own heading: the section, the author, or the tag. */
  heading: string;
  /** For `<title>`: the heading, with the page number after the first. */
  title: string;
  description: string;
  introHtml: string | undefined;
  person: Person | undefined;
  items: Teaser[];
  pageNumber: number;
  pageCount: number;
  previousUrl: string | undefined;
  nextUrl: string | undefined;
}

export interface SectionBlock extends Link {
  items: Teaser[];
}

export interface SiteModel {
  site: {
    title: string;
    url: string;
    language: string;
    description: string;
    nav: Link[];
  };
  articles: ArticlePage[];
  archives: ArchivePage[];
  home: { latest: Teaser[]; sections: SectionBlock[] };
  authors: (Link & { role: string | undefined; avatar: string | undefined })[];
  tags: (Link & { count: number })[];
}
