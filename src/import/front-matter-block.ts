import { parseDocument } from 'yaml';
import { parse as parseToml, TomlDate, TomlError } from 'smol-toml';

/** A source file's front matter and body, as a site generator reads them. */
export interface FrontMatterBlock {
  /** The front matter as plain data (dates are ISO text), `{}` when the file has none. */
  data: Record<string, unknown>;
  format: 'yaml' | 'toml' | 'json' | 'none';
  body: string;
  /** The 1-based line of the file where the body starts. */
  bodyLine: number;
}

/** Why the front matter could not be read, and where. */
export interface FrontMatterProblem {
  message: string;
  line: number;
}

const FENCES = [
  { open: /^---[ \t]*$/, close: /^(?:---|\.\.\.)[ \t]*$/, format: 'yaml' },
  { open: /^\+\+\+[ \t]*$/, close: /^\+\+\+[ \t]*$/, format: 'toml' },
  { open: /^\{[ \t]*$/, close: /^\}[ \t]*$/, format: 'json' },
] as const;

/**
 * Splits a file into front matter and body: YAML between `---` lines,
 * TOML between `+++` lines, or a JSON object whose braces stand on lines
 * of their own (Hugo's three forms; Jekyll writes only the first). No
 * format can run code: YAML tags are read as text, never as constructors.
 */
export function readFrontMatterBlock(text: string): { ok: true; block: FrontMatterBlock } | { ok: false; problem: FrontMatterProblem } {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = source.split('\n');
  const first = lines[0] ?? '';
  const fence = FENCES.find((candidate) => candidate.open.test(first));
  if (!fence) return { ok: true, block: { data: {}, format: 'none', body: source, bodyLine: 1 } };
  const end = lines.findIndex((line, index) => index > 0 && fence.close.test(line));
  if (end < 0) return { ok: false, problem: { message: `the front matter opened by "${first.trim()}" is never closed`, line: 1 } };
  const inner = lines.slice(1, end).join('\n');
  const body = lines.slice(end + 1).join('\n');
  const parsed = parseData(fence.format, fence.format === 'json' ? `{\n${inner}\n}` : inner);
  if (!parsed.ok) return { ok: false, problem: { message: parsed.message, line: parsed.line + (fence.format === 'json' ? 0 : 1) } };
  return { ok: true, block: { data: parsed.data, format: fence.format, body, bodyLine: end + 2 } };
}

type Parsed = { ok: true; data: Record<string, unknown> } | { ok: false; message: string; line: number };

function parseData(format: 'yaml' | 'toml' | 'json', inner: string): Parsed {
  let value: unknown;
  try {
    if (format === 'yaml') {
      const document = parseDocument(inner, { logLevel: 'silent', uniqueKeys: false });
      const error = document.errors[0];
      if (error) return { ok: false, message: `YAML: ${firstLine(error.message)}`, line: error.linePos?.[0].line ?? 1 };
      value = document.toJS({ maxAliasCount: 50 });
    } else if (format === 'toml') {
      value = plainDates(parseToml(inner));
    } else {
      value = JSON.parse(inner);
    }
  } catch (error) {
    const line = error instanceof TomlError ? error.line : 1;
    return { ok: false, message: `${format.toUpperCase()}: ${firstLine(error instanceof Error ? error.message : String(error))}`, line };
  }
  if (value === null || value === undefined) return { ok: true, data: {} };
  if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: 'the front matter is not a mapping of fields', line: 1 };
  return { ok: true, data: value as Record<string, unknown> };
}

// The parsers count lines within the block; the problem carries the file's line, so their own place is dropped.
const firstLine = (message: string) => (message.replace(/^Invalid TOML document: /, '').split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');

/** TOML dates as the ISO text an editor would write (`2019-05-14T10:00:00+02:00`, `2019-05-14`). */
function plainDates(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString().replace(/\.000(?=Z|[+-]|$)/, '');
  if (Array.isArray(value)) return value.map(plainDates);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plainDates(inner)]));
  return value;
}
