import { expect } from 'vitest';
import type { Problem } from '../../src/util/problems.js';

/**
 * The contract of every problem: it names the file it was asked about, says
 * something, has a severity, and points (if at all) at a line of that file.
 */
export function expectWellFormed(problems: readonly Problem[], file: string, lines: number): void {
  for (const problem of problems) {
    expect(problem.file).toBe(file);
    expect(['error', 'warning']).toContain(problem.severity);
    expect(typeof problem.message).toBe('string');
    expect(problem.message.trim()).not.toBe('');
    if (problem.position) {
      const { line, column } = problem.position;
      expect(Number.isInteger(line) && Number.isInteger(column)).toBe(true);
      expect(line).toBeGreaterThanOrEqual(1);
      expect(column).toBeGreaterThanOrEqual(1);
      expect(line).toBeLessThanOrEqual(lines + 1);
    }
  }
}

const PROTOTYPES: Record<string, object> = {
  Object: Object.prototype,
  Array: Array.prototype,
  String: String.prototype,
  Function: Function.prototype,
};
const ownNames = (): Record<string, string[]> =>
  Object.fromEntries(Object.entries(PROTOTYPES).map(([name, proto]) => [name, Object.getOwnPropertyNames(proto).sort()]));
const pristine = ownNames();

/** No built-in prototype gained a property, and a fresh object inherits nothing new. */
export function expectNoPollution(): void {
  expect(ownNames()).toEqual(pristine);
  const probe: Record<string, unknown> = {};
  expect(probe.polluted).toBeUndefined();
  expect(probe.isAdmin).toBeUndefined();
}
