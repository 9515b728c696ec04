import { z } from 'zod';
import { isKnownTimezone, parseContentDate, type ContentDate } from './dates.js';
import { slugProblem, WINDOWS_RESERVED } from './slug.js';
import { MAX_ALIASES, MAX_CORRECTIONS, MAX_CUSTOM_EMBEDS, MAX_FOOTER_PAGES, MAX_SITE_REDIRECTS, MAX_TAGS } from './limits.js';
import { endpointProblem, siteUrlProblem } from './web-address.js';
import { BUILT_IN_NAMES, CUSTOM_RATIOS } from '../markdown/embeds/providers.js';
import { embedPatternProblem } from './embed-pattern.js';
import { FONT_STACK_NAMES } from './theme-defaults.js';
import { cssColourHex } from '../util/colour-contrast.js';

/** True when `value` is one BCP 47 language tag (en-GB, de), as `<html lang>` and feeds need. */
export function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/*
 * The one source of truth for what editors may write. Types for the rest of
 * the code are inferred from these schemas; cross-file checks (does the
 * author exist?) happen in validate.ts, which knows every file.
 */

const text = z.string().trim().min(1, 'must not be empty');

/** Optional text where an empty value means "not given". */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const slug = z.string().superRefine((value, ctx) => {
  const problem = slugProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
});

const asList = (value: unknown) => (value === undefined || Array.isArray(value) ? value : [value]);

/** One value or a list of them; editors write either. */
const listOf = <T extends z.ZodType>(item: T) => z.preprocess(asList, z.array(item));

/**
 * A list of at most `max` items, counted before any item is checked: a list
 * of 100,000 tags is one error, quickly, not 100,000 checks (or errors).
 */
const boundedList = <T extends z.ZodType>(item: T, max: number, noun: string, why: string, owner = 'an article') =>
  z
    .array(z.unknown())
    .superRefine((list, ctx) => {
      if (list.length > max) ctx.addIssue({ code: 'custom', message: `${list.length} ${noun}, and ${owner} may have at most ${max} (${why})`, input: list });
    })
    .pipe(z.array(item));

/** A file under `public/`, written as a site path such as `/images/harbour.jpg`. */
const sitePath = z
  .string()
  .trim()
  .regex(
    /^\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\.[A-Za-z0-9]+$/,
    'must be a path to a file in public/, such as /images/harbour.jpg',
  );

const webUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'must be an http(s) address');

/** A value that must satisfy `problemOf` (undefined: it does), reported in its words. */
const grammar = (problemOf: (value: string) => string | undefined) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const problem = problemOf(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
    });

const email = z.string().trim().regex(/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/, 'must be an e-mail address');

const contentDate = (timezone: string) =>
  z.string().transform((value, ctx): ContentDate => {
    const result = parseContentDate(value, timezone);
    if (result.ok) return result.date;
    ctx.addIssue({ code: 'custom', message: result.reason, input: value, params: { hint: result.hint } });
    return z.NEVER;
  });

/**
 * An old address of an article (before a slug or section change, or from a
 * previous CMS), kept working by a redirect: a site path of plain segments,
 * such as `/news/old-slug/` or `/2019/05/story.html`. Never `..`, never a
 * Windows device name: the redirect page is written at this path.
 */
const aliasPath = z
  .string()
  .trim()
  .regex(/^\/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/)*(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*)?$/, 'must be a site path such as /news/old-slug/')
  .refine(
    // Windows reserves the device names with any extension too (`con.html`).
    (value) => !value.split('/').some((segment) => WINDOWS_RESERVED.test(segment.toLowerCase().replace(/\..*$/, ''))),
    'must not use a name Windows reserves for devices',
  )
  .refine((value) => value !== '/', 'must not be the home page');

/** Old addresses of one file, each a redirect page of its own; `owner` names the kind of file in the message. */
const aliasList = (owner: string) =>
  z.preprocess(asList, boundedList(aliasPath, MAX_ALIASES, 'aliases', 'each alias is a redirect page of its own', owner)).default([]);

