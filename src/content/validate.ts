import { compareText, error, type Position, type Problem } from '../util/problems.js';
import type { Article, Author, Category, Content, ContentSources, Page, Site, SourceFile } from './types.js';
import { checkPage, footerPages } from './pages.js';
import { checkArticle, type ArticleCheck, type ArticleReferences, type CheckedArticle, type Reference } from './check-article.js';
import { attachComments } from './comments.js';
import { checkFields, fieldProblems, fileSlug, readFrontMatter, unknownFields } from './check-fields.js';
import { articlePath } from '../routes/addresses.js';
import { planAgain, type AddressPlan, type MadePlan, type PlanInput, type PlanRedirect } from '../routes/plan.js';
import { calendarParts } from './dates.js';
import { slugFromFileName } from './slug.js';
import { authorSchema, categorySchema, freeTextFields, knownKeys, siteSchema } from './schema.js';
import { articlesByRef, findArticle } from './article-refs.js';
import { checkBodiesOfBroken, checkBodyReferences, type BodyReferences, type BrokenBody } from './body-references.js';
import { didYouMean, didYouMeanPath } from '../util/suggest.js';
import { parseYamlMapping } from './yaml-mapping.js';
import { farAheadCheck } from './far-ahead.js';
import { themeProblems } from './theme-checks.js';

export interface ValidateOptions {
  /** The moment the build publishes as of, in ms; articles dated later are scheduled, not published. */
  now: number;
  drafts: boolean;
  future: boolean;
  /** Replaces `url` from `site.yml`. */
  baseUrl?: string | undefined;
  /** Whether a site path such as `/images/a.jpg` names a file in `public/`. */
  assetExists: (sitePath: string) => boolean;
  /**
   * Whether the file at a site path is an SVG, by its name or its bytes (see
   * images/svg-source.ts): no lead image or avatar may be one. None is when
   * left out.
   */
  isSvg?: ((sitePath: string) => boolean) | undefined;
  /** Files of public/ as they are published (see planRoutes); none when left out. */
  publicFiles?: readonly string[] | undefined;
  /** The last good build's plan, taken again when nothing it depends on changed (see planAgain). */
  lastPlan?: MadePlan | undefined;
  /**
   * Per-file article checks already made (in worker threads, or from the
   * cache), by file path; the rest are made here.
   */
  articleChecks?: ReadonlyMap<string, ArticleCheck> | undefined;
  /**
   * Article files whose check was stopped (at the time limit, in a worker):
   * not checked here, where nothing would stop it, and counted as articles
   * with errors, so that nothing else is reported about them. Their own
   * error was reported where they were stopped.
   */
  unchecked?: ReadonlySet<string> | undefined;
  /** What each article's and page's rendered body names (images, "Read more" blocks); nothing when left out. */
  bodies?: ((file: string) => BodyReferences | undefined) | undefined;
  /**
   * Article and comment files this build leaves out because of their errors
   * (see validateLeavingOut): not checked again, and what belongs to them
   * (their comments, replies to them) is set aside.
   */
  leftOut?: ReadonlySet<string> | undefined;
}

export interface ValidationResult {
  /** Present only when there are no errors. */
  content: Content | undefined;
  /** Every address of the site, and what it was made from; present only when there are no errors. */
  plan: AddressPlan | undefined;
  planInput: PlanInput | undefined;
  problems: Problem[];
  /** Those of `problems` that the address plan found: between files, or with the site's own pages. */
  addressProblems: Problem[];
  /** Comment files without errors that belong to no article or comment of this build (see attachComments). */
  setAside: string[];
}

/**
 * Check every content file against the schema and against each other, and
 * collect every problem in every file rather than stopping at the first.
 */
