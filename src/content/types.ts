import type { ContentDate } from './dates.js';
import type {
  ArticleFrontMatter,
  AuthorFrontMatter,
  CategoryFrontMatter,
  CommentFields,
  ImageFrontMatter,
  PageFrontMatter,
  SiteSettings,
} from './schema.js';

export type { ContentDate } from './dates.js';

/** `site.yml` after validation; `url` always ends with `/`. */
export type Site = SiteSettings;

export type Image = ImageFrontMatter;

/** A Markdown file as read from disk. */
export interface SourceFile {
  /** The path shown to editors (relative to the working directory). */
  path: string;
  text: string;
}

/** Where a content file and its body start, for messages about it. */
interface Located {
  file: string;
  bodyLine: number;
}

/** Authors and sections keep their Markdown (bio, introduction) until it is rendered with the rest. */
interface WithBody {
  body: string;
}

export interface Author extends Located, WithBody, AuthorFrontMatter {
  slug: string;
}

export interface Category extends Located, WithBody, CategoryFrontMatter {
  slug: string;
}

/** A page such as About or the ethics policy: not news, so no byline, date, section or tags. */
export interface Page extends Located, Omit<PageFrontMatter, 'permalink' | 'draft'> {
  slug: string;
  /** Site path of the page: its `permalink`, or `/<slug>/`. */
  url: string;
  /** `draft: true`: built only with `--drafts`, and then with a banner. */
  draft: boolean;
  /** Images in the body to encode like a lead image, with where each is written (see body-references.ts). */
  bodyImages?: { src: string; at: { line: number; column: number } }[] | undefined;
  /** The articles the body's "Read more" blocks name, in body order (undefined for one that names none). */
  readMore?: ({ url: string; title: string } | undefined)[] | undefined;
}

export interface Tag {
  /** As the editor wrote it. */
  name: string;
  slug: string;
}

/** Published, or shown only because `--drafts` / `--future` asked for it. */
export type ArticleStatus = 'published' | 'draft' | 'scheduled';

/** A comment file as the loader found it, with the article folder it sits in. */
export interface CommentSource extends SourceFile {
  /** The folder under `content/comments/`, with `/`: an article slug, or section/slug. Empty for a file directly in `comments/`. */
  folder: string;
}

/** An approved reader's comment, checked against its article and the other comments. */
export interface Comment extends Omit<CommentFields, 'reply-to'> {
  /** The file name without `.yml`; unique among the article's comments. */
  id: string;
  file: string;
  /** The id of the top-level comment this one answers. */
  replyTo: string | undefined;
}

/** Readers' comments on one article. */
export interface ArticleComments {
  /** `comments: false` in the front matter closes the article to new comments; approved ones are still shown. */
  open: boolean;
  /** What the comment form sends as the article: its slug, or section/slug where two sections use the slug. */
  folder: string;
  /** Oldest first, replies included (each names its parent). */
  approved: Comment[];
}

export interface Article extends Located, Omit<ArticleFrontMatter, 'tags' | 'slug' | 'draft' | 'scheduled' | 'related' | 'comments'> {
  slug: string;
  tags: Tag[];
  /** `false`: no related links. Otherwise the site paths of pinned articles, in order (often none). */
  related: false | string[];
  comments: ArticleComments;
  status: ArticleStatus;
  /** Site path of the article page, e.g. `/news/harbour-opens/`. */
  url: string;
  /** Images in the body to encode like a lead image, with where each is written (see body-references.ts). */
  bodyImages?: { src: string; at: { line: number; column: number } }[] | undefined;
  /** The articles the body's "Read more" blocks name, in body order (undefined for one that names none). */
  readMore?: ({ url: string; title: string } | undefined)[] | undefined;
}

/** Every validated content file, ready to render. */
export interface Content {
  site: Site;
  /** Only the articles this build shows, newest first. */
  articles: Article[];
  /** In file-name order. */
  authors: Author[];
  /** In navigation order. */
  categories: Category[];
  /** The pages this build shows, in file order. */
  pages: Page[];
  /** The pages the footer links to, in the order site.yml lists them. */
  footer: { title: string; url: string }[];
  /** This build shows drafts or scheduled articles (--drafts, --future): a preview, not for search engines. */
  preview: boolean;
  /** Every scheduled article, shown or not, soonest first: when the next one goes out. */
  scheduled: Article[];
  /** Every draft, shown or not, in file order: what `check` and `build` count as not on the site. */
  drafts: Article[];
}

/** The raw files of a newsroom, as the loader found them. */
export interface ContentSources {
  /** `site.yml`; missing when the file does not exist. */
  site: SourceFile | undefined;
  articles: SourceFile[];
  authors: SourceFile[];
  categories: SourceFile[];
  /** Pages such as About, `pages/<slug>.md`. */
  pages: SourceFile[];
  /** Approved readers' comments, `comments/<article>/*.yml`. */
  comments: CommentSource[];
}
