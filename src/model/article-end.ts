/** Stories in "More from <author>". */
export const MORE_FROM_AUTHOR_ITEMS = 4;
/** Stories in the rail: a compact list a reader takes in at a glance. */
export const RAIL_ITEMS = 5;
/** Fewer new stories from the section than this, and the rail lists the site's latest instead: a rail of one or two reads as a gap. */
export const RAIL_SECTION_MIN = 3;

/** What the end of one story may link to, before repeats are taken out. */
export interface ArticleEndInput<A> {
  /** The story itself. */
  story: A;
  /** "You may also like", already chosen (pinned first): always shown as given. */
  related: readonly A[];
  /** The older and newer story in its section. */
  older: A | undefined;
  newer: A | undefined;
  /** The first author's stories, newest first (may include the story itself). */
  byAuthor: readonly A[];
  /** The section's stories, newest first (may include the story itself). */
  inSection: readonly A[];
  /** Every story, newest first: the rail's stories when the section has too few new ones. */
  latest: readonly A[];
  /** Whether a story may be linked from another page (published, not a draft shown in a preview). */
  linkable(story: A): boolean;
}

/** The stories the end of a page links to, no story twice and never the story itself. */
export interface ArticleEnd<A> {
  related: A[];
  previous: A | undefined;
  next: A | undefined;
  moreFromAuthor: A[];
  /** The section's newest, or the site's latest when the section has too few not shown above; empty when nothing is left. */
  rail: { scope: 'section' | 'site'; items: A[] };
}

/**
 * Which stories the end of an article and its rail link to, each shown once.
 * What a reader meets first keeps a story: "You may also like" (an editor's
 * pins and the engine's choice), then previous / next in the section (dropped
 * when it is already above: a title alone adds nothing to the teaser), then
 * "More from" the author, then the rail's newest in the section. Stops at
 * the first few: an author's or a section's list runs to thousands.
 */
export function articleEnd<A>(input: ArticleEndInput<A>): ArticleEnd<A> {
  const shown = new Set<A>([input.story, ...input.related]);
  const showable = (story: A) => !shown.has(story) && input.linkable(story);
  const once = (story: A | undefined): A | undefined => {
    if (story === undefined || !showable(story)) return undefined;
    shown.add(story);
    return story;
  };
  /** The first `count` of `list` not shown yet; `keep` marks them shown (the rail, last, tries two lists and keeps one). */
  const firstFew = (list: readonly A[], count: number, keep: boolean): A[] => {
    const items: A[] = [];
    for (const story of list) {
      if (items.length === count) break;
      if (showable(story)) items.push(story);
    }
    if (keep) items.forEach((story) => shown.add(story));
    return items;
  };
  const previous = once(input.older);
  const next = once(input.newer);
  const moreFromAuthor = firstFew(input.byAuthor, MORE_FROM_AUTHOR_ITEMS, true);
  const fromSection = firstFew(input.inSection, RAIL_ITEMS, false);
  const rail = fromSection.length >= RAIL_SECTION_MIN ? { scope: 'section' as const, items: fromSection } : { scope: 'site' as const, items: firstFew(input.latest, RAIL_ITEMS, false) };
  return { related: [...input.related], previous, next, moreFromAuthor, rail };
}
