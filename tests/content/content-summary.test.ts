import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { contentSummary } from '../../src/content/content-summary.js';
import { validateContent } from '../../src/content/validate.js';
import { copySharedCache, SAMPLE_NOW, sharedSample } from '../helpers/shared-sample.js';
import { sources, validArticle } from '../helpers/sources.js';

/* The lines `check` and `build` end with: one per kind of story, so that none is off the site unseen. */

const LIGHTHOUSE = 'content/articles/2031/2031-05-01-kestrel-point-lighthouse-bicentenary.md';
const DRAFT = 'content/articles/2026/2026-11-10-harbour-board-chief-executive-to-step-down.md';

const SAMPLE_LINES = [
  '  39 published',
  `   1 draft, not on the site (--drafts shows it): ${DRAFT}`,
  `   1 scheduled, not on the site yet (--future shows it); next 2031-05-01 09:00 Europe/London (${LIGHTHOUSE})`,
];

const temp: string[] = [];
afterAll(() => temp.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

describe('the sample newsroom', () => {
  test('lists the 2031 story as scheduled, with its go-live time in the site timezone and its file, and the draft by its file', () => {
    expect(contentSummary(sharedSample().content, { now: SAMPLE_NOW, drafts: false, future: false })).toEqual(SAMPLE_LINES);
  });

  test('with --drafts and --future, says they are shown', () => {
    expect(contentSummary(sharedSample().everything, { now: SAMPLE_NOW, drafts: true, future: true })).toEqual([
      '  39 published',
      `   1 draft, shown with a banner (--drafts): ${DRAFT}`,
      `   1 scheduled, shown with a banner (--future); next 2031-05-01 09:00 Europe/London (${LIGHTHOUSE})`,
    ]);
  });

  test('check prints the lines before its last line', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'broadsheet-summary-'));
    temp.push(root);
    const cacheDir = copySharedCache(path.join(root, 'cache'));
    const result = spawnSync(process.execPath, [path.resolve('dist/cli.js'), 'check', '--at', new Date(SAMPLE_NOW).toISOString(), '--cache-dir', cacheDir], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split('\n').slice(-4)).toEqual([...SAMPLE_LINES, '✔ 39 articles, 6 authors, 6 sections, 3 pages: no errors']);
  });
});

/** The summary of a newsroom of `articles` as of `now`. */
function summary(articles: Record<string, string>, now: string, shown: { drafts?: boolean; future?: boolean } = {}): string[] {
  const options = { now: Date.parse(now), drafts: shown.drafts ?? false, future: shown.future ?? false };
  const { content, problems } = validateContent(sources(articles), { ...options, assetExists: () => true });
  expect(problems).toEqual([]);
  return contentSummary(content!, options);
}

describe('the lines', () => {
  const drafts = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((name) => [`${name}.md`, validArticle({ draft: 'true' })]));

  test('name three drafts, in file order, and count the rest', () => {
    expect(summary({ ...drafts, 'f.md': validArticle() }, '2026-01-01T00:00:00Z')).toEqual([
      '  1 published',
      '  5 drafts, not on the site (--drafts shows them): content/articles/a.md, content/articles/b.md, content/articles/c.md and 2 more',
      '  0 scheduled',
    ]);
  });

  test('give the next of several scheduled stories, to the second when it has seconds, in summer time', () => {
    const articles = {
      'later.md': validArticle({ date: '2026-09-01T09:00:00' }),
      'sooner.md': validArticle({ date: '2026-07-01T06:30:15' }),
      'old.md': validArticle({ date: '2025-01-01' }),
    };
    expect(summary(articles, '2026-06-01T00:00:00Z')).toEqual([
      '  1 published',
      '  0 drafts',
      '  2 scheduled, not on the site yet (--future shows them); next 2026-07-01 06:30:15 Europe/London (content/articles/sooner.md)',
    ]);
  });

  test('as of --at after a story, it counts as published', () => {
    expect(summary({ 'a.md': validArticle({ date: '2026-09-01T09:00:00' }) }, '2026-09-01T08:00:00Z')).toEqual(['  1 published', '  0 drafts', '  0 scheduled']);
  });

  test('counts are aligned', () => {
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`p${index}.md`, validArticle({ date: `2025-01-${String(index + 1).padStart(2, '0')}` })]));
    expect(summary({ ...many, 'd.md': validArticle({ draft: 'true' }) }, '2026-01-01T00:00:00Z')).toEqual([
      '  12 published',
      '   1 draft, not on the site (--drafts shows it): content/articles/d.md',
      '   0 scheduled',
    ]);
  });
});
