import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createRenderer } from '../../src/markdown/render.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/markdown');
const render = createRenderer({ siteUrl: 'https://courier.example.org/' });

describe('Markdown fixtures (input.md → output.html)', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    test(name, () => {
      const input = readFileSync(path.join(FIXTURES, name, 'input.md'), 'utf8');
      const expectedFile = path.join(FIXTURES, name, 'output.html');
      const { html } = render(input);
      // UPDATE_FIXTURES=1 rewrites the expected files; review the diff before committing.
      if (process.env.UPDATE_FIXTURES) writeFileSync(expectedFile, html);
      expect(html).toBe(readFileSync(expectedFile, 'utf8'));
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