export function validateContent(sources: ContentSources, options: ValidateOptions): ValidationResult {
  const problems: Problem[] = [];
  const footerSlugs: { problem: Problem; written: string }[] = [];
  const checkedSite = validateSite(sources.site, options.baseUrl, problems, footerSlugs);
  const site = checkedSite?.site;
  const settings = linkSettings(site, options.now);
  const { timezone } = settings;

  const images = imageLookups(options);
  if (checkedSite) problems.push(...themeProblems({ theme: checkedSite.site.theme, logo: checkedSite.site.logo, file: checkedSite.file, locate: checkedSite.locate, ...images }));
  const authors = sources.authors.flatMap((file) => validateAuthor(file, images, problems));
  const categories = sources.categories.flatMap((file) => validateCategory(file, problems));
  const checkedPages = sources.pages.flatMap((file) => checkPage(file, timezone, problems) ?? []);
  const pages = checkedPages.map((checked) => checked.page);
  reportDuplicateSlugs(authors, 'author', problems);
  reportDuplicateSlugs(categories, 'section', problems);
  reportDuplicateSlugs(pages, 'page', problems);
  const pageShown = (page: Page) => !page.draft || options.drafts;
  const footer = checkedSite ? footerPages(checkedSite.site.pages, pages, checkedSite, pageShown, problems) : [];
  const pageSlugs = pages.map((page) => page.slug);
  for (const { problem, written } of footerSlugs) problems.push({ ...problem, hint: didYouMean(written, pageSlugs) ?? 'pages are the files in content/pages/ (without .md)' });

  const lookups: Lookups = {
    authors: new Set(authors.map((a) => a.slug)),
    categories: new Set(categories.map((c) => c.slug)),
    ...images,
  };
  const named = { farAhead: farAheadCheck(settings), lookups };
  const checkedPins = new Map<string, { refs: string[]; at: Position[] }>();
  const at = new Map<string, ArticleCheck['article'] & object>();
  // Articles with errors of their own, so that nothing naming them (comments, pins, "Read more") is reported too.
  const unlinked = new Set<string>();
  // Those left out of this build for their errors: naming one is an error, since it has no page.
  const leftOutSlugs = new Set<string>();
  // What articles with errors of their own pin, checked once every valid article is known.
  const pinsOfBroken: { file: string; slug: string | undefined; refs: Reference[] }[] = [];
  const brokenBodies: BrokenBody[] = [];
  const fileNameSlug = (path: string) => slugFromFileName(path.slice(path.lastIndexOf('/') + 1));
  const articles = sources.articles.flatMap((file) => {
    if (options.unchecked?.has(file.path)) {
      unlinked.add(fileNameSlug(file.path));
      return [];
    }
    const check: ArticleCheck = options.articleChecks?.get(file.path) ?? checkArticle(file, timezone);
    if (options.leftOut?.has(file.path)) {
      const slug = check.article?.slug ?? check.references?.slug ?? fileNameSlug(file.path);
      unlinked.add(slug);
      leftOutSlugs.add(slug);
      return [];
    }
    const { references, allThere } = checkWithOthers(file.path, check, named, problems);
    if (check.article && allThere) {
      const pinned = pinsOf(check.article);
      if (pinned) checkedPins.set(file.path, pinned);
      at.set(file.path, check.article);
      return [linkArticle(file.path, check.article, settings)];
    }
    unlinked.add(check.article?.slug ?? check.references?.slug ?? fileNameSlug(file.path));
    if (references && references.related.length > 0) pinsOfBroken.push({ file: file.path, slug: references.slug, refs: references.related });
    if (references) brokenBodies.push({ file: file.path, bodyLine: references.bodyLine, slug: references.slug });
    return [];
  });
  resolvePins(articles, checkedPins, { withErrors: unlinked, leftOut: leftOutSlugs }, problems);
  checkPinsOfBroken(articles, pinsOfBroken, { withErrors: unlinked, leftOut: leftOutSlugs }, problems);
  const setAside = attachComments(sources.comments, articles, { timezone, unlinked, leftOut: options.leftOut, leftOutSlugs }, problems);
  const isShown = (a: Article) => a.status === 'published' || (a.status === 'draft' && options.drafts) || (a.status === 'scheduled' && options.future);
  if (options.bodies) {
    const publicFiles = options.publicFiles ?? [];
    checkBodyReferences(articles, options.bodies, { ...images, publicFiles, isShown, withErrors: unlinked, leftOut: leftOutSlugs }, problems, pages.filter(pageShown));
    checkBodiesOfBroken(brokenBodies, articles, options.bodies, { ...images, publicFiles, withErrors: unlinked, leftOut: leftOutSlugs }, problems);
  }
  const categoryFiles = new Map(categories.map((category) => [category.file, category]));
  const planInput: PlanInput = {
    perPage: site?.perPage ?? 1,
    articles: [...articles]
      .sort((a, b) => compareText(a.file, b.file))
      .map((article) => ({
        file: article.file,
        url: article.url,
        slug: article.slug,
        category: article.category,
        authors: article.authors,
        tags: article.tags,
        aliases: article.aliases,
        shown: isShown(article),
        published: article.status === 'published',
        at: { slug: at.get(article.file)?.at.slug, aliases: at.get(article.file)?.at.aliases ?? [] },
      })),
    // A slug used twice is reported above, once.
    sections: firstBySlug(categories).map(({ slug, file }) => {
      const category = categoryFiles.get(file);
      return { slug, file, aliases: category?.aliases ?? [], at: { aliases: category?.at.aliases ?? [] } };
    }),
    authors: firstBySlug(authors),
    pages: [...checkedPages]
      .sort((a, b) => compareText(a.page.file, b.page.file))
      .map(({ page, at: where }) => ({ file: page.file, url: page.url, aliases: page.aliases, shown: pageShown(page), published: !page.draft, at: where })),
    redirects: checkedSite ? siteRedirects(checkedSite) : [],
    publicFiles: options.publicFiles,
    admin: site?.admin.enabled,
  };
  const { plan, problems: addressProblems } = planAgain(planInput, options.lastPlan);
  problems.push(...addressProblems);

  const shown = articles.filter(isShown);
  const hasErrors = problems.some((p) => p.severity === 'error');
  if (!site || hasErrors) return { content: undefined, plan: undefined, planInput: undefined, problems, addressProblems, setAside };
  return {
    plan,
    planInput,
    addressProblems,
    setAside,
    content: {
      site,
      articles: shown.sort(newestFirst),
      authors: authors.sort(bySlug),
      categories: categories.sort((a, b) => a.order - b.order || compareText(a.slug, b.slug)).map(({ at: _at, ...category }) => category),
      pages: pages.filter(pageShown).sort((a, b) => compareText(a.file, b.file)),
      footer: footer.map((page) => ({ title: page.title, url: page.url })),
      preview: options.drafts || options.future,
      scheduled: articles.filter((article) => article.status === 'scheduled').sort(soonestFirst),
      drafts: articles.filter((article) => article.status === 'draft').sort((a, b) => compareText(a.file, b.file)),
    },
    problems,
  };
}

