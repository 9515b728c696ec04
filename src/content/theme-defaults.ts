/**
 * The named font stacks site.yml's `theme.fonts` may choose, each of fonts
 * readers already have (nothing is downloaded): `serif` is Broadsheet's own
 * look. A newsroom that wants its own typeface names files instead (see
 * themeSettingsSchema's `fonts.custom`).
 */
export const FONT_STACKS = {
  serif: "Georgia, 'Times New Roman', serif",
  sans: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  slab: "Rockwell, 'Rockwell Nova', 'Roboto Slab', 'DejaVu Serif', 'Sitka Small', serif",
  humanist: "Seravek, 'Gill Sans Nova', Ubuntu, Calibri, 'DejaVu Sans', source-sans-pro, sans-serif",
} as const;

export type FontStackName = keyof typeof FONT_STACKS;

export const FONT_STACK_NAMES = Object.keys(FONT_STACKS) as FontStackName[];

/**
 * What accent-coloured text stands on, as public/css/site.css paints it:
 * the page and the boxes' surface (key facts, "Read more"), in light and in
 * dark mode. An accent is checked against both of its mode.
 */
export const THEME_BACKGROUNDS = {
  light: ['#ffffff', '#f4f2ee'],
  dark: ['#141414', '#1f1f1f'],
} as const;

/** WCAG 2.2 AA for text smaller than 18 pt: the accent colours section labels and small headings. */
export const AA_TEXT_CONTRAST = 4.5;

/** What a dark-mode accent made from the light one reaches: comfortably above AA, as Broadsheet's own (#f08080, 6.3:1). */
export const DERIVED_DARK_CONTRAST = 6;
