import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeNewsroom } from '../helpers/newsroom.js';
import { packageCopy } from '../helpers/package-copy.js';
import { readSite } from '../helpers/site-output.js';
import { treeSnapshot } from '../helpers/tree-snapshot.js';
import { CANARY_VARIABLE } from './cases.js';
import { READ_MORE_TARGET, REFUSED_FIGURE_CASES, RENDERED_FIGURE_CASES } from './cases-body-figures.js';

/*
 * The cases of cases-body-figures.ts through the command line, with a
 * canary secret in the environment: the refused ones all in one newsroom
 * over a site built just before (build and check give the same report, the
 * site stays), the rendered ones in another.
 */
const SECRET = `canary-${randomBytes(12).toString('hex')}`;
const roots: string[] = [];
let copy: ReturnType<typeof packageCopy>;

const articleText = (title: string, body: string) =>
  `---\ntitle: ${JSON.stringify(title)}\ndate: 2025-03-14T08:30:00\nauthors: [jane-doe]\ncategory: news\n---\n${body}`;

function run(root: string, command: 'build' | 'check') {
  // A story of 5,000 images takes seconds to parse on a busy machine (remark's cost, not these plugins'): the time limit is not what is tested here.
  const result = spawnSync(process.execPath, [copy.cli, command, '--no-cache', '--time-limit', '120'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', [CANARY_VARIABLE]: SECRET },
  });
  return { code: result.status, signal: result.signal, stderr: result.stderr, log: result.stdout + result.stderr };
}

beforeAll(async () => {
  const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#345' } }).png().toBuffer();
  copy = packageCopy({ 'images/tiny.png': await png(40, 30), 'images/main.png': await png(60, 20) });
});
afterAll(() => {
  roots.forEach((root) => rmSync(root, { recursive: true, force: true }));
  copy.remove();
});

describe('body images and Read more blocks that must be refused', () => {
  const files = Object.fromEntries(REFUSED_FIGURE_CASES.map((c, i) => [`fig-${i + 1}.md`, articleText(c.name, c.body)]));
  let root: string;
  let before: Record<string, string>;
  let built: ReturnType<typeof run>;

  beforeAll(() => {
    root = writeNewsroom();
    roots.push(root);
    const first = run(root, 'build');
    expect(first.code, first.log).toBe(0);
    before = treeSnapshot(path.join(root, '_site'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, 'content/articles', name), text);
    built = run(root, 'build');
  });

  test('the build exits 1 on its own, leaks no secret, and leaves the last site as it was', () => {
    expect([built.code, built.signal], built.log.slice(0, 2000)).toEqual([1, null]);
    expect(built.log).not.toContain(SECRET);
    expect(treeSnapshot(path.join(root, '_site'))).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['_site', 'content']);
  });

  test('check gives the very same report', () => {
    const checked = run(root, 'check');
    expect(checked.code).toBe(1);
    expect(checked.stderr).toBe(built.stderr);
  });

  test.each(REFUSED_FIGURE_CASES.map((c, i) => [c.name, c, i + 1] as const))('%s: reported at its file and line', (_name, c, index) => {
    const lines = built.stderr.split('\n').filter((line) => line.startsWith(`content/articles/fig-${index}.md:`));
    const matching = lines.filter((line) => c.message.test(line) && / error: /.test(line));
    expect(matching.length, lines.slice(0, 5).join('\n')).toBe(c.count ?? 1);
    expect(matching[0]).toMatch(new RegExp(`^content/articles/fig-${index}\\.md:${c.line}:\\d+ error: `));
  });
});

describe('body images and Read more blocks that must render safely', () => {
  let root: string;
  let result: ReturnType<typeof run>;

  beforeAll(() => {
    const files = Object.fromEntries(
      RENDERED_FIGURE_CASES.map((c, i) => [c.title === undefined ? `fig-${i + 1}.md` : `${READ_MORE_TARGET}.md`, articleText(c.title ?? c.name, c.body)]),
    );
    root = writeNewsroom(files);
    roots.push(root);
    result = run(root, 'build');
  });

  test('the build succeeds and leaks no secret into any file or the log', () => {
    expect(result.code, result.log.slice(0, 2000)).toBe(0);
    expect(result.log).not.toContain(SECRET);
    for (const file of readSite(path.join(root, '_site')).files) {
      expect(readFileSync(path.join(root, '_site', file)).includes(SECRET), file).toBe(false);
    }
  });

  test('5,000 pictures of one file encode it once', () => {
    const images = readSite(path.join(root, '_site')).files.filter((file) => file.startsWith('img/'));
    // tiny.png and main.png, each at its own width (under 400 px) in AVIF, WebP and PNG.
    expect(images).toHaveLength(6);
  });

  test.each(RENDERED_FIGURE_CASES.map((c, i) => [c.name, c, i + 1] as const))('%s: its page is safe and as expected', (_name, c, index) => {
    const site = readSite(path.join(root, '_site'));
    const page = site.page(`/news/${c.title === undefined ? `fig-${index}` : READ_MORE_TARGET}/`);
    const found: string[] = [];
    page('*').each((_, element) => {
      if (element.type !== 'tag') return;
      if (element.name === 'script' && page(element).attr('type') !== 'application/ld+json') found.push('<script>');
      for (const [name, value] of Object.entries(element.attribs)) {
        if (/^on/i.test(name) || /^data-(?:body-image|read-more)$/.test(name)) found.push(`${name}=`);
        if (/^\s*(?:javascript|vbscript|data):/i.test(value)) found.push(`${name}=${value.slice(0, 20)}`);
      }
    });
    expect(found).toEqual([]);
    c.check?.(page);
    if (c.warning) {
      const file = `content/articles/${c.title === undefined ? `fig-${index}` : READ_MORE_TARGET}.md:`;
      expect(result.stderr.split('\n').some((line) => line.startsWith(file) && c.warning!.test(line)), result.stderr).toBe(true);
    }
  });
});