/**
 * The saved articles of a preview, checked against the last good build's
 * content instead of validating every file again (most of a preview's time
 * at ten thousand articles): each one's own check, its authors, section and
 * images, its pins and "Read more" blocks among the last build's articles.
 * Each comes back linked as validateContent links it, with the comments the
 * last build approved for it (comment files are not saved articles).
 * Undefined when a saved article has an error, was not in the last build's
 * content, or would change its address or status: the update that follows
 * validates everything and reports what it finds.
 */
export function validateSaved(files: readonly SourceFile[], last: Content, options: ValidateOptions): Article[] | undefined {
  const settings = linkSettings(last.site, options.now);
  const images = imageLookups(options);
  const lookups: Lookups = { authors: new Set(last.authors.map((a) => a.slug)), categories: new Set(last.categories.map((c) => c.slug)), ...images };
  const named = { farAhead: farAheadCheck(settings), lookups };
  const before = new Map(last.articles.map((article) => [article.file, article]));
  const problems: Problem[] = [];
  const pins = new Map<string, { refs: string[]; at: Position[] }>();
  const saved: Article[] = [];
  for (const file of files) {
    const check = options.articleChecks?.get(file.path) ?? checkArticle(file, settings.timezone);
    const previous = before.get(file.path);
    if (!check.article || !previous) return undefined;
    checkWithOthers(file.path, check, named, problems);
    const article = linkArticle(file.path, check.article, settings);
    if (article.url !== previous.url || article.status !== previous.status) return undefined;
    article.comments.approved = previous.comments.approved;
    const pinned = pinsOf(check.article);
    if (pinned) pins.set(file.path, pinned);
    saved.push(article);
  }
  const savedFiles = new Set(saved.map((article) => article.file));
  const articles = [...saved, ...last.articles.filter((article) => !savedFiles.has(article.file))];
  const none = { withErrors: new Set<string>(), leftOut: new Set<string>() };
  resolvePins(articles, pins, none, problems);
  // Every article of the last build's content is shown, and a saved one keeps its status.
  if (options.bodies) checkBodyReferences(saved, options.bodies, { ...images, isShown: () => true, ...none, among: articles }, problems);
  return problems.some((problem) => problem.severity === 'error') ? undefined : saved;
}

