import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { publishedStylesheets } from '../../src/stages/stylesheets.js';
import { formatProblem } from '../../src/util/problems.js';

const publicDir = mkdtempSync(path.join(tmpdir(), 'broadsheet-stylesheets-'));
mkdirSync(path.join(publicDir, 'css'));
afterAll(() => rmSync(publicDir, { recursive: true, force: true }));

test('a stylesheet is published without its comments and spaces, the theme after it, and nothing of it lost', () => {
  writeFileSync(path.join(publicDir, 'css', 'site.css'), '/* Why the rule is so. */\nbody {\n  margin: 0;\n  color: var(--color-text);\n}\n.external::after { content: "\\2197" / ""; }\n');
  writeFileSync(path.join(publicDir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const { stylesheets, problems } = publishedStylesheets(publicDir, new Map([['css/site.css', ':root {\n  --color-accent: #8c1c3a;\n}\n']]));
  expect(problems).toEqual([]);
  expect([...stylesheets.keys()]).toEqual(['css/site.css']);
  expect(stylesheets.get('css/site.css')?.toString()).toBe('body{color:var(--color-text);margin:0}.external:after{content:"↗" / ""}:root{--color-accent:#8c1c3a}');
});

test('a stylesheet that cannot be read is published as written, with a warning naming its line', () => {
  const broken = 'a { color: red }\n\nb { width: calc( }\n';
  writeFileSync(path.join(publicDir, 'css', 'site.css'), broken);
  const { stylesheets, problems } = publishedStylesheets(publicDir);
  expect(stylesheets.get('css/site.css')?.toString()).toBe(broken);
  expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/^\S*css\/site\.css:3:\d+ warning: this stylesheet could not be read to be made smaller \(.+\); it is published as it is\n {4}hint: /)]);
});
