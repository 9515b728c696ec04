import { error, type Position, type Problem } from '../util/problems.js';
import {
  ADMIN_FOLDER,
  authorPath,
  feedPaths,
  fileOf,
  HOST_FILES,
  IMAGES_FOLDER,
  listPagePath,
  pageCount,
  redirectFile,
  SEARCH_INDEX_FOLDER,
  sectionPath,
  SITE_PATHS,
  sitemapPartFile,
  tagPath,
} from './addresses.js';

/** What a planned file is, for messages and for the plan's fixtures. */
export type RouteKind =
  | 'page'
  | 'article'
  | 'static page'
  | 'section'
  | 'author'
  | 'tag'
  | 'feed'
  | 'host file'
  | 'redirect'
  | 'public file';

/** One file of the site, known before anything is rendered. */
export interface PlannedFile {
  /** The site path a reader asks for (`/news/`, `/feed.xml`). */
  url: string;
  kind: RouteKind;
  /** Where it comes from: a content file, `public/…`, or a description of a built-in page. */
  source: string;
}

/** Every address of the site and the file it is written to; see planRoutes. */
export interface AddressPlan {
  /** File (relative to the output folder) → what is written there, in file order. */
  files: Map<string, PlannedFile>;
  /** Folders one stage fills whole, with files named as it goes (the search index, the encoded images), and what fills them. */
  folders: Map<string, string>;
}

/** An article as the plan needs it. Every validated article takes part: a scheduled story must not break the site when its time comes. */
export interface PlanArticle {
  file: string;
  /** Its site path, from the permalink pattern. */
  url: string;
  slug: string;
  category: string;
  authors: readonly string[];
  tags: readonly { slug: string; name: string }[];
  aliases: readonly string[];
  /** Shown by this build (published, or a draft or scheduled story asked for). */
  shown: boolean;
  /** Published: only these get redirects from their old addresses. */
  published: boolean;
  /** Where `slug:` and each alias are written; undefined where the slug comes from the file name. */
  at: { slug: Position | undefined; aliases: readonly Position[] };
}

/** A page such as About, as the plan needs it. */
export interface PlanPage {
  file: string;
  /** Its site path: its permalink, or `/<slug>/`. */
  url: string;
  aliases: readonly string[];
  /** Shown by this build (not a draft, or drafts asked for). */
  shown: boolean;
  /** Not a draft: only these get redirects from their old addresses. */
  published: boolean;
  /** Where `permalink:` and each alias are written; permalink undefined where the address comes from the file name. */
  at: { permalink: Position | undefined; aliases: readonly Position[] };
}

/** A section as the plan needs it; its aliases are old addresses of the section page (an old CMS's category archive). */
export interface PlanSection {
  slug: string;
  file: string;
  aliases?: readonly string[] | undefined;
  at?: { aliases: readonly Position[] } | undefined;
}

/** An old address in site.yml's `redirects:`, the site path it sends readers to, and where it is written. */
export interface PlanRedirect {
  from: string;
  to: string;
  file: string;
  at: Position;
}

export interface PlanInput {
  perPage: number;
  /** In the order they are reported: a collision is blamed on the later file. */
  articles: readonly PlanArticle[];
  sections: readonly PlanSection[];
  authors: readonly { slug: string; file: string }[];
  /** Pages such as About, in file order. */
  pages?: readonly PlanPage[] | undefined;
  /** site.yml's `redirects:`, in the order written. */
  redirects?: readonly PlanRedirect[] | undefined;
  /** Files of public/ under the names they are published with (`css/site.3f9a0c12de.css`). */
  publicFiles?: readonly string[] | undefined;
  /** The web editor is on: its folder is the CMS's, and no page or alias may stand in it. */
  admin?: boolean | undefined;
}

/** Addresses in a sitemap file before it is split into parts (the sitemap protocol's limit). */
export const SITEMAP_PART_SIZE = 50_000;

/** The start of a file, for problems about a slug that comes from the file's name. */
const FILE_START: Position = { line: 1, column: 1 };

