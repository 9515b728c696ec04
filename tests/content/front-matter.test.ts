import { describe, expect, test } from 'vitest';
import { parseFrontMatter } from '../../src/content/front-matter.js';

const parse = (source: string) => parseFrontMatter(source, 'content/articles/a.md');

function problemOf(source: string) {
  const result = parse(source);
  if (result.ok) throw new Error('expected a problem');
  expect(result.problems[0]?.file).toBe('content/articles/a.md');
  return result.problems[0]!;
}

describe('parseFrontMatter refuses every front-matter language but YAML', () => {
  test.each([
    ['---js\n{ title: "x" }\n---\n', 'js'],
    ['---javascript\nmodule.exports = { title: process.env.SECRET }\n---\n', 'javascript'],
    ['---JS\n{ title: 1 }\n---\n', 'JS'],
    ['--- js \n{ title: 1 }\n---\n', 'js'],
    ['---json\n{ "title": "x" }\n---\n', 'json'],
    ['---toml\ntitle = "x"\n---\n', 'toml'],
    ['---constructor\ntitle: x\n---\n', 'constructor'],
    ['---coffee\ntitle: "x"\n---\n', 'coffee'],
  ])('%j is refused at line 1', (source, language) => {
    const problem = problemOf(source);
    expect(problem.message).toBe(`front matter written in "${language}" is refused: only YAML is read`);
    expect(problem.position).toEqual({ line: 1, column: 4 });
    expect(problem.hint).toBe(`remove "${language}" after the opening ---`);
  });

  test('JS front matter is never evaluated', () => {
    const marker = '__broadsheet_ran__';
    parse(`---js\n{ title: (globalThis.${marker} = true) }\n---\n`);
    expect(marker in globalThis).toBe(false);
  });

  test.each(['---yaml\ntitle: x\n---\n', '---yml\ntitle: x\n---\n', '---\ntitle: x\n---\n'])('%j is read', (source) => {
    const result = parse(source);
    expect(result.ok && result.value.data).toEqual({ title: 'x' });
  });
});

describe('parseFrontMatter reports broken structure with a line and a hint', () => {
  test.each([
    ['---\ntitle: x\n', 'the front matter is not closed', 1, 'add a line --- after the last field'],
    ['title: x\n', 'the file has no front matter', 1, 'start the file with a line ---, then the fields (title: …), then another line ---'],
    ['\n\n---\ntitle: x\n---\n', 'front matter must start on the first line', 3, 'remove the blank lines above the opening ---'],
    ['---\ntitle: x\n---more\n---\n', 'a line starting with --- inside the front matter', 3, 'the front matter ends at the first line starting with ---, and that line must hold nothing else'],
    ['---\ntitle: a\ntitle: b\n---\n', 'YAML: Map keys must be unique', 3, 'each field may appear once; delete or merge the repeated one'],
    ['---\ntitle: x\nfn: !!js/function "function () {}"\n---\n', 'YAML: Unresolved tag: tag:yaml.org,2002:js/function', 3, 'YAML tags (!!…) are not read; write the value as plain text'],
    ['---\nimage: !!binary aGVsbG8=\n---\n', 'YAML: Unresolved tag: tag:yaml.org,2002:binary', 2, 'YAML tags (!!…) are not read; write the value as plain text'],
    ['---\ntags: !!set {a, b}\n---\n', 'YAML: Unresolved tag: tag:yaml.org,2002:set', 2, 'YAML tags (!!…) are not read; write the value as plain text'],
    ['---\n- a\n- b\n---\n', 'expected "key: value" lines, found a single value or a list', 2, undefined],
    ['---\njust text\n---\n', 'expected "key: value" lines, found a single value or a list', 2, undefined],
  ])('%j', (source, message, line, hint) => {
    const problem = problemOf(source);
    expect(problem.message).toBe(message);
    expect(problem.position?.line).toBe(line);
    expect(problem.hint).toBe(hint);
  });

  test('an alias bomb is refused instead of expanded', () => {
    const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 9; i++) {
      const name = String.fromCharCode(97 + i);
      const prev = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const problem = problemOf(`---\n${levels.join('\n')}\n---\n`);
    expect(problem.message).toMatch(/^YAML: Excessive alias count/);
    expect(problem.hint).toBe('at most 50 YAML aliases (*name) are expanded');
  });

  test('5,000-deep nesting is one clear error, not a crash', () => {
    const result = parse(`---\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message)).toEqual(['YAML is nested too deeply']);
  });
});

describe('parseFrontMatter reads what editors write', () => {
  test('values keep YAML 1.2 core types: NO stays text, dates stay text', () => {
    const result = parse('---\nanswer: NO\ndate: 2024-02-30\nversion: 1.10\ncode: 01234\n---\n');
    expect(result.ok && result.value.data).toEqual({ answer: 'NO', date: '2024-02-30', version: 1.1, code: 1234 });
  });

  test('a BOM and CRLF line ends give exactly what the plain file gives', () => {
    const plain = parse('---\ntitle: x\ntags: [a]\n---\nBody line\n\nMore\n');
    const windows = parse('\uFEFF---\r\ntitle: x\r\ntags: [a]\r\n---\r\nBody line\r\n\r\nMore\r\n');
    expect(plain.ok && windows.ok).toBe(true);
    if (plain.ok && windows.ok) {
      expect(windows.value.data).toEqual(plain.value.data);
      expect(windows.value.body).toBe(plain.value.body);
      expect(windows.value.bodyLine).toBe(plain.value.bodyLine);
    }
  });

  test('locate gives the line and column of a key, or of its nearest parent', () => {
    const result = parse('---\ntitle: x\nimage:\n  src: /a.jpg\n  alt: A\ntags:\n  - one\n  - two\n---\nBody\n');
    if (!result.ok) throw new Error('expected success');
    expect(result.value.locate(['image', 'alt'])).toEqual({ line: 5, column: 3 });
    expect(result.value.locate(['tags', 1])).toEqual({ line: 8, column: 5 });
    expect(result.value.locate(['image', 'missing'])).toEqual({ line: 3, column: 1 });
    expect(result.value.locate(['nothing'])).toEqual({ line: 1, column: 1 });
    expect(result.value.bodyLine).toBe(10);
    expect(result.value.body).toBe('Body\n');
  });

  test('__proto__ is an ordinary key and pollutes nothing', () => {
    const result = parse('---\n__proto__:\n  polluted: true\ntitle: x\n---\n');
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (result.ok) expect(Object.keys(result.value.data)).toEqual(['__proto__', 'title']);
  });

  test('a block of only comments is empty front matter', () => {
    const result = parse('---\n# nothing yet\n---\nBody');
    expect(result.ok && result.value.data).toEqual({});
  });
});

test('a list or mapping used as a key is an error on its line, not a console warning', () => {
  const result = parseFrontMatter('---\ntitle: A\n[a, b]: 1\n---\n', 'content/articles/a.md');
  expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ message: 'a key must be plain text, not a list or mapping', position: { line: 3, column: 1 } })] });
});