/**
 * Where a page is published, when not at `/<slug>/`: a site path of slugs,
 * such as `/about/` or `/about/ethics/`. The address plan decides whether it
 * is free.
 */
const pagePermalink = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const segments = /^\/(.+)\/$/.exec(value)?.[1]?.split('/');
    const problem = segments ? segments.map(slugProblem).find((found) => found !== undefined) : 'must start and end with "/", such as /about/';
    if (problem) ctx.addIssue({ code: 'custom', message: segments ? `each part of the address ${problem}` : problem, input: value });
  });

/** A dated note that corrects or updates what an article said. */
const correction = (timezone: string) => z.object({ date: contentDate(timezone), text });

/** An article named in another's front matter: its slug, or section/slug where a slug is used twice. */
const articleRef = z
  .string()
  .trim()
  .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be an article slug, or section/slug');

const weight = z.number().min(0).max(100);

/** How "You may also like" is chosen when site.yml does not say. */
export const DEFAULT_RELATED_SETTINGS = {
  count: 5,
  weights: { text: 1, tags: 0.6, section: 0.1, author: 0.05, recency: 0.05 },
  recencyHalfLifeDays: 365,
};

/** "You may also like": how many links, and how the evidence is weighed (see src/related/engine.ts). */
export const relatedSettingsSchema = z.object({
  count: z.number().int().min(4).max(6).default(DEFAULT_RELATED_SETTINGS.count),
  recencyHalfLifeDays: z.number().positive().default(DEFAULT_RELATED_SETTINGS.recencyHalfLifeDays),
  weights: z
    .object({
      text: weight.default(DEFAULT_RELATED_SETTINGS.weights.text),
      tags: weight.default(DEFAULT_RELATED_SETTINGS.weights.tags),
      section: weight.default(DEFAULT_RELATED_SETTINGS.weights.section),
      author: weight.default(DEFAULT_RELATED_SETTINGS.weights.author),
      recency: weight.default(DEFAULT_RELATED_SETTINGS.weights.recency),
    })
    .default(DEFAULT_RELATED_SETTINGS.weights),
});

/**
 * Readers' comments. Approved comments are files in content/comments/ and
 * are shown whenever `enabled`; the form appears only when an endpoint is
 * set: nothing posts anywhere by default.
 */
export const commentSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  /** Where the "Leave a comment" form posts (a moderation service, a form handler); its origin goes into the CSP header. */
  endpoint: grammar(endpointProblem).optional(),
});

/**
 * An embed provider a newsroom allows besides the built-in ones (see
 * src/markdown/embeds/providers.ts): addresses like `address`, where `{id}`
 * stands for 1 to 64 letters, digits, `_` or `-`, are shown as a facade that
 * loads `frame` (with the same id) on a click. Patterns, never regexes.
 */
export const customEmbedSchema = z.strictObject({
  name: text
    .max(40, 'must be at most 40 characters: it is printed on every embed')
    .refine((value) => !BUILT_IN_NAMES.some((name) => name.toLowerCase() === value.toLowerCase()), 'is a built-in provider already; give another name'),
  address: grammar(embedPatternProblem),
  frame: grammar(embedPatternProblem),
  aspectRatio: z.enum(CUSTOM_RATIOS, { error: `must be one of ${CUSTOM_RATIOS.join(', ')} (in quotes)` }).default('16:9'),
});

const customEmbeds = z
  .array(z.unknown())
  .superRefine((list, ctx) => {
    if (list.length > MAX_CUSTOM_EMBEDS) ctx.addIssue({ code: 'custom', message: `${list.length} providers, and site.yml may add at most ${MAX_CUSTOM_EMBEDS}`, input: list });
  })
  .pipe(z.array(customEmbedSchema))
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((provider, index) => {
      const name = provider.name.toLowerCase();
      if (seen.has(name)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `names a second provider "${provider.name}"; give each its own name`, input: provider.name });
      seen.add(name);
    });
  });

/** The git hosts Decap CMS can publish through with editorial workflow (pull or merge requests). */
export const ADMIN_BACKENDS = ['github', 'gitlab', 'bitbucket'] as const;