/** Page addresses are made only of validated slugs and digits; anything else is a bug, never written. */
const SAFE_PAGE_PATH = /^\/(?:[a-z0-9-]+\/)*$/;

/**
 * The address plan: every page, feed, host file and public file the site
 * will have, the file each is written to, and the folders the search index
 * and the encoded images fill. Pure, and made before anything is rendered.
 *
 * Two things may not share a file, and a file may not stand where another
 * needs a folder (`/feed.xml/` as an alias would need `feed.xml/index.html`).
 * Built-in pages and files come first; then sections, authors, tags,
 * pages, articles, and the old addresses (aliases of articles, pages and
 * sections, then site.yml's redirects) claim theirs, and each that finds
 * its file taken is an editor's error naming its file, and the line where
 * one applies. Last, each redirect of site.yml must lead to a page this
 * build writes.
 * Files differing only in capitals count as one: many systems store them so.
 */
export function planRoutes(input: PlanInput): { plan: AddressPlan; problems: Problem[] } {
  const claims = new Claims();
  const problems: Problem[] = [];
  const shown = input.articles.filter((article) => article.shown);

  const builtIn = (url: string, owner: string, kind: RouteKind = 'page') => claims.claim(fileOf(url), { url, kind, source: owner, owner, built: true });
  builtIn(SITE_PATHS.home, 'the home page');
  builtIn(SITE_PATHS.authors, 'the list of authors');
  builtIn(SITE_PATHS.tags, 'the list of topics');
  builtIn(SITE_PATHS.search, 'the search page');
  builtIn(SITE_PATHS.corrections, 'the corrections page');
  builtIn(SITE_PATHS.notFound, 'the page-not-found page');
  for (const url of Object.values(feedPaths(SITE_PATHS.home))) builtIn(url, "the site's feed", 'feed');
  for (const url of Object.values(feedPaths(SITE_PATHS.corrections))) builtIn(url, 'the feed of corrections', 'feed');
  for (const file of Object.values(HOST_FILES)) builtIn(`/${file}`, `the file ${file}`, 'host file');
  // A sitemap of more addresses than one file may hold is split into parts; this bounds how many.
  const listed = shown.length + (input.pages?.length ?? 0) + input.sections.length + input.authors.length + 4;
  for (let part = 1; listed > SITEMAP_PART_SIZE && part <= Math.ceil(listed / SITEMAP_PART_SIZE); part++) {
    builtIn(`/${sitemapPartFile(part)}`, `the file ${sitemapPartFile(part)}`, 'host file');
  }
  claims.reserve(SEARCH_INDEX_FOLDER, 'the search index');
  claims.reserve(IMAGES_FOLDER, 'the encoded images');
  if (input.admin) claims.reserve(ADMIN_FOLDER, 'the web editor');

  /** A list's pages and its feeds; only the first clash is reported, as renaming one thing mends them all. */
  const claimList = (first: string, items: number, kind: RouteKind, source: string, report: (taken: Taken) => void) => {
    let clashed = false;
    const onClash = (taken: Taken) => {
      if (!clashed) report(taken);
      clashed = true;
    };
    for (let n = 1; n <= pageCount(items, input.perPage); n++) {
      const url = listPagePath(first, n);
      claims.claim(fileOf(url), { url, kind, source, built: true }, onClash);
    }
    for (const url of Object.values(feedPaths(first))) {
      claims.claim(fileOf(url), { url, kind: 'feed', source, built: true }, onClash);
    }
  };
  const count = (key: (article: PlanArticle) => readonly string[]) => {
    const counts = new Map<string, number>();
    for (const article of shown) for (const value of key(article)) counts.set(value, (counts.get(value) ?? 0) + 1);
    return counts;
  };
  const inSection = count((article) => [article.category]);
  const byAuthor = count((article) => article.authors);
  const tagged = count((article) => article.tags.map((tag) => tag.slug));
  const fromFileName = (file: string, what: string) => (taken: Taken) =>
    problems.push(
      error(file, `the ${what}'s address ${taken.url} is already ${taken.owner}`, {
        position: FILE_START,
        hint: 'the address comes from the file name: rename the file',
      }),
    );

  for (const section of input.sections) claimList(sectionPath(section.slug), inSection.get(section.slug) ?? 0, 'section', section.file, fromFileName(section.file, 'section'));
  for (const author of input.authors) claimList(authorPath(author.slug), byAuthor.get(author.slug) ?? 0, 'author', author.file, fromFileName(author.file, 'author'));
  const firstTagged = new Map<string, { file: string; name: string }>();
  for (const article of shown) for (const tag of article.tags) if (!firstTagged.has(tag.slug)) firstTagged.set(tag.slug, { file: article.file, name: tag.name });
  for (const [slug, { file, name }] of firstTagged) {
    claimList(tagPath(slug), tagged.get(slug) ?? 0, 'tag', `the tag "${name}"`, (taken) =>
      problems.push(error(file, `the tag "${name}" would have the address ${taken.url}, which is already ${taken.owner}`, { hint: 'rename the tag' })),
    );
  }

  // Pages before articles: they are the site's own structure, as sections are, so a story at a page's address is the one blamed.
  for (const page of input.pages ?? []) {
    if (!SAFE_PAGE_PATH.test(page.url) || page.url === SITE_PATHS.home) throw new Error(`unsafe page address ${JSON.stringify(page.url)} from ${page.file}`);
    claims.claim(fileOf(page.url), { url: page.url, kind: 'static page', source: page.file, built: page.shown }, (taken) =>
      problems.push(
        error(page.file, `the page's address ${page.url} is already ${taken.owner}`, {
          position: page.at.permalink ?? FILE_START,
          hint: page.at.permalink ? 'change the permalink' : 'the address comes from the file name: rename the file, or give the page a permalink: of its own',
        }),
      ),
    );
  }

  for (const article of input.articles) {
    if (!SAFE_PAGE_PATH.test(article.url)) throw new Error(`unsafe page address ${JSON.stringify(article.url)} from ${article.file}`);
    const claim = { url: article.url, kind: 'article' as const, source: article.file, built: article.shown };
    claims.claim(fileOf(article.url), claim, (taken) =>
      problems.push(
        error(article.file, `the address ${article.url} is already ${taken.owner}`, {
          position: article.at.slug ?? FILE_START,
          hint: article.at.slug ? 'change the slug' : 'the slug comes from the file name: rename the file, or give the article a slug: of its own',
        }),
      ),
    );
  }
  // Old addresses: of articles, pages and sections, then site.yml's redirects; each a redirect page of its own.
  const claimAliases = (owner: { file: string; aliases: readonly string[]; published: boolean; at: readonly Position[] }, what: string) => {
    owner.aliases.forEach((alias, index) => {
      const position = owner.at[index];
      const claim = { url: alias, kind: 'redirect' as const, source: owner.file, built: owner.published };
      claims.claim(redirectFile(alias), claim, (taken) =>
        problems.push(
          taken.kind !== 'redirect' && taken.kind !== 'feed' && taken.source === owner.file
            ? error(owner.file, `aliases: ${alias} is this ${what}'s own address`, { position, hint: `list only addresses the ${what} used to have` })
            : error(owner.file, `aliases: ${alias} is already ${taken.owner}`, { position, hint: 'a redirect there would replace it: remove the alias' }),
        ),
      );
    });
  };
  for (const article of input.articles) claimAliases({ ...article, at: article.at.aliases }, 'article');
  for (const page of input.pages ?? []) claimAliases({ ...page, at: page.at.aliases }, 'page');
  for (const section of input.sections) claimAliases({ file: section.file, aliases: section.aliases ?? [], published: true, at: section.at?.aliases ?? [] }, 'section');
  for (const redirect of input.redirects ?? []) {
    claims.claim(redirectFile(redirect.from), { url: redirect.from, kind: 'redirect', source: redirect.file, built: true }, (taken) =>
      problems.push(error(redirect.file, `redirects: ${redirect.from} is already ${taken.owner}`, { position: redirect.at, hint: 'a redirect there would replace it: remove this line' })),
    );
  }
  // Last, and never in the way of a page of ours: a page at the same path replaces a public file.
  for (const file of input.publicFiles ?? []) {
    claims.claim(file, { url: `/${file}`, kind: 'public file', source: `public/${file}`, built: true }, () => {});
  }
  // Once every address is known: a redirect must lead to one this build writes, and not to another redirect.
  for (const redirect of input.redirects ?? []) {
    const problem = targetProblem(redirect.to, claims);
    if (problem) problems.push(error(redirect.file, `redirects: ${redirect.from} → ${redirect.to}: ${problem.message}`, { position: redirect.at, hint: problem.hint }));
  }
  return { plan: claims.plan(), problems };
}

