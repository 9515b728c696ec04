import matter from 'gray-matter';
import { error, type Position, type Problem } from '../util/problems.js';
import { FILE_START, parseYamlMapping, type YamlMapping, type YamlMappingResult } from './yaml-mapping.js';

/** A content file split into its front matter (as plain data) and Markdown body. */
export interface FrontMatterFile extends YamlMapping {
  body: string;
  /** 1-based line of the body's first line in the original file. */
  bodyLine: number;
}

export type FrontMatterResult = { ok: true; value: FrontMatterFile } | { ok: false; problems: Problem[] };

const refuse = (): never => {
  throw new Error('only YAML front matter is read');
};

/**
 * Split a Markdown file into YAML front matter and body, refusing every other
 * front-matter language. Never throws for bad input: problems come back with
 * the file name and, where known, the line.
 */
export function parseFrontMatter(source: string, file: string): FrontMatterResult {
  const structure = checkStructure(normalise(source), file);
  if ('problems' in structure) return { ok: false, problems: structure.problems };

  // The YAML result travels through gray-matter inside this holder: gray-matter
  // has no way to hand back the source positions we report errors with.
  let yaml: YamlMappingResult | undefined;
  /*
   * gray-matter evaluates `---js` front matter with eval() by default, and
   * `engines: {js: false}` does not stop it. Every engine it knows is replaced
   * by one that refuses; the language was also checked above, so a name such
   * as `---constructor` never reaches gray-matter's engine lookup.
   */
  const engines = {
    yaml: (source: string): object => {
      yaml = parseYamlMapping(source, file);
      return {};
    },
    javascript: refuse,
    js: refuse,
    json: refuse,
    toml: refuse,
    coffee: refuse,
    coffeescript: refuse,
    cson: refuse,
  };
  // Only the front matter goes through gray-matter: it copies and hashes its
  // whole input, which costs more than parsing the YAML on a long article.
  try {
    matter(structure.frontMatter, { language: 'yaml', engines });
  } catch (cause) {
    return fail(file, `front matter could not be read: ${cause instanceof Error ? cause.message : String(cause)}`, FILE_START);
  }
  // gray-matter skips the engine when the block holds only comments.
  // The YAML it passes on begins with the newline that ends the opening ---,
  // so YAML line numbers are already the file's line numbers.
  const result: YamlMappingResult = yaml ?? { ok: true, value: { data: {}, locate: () => FILE_START } };
  if (!result.ok) return result;
  return { ok: true, value: { ...result.value, body: structure.body, bodyLine: structure.bodyLine } };
}

interface Structure {
  /** From the opening --- to the end of the closing --- line. */
  frontMatter: string;
  body: string;
  bodyLine: number;
}

/**
 * The Markdown body of a content file, without parsing its YAML; undefined
 * when the front matter is malformed (parseFrontMatter says why). Lets
 * rendering start before validation has finished.
 */
export function bodyOf(source: string): { body: string; bodyLine: number } | undefined {
  const structure = checkStructure(normalise(source), '');
  return 'body' in structure ? { body: structure.body, bodyLine: structure.bodyLine } : undefined;
}

const normalise = (source: string): string => source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

function checkStructure(text: string, file: string): Structure | { problems: Problem[] } {
  const firstBreak = text.indexOf('\n');
  const firstLine = firstBreak === -1 ? text : text.slice(0, firstBreak);
  const opening = /^---(?!-)(.*)$/.exec(firstLine);
  if (!opening) {
    const late = /^(?:[ \t]*\n)+---[ \t]*$/m.exec(text);
    if (late?.index === 0) {
      const line = late[0].split('\n').length;
      return fail(file, 'front matter must start on the first line', { line, column: 1 }, 'remove the blank lines above the opening ---');
    }
    return fail(file, 'the file has no front matter', FILE_START, 'start the file with a line ---, then the fields (title: …), then another line ---');
  }
  const language = (opening[1] ?? '').trim().slice(0, 40);
  if (language !== '' && !/^ya?ml$/i.test(language)) {
    return fail(
      file,
      `front matter written in "${language}" is refused: only YAML is read`,
      { line: 1, column: 4 },
      `remove "${language}" after the opening ---`,
    );
  }
  // gray-matter closes at the first line starting with ---; it must hold nothing else.
  const closing = firstBreak === -1 ? null : /^---.*$/m.exec(text.slice(firstBreak + 1));
  if (!closing) {
    return fail(file, 'the front matter is not closed', FILE_START, 'add a line --- after the last field');
  }
  const closeStart = firstBreak + 1 + closing.index;
  const closingLine = lineAt(text, closeStart);
  if (!/^---[ \t]*$/.test(closing[0])) {
    return fail(
      file,
      'a line starting with --- inside the front matter',
      { line: closingLine, column: 1 },
      'the front matter ends at the first line starting with ---, and that line must hold nothing else',
    );
  }
  const bodyStart = Math.min(text.length, closeStart + closing[0].length + 1);
  return { frontMatter: `${text.slice(0, closeStart)}---\n`, body: text.slice(bodyStart), bodyLine: closingLine + 1 };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function fail(file: string, message: string, position: Position, hint?: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [error(file, message, { position, hint })] };
}
