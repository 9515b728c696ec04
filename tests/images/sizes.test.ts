import { describe, expect, test } from 'vitest';
import { gridSizes, PICTURE_SIZES } from '../../src/images/sizes.js';

/**
 * The width in px a browser takes from a `sizes` attribute at a viewport
 * width: the first entry whose condition holds. Understands the forms
 * gridSizes writes: `Nrem`, `calc(100vw - Nrem)`, `calc((100vw - Nrem) / k)`,
 * and `calc((100vw - Nrem) * f)`.
 */
function slotWidth(sizes: string, viewportPx: number): number {
  const rem = 16;
  for (const entry of sizes.split(/, (?=\(min-width|calc|\d)/)) {
    const match = /^(?:\(min-width: ([\d.]+)rem\) )?(.+)$/.exec(entry);
    if (!match) throw new Error(`cannot read ${entry}`);
    const [, min, value = ''] = match;
    if (min !== undefined && viewportPx < Number(min) * rem) continue;
    const fixed = /^([\d.]+)rem$/.exec(value);
    if (fixed) return Number(fixed[1]) * rem;
    const calc = /^calc\(\(?100vw - ([\d.]+)rem\)?(?: \/ (\d+)| \* ([\d.]+))?\)$/.exec(value);
    if (calc) return ((viewportPx - Number(calc[1]) * rem) / Number(calc[2] ?? 1)) * Number(calc[3] ?? 1);
    throw new Error(`cannot read ${value}`);
  }
  throw new Error(`no entry of ${sizes} applies at ${viewportPx}px`);
}

describe('gridSizes', () => {
  test('one entry per column count, widest first, then the full width less the padding', () => {
    expect(gridSizes({ maxContent: 70, padding: 1, minColumn: 16, gap: 1.5 })).toBe(
      '(min-width: 72rem) 16.375rem, ' +
        '(min-width: 70.5rem) calc((100vw - 6.5rem) / 4), ' +
        '(min-width: 53rem) calc((100vw - 5rem) / 3), ' +
        '(min-width: 35.5rem) calc((100vw - 3.5rem) / 2), ' +
        'calc(100vw - 2rem)',
    );
  });

  test('a thumbnail in one column is its own width', () => {
    expect(gridSizes({ maxContent: 70, padding: 1, minColumn: 16, gap: 1.5, thumbnail: 7.5 })).toMatch(/, \(min-width: 35\.5rem\) calc\(\(100vw - 3\.5rem\) \/ 2\), 7\.5rem$/);
  });

  test('a grid too narrow for two columns is one column at any width', () => {
    expect(gridSizes({ maxContent: 20, padding: 1, minColumn: 16, gap: 1.5 })).toBe('(min-width: 22rem) 20rem, calc(100vw - 2rem)');
  });

  // Widths of a teaser image measured in Chromium with public/css/site.css, in px.
  test.each([
    [320, 120],
    [560, 120],
    [600, 272],
    [800, 372],
    [848, 256],
    [1000, 306.67],
    [1128, 256],
    [1200, 262],
    [1400, 262],
  ])('teasers at a %ipx viewport are drawn %fpx wide, as the stylesheet lays them out', (viewport, drawn) => {
    expect(slotWidth(PICTURE_SIZES.teaser, viewport)).toBeCloseTo(drawn, 1);
  });
});

describe('PICTURE_SIZES', () => {
  // Widths of the home page's lead story picture measured in Chromium with public/css/site.css, in px.
  test.each([
    [390, 358],
    [768, 736],
    [900, 501.6],
    [1280, 652.8],
    [1600, 652.8],
  ])('the lead story at a %ipx viewport is drawn %fpx wide', (viewport, drawn) => {
    expect(slotWidth(PICTURE_SIZES.homeLead, viewport)).toBeCloseTo(drawn, 1);
  });

  test('the lead image never claims more than the article column, nor the avatars more than their CSS width', () => {
    // Beside the rail: the 70rem wrap less a 3rem gap and the 18rem rail; then the 50rem column; then the viewport less the padding.
    expect(slotWidth(PICTURE_SIZES.lead, 1400)).toBe(49 * 16);
    expect(slotWidth(PICTURE_SIZES.lead, 1100)).toBe(1100 - 23 * 16);
    expect(slotWidth(PICTURE_SIZES.lead, 900)).toBe(50 * 16);
    expect(slotWidth(PICTURE_SIZES.lead, 390)).toBe(390 - 32);
    expect(slotWidth(PICTURE_SIZES.related, 1400)).toBe(12 * 16);
    expect(slotWidth(PICTURE_SIZES.related, 390)).toBe(390 - 32);
    expect(slotWidth(PICTURE_SIZES.avatar, 1400)).toBe(64);
    expect(slotWidth(PICTURE_SIZES.profile, 390)).toBe(128);
  });
});
