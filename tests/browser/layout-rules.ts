import type { CardGroup, PageFacts, Rect } from './layout-facts.js';

/*
 * What a reader's page must look like, judged from what layout-facts.ts
 * measured (issue 19, "How we know it works"). Each rule returns the
 * failures it finds as sentences with their numbers, so that one list of
 * them reads as a report.
 */

/** Less than this between the header's rule (or the footer) and the page's content reads as touching. */
export const MIN_GAP_PX = 12;
/** The article's lines: a comfortable measure, in characters (the body font's `ch`). */
export const MEASURE_CH = { min: 55, max: 75 } as const;
/** Left and right space of a centred column may differ by this much. */
export const CENTRED_PX = 8;
/** On a window too narrow for the minimum measure, the column leaves at most this much at each side. */
export const NARROW_GUTTER_PX = 32;
/** The lead story's picture is at least this many times the area of any other teaser's picture. */
export const LEAD_PICTURE_RATIO = 2;
/** Cards whose top edges are this close are on one row. */
const ROW_TOLERANCE_PX = 2;

const px = (value: number): string => `${Math.round(value)} px`;

/** Content keeps clear of the header and the footer. */
export function gapRule(facts: PageFacts): string[] {
  if (!Number.isFinite(facts.gapAbove) || !Number.isFinite(facts.gapBelow)) return ['nothing drawn in main'];
  const failures: string[] = [];
  if (facts.gapAbove < MIN_GAP_PX) failures.push(`${facts.gapAbove.toFixed(1)} px between the header and the first content in main (at least ${MIN_GAP_PX})`);
  if (facts.gapBelow < MIN_GAP_PX) failures.push(`${facts.gapBelow.toFixed(1)} px between the last content in main and the footer (at least ${MIN_GAP_PX})`);
  return failures;
}

/** The page never scrolls sideways. */
export function overflowRule(facts: PageFacts): string[] {
  const { scrollWidth, width } = facts.viewport;
  return scrollWidth > width ? [`the page is ${scrollWidth} px wide in a ${width} px window (it scrolls sideways)`] : [];
}

/**
 * The footer ends the page: on a page shorter than the window it sits at
 * the window's bottom edge (no band below it), and nothing is drawn below it.
 */
export function footerRule(facts: PageFacts): string[] {
  const { footer, viewport } = facts;
  if (!footer) return ['no site footer (body > footer)'];
  const failures: string[] = [];
  if (footer.bottom < viewport.height - 1) failures.push(`the footer ends ${px(footer.bottom)} down a ${px(viewport.height)} window: a band of ${px(viewport.height - footer.bottom)} below it`);
  else if (viewport.scrollHeight - footer.bottom > 1) failures.push(`the page goes on ${px(viewport.scrollHeight - footer.bottom)} below the footer`);
  return failures;
}

/**
 * The rows of a group of cards: cards whose top edges meet, each row left
 * to right, rows top to bottom.
 */
export function cardRows(cards: readonly Rect[]): Rect[][] {
  const rows: Rect[][] = [];
  for (const card of [...cards].sort((a, b) => a.top - b.top || a.left - b.left)) {
    const row = rows.find((candidate) => Math.abs((candidate[0]?.top ?? Infinity) - card.top) <= ROW_TOLERANCE_PX);
    if (row) row.push(card);
    else rows.push([card]);
  }
  return rows;
}

/** How much of [from, to] the intervals cover. */
function covered(from: number, to: number, intervals: readonly [number, number][]): number {
  let total = 0;
  let reached = from;
  for (const [left, right] of [...intervals].sort((a, b) => a[0] - b[0])) {
    const start = Math.max(left, reached);
    const end = Math.min(right, to);
    if (end > start) total += end - start;
    reached = Math.max(reached, end);
  }
  return total;
}

