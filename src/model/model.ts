import type { Picture } from '../images/picture.js';
import type { PictureSizes } from '../images/sizes.js';
import type { Image } from '../content/types.js';
import type { MetaTag } from './head/page-meta.js';
import type { SITE_PATHS } from '../routes/addresses.js';

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

/** An article's image as editors gave it, with the files made from it (missing only where none were made). */
export interface ShownImage extends Image {
  picture: Picture | undefined;
}

/** Who a teaser credits, by name only: "by Helena Marsh and Tomasz Wren", or "with Tomasz Wren" on Helena Marsh's own page. */
export interface Credit {
  lead: 'by' | 'with';
  people: Link[];
}

/** An article as it appears in lists. */
export interface Teaser {
  url: string;
  title: string;
  summary: string;
  authors: Byline[];
  section: Link;
  published: Stamp;
  /** The publication date alone, as a newspaper prints it under a headline in a list: "14 March 2025". */
  day: string;
  /** The section named on the teaser; undefined where the page is that section's own. */
  label: Link | undefined;
  /** The teaser's byline; undefined on the page of the story's only author. */
  credit: Credit | undefined;
  image: ShownImage | undefined;
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
  /** "More from <first author>", leaving out what is shown above and previous / next. */
  moreFromAuthor: MoreList | undefined;
  /** Older and newer articles in the same section; each left out when "You may also like" shows it. */
  previous: Link | undefined;
  next: Link | undefined;
  /** The section's newest stories (the site's latest when the section has too few), none shown elsewhere on the page: beside the story on wide screens, after its end on narrow ones. */
  rail: Rail | undefined;
  /** Dated notes of what was corrected, oldest first. */
  corrections: Correction[];
  /** Old site paths that redirect here. */
  aliases: string[];
  /** Approved readers' comments, oldest first, each with its replies. Empty when comments are off site-wide. */
  comments: CommentView[];
  /** The comments section's heading, counting replies: "3 comments". Empty when the page has no comments section. */
  commentsHeading: string;
  /** What the section says about taking comments: "No comments yet.", "Comments are closed."; undefined under a list with its form. */
  commentsNote: string | undefined;
  /** Undefined when no endpoint is set, comments are off site-wide, or closed on this article. */
  commentForm: CommentForm | undefined;
  /** Set when the body has an embed: the page loads the embeds' stylesheet, and the script that swaps facades for frames when one has a frame. */
  embeds?: EmbedAssets | undefined;
  /** Year of publication in the site's timezone: a search filter. */
  year: string;
  /** Publication time in UTC (ISO 8601), which sorts as text: search results by date. */
  sortDate: string;
  head: Head;
}

/** What an article page with embeds loads, and the frame origins (space-separated) the script checks before loading any. */
export interface EmbedAssets {
  /** Site path of public/css/embeds.css, its name carrying a hash of its bytes. */
  stylesheet: string;
  /** Site path of public/js/embeds.js; undefined when every embed is a link card. */
  script: string | undefined;
  origins: string;
}

export interface Correction {
  date: Stamp;
  text: string;
  /** Fragment id of the note on the article page: `correction-1` for the first. */
  anchor: string;
}

/** A reader's comment under an article. */
export interface CommentView {
  /** Fragment id on the article page: `comment-` and the file name. */
  id: string;
  name: string;
  date: Stamp;
  /** Sanitized HTML of the body. */
  html: string;
  /** Answers to this comment, oldest first; always empty for a reply (threads are one level deep). */
  replies: CommentView[];
}

/** The "Leave a comment" form, which posts to the newsroom's endpoint for moderation. */
export interface CommentForm {
  /** The endpoint from site.yml. */
  action: string;
  /** Sent in the hidden `article` field: the folder under content/comments/ an approved comment goes in. */
  articleSlug: string;
  /** Comments a reader may answer (the top-level ones), for the `reply-to` choice. */
  replyTargets: { id: string; label: string }[];
  /** The longest name the schema accepts. */
  nameMaxLength: number;
}

/** A compact list of stories (headline and time) under a linked heading, beside the story. */
export interface Rail {
  /** "Latest in News", or "Latest" for the site's. */
  heading: string;
  /** Where the heading links: the section's page, or the home page. */
  url: string;
  items: Teaser[];
}

/** A short list of further stories under a linked heading. */
export interface MoreList extends Link {
  items: Teaser[];
}

