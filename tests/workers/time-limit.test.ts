import { describe, expect, test } from 'vitest';
import { validateContent } from '../../src/content/validate.js';
import { formatProblem } from '../../src/util/problems.js';
import type { PipelineFile } from '../../src/workers/cached-results.js';
import { processAll } from '../../src/workers/process-pool.js';
import { sources } from '../helpers/sources.js';

/*
 * The limit under test is Broadsheet's own (fileTimeLimitMs), never a time
 * limit of the test. Each test starts one worker thread.
 */

const settings = { siteUrl: 'https://gazette.example.org/', timezone: 'Europe/London', language: 'en-GB' };
const FRONT = 'date: 2025-03-14T08:30:00\nauthors: [jane-doe]\ncategory: news\n';
const story = (slug: string, body: string, extra = ''): PipelineFile => ({
  path: `content/articles/${slug}.md`,
  text: `---\ntitle: ${slug}\n${FRONT}${extra}---\n${body}\n`,
  kind: 'article',
});
const comment = (slug: string): PipelineFile => ({ path: `content/comments/${slug}/1.yml`, text: 'name: Ann Reader\ndate: 2025-03-15T10:00\nbody: Well said.\n', kind: 'comment' });

/** What validation of these files reports, given what the pool learnt of them (as a build validates). */
function validated(files: readonly PipelineFile[], result: Awaited<ReturnType<typeof processAll>>): string[] {
  const of = (kind: PipelineFile['kind']) => Object.fromEntries(files.filter((file) => file.kind === kind).map((file) => [file.path.replace(/^content\/\w+\//, ''), file.text]));
  const { problems } = validateContent(sources(of('article'), { comments: of('comment') }), {
    now: Date.parse('2026-01-01T00:00:00Z'),
    drafts: false,
    future: false,
    assetExists: () => true,
    articleChecks: result.checks,
    unchecked: result.unchecked,
  });
  return problems.map(formatProblem);
}

describe('the per-file time limit counts CPU time', () => {
  test('a file whose work waits longer than the limit, computing little, is rendered', async () => {
    const files = [story('quiet', 'A short story.')];
    // The worker sleeps 1.2 s in the file's work, as a thread does that a busy machine does not run.
    const result = await processAll(files, { ...settings, workers: 1, fileTimeLimitMs: 500, sleepMsPerFile: 1_200 });
    expect(result.problems).toEqual([]);
    expect(result.rendered.get('content/articles/quiet.md')?.html).toBe('<p>A short story.</p>\n');
  });

  test('a file whose rendering computes past the limit is stopped with one error, and nothing else is said of it', async () => {
    const files = [
      story('fine', 'An ordinary story.', 'related: [slow]\n'),
      story('slow', `Opening line.\n\n${'*a'.repeat(20_000)}`),
      story('after', 'Another ordinary story.'),
      comment('slow'),
    ];
    const result = await processAll(files, { ...settings, workers: 1, fileTimeLimitMs: 500 });
    expect(result.problems.map(formatProblem)).toEqual([
      'content/articles/slow.md:9:1 error: rendering the Markdown took more than 0.5 s of CPU time, the limit for one file\n' +
        '    hint: the paragraph at line 9 has 20,000 emphasis, link and code marks (* _ [ ] ` ~); break it up, or escape the marks with \\',
    ]);
    expect([...result.rendered.keys()].sort()).toEqual(['content/articles/after.md', 'content/articles/fine.md', 'content/comments/slow/1.yml']);
    // Checked again without its body, in a worker: its fields are known, so its comment and the pin to it are in order.
    expect(result.checks.get('content/articles/slow.md')?.article?.slug).toBe('slow');
    expect(result.unchecked).toEqual(new Set());
    expect(validated(files, result)).toEqual([]);
  });

  test('a file whose front matter takes past the limit to check is not checked again in this thread', async () => {
    const files = [story('long-list', 'Body.', `extra:\n${'  - item\n'.repeat(200_000)}`), story('fine', 'An ordinary story.'), comment('long-list')];
    const result = await processAll(files, { ...settings, workers: 1, fileTimeLimitMs: 500 });
    expect(result.problems.map(formatProblem)).toEqual([
      'content/articles/long-list.md:1:1 error: checking the front matter took more than 0.5 s of CPU time, the limit for one file\n' +
        '    hint: its front matter is 1,758 KB long; keep long text in the body, and lists short',
    ]);
    expect(result.unchecked).toEqual(new Set(['content/articles/long-list.md']));
    expect(result.checks.has('content/articles/long-list.md')).toBe(false);
    // Validation leaves it out without checking it (that would report its unknown field), and its comment is not an orphan.
    expect(validated(files, result)).toEqual([]);
  });
});
