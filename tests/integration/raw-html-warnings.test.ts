import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { afterAll, describe, expect, test } from 'vitest';
import { writeNewsroom } from '../helpers/newsroom.js';
import { validArticle } from '../helpers/sources.js';
import { runCli } from '../helpers/cli-in-process.js';

/*
 * What an editor sees when a story's HTML is removed: the build prints a
 * warning at the file, line and column of the tag with a hint, keeps the
 * story's text and allowed HTML, and --strict turns the warning into a
 * failed build that writes nothing.
 */
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** The command line in this process (tests/helpers/cli-in-process.ts). */
const run = (cwd: string, ...args: string[]) => runCli(args, { cwd, env: { NO_COLOR: '1' } });

// Front matter is lines 1–7 (tags included), so the body starts on line 8.
const BODY = [
  'The council met on Tuesday.',
  '',
  'Watch the meeting: <iframe src="https://www.youtube.com/embed/abc123" width="560"></iframe>',
  '',
  '<figure>',
  '<img src="/images/harbour-dawn.jpg" alt="The harbour at dawn">',
  '<figcaption>The harbour, <span style="color:red">seen</span> from the wall.</figcaption>',
  '</figure>',
  '',
].join('\n');

describe('a story with an iframe and a styled span', () => {
  const root = writeNewsroom({ 'video.md': validArticle({ title: 'Council meets' }).replace('The first paragraph.\n', BODY) });
  roots.push(root);

  test('build warns at file:line:column with a hint, and keeps the text and the figure', async () => {
    const { code, stderr } = await run(root, 'build');
    expect(code, stderr).toBe(0);
    expect(stderr.split('\n')).toEqual([
      'content/articles/video.md:10:20 warning: <iframe src="https://www.youtube.com/embed/abc123"> removed',
      '    hint: write the video\'s address on its own line (see "Embeds" in the README)',
      'content/articles/video.md:14:26 warning: <span> removed; its text is kept',
      "    hint: styling and layout come from the site's design: write the text without the tag",
      '',
    ]);
    const page = load(readFileSync(path.join(root, '_site/news/video/index.html'), 'utf8'));
    const body = page('.story-body');
    expect(body.find('iframe, span[style]').length).toBe(0);
    expect(body.find('p').first().text()).toBe('The council met on Tuesday.');
    expect(body.find('figure img').attr('alt')).toBe('The harbour at dawn');
    expect(body.find('figure figcaption').text()).toBe('The harbour, seen from the wall.');
  });

  test('--strict fails the build on those warnings and writes nothing', async () => {
    const { code, stderr } = await run(root, 'build', '--strict', '--out', 'strict');
    expect(code).toBe(1);
    expect(stderr).toContain('content/articles/video.md:10:20 warning: <iframe src="https://www.youtube.com/embed/abc123"> removed');
    expect(stderr).toContain('✖ 2 warnings, and --strict treats warnings as errors; nothing was written');
    expect(existsSync(path.join(root, 'strict'))).toBe(false);
    const checked = await run(root, 'check', '--strict');
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain('content/articles/video.md:14:26 warning: <span> removed; its text is kept');
  });
});
