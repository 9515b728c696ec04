/** The files a build that skips invalid files left out, by path. */
export interface LeftOut {
  /** Articles with errors: their own, or naming an article left out (a pin, a "Read more" block). */
  articles: string[];
  /** Comments with errors of their own. */
  comments: string[];
  /** Comments without errors whose article, or the comment they answer, was left out. */
  withTheirArticle: string[];
}

export const NOTHING_LEFT_OUT: LeftOut = { articles: [], comments: [], withTheirArticle: [] };

/**
 * The summary a build or check that skipped invalid files prints under the
 * problems, such as "3 articles left out because of errors above"; undefined
 * when nothing was left out.
 */
export function describeLeftOut(leftOut: LeftOut): string | undefined {
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const parts = [
    ...(leftOut.articles.length > 0 ? [count(leftOut.articles.length, 'article')] : []),
    ...(leftOut.comments.length > 0 ? [count(leftOut.comments.length, 'comment')] : []),
  ];
  const own = parts.length > 0 ? `${parts.join(' and ')} left out because of errors above` : '';
  const following = leftOut.withTheirArticle.length;
  if (following === 0) return own || undefined;
  const their = `${count(following, 'comment')} left out with the article or comment ${following === 1 ? 'it belongs' : 'they belong'} to`;
  return own ? `${own}, and ${their}` : their;
}
