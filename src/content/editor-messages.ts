import type { z } from 'zod';

/**
 * Zod's default messages speak to programmers ("expected string, received
 * number"); these speak to editors and say what to type instead.
 */
export function editorMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if ((issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'number') {
    const bound = issue.code === 'too_big' ? 'at most' : 'at least';
    return `must be ${bound} ${String(issue.code === 'too_big' ? issue.maximum : issue.minimum)}`;
  }
  if (issue.code !== 'invalid_type') return undefined;
  const input = issue.input;
  if (input === undefined) return 'is required';
  if (input === null) return 'is empty; give it a value or delete the line';
  switch (issue.expected) {
    case 'string':
      return typeof input === 'number' || typeof input === 'boolean'
        ? `must be text, but YAML read ${JSON.stringify(input)} as a ${typeof input}; put the value in quotes`
        : `must be text, not ${kindOf(input)}`;
    case 'array':
      return `must be a list, not ${kindOf(input)}`;
    case 'object':
      return `must be a group of indented "key: value" lines, not ${kindOf(input)}`;
    case 'boolean':
      return `must be true or false, not ${kindOf(input)}`;
    case 'number':
      return `must be a number, not ${kindOf(input)}`;
    default:
      return undefined;
  }
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'a group of fields';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}