/** A plan and what it was made from, kept by a build for the next rebuild (see planAgain). */
export interface MadePlan {
  input: PlanInput;
  plan: AddressPlan;
}

/**
 * planRoutes, unless `last` was made from the same input but for where
 * fields are written: then its plan. Saving a story without touching its
 * slug, date, section, tags, authors or aliases (the preview server's usual
 * case) would otherwise plan every address of the site again. `last` comes
 * from a build that succeeded, so its plan had no problems.
 */
export function planAgain(input: PlanInput, last: MadePlan | undefined): { plan: AddressPlan; problems: Problem[] } {
  return last && samePlanInput(input, last.input) ? { plan: last.plan, problems: [] } : planRoutes(input);
}

function samePlanInput(a: PlanInput, b: PlanInput): boolean {
  const bySlugAndFile = (x: { slug: string; file: string }, y: { slug: string; file: string }) => x.slug === y.slug && x.file === y.file;
  const sameSection = (x: PlanSection, y: PlanSection) => bySlugAndFile(x, y) && sameList(x.aliases ?? [], y.aliases ?? []);
  const samePage = (x: PlanPage, y: PlanPage) => x.file === y.file && x.url === y.url && x.shown === y.shown && x.published === y.published && sameList(x.aliases, y.aliases);
  const sameRedirect = (x: PlanRedirect, y: PlanRedirect) => x.from === y.from && x.to === y.to && x.file === y.file;
  return (
    a.perPage === b.perPage &&
    !!a.admin === !!b.admin &&
    sameList(a.sections, b.sections, sameSection) &&
    sameList(a.pages ?? [], b.pages ?? [], samePage) &&
    sameList(a.redirects ?? [], b.redirects ?? [], sameRedirect) &&
    sameList(a.authors, b.authors, bySlugAndFile) &&
    sameList(a.publicFiles ?? [], b.publicFiles ?? []) &&
    sameList(a.articles, b.articles, sameArticle)
  );
}

