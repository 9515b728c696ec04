import { parseYamlMapping } from './yaml-mapping.js';

/**
 * The Markdown `body` of a comment file and the line of the file it starts
 * on, or undefined when the fields do not parse or have no text body (the
 * fields are checked with the rest, in content/comments.ts).
 */
export function commentBody(text: string, file: string): { body: string; bodyLine: number } | undefined {
  const parsed = parseYamlMapping(text.replace(/^\uFEFF/, ''), file);
  const body = parsed.ok ? parsed.value.data.body : undefined;
  if (!parsed.ok || typeof body !== 'string') return undefined;
  const keyLine = parsed.value.locate(['body']).line;
  // A block scalar (`body: |`) starts on the line after its key; lines inside a quoted one are approximate.
  const blockScalar = /^\s*body:\s*[|>]/.test(text.split('\n', keyLine)[keyLine - 1] ?? '');
  return { body, bodyLine: keyLine + (blockScalar ? 1 : 0) };
}
