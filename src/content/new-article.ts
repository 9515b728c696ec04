import { DateTime } from 'luxon';
import { stringify } from 'yaml';
import { didYouMean } from '../util/suggest.js';
import { MAX_SLUG_LENGTH, slugifyText, slugProblem } from './slug.js';

/** What `broadsheet new` is asked for, checked against the newsroom it writes into. */
export interface NewArticleInput {
  headline: string;
  section: string;
  authors: readonly string[];
  draft: boolean;
  /** The story's date: a moment in ms, and whether a time of day goes with it (`--at 2026-12-07` gives none). */
  date: { epoch: number; hasTime: boolean };
  /** The site's timezone: the date is written as its wall-clock time there, as editors write dates. */
  timezone: string;
  /** The section and author slugs the newsroom has (its files in categories/ and authors/). */
  known: { sections: readonly string[]; authors: readonly string[] };
}

/** A new article: where it goes under the content folder (`articles/YYYY/YYYY-MM-DD-slug.md`) and its text. */
export interface NewArticle {
  file: string;
  text: string;
}

/** The placeholder body: a sentence that tells the editor what to write, and that `check` accepts. */
export const BODY_PLACEHOLDER = 'Write the story here: the news first, then the details.';

/**
 * The file of a new article, or why it cannot be made (an unknown section
 * or author, a headline without letters or digits). Its front matter is
 * complete: every field an editor fills in is there, the summary empty
 * (`""`, which check takes as not given: the first paragraph stands in for
 * it, so no placeholder summary can reach readers), and a lead image stub
 * is commented out. The
 * slug comes from the headline as the site makes slugs, cut at a word
 * boundary to the longest slug allowed.
 */
export function newArticle(input: NewArticleInput): NewArticle | { refused: string } {
  const unknown = unknownName('section', input.section, input.known.sections) ?? input.authors.map((author) => unknownName('author', author, input.known.authors)).find(Boolean);
  if (unknown) return { refused: unknown };
  const headline = input.headline.replace(/\s+/g, ' ').trim();
  const slug = shortened(slugifyText(headline));
  if (slug === '') return { refused: `the headline "${headline}" has no letters or digits to make a web address from` };
  const problem = slugProblem(slug);
  if (problem) return { refused: `the headline makes the address "${slug}", which ${problem}: add a word to the headline` };

  const date = DateTime.fromMillis(input.date.epoch, { zone: input.timezone });
  const day = date.toFormat('yyyy-MM-dd');
  const written = input.date.hasTime ? date.toFormat("yyyy-MM-dd'T'HH:mm:ss") : day;
  const lines = [
    '---',
    `title: ${stringify(headline, { lineWidth: 0 }).trimEnd()}`,
    '# One or two sentences for lists, search results and shared links; left empty, the first paragraph stands in.',
    'summary: ""',
    `date: ${written}`,
    'authors:',
    ...[...new Set(input.authors)].map((author) => `  - ${author}`),
    `category: ${input.section}`,
    'tags: []',
    ...(input.draft ? ['# Off the site until this line is removed (--drafts shows it).', 'draft: true'] : []),
    '# A lead image, a file in public/: remove the # from these lines and fill them in.',
    '# image:',
    '#   src: /images/picture.jpg',
    '#   alt: What the picture shows, for readers who cannot see it',
    '#   caption: A line about the picture',
    '#   credit: "Photo: Name"',
    '---',
    BODY_PLACEHOLDER,
    '',
  ];
  return { file: `articles/${day.slice(0, 4)}/${day}-${slug}.md`, text: lines.join('\n') };
}

/** Why `name` is not one of the newsroom's `kind`s, with the nearest names; undefined when it is. */
function unknownName(kind: 'section' | 'author', name: string, known: readonly string[]): string | undefined {
  if (known.includes(name)) return undefined;
  const folder = kind === 'section' ? 'categories' : 'authors';
  const hint = didYouMean(name, known) ?? (known.length > 0 ? `the ${kind}s are ${known.join(', ')}` : `there is none: each is a file in ${folder}/`);
  return `unknown ${kind} "${name}": ${hint}`;
}

/** The slug cut after its last whole word that fits the slug limit. */
function shortened(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const end = cut.lastIndexOf('-');
  return end > 0 ? cut.slice(0, end) : slug.slice(0, MAX_SLUG_LENGTH);
}
