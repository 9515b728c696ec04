import { posix } from 'node:path';
import type { z } from 'zod';
import { compareText, error, warning, type Problem } from '../problems.js';
import type { Article, Author, Category, Content, Site, SourceFile, Tag } from '../types.js';
import { editorMessage } from './editor-messages.js';
import { parseFrontMatter, type FrontMatterFile } from './front-matter.js';
import { expandPermalink } from './permalink.js';
import {
  articleSchema,
  authorSchema,
  categorySchema,
  ENGINE_KEYS,
  knownKeys,
  siteSchema,
} from './schema.js';
import { slugFromFileName, slugifyText, slugProblem } from './slug.js';
import { didYouMean } from './suggest.js';
import { parseYamlMapping, type YamlMapping } from './yaml-mapping.js';

/** The raw files of a newsroom, as the loader found them. */
export interface ContentSources {
  /** `site.yml`; missing when the file does not exist. */
  site: SourceFile | undefined;
  articles: SourceFile[];
  authors: SourceFile[];
  categories: SourceFile[];
}

export interface ValidateOptions {
  /** The build time in ms; articles dated later are scheduled, not published. */
  now: number;
  drafts: boolean;
  future: boolean;
  /** Replaces `url` from `site.yml`. */
  baseUrl?: string | undefined;
  /** Whether a site path such as `/images/a.jpg` names a file in `public/`. */
  assetExists: (sitePath: string) => boolean;
}

export interface ValidationResult {
  /** Present only when there are no errors. */
  content: Content | undefined;
  problems: Problem[];
}

/**
 * Check every content file against the schema and against each other, and
 * collect every problem in every file rather than stopping at the first.
 */
export function validateContent(sources: ContentSources, options: ValidateOptions): ValidationResult {
  const problems: Problem[] = [];
  const site = validateSite(sources.site, options.baseUrl, problems);
  const timezone = site?.timezone ?? 'UTC';

  const authors = sources.authors.flatMap((file) => validateAuthor(file, options.assetExists, problems));
  const categories = sources.categories.flatMap((file) => validateCategory(file, problems));
  reportDuplicateSlugs(authors, 'author', problems);
  reportDuplicateSlugs(categories, 'section', problems);

  const lookups: Lookups = {
    authors: new Set(authors.map((a) => a.slug)),
    categories: new Set(categories.map((c) => c.slug)),
    assetExists: options.assetExists,
  };
  const settings = { schema: articleSchema(timezone), timezone, permalink: site?.permalink ?? '/:category/:slug/', now: options.now };
  const articles = sources.articles.flatMap((file) => validateArticle(file, settings, lookups, problems));
  reportDuplicateUrls(articles, problems);

  const shown = articles.filter(
    (a) => a.status === 'published' || (a.status === 'draft' && options.drafts) || (a.status === 'scheduled' && options.future),
  );
  const hasErrors = problems.some((p) => p.severity === 'error');
  if (!site || hasErrors) return { content: undefined, problems };
  return {
    content: {
      site,
      articles: shown.sort(newestFirst),
      authors: authors.sort(bySlug),
      categories: categories.sort((a, b) => a.order - b.order || compareText(a.slug, b.slug)),
    },
    problems,
  };
}

interface Lookups {
  authors: Set<string>;
  categories: Set<string>;
  assetExists: (sitePath: string) => boolean;
}

type Position = ReturnType<YamlMapping['locate']>;

function validateSite(file: SourceFile | undefined, baseUrl: string | undefined, problems: Problem[]): Site | undefined {
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
  return checkFields(file.path, { ...parsed.value, data }, siteSchema, knownKeys.site, problems);
}

