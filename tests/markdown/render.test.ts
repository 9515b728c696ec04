import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createRenderer, type BodyNote } from '../../src/markdown/render.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/markdown');
const render = createRenderer({ siteUrl: 'https://courier.example.org/' });

/** What the renderer says about a body, one line per note as the command line prints it (lines counted from the body's first). */
const noteLines = (notes: readonly BodyNote[]): string =>
  [...notes]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map((note) => `${note.line ?? '?'}:${note.column ?? '?'} ${note.severity}: ${note.message}\n${note.hint ? `    hint: ${note.hint}\n` : ''}`).join('');

describe('Markdown fixtures (input.md → output.html, and warnings.txt when the body has notes)', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    test(name, () => {
      const input = readFileSync(path.join(FIXTURES, name, 'input.md'), 'utf8');
      const expectedFile = path.join(FIXTURES, name, 'output.html');
      const warningsFile = path.join(FIXTURES, name, 'warnings.txt');
      const { html, notes } = render(input);
      // UPDATE_FIXTURES=1 rewrites the expected files; review the diff before committing.
      if (process.env.UPDATE_FIXTURES) {
        writeFileSync(expectedFile, html);
        if (notes.length > 0) writeFileSync(warningsFile, noteLines(notes));
        else rmSync(warningsFile, { force: true });
      }
      expect(html).toBe(readFileSync(expectedFile, 'utf8'));
      expect(noteLines(notes)).toBe(existsSync(warningsFile) ? readFileSync(warningsFile, 'utf8') : '');
    });
  }
});

describe('what the renderer reports about the text', () => {
  test('first paragraph as plain text, without link markers or image alt text', () => {
    const result = render('![Lead](/a.jpg)\n\nThe *council* met [online](https://example.org/).\n\nMore.');
    expect(result.firstParagraph).toBe('The council met online.');
  });

  test('words are counted across paragraphs, lists and code', () => {
    expect(render('One two.\n\nThree\n\n- four five\n\n```\nsix\n```').words).toBe(6);
  });

  test('a body without a paragraph has an empty first paragraph', () => {
    expect(render('## Only a heading').firstParagraph).toBe('');
  });
});

describe('many or deep HTML elements', () => {
  test('20,000 removed wrappers are one warning with the count, at the first', () => {
    const { html, notes } = render(`Intro.\n\n${'<span style="color:red">word</span> '.repeat(20_000)}\n`);
    expect(notes).toEqual([
      {
        severity: 'warning',
        message: '<span> removed; its text is kept (20000 times; the first is here)',
        hint: "styling and layout come from the site's design: write the text without the tag",
        line: 3,
        column: 1,
      },
    ]);
    expect(html.match(/word/g)?.length).toBe(20_000);
  });

  test('elements left open past the limit are an error at their line, refused before parsing them', () => {
    const { html, notes } = render(`Intro.\n\nA ${'<sup>'.repeat(5_000)} deep.\n`);
    expect(notes.map(({ severity, message, line }) => ({ severity, message, line }))).toEqual([
      { severity: 'error', message: 'HTML elements open more than 100 levels deep; this HTML is left out', line: 3 },
    ]);
    expect(html).toBe('<p>Intro.</p>\n<p>A  deep.</p>\n');
  });
});

describe('safety of every rendered body', () => {
  const payloads = readdirSync(FIXTURES).map((name) => render(readFileSync(path.join(FIXTURES, name, 'input.md'), 'utf8')).html);
  test.each(payloads.map((html, i) => [i, html]))('fixture %i has no script, event handler or script URL', (_, html) => {
    expect(html).not.toMatch(/<script|<iframe|<style|<svg|\son[a-z]+=|javascript:|vbscript:|data:text/i);
  });
});