/**
 * Where the web editor (/admin/, Decap CMS) reads and writes when it runs on
 * the published site: a repository on a git host. Signing in to GitHub from
 * a site not on Netlify needs an OAuth proxy, named by `base_url` (and
 * `auth_endpoint` when its path is not `auth`). The local editor of `serve`
 * writes into the content folder instead and needs none of it.
 */
export const adminBackendSchema = z.object({
  name: z.enum(ADMIN_BACKENDS, { error: `must be one of ${ADMIN_BACKENDS.join(', ')}` }).default('github'),
  repo: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)+$/, 'must be the repository as owner/name, such as courier/newsroom'),
  branch: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._/-]+$/, 'must be a branch name such as main')
    .default('main'),
  base_url: webUrl.optional(),
  auth_endpoint: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._/-]+$/, 'must be a path on the OAuth proxy, such as auth')
    .optional(),
});

/** The web editor at /admin/: off unless site.yml turns it on. */
export const adminSettingsSchema = z
  .object({
    enabled: z.boolean().default(false),
    backend: adminBackendSchema.optional(),
  })
  .superRefine((admin, ctx) => {
    if (admin.enabled && !admin.backend) {
      ctx.addIssue({ code: 'custom', path: ['backend'], message: 'is needed when the web editor is on: the repository it publishes to, such as { repo: courier/newsroom }', input: admin });
    }
  });

/**
 * A colour as CSS writes it (`"#1d4e89"`, `rebeccapurple`, `oklch(45% 0.12 250)`),
 * kept as `#rrggbb`. Unquoted, `#1d4e89` is a YAML comment and the key is
 * empty: the message says to quote it.
 */
