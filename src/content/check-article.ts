import { error, type Position, type Problem } from '../util/problems.js';
import type { SourceFile, Tag } from './types.js';
import { fieldProblems, fileSlug, readFrontMatter, unknownFields, type FieldFailure } from './check-fields.js';
import { articleSchema, freeTextFields, imageSchema, knownKeys, type ArticleFrontMatter } from './schema.js';
import { MAX_PAGES_PER_FILE, MAX_TAG_LENGTH } from './limits.js';
import { MAX_SLUG_LENGTH, slugifyText, slugProblem, WINDOWS_RESERVED } from './slug.js';

/** An article file that passed every check that needs no other file. Plain data: it crosses threads and goes into the cache. */
export interface CheckedArticle extends Omit<ArticleFrontMatter, 'tags' | 'slug'> {
  slug: string;
  tags: Tag[];
  bodyLine: number;
  /** Where the fields that other files must agree with are written, for messages. */
  at: { slug: Position | undefined; date: Position; authors: Position[]; category: Position; imageSrc: Position; related: Position[]; aliases: Position[] };
}

/**
 * A slug or path an article names in other files, where it is written, and
 * when its form is wrong the problem to report: with a "did you mean" hint,
 * which only the other files can give (see validate.ts).
 */
export interface Reference {
  value: string;
  at: Position;
  formProblem?: string | undefined;
}

/**
 * What an article with errors of its own names in other files, as far as
 * its front matter could be read: checked against them all the same, so
 * that one run reports every problem. Fields that could not be read name
 * nothing, so that no error follows from another.
 */
export interface ArticleReferences {
  slug: string | undefined;
  /** Where the body starts, for problems found in it. */
  bodyLine: number;
  authors: Reference[];
  category: Reference | undefined;
  imageSrc: Reference | undefined;
  related: Reference[];
}

export interface ArticleCheck {
  problems: Problem[];
  /** Absent when the file has errors of its own. */
  article: CheckedArticle | undefined;
  /** When `article` is absent but the front matter was read: what it names in other files. */
  references?: ArticleReferences | undefined;
}

/** The check, and the Markdown body to render; the body is not kept with the check (it is most of the file). */
export type ArticleCheckWithBody = ArticleCheck & { body: string | undefined };

const schemas = new Map<string, ReturnType<typeof articleSchema>>();

/**
 * Every check of an article that needs only the file itself: front matter,
 * schema, unknown fields, slug and tags. Pure, so the result can be cached
 * by the file's bytes and computed in any thread.
 */
export function checkArticle(file: SourceFile, timezone: string): ArticleCheckWithBody {
  const problems: Problem[] = [];
  const parsed = readFrontMatter(file, problems);
  if (!parsed) return { problems, article: undefined, body: undefined };

  const data: Record<string, unknown> = { ...parsed.data };
  // `author:` is accepted for `authors:`; positions keep pointing at what was written.
  let authorsKey = 'authors';
  if ('author' in data) {
    if ('authors' in data) {
      problems.push(
        error(file.path, 'both "author" and "authors" are set', { position: parsed.locate(['author']), hint: 'keep one: authors: [slug, …]' }),
      );
    } else {
      data.authors = data.author;
      authorsKey = 'author';
    }
    delete data.author;
  }
  const written = (path: readonly PropertyKey[]): readonly PropertyKey[] => (path[0] === 'authors' ? [authorsKey, ...path.slice(1)] : path);
  const locate = (path: readonly PropertyKey[]): Position => parsed.locate(written(path));
  const numberSource = (path: readonly PropertyKey[]): string | undefined => parsed.numberSource?.(written(path));

  let schema = schemas.get(timezone);
  if (!schema) {
    schema = articleSchema(timezone);
    schemas.set(timezone, schema);
  }
  problems.push(...unknownFields(file.path, parsed.data, knownKeys.article, locate));
  const checked = fieldProblems(file.path, { data, locate, numberSource }, schema, freeTextFields.article);
  const deferred = new Map<string, FieldFailure>();
  for (const failure of checked.failures) {
    if (isReferenceForm(failure.path, data)) deferred.set(failure.path.join('.'), failure);
    else problems.push(withSlugHint(failure, data.slug));
  }
  const fields = checked.value;
  if (!fields) {
    const slug = writtenSlug(data.slug) ?? (data.slug === undefined ? fileSlug(file, problems, 'article') : undefined);
    return { problems, article: undefined, body: parsed.body, references: referencesOf(data, slug, parsed.bodyLine, locate, deferred) };
  }
  const slug = fields.slug ?? fileSlug(file, problems, 'article');
  if (!slug) return { problems, article: undefined, body: parsed.body, references: referencesOf(data, slug, parsed.bodyLine, locate, deferred) };

  // Returned even when a tag is unusable, so that the checks against other
  // files still run and the editor sees every problem at once.
  const tags = uniqueTags(fields.tags, file.path, locate, problems);
  const tooMany = pagesProblem(tags.length, fields.aliases.length, file.path, locate([tags.length > 0 ? 'tags' : 'aliases']));
  if (tooMany) problems.push(tooMany);
  const { slug: _written, tags: _names, ...rest } = fields;
  return {
    problems,
    body: parsed.body,
    article: {
      ...rest,
      slug,
      tags,
      bodyLine: parsed.bodyLine,
      at: {
        slug: fields.slug === undefined ? undefined : locate(['slug']),
        date: locate(['date']),
        authors: fields.authors.map((_, index) => locate(['authors', index])),
        category: locate(['category']),
        imageSrc: locate(['image', 'src']),
        related: Array.isArray(fields.related) ? fields.related.map((_, index) => locate(['related', index])) : [],
        aliases: fields.aliases.map((_, index) => locate(['aliases', index])),
      },
    },
  };
}