function validateAuthor(file: SourceFile, assetExists: Lookups['assetExists'], problems: Problem[]): Author[] {
  const parsed = readFrontMatter(file, problems);
  if (!parsed) return [];
  const fields = checkFields(file.path, parsed, authorSchema, knownKeys.author, problems);
  const slug = fileSlug(file, problems, 'author');
  if (!fields || !slug) return [];
  if (fields.avatar && !assetExists(fields.avatar)) {
    problems.push(missingAsset(file.path, fields.avatar, parsed.locate(['avatar'])));
  }
  return [{ ...fields, slug, file: file.path, body: parsed.body, bodyLine: parsed.bodyLine }];
}

function validateCategory(file: SourceFile, problems: Problem[]): Category[] {
  const parsed = readFrontMatter(file, problems);
  if (!parsed) return [];
  const fields = checkFields(file.path, parsed, categorySchema, knownKeys.category, problems);
  const slug = fileSlug(file, problems, 'section');
  if (!fields || !slug) return [];
  return [{ ...fields, slug, file: file.path, body: parsed.body, bodyLine: parsed.bodyLine }];
}

function validateArticle(
  file: SourceFile,
  settings: { schema: ReturnType<typeof articleSchema>; timezone: string; permalink: string; now: number },
  lookups: Lookups,
  problems: Problem[],
): Article[] {
  const parsed = readFrontMatter(file, problems);
  if (!parsed) return [];
  const data: Record<string, unknown> = { ...parsed.data };
  // `author:` is accepted for `authors:`; positions keep pointing at what was written.
  let authorsKey = 'authors';
  if ('author' in data) {
    if ('authors' in data) {
      problems.push(
        error(file.path, 'both "author" and "authors" are set', {
          position: parsed.locate(['author']),
          hint: 'keep one: authors: [slug, …]',
        }),
      );
    } else {
      data.authors = data.author;
      authorsKey = 'author';
    }
    delete data.author;
  }
  const locate = (path: readonly PropertyKey[]): Position =>
    parsed.locate(path[0] === 'authors' ? [authorsKey, ...path.slice(1)] : path);

  const fields = checkFields(
    file.path,
    { data, locate },
    settings.schema,
    knownKeys.article,
    problems,
    parsed.data,
  );
  const slug = fields?.slug ?? fileSlug(file, problems, 'article');
  if (!fields || !slug) return [];

  const before = problems.length;
  fields.authors.forEach((author, index) => {
    if (!lookups.authors.has(author)) {
      problems.push(
        error(file.path, `unknown author "${author}"`, {
          position: locate(['authors', index]),
          hint: didYouMean(author, lookups.authors) ?? 'authors are the files in content/authors/ (without .md)',
        }),
      );
    }
  });
  if (!lookups.categories.has(fields.category)) {
    problems.push(
      error(file.path, `unknown section "${fields.category}"`, {
        position: locate(['category']),
        hint: didYouMean(fields.category, lookups.categories) ?? 'sections are the files in content/categories/ (without .md)',
      }),
    );
  }
  if (fields.image && !lookups.assetExists(fields.image.src)) {
    problems.push(missingAsset(file.path, fields.image.src, locate(['image', 'src'])));
  }
  const tags = uniqueTags(fields.tags, file.path, locate, problems);
  if (problems.length > before) return [];

  const { draft, slug: _slug, ...rest } = fields;
  return [
    {
      ...rest,
      slug,
      tags,
      status: draft ? 'draft' : fields.date.epoch > settings.now ? 'scheduled' : 'published',
      url: expandPermalink(settings.permalink, { slug, category: fields.category, epoch: fields.date.epoch }, settings.timezone),
      file: file.path,
      body: parsed.body,
      bodyLine: parsed.bodyLine,
    },
  ];
}

function readFrontMatter(file: SourceFile, problems: Problem[]): FrontMatterFile | undefined {
  const parsed = parseFrontMatter(file.text, file.path);
  if (parsed.ok) return parsed.value;
  problems.push(...parsed.problems);
  return undefined;
}

/**
 * Validate one mapping against its schema, reporting every failing field at
 * the line where it is written, and every unknown field as a warning.
 */
