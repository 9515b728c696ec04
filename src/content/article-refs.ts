import { compareText } from '../util/problems.js';
import { didYouMean } from '../util/suggest.js';
import type { Article } from './types.js';

/**
 * Every article by the two ways an editor may name it: its slug, and
 * section/slug (for a slug two sections use). Pins, comment folders and
 * "Read more" blocks all name articles this way.
 */
export function articlesByRef(articles: readonly Article[]): Map<string, Article[]> {
  const byRef = new Map<string, Article[]>();
  for (const article of articles) {
    for (const ref of [article.slug, `${article.category}/${article.slug}`]) {
      const list = byRef.get(ref);
      if (list) list.push(article);
      else byRef.set(ref, [article]);
    }
  }
  return byRef;
}

/**
 * The one article `ref` names for `from` (an article, or undefined for a
 * page or an article with errors of its own), or why there is none, in
 * words (`self` says what naming itself means): no article (with the
 * nearest refs as a hint), several (with section/slug for each), `from`
 * itself (`fromSlug` when `from` is not an article), or an article this
 * build leaves out for its errors (its slug is in `leftOut`). An article
 * with errors of its own (its slug is in `withErrors`) is `reported`: its
 * errors say all there is to say, and naming it is no error of the file
 * that does.
 */
export function findArticle(
  ref: string,
  byRef: ReadonlyMap<string, readonly Article[]>,
  from: Article | undefined,
  self: string,
  withErrors: ReadonlySet<string> = new Set(),
  leftOut: ReadonlySet<string> = new Set(),
  fromSlug?: string,
): { article: Article } | { message: string; hint?: string | undefined } | { reported: true } {
  const matches = byRef.get(ref) ?? [];
  const slug = ref.slice(ref.lastIndexOf('/') + 1);
  if (matches.length === 0 && fromSlug !== undefined && slug === fromSlug) return { message: self };
  if (matches.length === 0 && leftOut.has(slug)) {
    return { message: `the article "${ref}" has errors of its own, and no page`, hint: 'fix the errors reported for it, or name another article' };
  }
  if (matches.length === 0 && withErrors.has(slug)) return { reported: true };
  if (matches.length === 0) return { message: `no article "${ref}"`, hint: didYouMean(ref, [...byRef.keys()]) ?? 'name an article by its slug, as in its address' };
  if (matches.length > 1) {
    const refs = matches.map((m) => `${m.category}/${m.slug}`).sort(compareText);
    return { message: `"${ref}" names ${matches.length} articles`, hint: `write it with its section: ${refs.join(' or ')}` };
  }
  const article = matches[0] as Article;
  return article === from ? { message: self } : { article };
}