const cssColour = z
  .string({ error: (issue) => (issue.input === null ? 'is empty; a colour such as "#1d4e89" needs quotes, since # starts a comment in YAML' : undefined) })
  .trim()
  .transform((value, ctx) => {
    const hex = cssColourHex(value);
    if (hex) return hex;
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a CSS colour (one without transparency)`, input: value, params: { hint: 'write it as "#1d4e89" (in quotes), or a CSS colour name such as darkred' } });
    return z.NEVER;
  });

const fontChoice = z.enum([...FONT_STACK_NAMES, 'custom'], { error: `must be one of ${FONT_STACK_NAMES.join(', ')}, or custom (the files of fonts.custom)` });

/** The most font files one theme may name: each is a download on a reader's first visit. */
export const MAX_FONT_FILES = 8;

/** A self-hosted font file: a path alone (a variable font, every weight), or with the weight and style it holds. */
const fontFile = z.union(
  [
    sitePath,
    z.strictObject({
      src: sitePath,
      weight: z.union([z.number().int().min(1).max(1000), z.string().trim().regex(/^\d{1,4} \d{1,4}$/, 'must be a weight such as 400, or a range such as "100 900"')]).optional(),
      style: z.enum(['normal', 'italic']).default('normal'),
    }),
  ],
  { error: 'must be a path to a font file in public/, such as /fonts/courier-sans.woff2, or { src, weight, style }' },
);

/** A typeface the newsroom publishes itself, from files in public/ (WOFF2, WOFF, TTF or OTF). */
export const customFontSchema = z.object({
  // Printed inside quotes in the stylesheet: letters, digits, spaces and hyphens keep it from ever closing them.
  family: text.regex(/^[A-Za-z0-9][A-Za-z0-9 -]{0,62}$/, 'must be a family name of letters, digits, spaces and hyphens, such as Courier Sans'),
  files: z
    .preprocess(asList, boundedList(fontFile, MAX_FONT_FILES, 'font files', 'each is a download on a reader\'s first visit', 'a theme'))
    .refine((list) => list.length > 0, 'needs at least one font file, such as /fonts/courier-sans.woff2'),
  /** The named stack shown until the files arrive, and where they lack a character. */
  fallback: z.enum(FONT_STACK_NAMES, { error: `must be one of ${FONT_STACK_NAMES.join(', ')}` }).default('serif'),
});

/** The typefaces of headings and of the text. */
export const themeFontsSchema = z
  .object({
    headings: fontChoice.default('serif'),
    body: fontChoice.default('serif'),
    custom: customFontSchema.optional(),
  })
  .superRefine((fonts, ctx) => {
    for (const key of ['headings', 'body'] as const) {
      if (fonts[key] === 'custom' && !fonts.custom) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'is custom, but fonts.custom names no files', input: fonts[key], params: { hint: 'add fonts.custom with family: and files: [/fonts/….woff2], or choose a named stack' } });
      }
    }
  });

/**
 * The paper's look (see src/outputs/theme/theme-stylesheet.ts): every key
 * optional, and without them the site looks as Broadsheet's stylesheet has it.
 */
export const themeSettingsSchema = z.object({
  /** Section labels, focus rings, quote rules: text on the page, so it must reach WCAG AA contrast. */
  accent: cssColour.optional(),
  /** The accent in dark mode; made from `accent` (lighter, the same hue) when not given. */
  accentDark: cssColour.optional(),
  /** `true`: the masthead shows site.yml's `logo:` instead of the paper's name in type. */
  logo: z.boolean().default(false),
  fonts: themeFontsSchema.default({ headings: 'serif', body: 'serif' }),
});

const PERMALINK = /^\/(?:(?:[a-z0-9-]|:year|:month|:day|:category|:slug)+\/)*$/;

export const siteSchema = z.object({
  title: text,
  // Its path goes into _headers, _redirects and robots.txt.
  url: grammar(siteUrlProblem).transform((value) => (value.endsWith('/') ? value : `${value}/`)),
  language: z.string().refine(isLanguageTag, 'must be a BCP 47 language tag such as en-GB'),
  timezone: z.string().refine(isKnownTimezone, 'must be an IANA timezone such as Europe/London'),
  description: optionalText,
  permalink: z
    .string()
    .default('/:category/:slug/')
    .refine(
      (value) => PERMALINK.test(value) && value.includes(':slug'),
      'must start and end with "/", contain :slug, and use only :year :month :day :category :slug and a-z 0-9 -',
    ),
  perPage: z.number().int().min(1).max(1000).default(20),
  /** The publisher's logo (news search results, JSON-LD), a file in public/. */
  logo: sitePath.optional(),
  related: relatedSettingsSchema.default(DEFAULT_RELATED_SETTINGS),
  comments: commentSettingsSchema.default({ enabled: true }),
  /** Embed providers the newsroom allows besides the built-in ones. */
  embeds: customEmbeds.default([]),
  /** The pages (content/pages/, by slug) the footer links to, in this order. */
  pages: z
    .array(z.unknown())
    .superRefine((list, ctx) => {
      if (list.length > MAX_FOOTER_PAGES) ctx.addIssue({ code: 'custom', message: `${list.length} pages, and the footer links at most ${MAX_FOOTER_PAGES}`, input: list });
    })
    .pipe(z.array(slug))
    .default([]),
  /**
   * Old site paths with no content file to hold them (an old CMS's category
   * and tag archives), each sent on to a site path this site has.
   */
  redirects: z
    .record(z.string(), z.unknown())
    .superRefine((mapping, ctx) => {
      const count = Object.keys(mapping).length;
      if (count > MAX_SITE_REDIRECTS) ctx.addIssue({ code: 'custom', message: `${count} redirects, and site.yml may have at most ${MAX_SITE_REDIRECTS}`, input: mapping });
    })
    .pipe(z.record(z.string(), z.string({ error: 'must be a site path such as /news/' })))
    .transform((mapping, ctx) => {
      const checked: Record<string, string> = {};
      for (const [from, to] of Object.entries(mapping)) {
        const old = aliasPath.safeParse(from);
        const target = aliasPath.safeParse(to);
        if (!old.success) ctx.addIssue({ code: 'custom', path: [from], message: `the old address ${old.error.issues[0]?.message ?? 'is not a site path'}`, input: from });
        if (!target.success) ctx.addIssue({ code: 'custom', path: [from], message: `the new address ${target.error.issues[0]?.message ?? 'is not a site path'}`, input: to });
        if (old.success && target.success) checked[old.data] = target.data;
      }
      return checked;
    })
    .default({}),
  /** The web editor at /admin/ (Decap CMS); off by default. */
  admin: adminSettingsSchema.default({ enabled: false }),
  /** Accent colour, masthead logo and fonts; without it, Broadsheet's own look. */
  theme: themeSettingsSchema.default({ logo: false, fonts: { headings: 'serif', body: 'serif' } }),
});

export const imageSchema = z.object({
  src: sitePath,
  alt: text,
  caption: optionalText,
  credit: optionalText,
});

export const articleSchema = (timezone: string) =>
  z
    .object({
      title: text,
      summary: optionalText,
      date: contentDate(timezone),
      updated: contentDate(timezone).optional(),
      authors: listOf(slug).pipe(z.array(z.string()).min(1, 'needs at least one author')),
      category: slug,
      tags: z.preprocess(asList, boundedList(text, MAX_TAGS, 'tags', 'each tag is a page of its own')).default([]),
      image: imageSchema.optional(),
      draft: z.boolean().default(false),
      /** `true`: a date more than a year ahead is meant, so it is not reported as a likely typo (see far-ahead.ts). */
      scheduled: z.boolean().default(false),
      slug: slug.optional(),
      // `false` turns the block off; a list pins those articles first, in order.
      related: z
        .union([z.literal(false), listOf(articleRef)], { error: 'must be false, or a list of article slugs (or section/slug)' })
        .optional(),
      /** The original address when the article was first published elsewhere (syndication). */
      canonical: webUrl.optional(),
      corrections: boundedList(correction(timezone), MAX_CORRECTIONS, 'corrections', 'a story corrected this often needs a new article').default([]),
      aliases: aliasList('an article'),
      // `false` closes the article to new comments; approved ones stay.
      comments: z.boolean().default(true),
    })
    .superRefine((article, ctx) => {
      if (article.updated && article.updated.epoch < article.date.epoch) {
        ctx.addIssue({ code: 'custom', path: ['updated'], message: 'is before the publication date', input: article.updated });
      }
    });

export const authorLinksSchema = z.object({
  website: webUrl.optional(),
  email: email.optional(),
  mastodon: webUrl.optional(),
  bluesky: webUrl.optional(),
  x: webUrl.optional(),
  linkedin: webUrl.optional(),
  github: webUrl.optional(),
});

export const authorSchema = z.object({
  name: text,
  role: optionalText,
  avatar: sitePath.optional(),
  links: authorLinksSchema.default({}),
});

/** The longest name a commenter may sign with; a byline, not a paragraph. */
export const MAX_COMMENTER_NAME = 100;

/**
 * A reader's comment, approved by being committed as
 * `content/comments/<article>/<id>.yml`. Readers wrote it: the body is
 * Markdown that goes through the sanitizing pipeline like an article's.
 */
export const commentSchema = (timezone: string) =>
  z.object({
    name: text.max(MAX_COMMENTER_NAME, `must be at most ${MAX_COMMENTER_NAME} characters`),
    date: contentDate(timezone),
    body: text,
    /** The id (file name without .yml) of the comment this one answers. */
    'reply-to': slug.optional(),
  });

export const categorySchema = z.object({
  name: text,
  description: optionalText,
  order: z.number().int().default(1000),
  /** Old addresses of the section page (an old CMS's category archive). */
  aliases: aliasList('a section'),
});

/** A page such as About or the ethics policy: `content/pages/<slug>.md`. */
export const pageSchema = (timezone: string) =>
  z.object({
    title: text,
    /** The meta description; when missing, the first paragraph of the body. */
    summary: optionalText,
    permalink: pagePermalink.optional(),
    updated: contentDate(timezone).optional(),
    draft: z.boolean().default(false),
    aliases: aliasList('a page'),
  });

export type SiteSettings = z.output<typeof siteSchema>;
export type AdminSettings = z.output<typeof adminSettingsSchema>;
export type ThemeSettings = z.output<typeof themeSettingsSchema>;
export type ArticleFrontMatter = z.output<ReturnType<typeof articleSchema>>;
export type AuthorFrontMatter = z.output<typeof authorSchema>;
export type CategoryFrontMatter = z.output<typeof categorySchema>;
export type ImageFrontMatter = z.output<typeof imageSchema>;
export type PageFrontMatter = z.output<ReturnType<typeof pageSchema>>;
export type CommentFields = z.output<ReturnType<typeof commentSchema>>;

/** Keys each mapping accepts, by path (`''` is the top level), for "did you mean" warnings. */
export const knownKeys = {
  site: {
    '': Object.keys(siteSchema.shape),
    related: Object.keys(relatedSettingsSchema.shape),
    'related.weights': Object.keys(DEFAULT_RELATED_SETTINGS.weights),
    comments: Object.keys(commentSettingsSchema.shape),
    admin: ['enabled', 'backend'],
    'admin.backend': Object.keys(adminBackendSchema.shape),
    theme: Object.keys(themeSettingsSchema.shape),
    'theme.fonts': Object.keys(themeFontsSchema.shape),
    'theme.fonts.custom': Object.keys(customFontSchema.shape),
  },
  article: {
    // `author` is the accepted alias of `authors`.
    '': [...Object.keys(articleSchema('UTC').shape), 'author'],
    image: Object.keys(imageSchema.shape),
  },
  author: { '': Object.keys(authorSchema.shape), links: Object.keys(authorLinksSchema.shape) },
  category: { '': Object.keys(categorySchema.shape) },
  page: { '': Object.keys(pageSchema('UTC').shape) },
  comment: { '': Object.keys(commentSchema('UTC').shape) },
} satisfies Record<string, Record<string, string[]>>;

/**
 * Free-text fields, by path (`*`: every item of a list): what people read,
 * never a count or a setting. YAML reads `- 47`, `- 2024` or `title: 1984`
 * as numbers, yet there a number can only have been meant as the text
 * written. Numbers anywhere else (`order`, `related.count`) stay numbers.
 */
export const freeTextFields = {
  article: ['title', 'summary', 'tags', 'tags.*', 'image.alt', 'image.caption', 'image.credit', 'corrections.*.text'],
  author: ['name', 'role'],
  category: ['name', 'description'],
} satisfies Record<string, string[]>;

/**
 * `data` with each number in a free-text field (see freeTextFields) replaced
 * by its text, when that text is exactly what was written (`numberSource`):
 * `2024` becomes "2024". A number YAML would give back otherwise (`007` is
 * 7, `1.10` is 1.1, `1e3` is 1000) is left a number, and refused by the
 * schema with the hint to quote it: reading it as text would change it.
 * `true`, `false` and empty values are never text: no one writes a tag
 * `true` and means it.
 */
export function readNumbersAsText(
  data: Record<string, unknown>,
  fields: readonly string[],
  numberSource: (path: readonly PropertyKey[]) => string | undefined,
): Record<string, unknown> {
  const replace = (value: unknown, segments: readonly string[], path: readonly PropertyKey[]): unknown => {
    const [head, ...rest] = segments;
    if (head === undefined) return typeof value === 'number' && numberSource(path) === String(value) ? String(value) : value;
    if (head === '*') {
      if (!Array.isArray(value)) return value;
      // Only numbers and collections can hold a number: a list of 100,000 words costs one pass.
      const items = value.map((item: unknown, index) => (typeof item === 'number' || (typeof item === 'object' && item !== null) ? replace(item, rest, [...path, index]) : item));
      return items.some((item, index) => item !== value[index]) ? items : value;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, head)) return value;
    const inner = (value as Record<string, unknown>)[head];
    const replaced = replace(inner, rest, [...path, head]);
    return replaced === inner ? value : { ...value, [head]: replaced };
  };
  return fields.reduce((current, field) => replace(current, field.split('.'), []) as Record<string, unknown>, data);
}

/** Keys a template engine would act on. In Broadsheet they do nothing, and editors are told so. */
export const ENGINE_KEYS = new Set([
  'layout',
  'permalink',
  'eleventyComputed',
  'eleventyExcludeFromCollections',
  'eleventyNavigation',
  'eleventyImport',
  'eleventyDataSchema',
  'templateEngineOverride',
  'pagination',
  'dynamicPermalink',
  'renderData',
]);
