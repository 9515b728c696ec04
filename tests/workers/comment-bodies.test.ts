import { describe, expect, test } from 'vitest';
import { MAX_COMMENT_BYTES } from '../../src/content/load.js';
import type { PipelineFile } from '../../src/workers/cached-results.js';
import { processAll } from '../../src/workers/process-pool.js';
import { formatProblem } from '../../src/util/problems.js';

const settings = { siteUrl: 'https://bugle.example.org/', timezone: 'Europe/London', language: 'en-GB' };

const comment = (name: string, body: string): PipelineFile => ({
  path: `content/comments/harbour-wall/${name}.yml`,
  text: ['name: Ann Reader', 'date: 2025-03-15T10:00', 'body: |', ...body.split('\n').map((line) => `  ${line}`), ''].join('\n'),
  kind: 'comment',
});

describe('comment bodies in the pipeline', () => {
  test('are rendered with the comment rules, the same in worker threads as in one thread', async () => {
    const files = [comment('ann', '## Hi\n\n![x](https://t.example/p.gif)'), comment('ben', 'Plain *words*.')];
    const single = await processAll(files, { ...settings, workers: 0 });
    const parallel = await processAll(files, { ...settings, workers: 2 });
    expect([...parallel.rendered].sort()).toEqual([...single.rendered].sort());
    expect(single.rendered.get('content/comments/harbour-wall/ann.yml')?.html).toBe(
      '<p>Hi</p>\n<p><a href="https://t.example/p.gif" rel="noopener nofollow ugc" class="external">x<span class="visually-hidden"> (external link)</span></a></p>\n',
    );
    expect(single.checks.size).toBe(0);
    expect(single.problems).toEqual([]);
  });

  test('a comment whose fields do not parse is left to validation, which reports it', async () => {
    const broken: PipelineFile = { path: 'content/comments/harbour-wall/bad.yml', text: 'name: [unclosed\nbody: Hi\n', kind: 'comment' };
    const result = await processAll([broken], { ...settings, workers: 0 });
    expect(result.rendered.size).toBe(0);
    expect(result.problems).toEqual([]);
  });

  test('nesting beyond the limit is refused on the line where it is', async () => {
    const result = await processAll([comment('deep', `Fine.\n\n${'>'.repeat(500)} deep`)], { ...settings, workers: 0 });
    expect(result.problems.map(formatProblem)).toEqual([
      'content/comments/harbour-wall/deep.yml:6:1 error: block quotes or lists nested 500 levels deep; at most 100 are rendered\n    hint: flatten the quote or list',
    ]);
  });

  test('a comment under the size limit that stalls the parser is stopped at the time limit, naming the file', async () => {
    const slow = comment('slow', '*a'.repeat(20_000));
    expect(slow.text.length).toBeLessThan(MAX_COMMENT_BYTES);
    const result = await processAll([slow, comment('ben', 'Fine.')], { ...settings, workers: 1, fileTimeLimitMs: 1000 });
    expect(result.problems.map(formatProblem)).toEqual([
      'content/comments/harbour-wall/slow.yml:4:1 error: rendering the Markdown took more than 1 s of CPU time, the limit for one file\n' +
        '    hint: the paragraph at line 4 has 20,000 emphasis, link and code marks (* _ [ ] ` ~); break it up, or escape the marks with \\',
    ]);
    expect(result.rendered.has('content/comments/harbour-wall/ben.yml')).toBe(true);
  });
});
