/*
 * The ids the page around a body already uses: those templates/ print, and
 * those the body's own plugins add (remark-gfm's footnotes, key facts boxes). A heading given
 * one of them would make two elements with one id, and the skip link, an
 * `aria-labelledby` or a link to a comment would go to the heading instead.
 * tests/markdown/template-ids.test.ts reads templates/ and fails when an id
 * there is missing from these lists.
 */

/** Every id printed as it is written. */
export const TEMPLATE_IDS: readonly string[] = [
  // layouts/base.njk
  'main',
  'site-search-input',
  // index.njk
  'top-heading',
  // pages/archive.njk
  'stories-heading',
  // pages/article.njk
  'related-heading',
  'corrections-heading',
  'rail-heading',
  // partials/comments.njk
  'comments-heading',
  'comment-form-heading',
  'comment-name',
  'comment-note',
  'comment-reply-to',
  'comment-text',
  'comment-website',
  // search.njk
  'search-form',
  'search-input',
  'search-more',
  'search-results',
  'search-sort',
  'search-status',
  'search-empty',
  'search-empty-sections',
  'search-empty-topics',
  'filter-author',
  'filter-section',
  'filter-year',
  // The heading of the footnotes section (mdast-util-to-hast).
  'footnote-label',
];

/** Ids printed from a value: as written in templates/, and every id that value can give. */
export const TEMPLATE_ID_FAMILIES: readonly { written: string; ids: RegExp }[] = [
  { written: 'home-{{ loop.index }}', ids: /^home-\d+$/ },
  { written: '{{ correction.anchor }}', ids: /^correction-\d+$/ },
  // `comment-` and the comment's file name: any slug.
  { written: '{{ item.id }}', ids: /^comment-/ },
  // The third argument of moreList() in pages/article.njk.
  { written: '{{ id }}', ids: /^more-(?:from-author|in-section)$/ },
  // Footnote references and definitions: `user-content-fn-` and the footnote's label.
  { written: 'user-content-fn-', ids: /^user-content-fn(?:ref)?-/ },
  // The label of the body's Nth key facts box (key-facts.ts).
  { written: 'key-facts-', ids: /^key-facts-\d+$/ },
];

/** Whether a page's templates may give an element the id `id`. */
export const isTemplateId = (id: string): boolean => TEMPLATE_IDS.includes(id) || TEMPLATE_ID_FAMILIES.some((family) => family.ids.test(id));