/** site.yml's `redirects:` as the plan takes them, each with the line it is written on. */
function siteRedirects({ site, file, locate }: CheckedSite): PlanRedirect[] {
  return Object.entries(site.redirects).map(([from, to]) => ({ from, to, file, at: locate(['redirects', from]) }));
}

/** `site.yml` if it is valid, without the rest of validation, so that work on the articles can start. */
export function peekSite(sources: ContentSources, baseUrl?: string): Site | undefined {
  return validateSite(sources.site, baseUrl, [])?.site;
}

/** A valid site.yml, with where each of its keys is written. */
interface CheckedSite {
  site: Site;
  file: string;
  locate: (path: readonly PropertyKey[]) => Position;
}

interface ImageLookups {
  assetExists: (sitePath: string) => boolean;
  isSvg: (sitePath: string) => boolean;
  /** Files of public/ as published, for "did you mean" (see ValidateOptions.publicFiles). */
  publicFiles: readonly string[];
}

interface Lookups extends ImageLookups {
  authors: Set<string>;
  categories: Set<string>;
}

/**
 * site.yml checked against its schema. A footer page of the wrong form
 * (`pages: [About]`) is left in `pageSlugs` to be reported once the pages
 * are known, with the nearest one as a hint.
 */
function validateSite(file: SourceFile | undefined, baseUrl: string | undefined, problems: Problem[], pageSlugs: { problem: Problem; written: string }[] = []): CheckedSite | undefined {
  if (!file) {
    problems.push(error('site.yml', 'site.yml is missing', { hint: 'create content/site.yml with title, url, language and timezone' }));
    return undefined;
  }
  const parsed = parseYamlMapping(file.text.replace(/^\uFEFF/, ''), file.path);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  const data = baseUrl ? { ...parsed.value.data, url: baseUrl } : parsed.value.data;
  problems.push(...unknownFields(file.path, data, knownKeys.site, parsed.value.locate));
  const checked = fieldProblems(file.path, { ...parsed.value, data }, siteSchema);
  for (const { path, problem } of checked.failures) {
    const written = Array.isArray(data.pages) && path[0] === 'pages' && typeof path[1] === 'number' && path.length === 2 ? data.pages[path[1]] : undefined;
    if (typeof written === 'string') pageSlugs.push({ problem, written });
    else problems.push(problem);
  }
  return checked.value && { site: checked.value, file: file.path, locate: parsed.value.locate };
}

function validateAuthor(file: SourceFile, images: ImageLookups, problems: Problem[]): Author[] {
  const parsed = readFrontMatter(file, problems);
  if (!parsed) return [];
  const fields = checkFields(file.path, parsed, authorSchema, knownKeys.author, problems, parsed.data, freeTextFields.author);
  const slug = fileSlug(file, problems, 'author');
  if (!fields || !slug) return [];
  if (fields.avatar) problems.push(...pictureProblems(file.path, fields.avatar, parsed.locate(['avatar']), 'an avatar', images));
  return [{ ...fields, slug, file: file.path, body: parsed.body, bodyLine: parsed.bodyLine }];
}

function validateCategory(file: SourceFile, problems: Problem[]): (Category & { at: { aliases: Position[] } })[] {
  const parsed = readFrontMatter(file, problems);
  if (!parsed) return [];
  const fields = checkFields(file.path, parsed, categorySchema, knownKeys.category, problems, parsed.data, freeTextFields.category);
  const slug = fileSlug(file, problems, 'section');
  if (!fields || !slug) return [];
  const at = { aliases: fields.aliases.map((_, index) => parsed.locate(['aliases', index])) };
  return [{ ...fields, slug, file: file.path, body: parsed.body, bodyLine: parsed.bodyLine, at }];
}

