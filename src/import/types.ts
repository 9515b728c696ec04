/**
 * The contract between an importer (WordPress, Jekyll, Hugo) and the code
 * that writes a newsroom folder. An importer reads its source and yields
 * events; it never touches the file system's output side, so "nothing in
 * the export can choose where a file is written" is checked in one place
 * (the writer), and a 50,000-post export streams through in bounded memory.
 */

/** Where something came from in the source, for the report. */
export interface SourcePlace {
  /** The source file, relative to the import's source folder (or the export file's name). */
  file: string;
  /** 1-based line in that file, where known. */
  line?: number;
  /** What it is, for a reader of the report: "post 123 “Harbour wall”", "_posts/2019-05-14-x.md". */
  item?: string;
}

/** One file of the newsroom the import writes. */
export interface ImportedFile {
  type: 'file';
  /** Which folder: the content folder (`--content`, Markdown and YAML) or the public folder (copied uploads, served at `/`). */
  root: 'content' | 'public';
  /**
   * Relative to that folder, POSIX separators, built only from slugs the
   * importer made with `safeSlug`: `articles/2019/2019-05-14-harbour-wall.md`,
   * `authors/jane-doe.md`, `categories/news.md`, `pages/about.md`,
   * `comments/harbour-wall/2019-05-15-ann-lee.yml`; in public,
   * `images/2019/05/harbour.jpg` (then the site path is `/images/2019/05/harbour.jpg`).
   * The writer refuses anything else.
   */
  path: string;
  /** Text (Markdown, YAML) or bytes (a copied upload). */
  content: string | Uint8Array;
  source: SourcePlace;
}

/**
 * Something the report lists: an item not imported (private post, spam
 * comment), a construct kept as text because it has no Broadsheet
 * equivalent (with the new file and line where it ended up), or a warning
 * (an image kept as a remote address).
 */
export interface ImportNotice {
  type: 'notice';
  kind: 'skipped' | 'unconverted' | 'warning';
  message: string;
  source: SourcePlace;
  /** The written file (relative to the content folder) and 1-based line the construct ended up in. */
  target?: { path: string; line?: number };
}

/** An old address and the new one it now leads to (the new one is a site path like `/news/harbour-wall/`). */
export interface AddressMove {
  type: 'address';
  old: string;
  new: string;
}

/** Counted per kind for the report: "articles", "drafts", "authors", "comments", "images"… */
export interface ImportCount {
  type: 'count';
  kind: string;
  n: number;
}

export type ImportEvent = ImportedFile | ImportNotice | AddressMove | ImportCount;

/** What every importer is: source in, events out. */
export interface ImportOptions {
  /** The export file (WordPress) or the site's folder (Jekyll, Hugo). */
  source: string;
  /** A local copy of wp-content/uploads (WordPress) or the site's static folder; never the network. */
  uploads?: string;
}

export type Importer = (options: ImportOptions) => AsyncIterable<ImportEvent>;