function checkFields<S extends z.ZodType>(
  file: string,
  yaml: YamlMapping,
  schema: S,
  known: Record<string, string[]>,
  problems: Problem[],
  written: Record<string, unknown> = yaml.data,
): z.output<S> | undefined {
  problems.push(...unknownFields(file, written, known, yaml.locate));
  const result = schema.safeParse(yaml.data, { error: editorMessage });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = issue.path.filter((p) => typeof p !== 'symbol').join('.');
    problems.push(
      error(file, field ? `${field}: ${issue.message}` : issue.message, { position: yaml.locate(issue.path) }),
    );
  }
  return undefined;
}

function unknownFields(
  file: string,
  data: Record<string, unknown>,
  known: Record<string, string[]>,
  locate: YamlMapping['locate'],
): Problem[] {
  const problems: Problem[] = [];
  for (const [parent, keys] of Object.entries(known)) {
    const holder = parent === '' ? data : Object.hasOwn(data, parent) ? data[parent] : undefined;
    if (typeof holder !== 'object' || holder === null || Array.isArray(holder)) continue;
    for (const key of Object.keys(holder)) {
      if (keys.includes(key)) continue;
      const path = parent === '' ? [key] : [parent, key];
      const name = path.join('.');
      problems.push(
        ENGINE_KEYS.has(key)
          ? warning(file, `"${name}" has no effect`, {
              position: locate(path),
              hint: 'content is data: Broadsheet picks templates and URLs itself; delete this line',
            })
          : warning(file, `unknown field "${name}" is ignored`, {
              position: locate(path),
              hint: didYouMean(key, keys) ?? `known fields here: ${keys.join(', ')}`,
            }),
      );
    }
  }
  return problems;
}

function fileSlug(file: SourceFile, problems: Problem[], kind: 'article' | 'author' | 'section'): string | undefined {
  const name = posix.basename(file.path);
  const slug = kind === 'article' ? slugFromFileName(name) : name.replace(/\.md$/i, '');
  const problem = slugProblem(slug);
  if (!problem) return slug;
  const suggestion = slugifyText(slug);
  problems.push(
    error(file.path, `the file name gives the ${kind} slug "${slug}", which ${problem}`, {
      hint:
        kind === 'article'
          ? `rename the file${suggestion ? ` to ${suggestion}.md` : ''}, or set slug: in the front matter`
          : `rename the file${suggestion ? ` to ${suggestion}.md` : ''}`,
    }),
  );
  return undefined;
}

function uniqueTags(
  names: string[],
  file: string,
  locate: (path: readonly PropertyKey[]) => Position,
  problems: Problem[],
): Tag[] {
  const tags = new Map<string, Tag>();
  names.forEach((name, index) => {
    const slug = slugifyText(name);
    if (slug === '' || slugProblem(slug)) {
      problems.push(
        error(file, `tag "${name.slice(0, 60)}" has no letters or digits to make a web address from`, {
          position: locate(['tags', index]),
        }),
      );
    } else if (!tags.has(slug)) {
      tags.set(slug, { name, slug });
    }
  });
  return [...tags.values()];
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

function reportDuplicateUrls(articles: Article[], problems: Problem[]): void {
  const seen = new Map<string, string>();
  for (const article of [...articles].sort((a, b) => compareText(a.file, b.file))) {
    const first = seen.get(article.url);
    if (first) {
      problems.push(
        error(article.file, `the address ${article.url} is also used by ${first}`, {
          hint: 'give one of the two articles a different slug: (or file name)',
        }),
      );
    } else {
      seen.set(article.url, article.file);
    }
  }
}

function missingAsset(file: string, sitePath: string, position: Position): Problem {
  return error(file, `image ${sitePath} is not in public/`, {
    position,
    hint: `add the file public${sitePath}, or fix the path`,
  });
}

const bySlug = (a: { slug: string }, b: { slug: string }) => compareText(a.slug, b.slug);

const newestFirst = (a: Article, b: Article) => b.date.epoch - a.date.epoch || compareText(a.slug, b.slug);
