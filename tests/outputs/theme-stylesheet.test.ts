import { describe, expect, test } from 'vitest';
import { themeSettingsSchema } from '../../src/content/schema.js';
import { darkAccent, themeStylesheet } from '../../src/outputs/theme/theme-stylesheet.js';
import { contrastRatio } from '../../src/util/colour-contrast.js';

/** A theme as site.yml would give it, defaults filled in by the schema. */
const theme = (written: unknown) => themeSettingsSchema.parse(written);

describe('themeStylesheet', () => {
  test('a theme that asks for nothing adds nothing: site.css stays as it is, under the same name', () => {
    expect(themeStylesheet(theme({}))).toBe('');
    expect(themeStylesheet(theme({ logo: true, fonts: { headings: 'serif', body: 'serif' } }))).toBe('');
  });

  test('an accent sets --color-accent, and a dark one made from it in the same hue for dark mode', () => {
    expect(themeStylesheet(theme({ accent: '#8c1c3a' }))).toBe(
      [
        '',
        '/* The theme of content/site.yml */',
        ':root {',
        '  --color-accent: #8c1c3a;',
        '}',
        '@media (prefers-color-scheme: dark) {',
        '  :root { --color-accent: #ef788c; }',
        '}',
        '',
      ].join('\n'),
    );
    // The made one reaches 6:1 on the dark page; one given is used as it is.
    expect(contrastRatio(darkAccent({ accent: '#8c1c3a' })!, '#141414')).toBeGreaterThanOrEqual(6);
    expect(darkAccent({ accent: '#8c1c3a', accentDark: '#ffb3c1' })).toBe('#ffb3c1');
    expect(darkAccent({})).toBeUndefined();
  });

  test('named stacks for the text and the headings; headings follow the text unless they differ', () => {
    expect(themeStylesheet(theme({ fonts: { headings: 'slab', body: 'sans' } }))).toBe(
      [
        '',
        '/* The theme of content/site.yml */',
        ':root {',
        "  --font-body: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;",
        "  --font-heading: Rockwell, 'Rockwell Nova', 'Roboto Slab', 'DejaVu Serif', 'Sitka Small', serif;",
        '}',
        '',
      ].join('\n'),
    );
    expect(themeStylesheet(theme({ fonts: { headings: 'humanist', body: 'humanist' } }))).not.toContain('--font-heading');
  });

  test('self-hosted files: one @font-face each with font-display: swap, addressed from css/, the family before its fallback', () => {
    const css = themeStylesheet(
      theme({
        fonts: {
          headings: 'custom',
          custom: { family: 'Gazette Serif', fallback: 'serif', files: ['/fonts/gazette.woff2', { src: '/fonts/gazette-italic.ttf', weight: 400, style: 'italic' }] },
        },
      }),
    );
    expect(css).toBe(
      [
        '',
        '/* The theme of content/site.yml */',
        '@font-face {',
        "  font-family: 'Gazette Serif';",
        "  src: url('../fonts/gazette.woff2') format('woff2');",
        '  font-weight: 1 1000;',
        '  font-style: normal;',
        '  font-display: swap;',
        '}',
        '@font-face {',
        "  font-family: 'Gazette Serif';",
        "  src: url('../fonts/gazette-italic.ttf') format('truetype');",
        '  font-weight: 400;',
        '  font-style: italic;',
        '  font-display: swap;',
        '}',
        ':root {',
        "  --font-heading: 'Gazette Serif', Georgia, 'Times New Roman', serif;",
        '}',
        '',
      ].join('\n'),
    );
  });

  test('files named but chosen for neither headings nor text are not downloaded', () => {
    expect(themeStylesheet(theme({ fonts: { custom: { family: 'Unused', files: ['/fonts/unused.woff2'] } } }))).toBe('');
  });
});