/** What linking an article takes from the site (see linkArticle). */
function linkSettings(site: Site | undefined, now: number): { timezone: string; permalink: string; now: number } {
  return { timezone: site?.timezone ?? 'UTC', permalink: site?.permalink ?? '/:category/:slug/', now };
}

function imageLookups(options: ValidateOptions): ImageLookups {
  return { assetExists: options.assetExists, isSvg: options.isSvg ?? (() => false), publicFiles: options.publicFiles ?? [] };
}

/**
 * Report an article's own problems, the far-ahead warning and what it names
 * in other files that is not there (see checkReferences). `allThere` is
 * false when something it names is missing.
 */
function checkWithOthers(
  file: string,
  check: ArticleCheck,
  { farAhead, lookups }: { farAhead: ReturnType<typeof farAheadCheck>; lookups: Lookups },
  problems: Problem[],
): { references: ArticleReferences | undefined; allThere: boolean } {
  problems.push(...check.problems);
  const tooFar = check.article && farAhead(file, check.article);
  if (tooFar) problems.push(tooFar);
  const references = check.article ? referencesOf(check.article) : check.references;
  const before = problems.length;
  if (references) checkReferences(file, references, lookups, problems);
  return { references, allThere: problems.length === before };
}

/** An article's `related:` pins with where each is written, or undefined when it pins none (or turns related links off). */
function pinsOf(article: CheckedArticle): { refs: string[]; at: Position[] } | undefined {
  return Array.isArray(article.related) ? { refs: article.related, at: article.at.related } : undefined;
}

/** What a valid article names in other files (see ArticleReferences). */
function referencesOf(article: CheckedArticle): ArticleReferences {
  return {
    slug: article.slug,
    bodyLine: article.bodyLine,
    authors: article.authors.map((value, index) => ({ value, at: article.at.authors[index] ?? article.at.category })),
    category: { value: article.category, at: article.at.category },
    imageSrc: article.image ? { value: article.image.src, at: article.at.imageSrc } : undefined,
    // Checked here only when the article cannot be linked; otherwise resolvePins turns them into addresses.
    related: Array.isArray(article.related) ? article.related.map((value, index) => ({ value, at: article.at.related[index] ?? article.at.category })) : [],
  };
}

/**
 * The checks of an article against the other files: its authors and section
 * must exist and its lead image must be a file in public/. Made for an
 * article with errors of its own too, on what of it could be read. A slug
 * of the wrong form (`category: New`) is reported here, where the nearest
 * existing one can be named.
 */
function checkReferences(file: string, refs: ArticleReferences, lookups: Lookups, problems: Problem[]): void {
  const slugProblem = (ref: Reference, unknown: string, candidates: ReadonlySet<string>, otherwise: string) =>
    error(file, ref.formProblem ?? unknown, { position: ref.at, hint: didYouMean(ref.value, candidates) ?? otherwise });
  for (const author of refs.authors) {
    if (author.formProblem === undefined && lookups.authors.has(author.value)) continue;
    problems.push(slugProblem(author, `unknown author "${author.value}"`, lookups.authors, 'authors are the files in content/authors/ (without .md)'));
  }
  const category = refs.category;
  if (category && (category.formProblem !== undefined || !lookups.categories.has(category.value))) {
    problems.push(slugProblem(category, `unknown section "${category.value}"`, lookups.categories, 'sections are the files in content/categories/ (without .md)'));
  }
  if (refs.imageSrc) problems.push(...pictureProblems(file, refs.imageSrc.value, refs.imageSrc.at, 'a lead image', lookups));
}

/** A valid article whose references are in order, as the rest of the build takes it. */
function linkArticle(file: string, article: CheckedArticle, settings: { timezone: string; permalink: string; now: number }): Article {
  const { draft, scheduled: _scheduled, at: _at, related, comments, ...rest } = article;
  return {
    ...rest,
    // Pins are resolved to addresses once every article is known (resolvePins).
    related: related === false ? false : [],
    // Filled in once every article is known (attachComments).
    comments: { open: comments, folder: article.slug, approved: [] },
    status: draft ? 'draft' : article.date.epoch > settings.now ? 'scheduled' : 'published',
    url: articlePath(settings.permalink, { slug: article.slug, category: article.category, calendar: () => calendarParts(article.date.epoch, settings.timezone) }),
    file,
  };
}

