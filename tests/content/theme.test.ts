import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { THEME_BACKGROUNDS } from '../../src/content/theme-defaults.js';
import { validateContent, type ValidateOptions } from '../../src/content/validate.js';
import { themeSettingsSchema } from '../../src/content/schema.js';
import { formatProblem } from '../../src/util/problems.js';
import { SITE_YML, sources, validArticle } from '../helpers/sources.js';

const PUBLIC = new Set(['/images/harbour.jpg', '/images/logo.svg', '/fonts/gazette-serif.woff2']);
const options: ValidateOptions = {
  now: Date.parse('2026-01-01T00:00:00Z'),
  drafts: false,
  future: false,
  assetExists: (sitePath) => PUBLIC.has(sitePath),
  publicFiles: [...PUBLIC].map((sitePath) => sitePath.slice(1)),
};

/** site.yml with `lines` after the test newsroom's own (which end on line 6), and every problem as the CLI prints it. */
function report(...lines: string[]): string[] {
  const site = `${SITE_YML}logo: /images/logo.svg\n${lines.join('\n')}\n`;
  return validateContent(sources({ '2025-03-14-harbour-wall.md': validArticle() }, { site }), options).problems.map(formatProblem);
}

describe('theme: in site.yml', () => {
  test('left out, the theme is Broadsheet’s own look', () => {
    const result = validateContent(sources({ '2025-03-14-harbour-wall.md': validArticle() }), options);
    expect(result.problems).toEqual([]);
    expect(result.content?.site.theme).toEqual({ logo: false, fonts: { headings: 'serif', body: 'serif' } });
  });

  test('good colours in any CSS form, stacks, a logo and self-hosted files pass, colours kept as #rrggbb', () => {
    const lines = [
      'theme:',
      '  accent: "#1d4e89"',
      '  accentDark: oklch(80% 0.1 250)',
      '  logo: true',
      '  fonts:',
      '    headings: custom',
      '    body: humanist',
      '    custom: { family: Gazette Serif, files: [/fonts/gazette-serif.woff2], fallback: slab }',
    ];
    expect(report(...lines)).toEqual([]);
    const site = `${SITE_YML}logo: /images/logo.svg\n${lines.join('\n')}\n`;
    const theme = validateContent(sources({ 'a.md': validArticle() }, { site }), options).content?.site.theme;
    expect(theme).toEqual({
      accent: '#1d4e89',
      accentDark: '#8cc3fc',
      logo: true,
      fonts: { headings: 'custom', body: 'humanist', custom: { family: 'Gazette Serif', files: ['/fonts/gazette-serif.woff2'], fallback: 'slab' } },
    });
  });

  test('an accent below WCAG AA on the page is a warning at its line, with the ratio and a darker shade that passes', () => {
    expect(report('theme:', '  accent: "#e8a33d"')).toEqual([
      'content/site.yml:9:3 warning: theme.accent: #e8a33d has a contrast of 1.92:1 on the page, below the 4.5:1 WCAG AA asks of text\n' +
        '    hint: a darker shade of the same colour passes: "#986300" (4.55:1 on #ffffff and #f4f2ee)',
    ]);
  });

  test('a dark-mode accent too dark for the dark page is a warning with a lighter shade', () => {
    const [problem] = report('theme:', '  accent: "#1d4e89"', '  accentDark: "#1d4e89"');
    expect(problem).toMatch(/^content\/site\.yml:10:3 warning: theme\.accentDark: #1d4e89 has a contrast of 1\.96:1 on the dark-mode page, below the 4\.5:1 WCAG AA asks of text\n/);
    expect(problem).toMatch(/hint: a lighter shade of the same colour passes: "#5789c9" \(4\.57:1 on #141414 and #1f1f1f\)$/);
  });

  test('what is not a colour is an error at its line; an unquoted #colour is a YAML comment, and the message says to quote it', () => {
    expect(report('theme:', '  accent: bluish', '  accentDark: #f0c0c0')).toEqual([
      'content/site.yml:9:3 error: theme.accent: "bluish" is not a CSS colour (one without transparency)\n' +
        '    hint: write it as "#1d4e89" (in quotes), or a CSS colour name such as darkred',
      'content/site.yml:10:3 error: theme.accentDark: is empty; a colour such as "#1d4e89" needs quotes, since # starts a comment in YAML',
    ]);
  });

  test('a self-hosted font file that is not in public/ is an error at its line, with the nearest file', () => {
    expect(report('theme:', '  fonts:', '    body: custom', '    custom:', '      family: Gazette Serif', '      files:', '        - /fonts/gazette-sans.woff2')).toEqual([
      'content/site.yml:14:11 error: theme.fonts.custom.files: /fonts/gazette-sans.woff2 is not in public/\n    hint: did you mean "/fonts/gazette-serif.woff2"?',
    ]);
  });

  test('custom fonts without files, an unknown stack, a family that could close its quotes, a logo without logo:', () => {
    expect(report('theme:', '  fonts:', '    headings: custom')).toEqual([
      'content/site.yml:10:5 error: theme.fonts.headings: is custom, but fonts.custom names no files\n' +
        '    hint: add fonts.custom with family: and files: [/fonts/….woff2], or choose a named stack',
    ]);
    expect(report('theme:', '  fonts:', '    body: comic')).toEqual([
      'content/site.yml:10:5 error: theme.fonts.body: must be one of serif, sans, slab, humanist, or custom (the files of fonts.custom)',
    ]);
    expect(themeSettingsSchema.safeParse({ fonts: { custom: { family: "x'; } body { color: red", files: ['/fonts/a.woff2'] } } }).success).toBe(false);
    const noLogo = `${SITE_YML}theme:\n  logo: true\n`;
    expect(validateContent(sources({ 'a.md': validArticle() }, { site: noLogo }), options).problems.map(formatProblem)).toEqual([
      'content/site.yml:8:3 error: theme.logo: is true, but site.yml names no logo\n    hint: add logo: /images/your-logo.svg (a file in public/), or set theme.logo to false',
    ]);
  });

  test('the backgrounds contrast is checked against are those site.css paints', () => {
    const css = readFileSync('public/css/site.css', 'utf8');
    const [light, dark] = css.split('@media (prefers-color-scheme: dark)');
    for (const [mode, block] of [['light', light], ['dark', dark]] as const) {
      const [page, surface] = THEME_BACKGROUNDS[mode];
      expect(block).toContain(`--color-background: ${page === '#ffffff' ? '#fff' : page};`);
      expect(block).toContain(`--color-surface: ${surface};`);
    }
  });
});
