import { clampChroma, converter, formatHex, parse, wcagContrast, type Oklch } from 'culori';

/*
 * Colour maths for the site.yml theme, all of it culori's: parsing any CSS
 * colour, WCAG 2 contrast, and lightening or darkening in OKLCH (steps of
 * equal perceived lightness, the hue kept), so that a suggested colour looks
 * like the editor's, only darker or lighter.
 */

const toOklch = converter('oklch');

/** The colour as `#rrggbb`, or undefined when `value` is not a CSS colour. Transparency is refused: text on it has no fixed contrast. */
export function cssColourHex(value: string): string | undefined {
  const colour = parse(value.trim());
  if (!colour || (colour.alpha !== undefined && colour.alpha < 1)) return undefined;
  return formatHex(colour);
}

/** WCAG 2 contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  return wcagContrast(a, b);
}

/** The lowest of `colour`'s contrast ratios against each of `backgrounds`: text in that colour stands on any of them. */
export function lowestContrast(colour: string, backgrounds: readonly string[]): number {
  return Math.min(...backgrounds.map((background) => contrastRatio(colour, background)));
}

/**
 * The nearest colour to `colour`, made lighter (`'lighter'`) or darker in
 * OKLCH steps of 0.01, that has at least `ratio` against every background:
 * the suggestion for an accent that fails. Undefined when even white or
 * black would not do.
 */
export function shiftToContrast(colour: string, backgrounds: readonly string[], ratio: number, direction: 'lighter' | 'darker'): string | undefined {
  const start = toOklch(parse(colour));
  if (!start) return undefined;
  const step = direction === 'lighter' ? 0.01 : -0.01;
  for (let lightness = start.l; lightness >= 0 && lightness <= 1; lightness += step) {
    const candidate = formatHex(clampChroma({ ...start, l: lightness } satisfies Oklch, 'oklch'));
    if (lowestContrast(candidate, backgrounds) >= ratio) return candidate;
  }
  return undefined;
}

/** Contrast rounded down to two decimals, as it is printed: 4.499 reads 4.49, never a passing 4.5. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}