/**
 * No card alone on a row of a grid with more than one row: a card alone
 * leaves room for another beside it (the cards that share its height, a
 * lead spanning two rows for one, fill less of the group's width than one
 * more half card would need). A single-column list and a card as wide as
 * the grid are not orphans.
 */
export function orphanRule(group: CardGroup): string[] {
  const rows = cardRows(group.cards);
  if (rows.length < 2) return [];
  const left = Math.min(...group.cards.map((card) => card.left));
  const right = Math.max(...group.cards.map((card) => card.right));
  const failures: string[] = [];
  rows.forEach((row, index) => {
    const [alone] = row;
    if (row.length !== 1 || !alone) return;
    const beside = group.cards.filter((card) => card.top < alone.bottom - 1 && card.bottom > alone.top + 1);
    const empty = right - left - covered(left, right, beside.map((card): [number, number] => [card.left, card.right]));
    if (empty >= alone.width / 2)
      failures.push(
        `${group.name}: one card alone on row ${index + 1} of ${rows.length} (${group.cards.length} cards, rows of ${rows.map((each) => each.length).join(' + ')}), ${px(empty)} empty beside its ${px(alone.width)}`,
      );
  });
  return failures;
}

/**
 * The article's lines are 55–75 characters of its body font (where the
 * window is too narrow for 55, the column takes the window's width bar
 * its gutters), and the column is centred in the window or has a rail
 * (`.rail`) beside it.
 */
export function columnRule(facts: PageFacts): string[] {
  const { column, rail, viewport } = facts;
  if (!column) return ['no paragraph of running text (.story-body > p) to measure'];
  const failures: string[] = [];
  const chars = column.width / column.ch;
  const measure = `${chars.toFixed(1)} ch (${px(column.width)}, "0" is ${column.ch.toFixed(2)} px)`;
  const leftSpace = column.left;
  const rightSpace = viewport.width - column.right;
  const roomForMinimum = MEASURE_CH.min * column.ch + 2 * 16 <= viewport.width;
  if (chars > MEASURE_CH.max) failures.push(`the text column is ${measure}: longer lines than ${MEASURE_CH.max} characters`);
  else if (chars < MEASURE_CH.min && roomForMinimum) failures.push(`the text column is ${measure}: shorter lines than ${MEASURE_CH.min} characters in a ${px(viewport.width)} window`);
  else if (chars < MEASURE_CH.min && Math.max(leftSpace, rightSpace) > NARROW_GUTTER_PX)
    failures.push(`the text column is ${measure} in a ${px(viewport.width)} window, leaving ${px(leftSpace)} left and ${px(rightSpace)} right (at most ${NARROW_GUTTER_PX} each)`);
  const centred = Math.abs(leftSpace - rightSpace) <= CENTRED_PX;
  const besideRail = rail !== undefined && (rail.left >= column.right - 1 || rail.right <= column.left + 1) && rail.top < column.bottom && rail.bottom > column.top;
  if (!centred && !besideRail)
    failures.push(`the text column is neither centred (${px(leftSpace)} left of it, ${px(rightSpace)} right) nor beside a rail (${rail ? `.rail at ${px(rail.left)}–${px(rail.right)}, ${px(rail.top)}–${px(rail.bottom)} down` : 'no .rail drawn'})`);
  return failures;
}

/** Running text of articles and pages keeps a reading measure however wide the window: lines of a page once ran 1,120 px. */
export function storyBodyRule(facts: PageFacts): string[] {
  const { storyBody } = facts;
  if (!storyBody) return ['no .story-body'];
  return storyBody.width > 40 * storyBody.em ? [`the text column (.story-body) is ${px(storyBody.width)} wide, ${(storyBody.width / storyBody.em).toFixed(1)} em (at most 40)`] : [];
}

