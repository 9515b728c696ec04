import { describe, expect, test } from 'vitest';
import { githubAnnotation } from '../../src/util/github-annotations.js';
import { error, warning } from '../../src/util/problems.js';

/**
 * Reads a workflow command back the way the Actions runner does: the
 * command name up to a space, properties up to the next `::` split at `,`
 * and the first `=`, then the escapes undone (properties have two more).
 */
function readCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const decodeData = (text: string) => text.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%');
  const decodeProperty = (text: string) => decodeData(text.replaceAll('%3A', ':').replaceAll('%2C', ','));
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const at = pair.indexOf('=');
    properties[pair.slice(0, at)] = decodeProperty(pair.slice(at + 1));
  }
  return { command: match[1]!, properties, message: decodeData(match[3]!) };
}

describe('githubAnnotation', () => {
  test('an error with a position: file, line, column and title, then the message and the hint on its own line', () => {
    const problem = error('content/articles/a.md', 'date: "2024-02-30" is not a real date', {
      position: { line: 3, column: 7 },
      hint: 'write the date as YYYY-MM-DD',
    });
    expect(githubAnnotation(problem, 'broadsheet check')).toBe(
      '::error file=content/articles/a.md,line=3,col=7,title=broadsheet check::date: "2024-02-30" is not a real date%0Ahint: write the date as YYYY-MM-DD',
    );
  });

  test('a warning without a position names the file only, and a problem without a hint has no hint line', () => {
    expect(githubAnnotation(warning('content/site.yml', 'unknown key "colour"'), 'broadsheet build')).toBe(
      '::warning file=content/site.yml,title=broadsheet build::unknown key "colour"',
    );
  });

  test('%, colons and commas in properties and % in the message are encoded as the runner decodes them', () => {
    const problem = error('content/articles/50%, then: more.md', 'title: "100%" is 25% too long, see %0A', {
      position: { line: 1, column: 1 },
    });
    const line = githubAnnotation(problem, 'a: b, c');
    expect(line).toBe(
      '::error file=content/articles/50%25%2C then%3A more.md,line=1,col=1,title=a%3A b%2C c::title: "100%25" is 25%25 too long, see %250A',
    );
    expect(readCommand(line)).toEqual({
      command: 'error',
      properties: { file: 'content/articles/50%, then: more.md', line: '1', col: '1', title: 'a: b, c' },
      message: 'title: "100%" is 25% too long, see %0A',
    });
  });

  test('a line break in a file name or a message cannot end the command or start another one', () => {
    const problem = error('content/articles/evil\n::add-mask::x.md', 'bad\r\n::error file=forged.md::forged', {
      hint: 'two\nlines',
    });
    const line = githubAnnotation(problem, 'broadsheet check');
    expect(line.split(/[\r\n\u2028\u2029]/)).toHaveLength(1);
    expect(readCommand(line)).toEqual({
      command: 'error',
      properties: { file: 'content/articles/evil\\n::add-mask::x.md', title: 'broadsheet check' },
      // The editor's line breaks are shown as text; only the hint's own line break is real.
      message: 'bad\\r\\n::error file=forged.md::forged\nhint: two\\nlines',
    });
  });

  test('terminal controls in what contributors wrote are shown escaped, as in the text format', () => {
    const line = githubAnnotation(error('content/articles/\u001b[2Jx.md', 'a \u202eb'), 'broadsheet check');
    expect(line).toBe('::error file=content/articles/\\u001b[2Jx.md,title=broadsheet check::a \\u202eb');
  });
});
