import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeBuiltNewsroom, writeNewsroom } from '../helpers/newsroom.js';
import { readSite, type BuiltSite } from '../helpers/site-output.js';
import { treeSnapshot } from '../helpers/tree-snapshot.js';
import { CANARY_VARIABLE, type CaseFiles } from './cases.js';
import { DEEP_HTML_CASE, RAW_HTML_CASES } from './cases-raw-html.js';
import { runCli } from '../helpers/cli-in-process.js';

/*
 * Raw HTML cases through the real command line, with a secret in the
 * environment: the cases build (the removals are warnings), no page holds
 * anything a browser would run, and every removal is printed at the line
 * and column the editor wrote it; --strict fails on them. HTML nested past
 * the limit is an error, and the last site stays as it was.
 */
const SECRET = `canary-${randomBytes(12).toString('hex')}`;
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function newsroomWith(files: CaseFiles): string {
  const root = writeNewsroom();
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, 'content', file)), { recursive: true });
    writeFileSync(path.join(root, 'content', file), text as string);
  }
  return root;
}

/** The command line in this process (tests/helpers/cli-in-process.ts), with the secret in its environment. */
async function run(root: string, ...args: string[]) {
  const result = await runCli([...args, '--no-cache'], { cwd: root, env: { NO_COLOR: '1', [CANARY_VARIABLE]: SECRET } });
  return { code: result.code, stderr: result.stderr, log: result.stdout + result.stderr };
}

/** What a browser would run, load into a frame or style from the page, found independently of the build's scan. */
function activeContent(page: CheerioAPI): string[] {
  const found: string[] = [];
  page('.story-body, .comments').find('script, iframe, object, embed, style, base, frame, svg, math, form, input, link, meta').each((_, el) => {
    found.push(`<${el.tagName}>`);
  });
  page('.story-body *, .comments *').each((_, el) => {
    for (const [name, value] of Object.entries((el as { attribs?: Record<string, string> }).attribs ?? {})) {
      if (/^on|^style$|^srcdoc$/i.test(name)) found.push(`${name}=`);
      // eslint-disable-next-line no-control-regex
      if (['href', 'src', 'srcset', 'cite', 'action'].includes(name) && /^(javascript|vbscript|data):/.test(value.replace(/[\u0000-\u0020]/g, '').toLowerCase())) found.push(`${name}=${value.slice(0, 20)}`);
    }
  });
  return found;
}

describe('raw HTML in bodies and comments, built by the command line', () => {
  let root: string;
  let built: Awaited<ReturnType<typeof run>>;
  let site: BuiltSite;
  beforeAll(async () => {
    root = newsroomWith(Object.assign({}, ...RAW_HTML_CASES.map((c) => c.files)));
    built = await run(root, 'build');
    if (built.code === 0) site = readSite(path.join(root, '_site'));
  });

  test('the build succeeds (removals are warnings) and leaks no secret', async () => {
    expect(built.code, built.log).toBe(0);
    expect(built.log).not.toContain(SECRET);
  });

  test('no page holds a script, a frame, a style, foreign markup, an event handler or a script URL', async () => {
    const unsafe = [...site.pages].flatMap(([url, page]) => activeContent(page).map((found) => `${url}: ${found}`));
    expect(unsafe).toEqual([]);
  });

  test.each(RAW_HTML_CASES.map((c) => [`${c.kind}: ${c.name}`, c] as const))('%s', (_name, hostile) => {
    if (!('renders' in hostile.outcome)) throw new Error('not a rendering case');
    const { url, check, file = `content/${Object.keys(hostile.files).find((f) => f.startsWith('articles/'))}` } = hostile.outcome.renders;
    check?.(site.page(url));
    const about = built.stderr.split('\n').filter((line) => line.startsWith(`${file}:`));
    for (const expected of hostile.reported) expect(about.some((line) => expected.test(line)), `${expected}\n${about.join('\n')}`).toBe(true);
    // Each removal is one line with a hint after it.
    const lines = built.stderr.split('\n');
    for (const [index, line] of lines.entries()) {
      if (line.startsWith(`${file}:`)) expect(lines[index + 1], line).toMatch(/^ {4}hint: \S/);
    }
  });

  test('with --strict, check and build fail on the same warnings and write nothing', async () => {
    const before = treeSnapshot(path.join(root, '_site'));
    const checked = await run(root, 'check', '--strict');
    expect(checked.code, checked.log).toBe(1);
    expect(checked.stderr.split('\n').filter((line) => / warning: /.test(line))).toEqual(built.stderr.split('\n').filter((line) => / warning: /.test(line)));
    const strict = await run(root, 'build', '--strict');
    expect(strict.code, strict.log).toBe(1);
    expect(strict.stderr.split('\n').filter((line) => / warning: /.test(line))).toEqual(built.stderr.split('\n').filter((line) => / warning: /.test(line)));
    expect(treeSnapshot(path.join(root, '_site'))).toEqual(before);
  });
});

describe('HTML nested past the limit', () => {
  test('is an error at its line, and the last site stays as it was', async () => {
    const root = writeBuiltNewsroom();
    roots.push(root);
    const before = treeSnapshot(path.join(root, '_site'));
    for (const [file, text] of Object.entries(DEEP_HTML_CASE.files)) writeFileSync(path.join(root, 'content', file), text as string);
    const refused = await run(root, 'build');
    expect(refused.code, refused.log).toBe(1);
    const file = `content/${Object.keys(DEEP_HTML_CASE.files)[0]}`;
    const about = refused.stderr.split('\n').filter((line) => line.startsWith(`${file}:`));
    expect(about.some((line) => DEEP_HTML_CASE.reported.every((expected) => expected.test(line))), refused.stderr).toBe(true);
    expect(treeSnapshot(path.join(root, '_site'))).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['_site', 'content']);
    expect(readFileSync(path.join(root, 'content', Object.keys(DEEP_HTML_CASE.files)[0]!), 'utf8')).toContain('<sup>');
  });
});
