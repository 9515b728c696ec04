import type { SourceTree } from '../source-tree.js';
import type { BodyPiece } from '../body-pieces.js';
import type { ImportNotice } from '../types.js';

/**
 * What a static-site importer (Jekyll, Hugo) reads from its source, in a
 * form both share; `staticSiteEvents` turns it into the newsroom's files.
 * The generator-specific parts are reading the config and front matter,
 * the body's template constructs, and where a referenced image lives.
 */
export interface StaticSite {
  tree: SourceTree;
  /** The config file the settings came from (`.` when there is none), for the report. */
  configFile: string;
  settings: SiteSettingsFound;
  /** How the old site's absolute addresses are recognised and its path prefix taken off. */
  oldSite: { host?: string; prefix: string };
  entries: SiteEntry[];
  /** Section slugs, descriptions and introductions by section name (Hugo's folders and `_index.md`). */
  sections: Map<string, { slug?: string; description?: string; intro?: string; source: string }>;
  /** Authors the site describes (Jekyll's `_data/authors.yml`), by the key posts name them with. */
  authors: Map<string, AuthorFound>;
  /** Credited on posts that name no author. */
  defaultAuthor: string;
  /** The section of posts that name none (Jekyll posts without a category). */
  defaultSection: string;
  /** Old list addresses with no content file (Hugo's category pages) → the site path they now lead to. */
  redirects: Map<string, string>;
  /** What was said while reading (files left out, links not followed, config values assumed). */
  notices: ImportNotice[];
  /** Replaces the body's template constructs: the generator's tags, with a note for each one not converted. */
  convertBody(entry: SiteEntry, context: BodyContext): BodyPiece[];
  /** Where an image named in an entry (a site path like `/assets/x.jpg`, or relative) is in the source, and where it goes in public/. */
  locateImage(entry: SiteEntry | undefined, sitePath: string): LocatedImage | undefined;
}

export interface SiteSettingsFound {
  title: string;
  url: string;
  language: string;
  timezone: string;
  description?: string;
}

export interface LocatedImage {
  tree: SourceTree;
  file: string;
  /** Path under public/, each part a safe slug. */
  publicPath: string;
}

export interface AuthorFound {
  name: string;
  role?: string;
  bio?: string;
  avatar?: string;
  links: Record<string, string>;
  source: string;
}

/** One post or page of the old site. */
export interface SiteEntry {
  kind: 'article' | 'page';
  /** The source file (tree path). */
  source: string;
  title: string;
  /** An ISO date the content model reads (`2019-05-14T10:00:00+02:00`, `2019-05-14`); required for articles. */
  date?: string;
  updated?: string;
  draft: boolean;
  /** The section's name as the old site wrote it (articles). */
  section?: string;
  /** The old site gave no section: `section` is the import's default, and the report says so. */
  sectionAssumed?: boolean;
  tags: string[];
  /** Author keys or names as the old site wrote them. */
  authors: string[];
  summary?: string;
  image?: { ref: string; alt?: string; caption?: string; credit?: string; line?: number };
  /** The slug wanted, already safe; made unique by the plan. */
  slug: string;
  /** Old site paths (prefix taken off), each with the front matter line that gave it when one did. */
  oldAddresses: { path: string; line?: number }[];
  body: string;
  /** The 1-based source line where the body starts. */
  bodyLine: number;
  /** The front matter as read, for `{{ page.x }}`. */
  data: Record<string, unknown>;
  /** Problems found reading the front matter: source line and message. */
  notes: { kind: 'warning' | 'unconverted'; message: string; line?: number }[];
}

/** What a body converter may ask about the rest of the import. */
export interface BodyContext {
  /** The new site path of the entry whose source file is `source`, if it was imported. */
  addressOfSource(source: string): string | undefined;
}