/** Slugs of the articles with errors of their own, and of those this build leaves out (see findArticle). */
interface Broken {
  withErrors: ReadonlySet<string>;
  leftOut: ReadonlySet<string>;
}

/**
 * The pins of articles with errors of their own, checked against the valid
 * articles as a valid article's are, so that a mistyped pin is reported in
 * the same run as the article's other errors.
 */
function checkPinsOfBroken(articles: Article[], pins: readonly { file: string; slug: string | undefined; refs: Reference[] }[], broken: Broken, problems: Problem[]): void {
  if (pins.length === 0) return;
  const byRef = articlesByRef(articles);
  for (const { file, slug, refs } of pins) {
    for (const ref of refs) {
      if (ref.formProblem !== undefined) {
        problems.push(error(file, ref.formProblem, { position: ref.at, hint: didYouMean(ref.value, byRef.keys()) }));
        continue;
      }
      const found = findArticle(ref.value, byRef, undefined, 'an article cannot be related to itself', broken.withErrors, broken.leftOut, slug);
      if ('message' in found) problems.push(error(file, `related: ${found.message}`, { position: ref.at, ...(found.hint && { hint: found.hint }) }));
    }
  }
}

/**
 * Turn `related: [slug, …]` into the addresses of those articles. A slug
 * may name an article in any section; where two sections use it, the editor
 * writes section/slug.
 */
function resolvePins(articles: Article[], pins: Map<string, { refs: string[]; at: Position[] }>, broken: Broken, problems: Problem[]): void {
  if (pins.size === 0) return;
  const byRef = articlesByRef(articles);
  for (const article of articles) {
    const pinned = pins.get(article.file);
    if (!pinned || article.related === false) continue;
    const urls: string[] = [];
    pinned.refs.forEach((ref, index) => {
      const found = findArticle(ref, byRef, article, 'an article cannot be related to itself', broken.withErrors, broken.leftOut);
      if ('article' in found) {
        if (!urls.includes(found.article.url)) urls.push(found.article.url);
      } else if ('message' in found) {
        problems.push(error(article.file, `related: ${found.message}`, { position: pinned.at[index], ...(found.hint && { hint: found.hint }) }));
      }
    });
    article.related = urls;
  }
}

function reportDuplicateSlugs(items: { slug: string; file: string }[], kind: string, problems: Problem[]): void {
  const seen = new Map<string, string>();
  for (const item of [...items].sort((a, b) => compareText(a.file, b.file))) {
    const first = seen.get(item.slug);
    if (first) {
      problems.push(error(item.file, `the ${kind} slug "${item.slug}" is also used by ${first}`, { hint: 'rename one of the two files' }));
    } else {
      seen.set(item.slug, item.file);
    }
  }
}

/** The first file (in file order) of each slug. */
function firstBySlug(items: readonly { slug: string; file: string }[]): { slug: string; file: string }[] {
  const first = new Map<string, { slug: string; file: string }>();
  for (const { slug, file } of [...items].sort((a, b) => compareText(a.file, b.file))) if (!first.has(slug)) first.set(slug, { slug, file });
  return [...first.values()];
}

/** A lead image or avatar must be a file in public/, and not an SVG. */
function pictureProblems(file: string, sitePath: string, position: Position, use: string, images: ImageLookups): Problem[] {
  if (!images.assetExists(sitePath)) {
    const hint = didYouMeanPath(sitePath, images.publicFiles.map((name) => `/${name}`)) ?? `add the file public${sitePath}, or fix the path`;
    return [error(file, `image ${sitePath} is not in public/`, { position, hint })];
  }
  if (!images.isSvg(sitePath)) return [];
  return [
    error(file, `image ${sitePath} is an SVG, which cannot be ${use}: an SVG is a document that can carry script`, {
      position,
      hint: 'export it as PNG, JPEG or WebP and name that file; an SVG can still be shown in the text with ![…](…)',
    }),
  ];
}

const bySlug = (a: { slug: string }, b: { slug: string }) => compareText(a.slug, b.slug);

const newestFirst = (a: Article, b: Article) => b.date.epoch - a.date.epoch || compareText(a.slug, b.slug);
const soonestFirst = (a: Article, b: Article) => a.date.epoch - b.date.epoch || compareText(a.file, b.file);
