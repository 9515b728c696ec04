import { describe, expect, test } from 'vitest';
import { slowParts } from '../../src/markdown/slow-parts.js';
import { formatProblem } from '../../src/util/problems.js';
import type { PipelineFile } from '../../src/workers/cached-results.js';
import { timeLimitProblem, type Stopped } from '../../src/workers/time-limit-problem.js';

const FRONT = '---\ntitle: Changelog\ndate: 2025-03-14\nauthors: [jane-doe]\ncategory: news\n---\n';
const article = (body: string, front = FRONT): PipelineFile => ({ path: 'content/articles/changelog.md', text: `${front}${body}`, kind: 'article' });
const rendering: Stopped = { phase: 'rendering', limitMs: 10_000, counts: 'cpu' };

const PROSE = 'The council met on Tuesday to discuss the *harbour wall*, and [the report](https://example.org/r) said so.\n\n';

describe('the error of a file stopped at the time limit', () => {
  test.each<{ name: string; file: PipelineFile; stopped: Stopped; expected: string }>([
    {
      name: 'ordinary prose: no hint, rather than a guess',
      file: article(PROSE.repeat(20)),
      stopped: rendering,
      expected: 'content/articles/changelog.md error: rendering the Markdown took more than 10 s of CPU time, the limit for one file',
    },
    {
      name: 'a long body: its size',
      file: article(PROSE.repeat(3_000)),
      stopped: rendering,
      expected:
        'content/articles/changelog.md error: rendering the Markdown took more than 10 s of CPU time, the limit for one file\n' +
        '    hint: its Markdown is 316 KB long; split it into several stories, or raise --time-limit',
    },
    {
      name: 'a paragraph of emphasis marks: its line, in the file',
      file: article(`${PROSE}${'*a'.repeat(20_000)}\n`),
      stopped: { ...rendering, limitMs: 500 },
      expected:
        'content/articles/changelog.md:9:1 error: rendering the Markdown took more than 0.5 s of CPU time, the limit for one file\n' +
        '    hint: the paragraph at line 9 has 20,000 emphasis, link and code marks (* _ [ ] ` ~); break it up, or escape the marks with \\',
    },
    {
      name: 'marks spread over many paragraphs are not one slow paragraph',
      file: article(`${'*a* [b] `c`\n\n'.repeat(2_000)}`),
      stopped: rendering,
      expected: 'content/articles/changelog.md error: rendering the Markdown took more than 10 s of CPU time, the limit for one file',
    },
    {
      name: 'deep quotes and lists, with the wall clock where CPU time cannot be read',
      file: article(`${PROSE}${Array.from({ length: 40 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth + 1}`).join('\n')}\n`),
      stopped: { ...rendering, counts: 'wall' },
      expected:
        'content/articles/changelog.md:48:1 error: rendering the Markdown took more than 10 s, the limit for one file\n' +
        '    hint: quotes or lists are nested 40 levels deep at line 48; flatten them',
    },
    {
      name: 'a long front matter, when the check was stopped',
      file: article('Body.\n', `${FRONT.slice(0, -4)}extra:\n${'  - item\n'.repeat(10_000)}---\n`),
      stopped: { ...rendering, phase: 'checking' },
      expected:
        'content/articles/changelog.md:1:1 error: checking the front matter took more than 10 s of CPU time, the limit for one file\n' +
        '    hint: its front matter is 88 KB long; keep long text in the body, and lists short',
    },
    {
      name: 'a short front matter: no hint, even when the body has a slow part',
      file: article(`${'*a'.repeat(20_000)}\n`),
      stopped: { ...rendering, phase: 'checking' },
      expected: 'content/articles/changelog.md error: checking the front matter took more than 10 s of CPU time, the limit for one file',
    },
    {
      name: "a comment: lines of the comment's file",
      file: { path: 'content/comments/harbour-wall/1.yml', text: `name: Ann\ndate: 2025-03-15\nbody: |\n  Fine.\n\n  ${'[a'.repeat(3_000)}\n`, kind: 'comment' },
      stopped: rendering,
      expected:
        'content/comments/harbour-wall/1.yml:6:1 error: rendering the Markdown took more than 10 s of CPU time, the limit for one file\n' +
        '    hint: the paragraph at line 6 has 3,000 emphasis, link and code marks (* _ [ ] ` ~); break it up, or escape the marks with \\',
    },
  ])('$name', ({ file, stopped, expected }) => {
    expect(formatProblem(timeLimitProblem(file, stopped))).toBe(expected);
  });

  test('every slow part is named, the paragraph and nesting with their lines', () => {
    const body = `${PROSE.repeat(3_000)}${'_a'.repeat(1_500)}\n\n${'>'.repeat(12)} deep\n`;
    expect(slowParts(body, 7).map((part) => part.line)).toEqual([undefined, 6007, 6009]);
  });
});