const sameArticle = (a: PlanArticle, b: PlanArticle): boolean =>
  a.file === b.file &&
  a.url === b.url &&
  a.slug === b.slug &&
  a.category === b.category &&
  a.shown === b.shown &&
  a.published === b.published &&
  sameList(a.authors, b.authors) &&
  sameList(a.aliases, b.aliases) &&
  sameList(a.tags, b.tags, (x, y) => x.slug === y.slug && x.name === y.name);

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = (x, y) => x === y): boolean {
  return a.length === b.length && a.every((item, index) => same(item, b[index] as T));
}

interface Claim extends PlannedFile {
  /** In words, for messages, where `source` alone does not say it: "the search page". */
  owner?: string | undefined;
  /** Written by this build; false for a story not shown yet, whose addresses are kept for it all the same. */
  built: boolean;
}

/** What holds a file, in words: "the search page", "the address of content/articles/a.md". */
function ownerOf(claim: Claim): string {
  if (claim.owner) return claim.owner;
  switch (claim.kind) {
    case 'feed':
      return `a feed of ${claim.source}`;
    case 'redirect':
      return `an alias in ${claim.source}`;
    case 'public file':
      return `the file ${claim.source}`;
    default:
      return `the address of ${claim.source}`;
  }
}

/** What a clash is reported with: the claim in the way, and its address and owner in words. */
export interface Taken {
  url: string;
  kind: RouteKind;
  source: string;
  owner: string;
}

