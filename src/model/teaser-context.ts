import type { Credit, Link, Teaser } from './model.js';

/*
 * A teaser prints only what its page does not already say: a section page
 * names no section on its cards, an author's page does not credit that
 * author again. The page's model decides; the template prints what is left.
 */

/** The byline of a teaser: every author by name, no roles (roles are for the story's own page). */
export function fullCredit(authors: readonly Link[]): Credit {
  return { lead: 'by', people: authors.map(({ name, url }) => ({ name, url })) };
}

/** A teaser as listed on its own section's page: without the section's name. */
export function onSectionPage(teaser: Teaser): Teaser {
  return { ...teaser, label: undefined };
}

/**
 * A teaser as listed on the page of one of its authors (`authorUrl`): that
 * author is not credited again. A story written with others reads "with
 * <the others>", which keeps the fact that it was shared; a story the author
 * wrote alone carries no byline.
 */
export function onAuthorPage(teaser: Teaser, authorUrl: string): Teaser {
  const others = teaser.authors.filter((author) => author.url !== authorUrl);
  if (others.length === teaser.authors.length) return teaser;
  return { ...teaser, credit: others.length === 0 ? undefined : { lead: 'with', people: fullCredit(others).people } };
}
