import { expect, test } from 'vitest';
import { formatProblem, error } from '../../src/util/problems.js';
import { terminalLines, terminalText } from '../../src/util/terminal-text.js';

test('controls, separators and direction overrides are shown as escapes; other text is left alone', () => {
  expect(terminalText('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
  expect(terminalText('\u001b[2J\u001b]0;title\u0007')).toBe('\\u001b[2J\\u001b]0;title\\u0007');
  expect(terminalText('\u009b31m \u007f')).toBe('\\u009b31m \\u007f');
  expect(terminalText('x\u2028y\u2029z')).toBe('x\\u2028y\\u2029z');
  expect(terminalText('\u202eevil\u2066')).toBe('\\u202eevil\\u2066');
  expect(terminalText('Café « über » — ✔ 東京 🙂')).toBe('Café « über » — ✔ 東京 🙂');
});

test('every character that is not printed as itself is one a terminal acts on', () => {
  for (let code = 0; code <= 0x2100 + 0x100; code++) {
    const char = String.fromCharCode(code);
    const active = code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
    expect(terminalText(char) !== char, `U+${code.toString(16)}`).toBe(active);
  }
});

test('a problem is one line, and its hint one more, whatever its file name and message hold', () => {
  const problem = error('content/articles/x\n✔ built 9 files.md', 'unknown author "\u001b[2Jjane"', { position: { line: 4, column: 1 }, hint: 'check\rthe list' });
  const lines = formatProblem(problem).split('\n');
  expect(lines).toEqual(['content/articles/x\\n✔ built 9 files.md:4:1 error: unknown author "\\u001b[2Jjane"', '    hint: check\\rthe list']);
});

test('lines of our own keep their breaks; each line is made safe', () => {
  expect(terminalLines('Error: \u001b[31m\n    at x')).toBe('Error: \\u001b[31m\n    at x');
});
