import { error, type Position, type Problem } from '../util/problems.js';
import { didYouMean } from '../util/suggest.js';
import { checkFields, fileSlug, readFrontMatter } from './check-fields.js';
import { knownKeys, pageSchema } from './schema.js';
import { pagePath } from '../routes/addresses.js';
import type { Page, SourceFile } from './types.js';

/** A checked page, with where the fields the address plan judges are written. */
export interface CheckedPage {
  page: Page;
  at: { permalink: Position | undefined; aliases: readonly Position[] };
}

/**
 * Check a page file (`content/pages/<slug>.md`) on its own: front matter,
 * schema, unknown fields and the slug its name gives. Whether its address
 * is free is the address plan's to say.
 */
export function checkPage(file: SourceFile, timezone: string, problems: Problem[]): CheckedPage | undefined {
  const parsed = readFrontMatter(file, problems);
  if (!parsed) return undefined;
  const fields = checkFields(file.path, parsed, pageSchema(timezone), knownKeys.page, problems);
  const slug = fileSlug(file, problems, 'page');
  if (!fields || !slug) return undefined;
  const { permalink, ...rest } = fields;
  return {
    page: { ...rest, slug, url: permalink ?? pagePath(slug), file: file.path, bodyLine: parsed.bodyLine },
    at: {
      permalink: permalink === undefined ? undefined : parsed.locate(['permalink']),
      aliases: fields.aliases.map((_, index) => parsed.locate(['aliases', index])),
    },
  };
}

/**
 * The pages the footer links to, in the order `pages:` in site.yml lists
 * them. A slug with no page file is an error at its line, with the nearest
 * slugs as a hint; one listed twice is an error too, since a footer that
 * links a page twice is a typo. A draft is linked only when this build shows
 * it.
 */
export function footerPages(
  listed: readonly string[],
  pages: readonly Page[],
  site: { file: string; locate: (path: readonly PropertyKey[]) => Position },
  isShown: (page: Page) => boolean,
  problems: Problem[],
): Page[] {
  const bySlug = new Map(pages.map((page) => [page.slug, page]));
  const seen = new Set<string>();
  const footer: Page[] = [];
  listed.forEach((slug, index) => {
    const position = site.locate(['pages', index]);
    const page = bySlug.get(slug);
    if (!page) {
      problems.push(
        error(site.file, `pages: no page "${slug}"`, {
          position,
          hint: didYouMean(slug, bySlug.keys()) ?? `pages are the files in content/pages/ (without .md): add content/pages/${slug}.md`,
        }),
      );
    } else if (seen.has(slug)) {
      problems.push(error(site.file, `pages: "${slug}" is listed twice`, { position, hint: 'the footer links each page once: remove one' }));
    } else if (isShown(page)) {
      footer.push(page);
    }
    seen.add(slug);
  });
  return footer;
}
