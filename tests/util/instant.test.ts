import { describe, expect, test } from 'vitest';
import { formatInstant, parseInstant } from '../../src/util/instant.js';
import { readClock } from '../../src/stages/publish-clock.js';

const T = Date.parse('2026-12-05T14:00:00Z');

describe('a moment on the command line', () => {
  test.each([
    ['2026-12-05T14:00:00Z', T],
    ['2026-12-05T14:00Z', T],
    ['2026-12-05t14:00:00z', T],
    ['2026-12-05T15:00:00+01:00', T],
    ['2026-12-05T09:30-0430', T],
    ['2026-12-05T14:00:00.250Z', T + 250],
  ])('%s is read', (text, ms) => {
    expect(parseInstant(text)).toBe(ms);
  });

  test.each([
    ['a time without a zone, read in whatever zone the machine has', '2026-12-05T14:00:00'],
    ['a date alone', '2026-12-05'],
    ['a date with a zone but no time', '2026-12-05Z'],
    ['an impossible date', '2026-02-30T10:00:00Z'],
    ['a space for the T', '2026-12-05 14:00:00Z'],
    ['seconds since 1970', '1796479200'],
    ['words', 'tomorrow at noon'],
    ['nothing', ''],
  ])('%s is refused', (_case, text) => {
    expect(parseInstant(text)).toBeUndefined();
  });

  test('is printed in UTC to the second, or to the millisecond when it has them', () => {
    expect(formatInstant(T)).toBe('2026-12-05T14:00:00Z');
    expect(formatInstant(T + 250)).toBe('2026-12-05T14:00:00.250Z');
  });
});

describe('--at and --since', () => {
  const clock = T;
  test.each(['check', 'build', 'serve', 'due'])('--at is read for %s', (command) => {
    expect(readClock(command, { at: '2026-12-05T15:00:00+01:00' }, clock)).toEqual({ at: T, since: undefined });
  });

  test('without them, the real clock decides (at is left to the build) and due has no window start', () => {
    expect(readClock('due', {}, clock)).toEqual({ at: undefined, since: undefined });
  });

  test('--since is read for due', () => {
    expect(readClock('due', { since: '2026-12-05T13:00:00Z', at: '2026-12-05T14:00:00Z' }, clock)).toEqual({ at: T, since: T - 3_600_000 });
  });

  test.each([
    ['build', { at: '2026-12-05T14:00:00' }, '--at "2026-12-05T14:00:00" is not a moment Broadsheet can read: give an ISO 8601 date and time with its zone, such as 2026-12-05T14:00:00Z or 2026-12-05T15:00+01:00'],
    ['due', { since: 'yesterday' }, '--since "yesterday" is not a moment Broadsheet can read: give an ISO 8601 date and time with its zone, such as 2026-12-05T14:00:00Z or 2026-12-05T15:00+01:00'],
    ['import', { at: '2026-12-05T14:00:00Z' }, '--at is for check, build, serve, due, not import'],
    ['build', { since: '2026-12-05T14:00:00Z' }, '--since is for due, not build'],
    ['due', { since: '2026-12-06T00:00:00Z', at: '2026-12-05T14:00:00Z' }, '--since 2026-12-06T00:00:00Z is after --at (2026-12-05T14:00:00Z): the window would be empty'],
    ['due', { since: '2026-12-06T00:00:00Z' }, '--since 2026-12-06T00:00:00Z is after now (2026-12-05T14:00:00Z): the window would be empty'],
    ['due', { drafts: true }, '--drafts is for check, build and serve: due looks at what a publish build shows'],
    ['due', { future: true }, '--future is for check, build and serve: due looks at what a publish build shows'],
  ])('%s %o is a usage error', (command, values, usage) => {
    expect(readClock(command, values, clock)).toEqual({ usage });
  });

  test('a value with terminal controls is printed escaped', () => {
    expect(readClock('build', { at: '\u001b[2J2026' }, clock)).toEqual({ usage: expect.stringContaining('--at "\\u001b[2J2026"') });
  });
});
