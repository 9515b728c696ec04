import { calendarParts } from './dates.js';

/**
 * The site path of an article from the `permalink` pattern in `site.yml`.
 * Every token is replaced by a validated slug or digits, so the result can
 * never point outside the output folder.
 */
export function expandPermalink(
  pattern: string,
  article: { slug: string; category: string; epoch: number },
  timezone: string,
): string {
  const { year, month, day } = calendarParts(article.epoch, timezone);
  const values: Record<string, string> = { year, month, day, category: article.category, slug: article.slug };
  return pattern.replace(/:(year|month|day|category|slug)/g, (_, token: string) => values[token] ?? '');
}
