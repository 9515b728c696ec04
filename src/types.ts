import type { ContentDate } from './content/dates.js';
import type {
  ArticleFrontMatter,
  AuthorFrontMatter,
  CategoryFrontMatter,
  ImageFrontMatter,
  SiteSettings,
} from './content/schema.js';

export type { ContentDate } from './content/dates.js';

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

export interface Tag {
  /** As the editor wrote it. */
  name: string;
  slug: string;
}

/** Published, or shown only because `--drafts` / `--future` asked for it. */
export type ArticleStatus = 'published' | 'draft' | 'scheduled';

export interface Article extends Located, Omit<ArticleFrontMatter, 'tags' | 'slug' | 'draft' | 'related'> {
  slug: string;
  tags: Tag[];
  /** `false`: no related links. Otherwise the site paths of pinned articles, in order (often none). */
  related: false | string[];
  status: ArticleStatus;
  /** Site path of the article page, e.g. `/news/harbour-opens/`. */
  url: string;
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
}