/** The article's lead image fills its figure at the shape its attributes give, before it loads. */
export function leadImageRule(facts: PageFacts): string[] {
  const image = facts.leadImage;
  if (!image) return ['no lead image (.lead-image img)'];
  const proportionate = Math.abs(image.height - (image.width * image.intrinsicHeight) / image.intrinsicWidth) <= 1;
  if (image.intrinsicWidth > 0 && image.intrinsicHeight > 0 && image.height > 0 && image.width >= 0.9 * image.figureWidth && proportionate) return [];
  return [`the lead image is ${image.width}×${image.height} px in a ${image.figureWidth} px figure, drawn from ${image.intrinsicWidth}×${image.intrinsicHeight}`];
}

/** The home page's lead story (`.lead-story`) has a picture at least twice the area of any other teaser's. */
export function leadStoryRule(facts: PageFacts): string[] {
  const { leadStory, largestTeaserPicture: other } = facts;
  if (!leadStory) return ['no .lead-story on the home page'];
  if (!leadStory.picture) return ['no picture drawn in .lead-story'];
  if (!other) return [];
  const lead = leadStory.picture.width * leadStory.picture.height;
  const teaser = other.width * other.height;
  return lead >= LEAD_PICTURE_RATIO * teaser
    ? []
    : [`the lead story's picture is ${px(leadStory.picture.width)} × ${px(leadStory.picture.height)}, ${(lead / teaser).toFixed(2)} times the area of a teaser's ${px(other.width)} × ${px(other.height)} (at least ${LEAD_PICTURE_RATIO})`];
}

/**
 * Every section link can be seen whole, or the navigation scrolls and shows
 * that it does (layout-facts.ts says which cues count).
 */
export function navRule(facts: PageFacts): string[] {
  const { nav } = facts;
  if (!nav) return ['no section navigation (.sections)'];
  if (nav.links.length === 0) return ['no link drawn in the section navigation'];
  const cut = nav.links.filter((link) => link.left < nav.visibleLeft - 0.5 || link.right > nav.visibleRight + 0.5);
  if (cut.length === 0) return [];
  const which = cut.map((link) => `"${link.text}" (${px(link.left)}–${px(link.right)})`).join(', ');
  const seen = `the navigation shows ${px(nav.visibleLeft)}–${px(nav.visibleRight)}`;
  if (!nav.scroller) return [`${which} cut off and nothing scrolls: ${seen}`];
  if (!nav.cue) return [`${which} cut off with no cue that ${nav.scroller.name} scrolls (${nav.scroller.scrollWidth} px in ${nav.scroller.clientWidth}; no mask-image, gradient or .nav-more): ${seen}`];
  return [];
}

/** The rules for a page of a type (the keys of reader.test.ts's PAGE_TYPES): those for every page, and its own. */
export function judgePage(type: string, facts: PageFacts): string[] {
  const failures = [...gapRule(facts), ...overflowRule(facts), ...footerRule(facts), ...facts.cardGroups.flatMap(orphanRule), ...navRule(facts)];
  if (type === 'home') failures.push(...leadStoryRule(facts));
  if (type === 'article') failures.push(...columnRule(facts), ...storyBodyRule(facts), ...leadImageRule(facts));
  if (type === 'page') failures.push(...storyBodyRule(facts));
  return failures;
}

/** A failure found on a page type at a width in a colour scheme. */
export interface Finding {
  type: string;
  width: number;
  scheme: 'light' | 'dark';
  text: string;
}

/**
 * Findings as lines of one report, in the order they were found: the same
 * failure in light and dark is one line (most of layout does not depend on
 * the colours).
 */
export function reportFindings(findings: readonly Finding[]): string[] {
  const lines = new Map<string, { where: string; text: string; schemes: Set<string> }>();
  for (const { type, width, scheme, text } of findings) {
    const key = `${type}\u0000${width}\u0000${text}`;
    const line = lines.get(key) ?? { where: `${type} at ${width} px`, text, schemes: new Set<string>() };
    line.schemes.add(scheme);
    lines.set(key, line);
  }
  return [...lines.values()].map(({ where, text, schemes }) => `${where} (${[...schemes].join(' and ')}): ${text}`);
}
