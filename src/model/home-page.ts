import type { Article, Category } from '../content/types.js';
import type { HomePage, Link, Teaser } from './model.js';
import { onSectionPage } from './teaser-context.js';

/**
 * How many stories each part of the home page holds.
 *
 * Rows without orphans: `.teaser-list` (public/css/site.css) has 1, 2, 3 or
 * 4 columns as the screen widens. Four stories fill a row of 1, 2 or 4
 * columns exactly; at 3 columns, and for a section with fewer stories, the
 * grid absorbs the remainder itself: when the count leaves one card alone
 * on the last row, the first card spans two columns, so the last row holds
 * two. Any count is therefore safe; four is the count that needs no help at
 * most widths.
 */
export const HOME_COUNTS = {
  /** The lead is the newest story with a picture among this many newest. */
  leadWindow: 3,
  secondary: 4,
  perSection: 4,
} as const;

/** What building the home page needs from the rest of the model. */
export interface HomeParts {
  teaser(article: Article): Teaser;
  section(slug: string): Link;
}

/**
 * The home page: a lead story, the next newest as secondary stories, then a
 * block per section (in navigation order) with its newest stories not shown
 * above. `articles` are newest first.
 *
 * The lead is the newest story that has a picture, looked for among the
 * first few only: a front page leads with a picture, but not with a story
 * days older than the news. When none of those has a picture, the newest
 * story leads without one. Stories above the lead stay at the head of the
 * secondary list, so the newest news is still first among them.
 */
export function homePage(articles: readonly Article[], categories: readonly Category[], parts: HomeParts, counts = HOME_COUNTS): HomePage {
  const lead = articles.slice(0, counts.leadWindow).find((article) => article.image) ?? articles[0];
  const secondary = articles.filter((article) => article !== lead).slice(0, counts.secondary);
  const shown = new Set<Article>(lead ? [lead, ...secondary] : []);
  return {
    lead: lead && parts.teaser(lead),
    secondary: secondary.map(parts.teaser),
    sections: categories.flatMap((category) => {
      const items = articles.filter((article) => article.category === category.slug && !shown.has(article)).slice(0, counts.perSection);
      if (items.length === 0) return [];
      const link = parts.section(category.slug);
      // Under the section's heading, its cards need not name it again.
      return [{ ...link, items: items.map((article) => onSectionPage(parts.teaser(article))), more: `More ${link.name}` }];
    }),
  };
}