function uniqueTags(names: string[], file: string, locate: (path: readonly PropertyKey[]) => Position, problems: Problem[]): Tag[] {
  const tags = new Map<string, Tag>();
  names.forEach((name, index) => {
    const problem = tagProblem(name);
    if (problem) {
      problems.push(error(file, problem.message, { position: locate(['tags', index]), hint: problem.hint }));
    } else {
      const slug = slugifyText(name);
      if (!tags.has(slug)) tags.set(slug, { name, slug });
    }
  });
  return [...tags.values()];
}

/** Why a tag cannot have a page of its own, in words that say what to change; undefined when it can. */
export function tagProblem(name: string): { message: string; hint?: string } | undefined {
  const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
  // Before slugifying: the length is the tag's own problem, and transliterating a long text costs time.
  if (name.length > MAX_TAG_LENGTH) {
    return { message: `tag "${shown}" is ${name.length} characters long; the limit is ${MAX_TAG_LENGTH}`, hint: 'a tag names a topic in a few words' };
  }
  const slug = slugifyText(name);
  if (slug === '') return { message: `tag "${shown}" has no letters or digits to make a web address from` };
  if (slug.length > MAX_SLUG_LENGTH) {
    return { message: `tag "${shown}" makes an address of ${slug.length} characters (${slug.slice(0, 30)}…); the limit is ${MAX_SLUG_LENGTH}`, hint: 'shorten the tag' };
  }
  if (WINDOWS_RESERVED.test(slug)) {
    return {
      message: `tag "${shown}" would have the address /tags/${slug}/, a name Windows reserves for devices (con, prn, aux, nul, com1…, lpt1…)`,
      hint: 'such a folder cannot be made on every host: add a word to the tag',
    };
  }
  const other = slugProblem(slug);
  return other ? { message: `tag "${shown}" cannot make a web address: its address "${slug}" ${other}`, hint: 'rename the tag' } : undefined;
}

/** The pages one article adds to the site: its own, a page per tag, a redirect per alias (see MAX_PAGES_PER_FILE). */
function pagesProblem(tags: number, aliases: number, file: string, at: Position): Problem | undefined {
  const pages = 1 + tags + aliases;
  if (pages <= MAX_PAGES_PER_FILE) return undefined;
  return error(file, `this article would add ${pages} pages to the site (its own, ${tags} tag pages and ${aliases} redirects); one file may add at most ${MAX_PAGES_PER_FILE}`, {
    position: at,
    hint: 'keep the tags and aliases that readers need',
  });
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/**
 * A failure of the form of a slug another file must have (a section, an
 * author, a pinned article): reported with the references, where the
 * nearest existing slug can be named (`category: New` → "news").
 */
function isReferenceForm(path: readonly PropertyKey[], data: Record<string, unknown>): boolean {
  const [field, index] = path;
  if (field === 'category') return path.length === 1 && typeof data.category === 'string';
  if (field !== 'authors' && field !== 'related') return false;
  if (path.length !== 2 || typeof index !== 'number') return false;
  return typeof asList(data[field])[index] === 'string';
}

const writtenSlug = (value: unknown): string | undefined => (typeof value === 'string' && !slugProblem(value) ? value : undefined);

/** What an article with errors names in other files: each field as written, where it is a text (see ArticleReferences). */
function referencesOf(
  data: Record<string, unknown>,
  slug: string | undefined,
  bodyLine: number,
  locate: (path: readonly PropertyKey[]) => Position,
  deferred: ReadonlyMap<string, FieldFailure>,
): ArticleReferences {
  const listed = (field: 'authors' | 'related'): Reference[] =>
    asList(data[field]).flatMap((value, index) =>
      typeof value === 'string' ? [{ value, at: locate([field, index]), formProblem: deferred.get(`${field}.${index}`)?.problem.message }] : [],
    );
  const image = data.image;
  const src = typeof image === 'object' && image !== null && !Array.isArray(image) ? imageSchema.shape.src.safeParse((image as Record<string, unknown>).src) : undefined;
  return {
    slug,
    bodyLine,
    authors: listed('authors'),
    category: typeof data.category === 'string' ? { value: data.category, at: locate(['category']), formProblem: deferred.get('category')?.problem.message } : undefined,
    imageSrc: src?.success ? { value: src.data, at: locate(['image', 'src']) } : undefined,
    related: data.related === false ? [] : listed('related'),
  };
}

/** A `slug:` of the wrong form, with the slug its text makes as a hint (`Harbour_Wall` → "harbour-wall"). */
function withSlugHint(failure: FieldFailure, written: unknown): Problem {
  if (failure.path.length !== 1 || failure.path[0] !== 'slug' || typeof written !== 'string' || failure.problem.hint) return failure.problem;
  const suggestion = slugifyText(written);
  return suggestion && !slugProblem(suggestion) ? { ...failure.problem, hint: `did you mean "${suggestion}"?` } : failure.problem;
}