export interface Person {
  name: string;
  role: string | undefined;
  avatar: string | undefined;
  /** The avatar in the widths encoded for it. */
  avatarPicture: Picture | undefined;
  links: Link[];
}

/** A page such as About or the ethics policy: the site's layout around a body, with no byline, date line, related links or comments. */
export interface PageView {
  /** Where the page was written, for messages. */
  source: string;
  url: string;
  title: string;
  /** The meta description: the summary, or the body's first paragraph. */
  summary: string;
  html: string;
  updated: Stamp | undefined;
  /** Set only for a draft shown by --drafts. */
  banner: string | undefined;
  /** Set when the body has an embed, as for an article. */
  embeds?: EmbedAssets | undefined;
  head: Head;
}

/** An old site path and the site path readers are sent on to. */
export interface RedirectLink {
  from: string;
  to: string;
}

export interface ArchivePage {
  source: string;
  kind: 'section' | 'author' | 'tag';
  url: string;
  /** Says what kind of page this is, above the heading: "Topic" on a tag's page. */
  kicker: string | undefined;
  /** The page's own heading: the section, the author, or the tag. */
  heading: string;
  /** A line under the heading: the section's description from its file. */
  standfirst: string | undefined;
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
  head: Head;
}

/** A section's block on the home page: its newest stories not shown above, and the link to the rest. */
export interface SectionBlock extends Link {
  items: Teaser[];
  /** The words of the link to the section page: "More News". */
  more: string;
}

/** The home page, front to back: one lead story, the next few, then a block per section; no story twice. */
export interface HomePage {
  lead: Teaser | undefined;
  secondary: Teaser[];
  sections: SectionBlock[];
}

/** What the search page offers when nothing is found. */
export interface SearchPageView {
  sections: Link[];
  /** The most used topics, most used first. */
  topics: Link[];
}

/** A correction as listed on the corrections page and in its feed. */
export interface CorrectionEntry extends Correction {
  article: Teaser;
}

export interface SiteModel {
  site: {
    title: string;
    url: string;
    language: string;
    description: string;
    nav: Link[];
    /** The pages the footer links to (About, Ethics policy…), in the order site.yml lists them. */
    footer: Link[];
    /** Site path of the publisher's logo. */
    logo: string | undefined;
    /** What the masthead shows: the logo when site.yml's theme asks for it (its alt text is the title), else the title in type. */
    masthead: { logo: string | undefined };
    /** Site path of the stylesheet, its name carrying a hash of its bytes. */
    stylesheet: string;
    /** Site path of the search page's script, its name carrying a hash of its bytes. */
    searchScript: string;
    /** The `sizes` attribute of pictures in each place they are shown. */
    pictureSizes: PictureSizes;
    /** The addresses templates link to (home, lists, search, the site's feed), from the address plan. */
    paths: typeof SITE_PATHS;
    /** A preview (drafts or scheduled stories shown): every page asks search engines not to index it, and robots.txt turns crawlers away. */
    noindex: boolean;
  };
  /** Heads of the pages made from templates alone. */
  heads: { home: Head; authors: Head; tags: Head; corrections: Head; search: Head };
  /** Every correction, newest first. */
  corrections: CorrectionEntry[];
  /** The parts of the search index, folders under pagefind/, newest first (see searchShards). */
  search: { shards: string[] };
  articles: ArticlePage[];
  archives: ArchivePage[];
  /** Pages such as About, in file order. */
  pages: PageView[];
  /** Every old address kept working: of published articles and pages, of sections, and site.yml's, in that order. */
  redirects: RedirectLink[];
  home: HomePage;
  searchPage: SearchPageView;
  authors: (Link & { role: string | undefined; avatar: string | undefined; avatarPicture: Picture | undefined })[];
  tags: (Link & { count: number })[];
}

/** Everything a page's `<head>` prints beyond charset, viewport and stylesheet. */
export interface Head {
  title: string;
  canonical: string;
  meta: MetaTag[];
  /** Serialized JSON-LD blocks, safe to print inside a script element as they are. */
  jsonLd: string[];
  /** `<link rel="alternate">` to the feeds that mirror this page. */
  feeds: FeedLink[];
}

/** What every head needs to know about the site. */
export interface HeadSite {
  title: string;
  url: string;
  language: string;
  description: string;
  /** Site path of the logo, when the site has one. */
  logo: string | undefined;
}

/** One `<link rel="alternate">` to a feed. */
export interface FeedLink {
  type: string;
  title: string;
  href: string;
}
