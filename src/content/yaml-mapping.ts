import { isCollection, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { error, type Position, type Problem } from '../util/problems.js';

/** A YAML mapping read into plain data, with the source position of every key. */
export interface YamlMapping {
  /** Untyped until a schema narrows it. */
  data: Record<string, unknown>;
  /** Where the key at `path` (or its nearest existing parent) is written. */
  locate(path: readonly PropertyKey[]): Position;
  /**
   * The text written for the number at `path` (`2024`, `007`, `1.10`), so
   * that a number in a free-text field can be read as what was written (see
   * readNumbersAsText); undefined for anything else. Absent: none is.
   */
  numberSource?: ((path: readonly PropertyKey[]) => string | undefined) | undefined;
}

export type YamlMappingResult = { ok: true; value: YamlMapping } | { ok: false; problems: Problem[] };

/** Aliases beyond this are refused: a "billion laughs" file expands exponentially. */
export const MAX_YAML_ALIASES = 50;

const TOO_DEEP = 'YAML is nested too deeply';

export const FILE_START: Position = { line: 1, column: 1 };

/**
 * Parse YAML that must hold a mapping (front matter, `site.yml`).
 * YAML 1.2 core schema: no timestamps, no `!!js/*`, `!!binary` or `!!set`,
 * and `NO` stays a string. Unknown tags and duplicate keys are errors, not
 * warnings. Never throws for bad input.
 */
export function parseYamlMapping(source: string, file: string): YamlMappingResult {
  const lineCounter = new LineCounter();
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  let document;
  try {
    document = parseDocument(source, {
      lineCounter,
      schema: 'core',
      version: '1.2',
      uniqueKeys: true,
      merge: false,
      // Without this, !!binary, !!set, !!omap and !!timestamp would still be read.
      resolveKnownTags: false,
      prettyErrors: true,
      strict: true,
    });
  } catch (cause) {
    return fail(file, describeCrash(cause), FILE_START);
  }
  const problems = new Map<string, Problem>();
  for (const e of [...document.errors, ...document.warnings]) {
    // A stack overflow is reported once per open bracket; one line says it all.
    const message = /call stack/i.test(e.message) ? TOO_DEEP : `YAML: ${firstSentence(e.message)}`;
    if (!problems.has(message)) {
      problems.set(message, error(file, message, { position: at(e.pos[0]), hint: hintFor(e.code) }));
    }
  }
  if (problems.size > 0) return { ok: false, problems: [...problems.values()] };
  let collectionKey: Node | undefined;
  try {
    collectionKey = document.contents ? findCollectionKey(document.contents) : undefined;
  } catch (cause) {
    return fail(file, describeCrash(cause), FILE_START);
  }
  if (collectionKey) {
    // The yaml package would turn it into a string and print a warning to the console.
    return fail(file, 'a key must be plain text, not a list or mapping', at(collectionKey.range?.[0] ?? 0), 'write each field as name: value');
  }

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (cause) {
    return fail(file, describeCrash(cause), FILE_START, `at most ${MAX_YAML_ALIASES} YAML aliases (*name) are expanded`);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return fail(file, 'expected "key: value" lines, found a single value or a list', at(document.contents?.range[0] ?? 0));
  }

  // The node at `path`, or the nearest existing parent, and where its key (or list item) is written.
  const walk = (path: readonly PropertyKey[]): { node: Node | null | undefined; at: Position; complete: boolean } => {
    let node: Node | null | undefined = document.contents;
    let found = FILE_START;
    for (const key of path) {
      let next: Node | null | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
        if (isScalar(pair?.key) && pair.key.range) found = at(pair.key.range[0]);
        next = pair?.value as Node | null | undefined;
      } else if (isSeq(node) && typeof key === 'number') {
        next = node.items[key] as Node | undefined;
        if (next?.range) found = at(next.range[0]);
      }
      if (!next) return { node, at: found, complete: false };
      node = next;
    }
    return { node, at: found, complete: true };
  };
  const locate = (path: readonly PropertyKey[]): Position => walk(path).at;
  const numberSource = (path: readonly PropertyKey[]): string | undefined => {
    const { node, complete } = walk(path);
    return complete && isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'number' ? node.source : undefined;
  };
  return { ok: true, value: { data: data as Record<string, unknown>, locate, numberSource } };
}

/** The first mapping key that is itself a list or mapping (`[a]: 1`, `{{ x }}: 1`). */
function findCollectionKey(root: Node): Node | undefined {
  let found: Node | undefined;
  visit(root, {
    Pair(_, pair) {
      if (isCollection(pair.key)) {
        found = pair.key;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function hintFor(code: string): string | undefined {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each field may appear once; delete or merge the repeated one';
    case 'TAG_RESOLVE_FAILED':
      return 'YAML tags (!!…) are not read; write the value as plain text';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'check the indentation, and put values containing ": " or " #" in quotes';
    default:
      return undefined;
  }
}

function describeCrash(cause: unknown): string {
  if (cause instanceof RangeError) return TOO_DEEP;
  return `YAML: ${firstSentence(cause instanceof Error ? cause.message : String(cause))}`;
}

function fail(file: string, message: string, position: Position, hint?: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [error(file, message, { position, hint })] };
}

const firstSentence = (message: string): string => (message.split(/ at line \d+|\n/)[0] ?? message).trim();
