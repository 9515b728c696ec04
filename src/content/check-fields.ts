import { posix } from 'node:path';
import type { z } from 'zod';
import { error, warning, type Problem } from '../util/problems.js';
import type { SourceFile } from './types.js';
import { editorMessage } from './editor-messages.js';
import { parseFrontMatter, type FrontMatterFile } from './front-matter.js';
import { ENGINE_KEYS, readNumbersAsText } from './schema.js';
import { slugFromFileName, slugifyText, slugProblem } from './slug.js';
import { didYouMean } from '../util/suggest.js';
import type { YamlMapping } from './yaml-mapping.js';

/** Parse a content file's front matter, adding its problems to `problems`. */
export function readFrontMatter(file: SourceFile, problems: Problem[]): FrontMatterFile | undefined {
  const parsed = parseFrontMatter(file.text, file.path);
  if (parsed.ok) return parsed.value;
  problems.push(...parsed.problems);
  return undefined;
}

/**
 * Validate one mapping against its schema, reporting every failing field at
 * the line where it is written, and every unknown field as a warning.
 * `written` is the mapping as the editor wrote it, for unknown-field checks.
 * Numbers in `freeText` fields are read as text (see readNumbersAsText).
 */
export function checkFields<S extends z.ZodType>(
  file: string,
  yaml: YamlMapping,
  schema: S,
  known: Record<string, string[]>,
  problems: Problem[],
  written: Record<string, unknown> = yaml.data,
  freeText: readonly string[] = [],
): z.output<S> | undefined {
  problems.push(...unknownFields(file, written, known, yaml.locate));
  const checked = fieldProblems(file, yaml, schema, freeText);
  problems.push(...checked.failures.map((failure) => failure.problem));
  return checked.value;
}

/** One field that failed its schema: where in the mapping, and the problem as it is reported. */
export interface FieldFailure {
  path: readonly PropertyKey[];
  problem: Problem;
}

/**
 * The schema's verdict on one mapping: the value when every field passed,
 * otherwise each failing field with its path, so that a caller can report
 * some of them itself (with a hint only other files can give).
 */
export function fieldProblems<S extends z.ZodType>(
  file: string,
  yaml: YamlMapping,
  schema: S,
  freeText: readonly string[] = [],
): { value: z.output<S> | undefined; failures: FieldFailure[] } {
  const data = yaml.numberSource ? readNumbersAsText(yaml.data, freeText, yaml.numberSource) : yaml.data;
  const result = schema.safeParse(data, { error: editorMessage });
  if (result.success) return { value: result.data, failures: [] };
  const failures = result.error.issues.map((issue): FieldFailure => {
    // A key that is a site path (site.yml's redirects) is set apart by a space: `redirects /old/`, not `redirects./old/`.
    const field = issue.path
      .filter((p) => typeof p !== 'symbol')
      .map((p, index) => (index === 0 ? String(p) : String(p).startsWith('/') ? ` ${String(p)}` : `.${String(p)}`))
      .join('');
    return {
      path: issue.path,
      problem: error(file, field ? `${field}: ${issue.message}` : issue.message, { position: yaml.locate(issue.path), hint: issueHint(issue) }),
    };
  });
  return { value: undefined, failures };
}

/** Unknown fields of a mapping (see checkFields), each a warning with a "did you mean" hint. */
export function unknownFields(
  file: string,
  data: Record<string, unknown>,
  known: Record<string, string[]>,
  locate: YamlMapping['locate'],
): Problem[] {
  const problems: Problem[] = [];
  for (const [parent, keys] of Object.entries(known)) {
    const parentPath = parent === '' ? [] : parent.split('.');
    const holder = parentPath.reduce<unknown>(
      (value, key) => (typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined),
      data,
    );
    if (typeof holder !== 'object' || holder === null || Array.isArray(holder)) continue;
    for (const key of Object.keys(holder)) {
      if (keys.includes(key)) continue;
      const path = [...parentPath, key];
      const name = path.join('.');
      problems.push(
        ENGINE_KEYS.has(key)
          ? warning(file, `"${name}" has no effect`, {
              position: locate(path),
              hint: 'content is data: Broadsheet picks templates and URLs itself; delete this line',
            })
          : warning(file, `unknown field "${name}" is ignored`, {
              position: locate(path),
              hint: didYouMean(key, keys) ?? `known fields here: ${keys.join(', ')}`,
            }),
      );
    }
  }
  return problems;
}

/** The slug a file name gives, or undefined (with a problem) when it gives none. */
export function fileSlug(file: SourceFile, problems: Problem[], kind: 'article' | 'author' | 'section' | 'page'): string | undefined {
  const name = posix.basename(file.path);
  const slug = kind === 'article' ? slugFromFileName(name) : name.replace(/\.md$/i, '');
  const problem = slugProblem(slug);
  if (!problem) return slug;
  const slugified = slugifyText(slug);
  const suggestion = slugified && !slugProblem(slugified) ? slugified : undefined;
  problems.push(
    error(file.path, `the file name gives the ${kind} slug "${slug}", which ${problem}`, {
      hint:
        kind === 'article'
          ? `rename the file${suggestion ? ` to ${suggestion}.md` : ''}, or set slug: in the front matter`
          : `rename the file${suggestion ? ` to ${suggestion}.md` : ''}`,
    }),
  );
  return undefined;
}

/** A hint a check put on its issue (see contentDate in schema.ts), for the line under the message. */
function issueHint(issue: z.core.$ZodIssue): string | undefined {
  const hint: unknown = issue.code === 'custom' ? issue.params?.hint : undefined;
  return typeof hint === 'string' ? hint : undefined;
}
