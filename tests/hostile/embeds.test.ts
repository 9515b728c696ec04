import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeBuiltNewsroom, writeNewsroom } from '../helpers/newsroom.js';
import { readSite, type BuiltSite } from '../helpers/site-output.js';
import { SITE_YML } from '../helpers/sources.js';
import { treeSnapshot } from '../helpers/tree-snapshot.js';
import { REFUSED_EMBED_CASES, SAFE_EMBED_CASES } from './cases-embeds.js';
import type { HostileCase } from './cases.js';
import { runCli } from '../helpers/cli-in-process.js';

/*
 * Hostile embeds through the real command line (build dist/ first): the
 * refused cases are built together over a newsroom built just before, which
 * must stay as it was; the safe ones are built together and read back.
 */
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function newsroom(cases: readonly HostileCase[], siteYml = SITE_YML): string {
  const root = writeNewsroom();
  roots.push(root);
  writeFileSync(path.join(root, 'content/site.yml'), siteYml);
  for (const c of cases) {
    for (const [file, text] of Object.entries(c.files)) {
      if (typeof text !== 'string') throw new Error('embed cases are text files');
      mkdirSync(path.dirname(path.join(root, 'content', file)), { recursive: true });
      writeFileSync(path.join(root, 'content', file), text);
    }
  }
  return root;
}

/** The command line in this process (tests/helpers/cli-in-process.ts). */
async function run(root: string, command: 'build' | 'check') {
  const result = await runCli([command, '--no-cache'], { cwd: root, env: { NO_COLOR: '1' } });
  return { code: result.code, stderr: result.stderr, log: result.stdout + result.stderr };
}

describe('embeds that must be refused', () => {
  let root: string;
  let before: Record<string, string>;
  let refused: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    root = writeBuiltNewsroom();
    roots.push(root);
    for (const c of REFUSED_EMBED_CASES) for (const [file, text] of Object.entries(c.files)) writeFileSync(path.join(root, 'content', file), text as string);
    before = treeSnapshot(root);
    refused = await run(root, 'build');
  });

  test('the build exits 1 on its own and changes no file; check reports the same', async () => {
    expect(refused.code, refused.log).toBe(1);
    expect(treeSnapshot(root)).toEqual(before);
    const checked = await run(root, 'check');
    expect(checked.code).toBe(1);
    expect(checked.stderr).toBe(refused.stderr);
  });

  test.each(REFUSED_EMBED_CASES.map((c) => [`${c.kind}: ${c.name}`, c] as const))('%s', (_, hostile) => {
    if (!('refused' in hostile.outcome)) throw new Error('not a refused case');
    const { message, line } = hostile.outcome.refused;
    const file = `content/${Object.keys(hostile.files)[0]}`;
    const errors = refused.stderr.split('\n').filter((l) => l.startsWith(`${file}:`) && / error: /.test(l));
    const at = errors.filter((l) => message.test(l)).map((l) => l.split(' ')[0]);
    expect(at, refused.stderr).toHaveLength(1);
    expect(at[0]?.startsWith(`${file}:${line}:`), refused.stderr).toBe(true);
  });

  test('10,000 embeds make one error, not 10,000', async () => {
    const file = 'content/articles/embed-010.md';
    expect(refused.stderr.split('\n').filter((l) => l.startsWith(file))).toHaveLength(1);
  });
});

describe('a provider in site.yml that would widen the CSP is refused at its line', () => {
  test.each([
    ['a CSP source in the frame host', '  - name: Evil\n    address: https://video.example.org/watch/{id}\n    frame: "https://x.example;script-src *;/e/{id}"\n', 'content/site.yml:10:5 error: embeds.0.frame: has the host "x.example;script-src *;", which is not a name of letters, digits, "-" and "."'],
    ['a wildcard host', '  - name: Any\n    address: https://video.example.org/watch/{id}\n    frame: "https://*.example.org/e/{id}"\n', 'content/site.yml:10:5 error: embeds.0.frame: has the host "*.example.org", which is not a name of letters, digits, "-" and "."'],
    ['a javascript: frame', '  - name: Script\n    address: https://video.example.org/watch/{id}\n    frame: "javascript:alert({id})"\n', 'content/site.yml:10:5 error: embeds.0.frame: must be an https:// address'],
  ])('%s', async (_, entry, message) => {
    const root = newsroom([], `${SITE_YML}embeds:\n${entry}`);
    for (const command of ['check', 'build'] as const) {
      const result = await run(root, command);
      expect(result.code, result.log).toBe(1);
      expect(result.stderr.split('\n')).toContain(message);
    }
  });
});

describe('embeds that render with nothing active', () => {
  let result: Awaited<ReturnType<typeof run>>;
  let site: BuiltSite;
  beforeAll(async () => {
    const root = newsroom(SAFE_EMBED_CASES);
    result = await run(root, 'build');
    if (result.code === 0) site = readSite(path.join(root, '_site'));
  });

  test('the build succeeds', async () => {
    expect(result.code, result.log).toBe(0);
  });

  test.each(SAFE_EMBED_CASES.map((c) => [c.name, c] as const))('%s', (_, hostile) => {
    if (!('renders' in hostile.outcome)) throw new Error('not a rendering case');
    const { url, check, warning } = hostile.outcome.renders;
    check?.(site.page(url));
    if (warning) expect(result.stderr.split('\n').some((line) => / warning: /.test(line) && warning.test(line)), result.stderr).toBe(true);
  });

  test('_headers allows frames from exactly the one provider used', async () => {
    const csp = /Content-Security-Policy: (.*)/.exec(readFileSync(path.join(site.dir, '_headers'), 'utf8'))?.[1] ?? '';
    expect(csp.split('; ').filter((directive) => directive.startsWith('frame-src'))).toEqual(['frame-src https://player.vimeo.com']);
  });
});
