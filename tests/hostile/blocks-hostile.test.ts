import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeNewsroom } from '../helpers/newsroom.js';
import { readSite, type BuiltSite } from '../helpers/site-output.js';
import { BLOCK_CASES } from './cases-blocks.js';
import type { HostileCase } from './cases.js';

/*
 * Directives, newsroom blocks and code highlighting through the real
 * command line: the cases that must be refused in one build, those that
 * must render in another (see cases-blocks.ts).
 */
const CLI = path.resolve('dist/cli.js');
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function build(cases: readonly HostileCase[]) {
  const root = writeNewsroom();
  roots.push(root);
  for (const hostile of cases) {
    for (const [file, text] of Object.entries(hostile.files)) {
      mkdirSync(path.dirname(path.join(root, 'content', file)), { recursive: true });
      writeFileSync(path.join(root, 'content', file), text as string);
    }
  }
  const result = spawnSync(process.execPath, [CLI, 'build', '--no-cache'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  return { root, code: result.status, stderr: result.stderr, log: result.stdout + result.stderr };
}

const fileOf = (hostile: HostileCase) => `content/${Object.keys(hostile.files)[0]}`;

/** What a browser would run or load from the page: scripts (but structured data and the search page's), frames, styles, handlers, script URLs. */
function activeContent(page: CheerioAPI): string[] {
  const found = page('script:not([type="application/ld+json"]):not([src^="/js/search."]), iframe, frame, object, embed, style, base')
    .map((_, el) => `<${el.tagName}>`)
    .get();
  page('*').each((_, el) => {
    for (const [name, value] of Object.entries(page(el).attr() ?? {})) {
      if (/^on/i.test(name) || name === 'style') found.push(`${name}=`);
      if (['href', 'src', 'srcset', 'action', 'cite', 'poster'].includes(name) && /^\s*(?:javascript|vbscript|data):/i.test(value)) found.push(`${name}=${value.slice(0, 20)}`);
    }
  });
  return found;
}

const refusedCases = BLOCK_CASES.filter((c) => 'refused' in c.outcome);
const renderedCases = BLOCK_CASES.filter((c) => 'renders' in c.outcome);

describe('block content that must be refused', () => {
  let run: ReturnType<typeof build>;
  beforeAll(() => {
    run = build(refusedCases);
  });

  test('the build exits 1', () => {
    expect(run.code, run.log).toBe(1);
  });

  test.each(refusedCases.map((c) => [c.name, c] as const))('%s: an error at its line', (_name, hostile) => {
    if (!('refused' in hostile.outcome)) throw new Error('not a refused case');
    const { message, line } = hostile.outcome.refused;
    const errors = run.stderr.split('\n').filter((text) => text.startsWith(`${fileOf(hostile)}:${line}:1 error: `));
    expect(errors.some((text) => message.test(text)), run.stderr).toBe(true);
  });
});

describe('block content that must render safely', () => {
  let run: ReturnType<typeof build>;
  let site: BuiltSite;
  beforeAll(() => {
    run = build(renderedCases);
    if (run.code === 0) site = readSite(path.join(run.root, '_site'));
  });

  test('the build succeeds; no page holds a script, a frame, a style or a script address', () => {
    expect(run.code, run.log).toBe(0);
    const unsafe = [...site.pages].flatMap(([url, page]) => activeContent(page).map((found) => `${url}: ${found}`));
    expect(unsafe).toEqual([]);
  });

  test('every warning names its file, line and column, with a hint', () => {
    const lines = run.stderr.split('\n').filter(Boolean);
    const warnings = lines.filter((text) => / warning: /.test(text));
    expect(warnings.length).toBeGreaterThan(10);
    for (const warning of warnings) expect(warning).toMatch(/^content\/articles\/block-\d+\.md:\d+:\d+ warning: /);
    for (const [index, text] of lines.entries()) if (/ warning: /.test(text)) expect(lines[index + 1]).toMatch(/^ {4}hint: /);
  });

  test.each(renderedCases.map((c) => [c.name, c] as const))('%s', (_name, hostile) => {
    if (!('renders' in hostile.outcome)) throw new Error('not a rendering case');
    const { url, check, warning } = hostile.outcome.renders;
    check?.(site.page(url));
    if (warning) {
      const about = run.stderr.split('\n').filter((text) => text.startsWith(`${fileOf(hostile)}:`));
      expect(about.some((text) => / warning: /.test(text) && warning.test(text)), run.stderr).toBe(true);
    }
  });
});
