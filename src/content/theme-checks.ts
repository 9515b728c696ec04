import { AA_TEXT_CONTRAST, THEME_BACKGROUNDS } from './theme-defaults.js';
import type { ThemeSettings } from './schema.js';
import { formatRatio, lowestContrast, shiftToContrast } from '../util/colour-contrast.js';
import { didYouMeanPath } from '../util/suggest.js';
import { error, warning, type Position, type Problem } from '../util/problems.js';

/** What checking a theme needs to know of site.yml and public/. */
export interface ThemeCheckInput {
  theme: ThemeSettings;
  /** site.yml's `logo:`, which `theme.logo` puts in the masthead. */
  logo: string | undefined;
  /** The site.yml file, as problems name it. */
  file: string;
  /** Where a key of site.yml is written. */
  locate: (path: readonly PropertyKey[]) => Position;
  assetExists: (sitePath: string) => boolean;
  /** Files of public/, for "did you mean". */
  publicFiles: readonly string[];
}

const FONT_FILE = /\.(?:woff2|woff|ttf|otf)$/i;

/**
 * The problems of a valid `theme:` that only the rest of the newsroom
 * reveals: a font file that is not in public/ (or is not a font), a logo
 * asked for that site.yml does not name, and an accent whose contrast with
 * the page is below WCAG AA (a warning: the site builds, and the hint names
 * the nearest colour that passes).
 */
export function themeProblems(input: ThemeCheckInput): Problem[] {
  return [...fontFileProblems(input), ...logoProblems(input), ...contrastProblems(input)];
}

function fontFileProblems({ theme, file, locate, assetExists, publicFiles }: ThemeCheckInput): Problem[] {
  return (theme.fonts.custom?.files ?? []).flatMap((entry, index) => {
    const src = typeof entry === 'string' ? entry : entry.src;
    const at = locate(['theme', 'fonts', 'custom', 'files', index]);
    if (!FONT_FILE.test(src)) return [error(file, `theme.fonts.custom.files: ${src} is not a font file`, { position: at, hint: 'name a .woff2 file (or .woff, .ttf, .otf) in public/' })];
    if (assetExists(src)) return [];
    const hint = didYouMeanPath(src, publicFiles.map((name) => `/${name}`)) ?? `add the file public${src}, or fix the path`;
    return [error(file, `theme.fonts.custom.files: ${src} is not in public/`, { position: at, hint })];
  });
}

function logoProblems({ theme, logo, file, locate, assetExists }: ThemeCheckInput): Problem[] {
  if (!theme.logo) return [];
  if (logo === undefined) return [error(file, 'theme.logo: is true, but site.yml names no logo', { position: locate(['theme', 'logo']), hint: 'add logo: /images/your-logo.svg (a file in public/), or set theme.logo to false' })];
  if (assetExists(logo)) return [];
  return [error(file, `logo: ${logo} is not in public/, and theme.logo puts it in the masthead`, { position: locate(['logo']), hint: `add the file public${logo}, or fix the path` })];
}

function contrastProblems({ theme, file, locate }: ThemeCheckInput): Problem[] {
  const checks = [
    { key: 'accent', colour: theme.accent, mode: 'light', shift: 'darker' },
    { key: 'accentDark', colour: theme.accentDark, mode: 'dark', shift: 'lighter' },
  ] as const;
  return checks.flatMap(({ key, colour, mode, shift }) => {
    if (colour === undefined) return [];
    const backgrounds = THEME_BACKGROUNDS[mode];
    const ratio = lowestContrast(colour, backgrounds);
    if (ratio >= AA_TEXT_CONTRAST) return [];
    const suggestion = shiftToContrast(colour, backgrounds, AA_TEXT_CONTRAST, shift);
    return [
      warning(file, `theme.${key}: ${colour} has a contrast of ${formatRatio(ratio)} on the ${mode === 'light' ? 'page' : 'dark-mode page'}, below the ${AA_TEXT_CONTRAST}:1 WCAG AA asks of text`, {
        position: locate(['theme', key]),
        hint: suggestion
          ? `a ${shift} shade of the same colour passes: "${suggestion}" (${formatRatio(lowestContrast(suggestion, backgrounds))} on ${backgrounds.join(' and ')})`
          : `choose a ${shift} colour: the accent colours text, and readers with low vision cannot read it`,
      }),
    ];
  });
}