class Claims {
  /** Case-folded file → the file as written and its claim. */
  private readonly files = new Map<string, { file: string; claim: Claim }>();
  /** Case-folded folder → the first claim of a file below it. */
  private readonly folders = new Map<string, Claim>();
  /** Case-folded folder → the claim of the stage that fills it whole. */
  private readonly reserved = new Map<string, Claim>();

  reserve(folder: string, what: string): void {
    this.reserved.set(folder.toLowerCase(), { url: `/${folder}/`, kind: 'host file', source: what, owner: `the folder of ${what}`, built: true });
  }

  /** Take `file` for `claim`; when it is taken, or one of them would need the other as a folder, tell `onClash` what has it. */
  claim(
    file: string,
    claim: Claim,
    onClash: (taken: Taken) => void = (taken) => {
      throw new Error(`two built-in files at ${file}: ${ownerOf(claim)} and ${taken.owner}`);
    },
  ): void {
    const key = file.toLowerCase();
    const taken = this.clash(key);
    if (taken) return onClash({ url: taken.url, kind: taken.kind, source: taken.source, owner: ownerOf(taken) });
    this.files.set(key, { file, claim });
    // Every folder the file sits in, outermost first: `a/b/c.html` → `a`, `a/b`.
    for (let slash = key.indexOf('/'); slash !== -1; slash = key.indexOf('/', slash + 1)) {
      const folder = key.slice(0, slash);
      if (!this.folders.has(folder)) this.folders.set(folder, claim);
    }
  }

  /** What holds `file`, when something does. */
  holder(file: string): Claim | undefined {
    return this.files.get(file.toLowerCase())?.claim;
  }

  plan(): AddressPlan {
    const files: [string, PlannedFile][] = [];
    for (const { file, claim } of this.files.values()) if (claim.built) files.push([file, { url: claim.url, kind: claim.kind, source: claim.source }]);
    files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { files: new Map(files), folders: new Map([...this.reserved].map(([folder, claim]) => [folder, claim.source])) };
  }

  private clash(key: string): Claim | undefined {
    const direct = this.files.get(key)?.claim ?? this.folders.get(key) ?? this.reserved.get(key);
    if (direct) return direct;
    for (let slash = key.indexOf('/'); slash !== -1; slash = key.indexOf('/', slash + 1)) {
      const folder = key.slice(0, slash);
      const blocking = this.files.get(folder)?.claim ?? this.reserved.get(folder);
      if (blocking) return blocking;
    }
    return undefined;
  }
}

/** What keeps a redirect's target from being one: nothing there, or nothing this build writes, or another redirect. */
function targetProblem(to: string, claims: Claims): { message: string; hint: string } | undefined {
  const held = claims.holder(fileOf(to)) ?? (to.endsWith('/') ? undefined : claims.holder(fileOf(`${to}/`)));
  if (!held) return { message: 'this site has no page there', hint: 'send it to the address of an article, page, section, author or tag page' };
  if (held.kind === 'redirect') return { message: `that is itself ${ownerOf(held)}`, hint: `send it to where that redirect leads` };
  if (!held.built) return { message: `${ownerOf(held)} is not published by this build`, hint: 'send it to a published page, or add the redirect once it is published' };
  if (held.url !== to) return { message: `the address is written ${held.url}`, hint: `write ${held.url}` };
  return undefined;
}

/** The folders a file sits in, outermost first: `a/b/c.html` → `a`, `a/b`. */
function ancestors(file: string): string[] {
  const parts = file.split('/');
  return parts.slice(0, -1).map((_, index) => parts.slice(0, index + 1).join('/'));
}

/** The files among `files` that the plan has no place for: not planned, nor in a folder a stage fills whole. */
export function unplannedFiles(files: Iterable<string>, plan: AddressPlan): string[] {
  return [...files].filter((file) => !plan.files.has(file) && !ancestors(file).some((folder) => plan.folders.has(folder)));
}
