import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeBuiltNewsroom, writeNewsroom } from '../helpers/newsroom.js';
import { packageCopy } from '../helpers/package-copy.js';
import { SITE_YML } from '../helpers/sources.js';
import { CANARY_VARIABLE } from './cases.js';
import { treeSnapshot } from '../helpers/tree-snapshot.js';
import { runCli } from '../helpers/cli-in-process.js';

/*
 * Hostile inputs that cannot share a build with the other cases: settings
 * in site.yml (one per newsroom) and an SVG in public/ that no content
 * names. Each newsroom is built as it was (or copied, built), then with the hostile
 * input: the second run must fail with the message, leave the first output
 * exactly as it was, and change nothing outside it.
 */
const SECRET = `canary-${randomBytes(12).toString('hex')}`;
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/**
 * `broadsheet COMMAND --no-cache` in `root` with the secret in its
 * environment: in this process (tests/helpers/cli-in-process.ts), or, for a
 * copy of Broadsheet with other public/ files (`cli`), in a process of its own.
 */
async function run(root: string, command: 'build' | 'check', cli?: string) {
  const env = { NO_COLOR: '1', [CANARY_VARIABLE]: SECRET };
  if (cli === undefined) {
    const result = await runCli([command, '--no-cache'], { cwd: root, env });
    return { code: result.code, stderr: result.stderr, log: result.stdout + result.stderr };
  }
  const result = spawnSync(process.execPath, [cli, command, '--no-cache'], { cwd: root, encoding: 'utf8', timeout: 180_000, env: { ...process.env, ...env } });
  return { code: result.status, stderr: result.stderr, log: result.stdout + result.stderr };
}

describe('site.yml values bound for _headers, _redirects and robots.txt', () => {
  test.each([
    ['a CSP directive in the comment endpoint', 'comments:\n  endpoint: "https://x;sandbox/entry"\n', 'content/site.yml:8:3 error: comments.endpoint: has the host "x;sandbox", which is not a name of letters, digits, "-" and "."'],
    ['a space and a source in the endpoint', "comments:\n  endpoint: \"https://c.example.org 'unsafe-inline'/\"\n", `content/site.yml:8:3 error: comments.endpoint: has the host "c.example.org 'unsafe-inline'", which is not a name of letters, digits, "-" and "."`],
    ['a query in the site url', null, 'content/site.yml:2:1 error: url: must not have a query (?…) or a fragment (#…)'],
    ['a splat in the site url', '*', 'content/site.yml:2:1 error: url: has "*" in its path, where only letters, digits, "-", ".", "_", "~", "/" and %-escapes may be'],
  ])('%s: check and build refuse it at its line; the last site stays', async (_name, extra, message) => {
    const root = writeBuiltNewsroom();
    roots.push(root);
    const before = treeSnapshot(path.join(root, '_site'));

    const siteYml =
      extra === null ? SITE_YML.replace('url: https://gazette.example.org/', 'url: "https://gazette.example.org/?x=1"')
      : extra === '*' ? SITE_YML.replace('url: https://gazette.example.org/', 'url: "https://gazette.example.org/*/"')
      : SITE_YML + extra;
    writeFileSync(path.join(root, 'content/site.yml'), siteYml);
    for (const command of ['check', 'build'] as const) {
      const refused = await run(root, command);
      expect(refused.code, refused.log).toBe(1);
      expect(refused.stderr.split('\n')).toContain(message);
      expect(refused.stderr, 'the articles are not blamed for site.yml').not.toMatch(/content\/articles\//);
      expect(refused.log).not.toContain(SECRET);
    }
    expect(treeSnapshot(path.join(root, '_site'))).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['_site', 'content']);
  });
});

describe('an SVG in public/ that no content names', () => {
  test('with a script, check and build refuse it before anything is written, naming it; the last site stays', async () => {
    const root = writeNewsroom();
    roots.push(root);
    const safe = packageCopy({ 'images/chart.svg': '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>' });
    const hostile = packageCopy({ 'images/chart.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' });
    try {
      const first = await run(root, 'build', safe.cli);
      expect(first.code, first.log).toBe(0);
      const headers = readFileSync(path.join(root, '_site/_headers'), 'utf8');
      expect(headers).toContain('/images/chart.svg\n  Content-Security-Policy: sandbox\n');
      expect(headers).toContain('/images/favicon.svg\n  Content-Security-Policy: sandbox\n');
      const before = treeSnapshot(path.join(root, '_site'));

      const refused = await run(root, 'build', hostile.cli);
      expect(refused.code, refused.log).toBe(1);
      expect(refused.stderr).toMatch(/\/public\/images\/chart\.svg error: this SVG would be published with a <script> element$/m);
      expect(refused.log).not.toMatch(/^ +publish /m);
      const checked = await run(root, 'check', hostile.cli);
      expect(checked.code, checked.log).toBe(1);
      expect(checked.stderr).toBe(refused.stderr);
      expect(treeSnapshot(path.join(root, '_site'))).toEqual(before);
      expect(readdirSync(root).sort()).toEqual(['_site', 'content']);
    } finally {
      safe.remove();
      hostile.remove();
    }
  });
});
