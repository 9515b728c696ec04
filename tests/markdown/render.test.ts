import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createRenderer, type BodyNote } from '../../src/markdown/render.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/markdown');
const render = createRenderer({ siteUrl: 'https://courier.example.org/' });

/** What an editor reads about a body, as the command line prints it (body lines; the file's own line offset is added later). */
const noteLines = (notes: readonly BodyNote[]): string =>
  notes
    .map((note) => `${note.line ?? '?'}:${note.column ?? '?'} ${note.severity}: ${note.message}${note.hint ? `\n    hint: ${note.hint}` : ''}\n`)
    .join('');

describe('Markdown fixtures (input.md → output.html and warnings.txt)', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    test(name, () => {
      const input = readFileSync(path.join(FIXTURES, name, 'input.md'), 'utf8');
      const expectedFile = path.join(FIXTURES, name, 'output.html');
      const warningsFile = path.join(FIXTURES, name, 'warnings.txt');
      const { html, notes } = render(input);
      // UPDATE_FIXTURES=1 rewrites the expected files; review the diff before committing.
      if (process.env.UPDATE_FIXTURES) {
        writeFileSync(expectedFile, html);
        writeFileSync(warningsFile, noteLines(notes));
      }
      expect(html).toBe(readFileSync(expectedFile, 'utf8'));
      expect(noteLines(notes)).toBe(readFileSync(warningsFile, 'utf8'));
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

describe('safety of every rendered body', () => {
  const payloads = readdirSync(FIXTURES).map((name) => render(readFileSync(path.join(FIXTURES, name, 'input.md'), 'utf8')).html);
  test.each(payloads.map((html, i) => [i, html]))('fixture %i has no script, event handler or script URL', (_, html) => {
    expect(html).not.toMatch(/<script|<iframe|<style|<svg|\son[a-z]+=|javascript:|vbscript:|data:text/i);
  });
});
