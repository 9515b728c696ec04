import type { ThemeSettings } from '../../content/schema.js';
import { DERIVED_DARK_CONTRAST, FONT_STACKS, THEME_BACKGROUNDS, type FontStackName } from '../../content/theme-defaults.js';
import { shiftToContrast } from '../../util/colour-contrast.js';

type CustomFont = NonNullable<ThemeSettings['fonts']['custom']>;

const FORMATS: Record<string, string> = { woff2: 'woff2', woff: 'woff', ttf: 'truetype', otf: 'opentype' };

/**
 * The CSS that puts site.yml's `theme:` on the page: custom properties
 * that override public/css/site.css's own (accent, fonts), and an
 * `@font-face` per self-hosted file. The build appends it to the published
 * site.css, so it is the same one request under a name that carries its
 * hash, and no inline style is needed (the CSP allows none). Empty when the
 * theme asks for nothing that differs from Broadsheet's own look.
 */
export function themeStylesheet(theme: ThemeSettings): string {
  const { fonts } = theme;
  const stack = (choice: FontStackName | 'custom') => (choice === 'custom' && fonts.custom ? customStack(fonts.custom) : FONT_STACKS[choice === 'custom' ? 'serif' : choice]);
  const light: string[] = [];
  if (theme.accent) light.push(`--color-accent: ${theme.accent};`);
  if (fonts.body !== 'serif') light.push(`--font-body: ${stack(fonts.body)};`);
  // site.css sets headings in var(--font-body): a heading stack is written only where it differs.
  if (fonts.headings !== fonts.body) light.push(`--font-heading: ${stack(fonts.headings)};`);
  const dark = darkAccent(theme);
  const usesCustom = fonts.headings === 'custom' || fonts.body === 'custom';
  const rules = [
    ...(usesCustom && fonts.custom ? fontFaces(fonts.custom) : []),
    ...(light.length > 0 ? [`:root {\n${light.map((line) => `  ${line}`).join('\n')}\n}`] : []),
    ...(dark ? [`@media (prefers-color-scheme: dark) {\n  :root { --color-accent: ${dark}; }\n}`] : []),
  ];
  return rules.length > 0 ? `\n/* The theme of content/site.yml */\n${rules.join('\n')}\n` : '';
}

/**
 * The dark-mode accent: site.yml's `accentDark`, or else one made from
 * `accent` (the same hue, lightened until it reaches 6:1 on the dark page),
 * or none when the theme sets no accent and site.css's own applies.
 */
export function darkAccent(theme: Pick<ThemeSettings, 'accent' | 'accentDark'>): string | undefined {
  if (theme.accentDark) return theme.accentDark;
  return theme.accent === undefined ? undefined : (shiftToContrast(theme.accent, THEME_BACKGROUNDS.dark, DERIVED_DARK_CONTRAST, 'lighter') ?? '#ffffff');
}

/** The family name quoted (the schema allows no quote in it), then its fallback stack. */
function customStack(custom: CustomFont): string {
  return `'${custom.family}', ${FONT_STACKS[custom.fallback]}`;
}

/** One @font-face per file; the address is relative to css/, so a site under a sub-path finds it too. */
function fontFaces(custom: CustomFont): string[] {
  return custom.files.map((entry) => {
    const file = typeof entry === 'string' ? { src: entry, weight: undefined, style: 'normal' } : entry;
    const extension = file.src.slice(file.src.lastIndexOf('.') + 1).toLowerCase();
    const format = FORMATS[extension];
    // A path alone is taken to be a variable font, good for every weight.
    const weight = file.weight ?? '1 1000';
    return [
      '@font-face {',
      `  font-family: '${custom.family}';`,
      `  src: url('..${file.src}')${format ? ` format('${format}')` : ''};`,
      `  font-weight: ${String(weight)};`,
      `  font-style: ${file.style};`,
      // The text shows at once in the fallback stack and changes when the file arrives.
      '  font-display: swap;',
      '}',
    ].join('\n');
  });
}
