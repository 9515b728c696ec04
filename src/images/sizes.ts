/*
 * The `sizes` attribute of each place a picture is shown: how wide it will
 * be drawn, so the browser picks a file from the srcset before the
 * stylesheet has laid out the page. The numbers mirror public/css/site.css;
 * change both together.
 */

/** A CSS grid of `repeat(auto-fill, minmax(minColumn, 1fr))` inside the page wrapper, in rem. */
export interface GridLayout {
  /** Widest the wrapper's content gets (`--wrap` less its padding). */
  maxContent: number;
  /** Padding of the wrapper on each side. */
  padding: number;
  minColumn: number;
  gap: number;
  /** The picture's width when the grid has one column, in rem, if it is a thumbnail there rather than the full width. */
  thumbnail?: number;
}

const rem = (value: number): string => `${Number(value.toFixed(4))}rem`;

/**
 * The `sizes` of an image that fills a column of an auto-fill grid. The grid
 * fits as many columns as it can, so each column count holds from the
 * viewport where it first fits up to the next: one media condition each,
 * widest first, with the column width as `calc()` of the viewport.
 */
export function gridSizes(grid: GridLayout): string {
  const { maxContent, padding, minColumn, gap, thumbnail } = grid;
  const most = Math.max(1, Math.floor((maxContent + gap) / (minColumn + gap)));
  const parts = [`(min-width: ${rem(maxContent + 2 * padding)}) ${rem((maxContent - (most - 1) * gap) / most)}`];
  for (let columns = most; columns >= 2; columns--) {
    const starts = columns * minColumn + (columns - 1) * gap + 2 * padding;
    parts.push(`(min-width: ${rem(starts)}) calc((100vw - ${rem(2 * padding + (columns - 1) * gap)}) / ${columns})`);
  }
  parts.push(thumbnail === undefined ? `calc(100vw - ${rem(2 * padding)})` : rem(thumbnail));
  return parts.join(', ');
}

/** Where pictures are shown, and the `sizes` of each. */
export interface PictureSizes {
  /** The lead image, the full width of the article column (wider than the text). */
  lead: string;
  /** A teaser in a list of stories. */
  teaser: string;
  /** The home page's lead story. */
  homeLead: string;
  /** A teaser in an article's "You may also like": a thumbnail beside the text, full width on a phone. */
  related: string;
  /** An avatar in the list of authors. */
  avatar: string;
  /** The avatar at the head of an author's page. */
  profile: string;
}

/** The sizes for Broadsheet's default stylesheet. */
export const PICTURE_SIZES: PictureSizes = {
  // .article-layout: a 50rem column; from 68.75rem a 18rem rail and a 3rem gap beside it (49rem at most); narrower screens less the page padding.
  lead: '(min-width: 72rem) 49rem, (min-width: 68.75rem) calc(100vw - 23rem), (min-width: 52rem) 50rem, calc(100vw - 2rem)',
  // .wrap is 72rem with 1rem padding; .teaser-list columns are minmax(16rem, 1fr) with a 1.5rem gap;
  // in one column (a phone) the picture is a 7.5rem thumbnail beside the text.
  teaser: gridSizes({ maxContent: 70, padding: 1, minColumn: 16, gap: 1.5, thumbnail: 7.5 }),
  // .lead-story: the full width of the page below 56rem; above, the picture is
  // 3 of 5 parts of the content less a 2rem gap, up to the 70rem content's 40.8rem.
  homeLead: '(min-width: 72rem) 40.8rem, (min-width: 56rem) calc((100vw - 4rem) * .6), calc(100vw - 2rem)',
  // .related .teaser: a 12rem thumbnail from 36rem up.
  related: '(min-width: 36rem) 12rem, calc(100vw - 2rem)',
  avatar: '4rem',
  profile: '8rem',
};
