import { expect, test } from 'vitest';
import { recordFits, steadyUntil, type SteadyRecord } from '../../src/stages/steady-build.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-03-10T12:00:00Z');
const dated = (epoch: number) => ({ date: { epoch } }) as never;
const content = (dates: number[], timezone = 'Europe/London') => ({ site: { timezone } as never, articles: dates.map(dated), scheduled: [], drafts: [] });

test('the span ends at the first instant the clock would decide something new', () => {
  // Goes live in 5 days.
  expect(steadyUntil(content([NOW + 5 * DAY, NOW - 400 * DAY]), NOW)).toBe(NOW + 5 * DAY);
  // Published an hour ago: leaves the 48-hour news window in 47 hours.
  expect(steadyUntil(content([NOW - HOUR]), NOW)).toBe(NOW + 47 * HOUR);
  // Dated 400 days ahead: no longer more than a year ahead 366 days before its date, at the latest.
  expect(steadyUntil(content([NOW + 400 * DAY]), NOW)).toBe(NOW + 34 * DAY);
  // Nothing else: the new year in the site's timezone (the far-ahead warning names the current year).
  expect(steadyUntil(content([NOW - 400 * DAY]), NOW)).toBe(Date.parse('2027-01-01T00:00:00Z'));
  expect(steadyUntil(content([], 'Pacific/Kiritimati'), NOW)).toBe(Date.parse('2026-12-31T10:00:00Z'));
});

test('a record answers only for the same inputs, folder and time limit, from its moment to the end of its span', () => {
  const record = { inputs: 'abc', cwd: '/news', fileTimeLimitMs: null, from: NOW, until: NOW + DAY } as SteadyRecord;
  const asked = { inputs: 'abc', cwd: '/news', fileTimeLimitMs: undefined, now: NOW + HOUR };
  expect(recordFits(record, asked)).toBe(true);
  expect(recordFits(record, { ...asked, now: NOW })).toBe(true);
  expect(recordFits(record, { ...asked, now: NOW + DAY })).toBe(false);
  expect(recordFits(record, { ...asked, now: NOW - 1 })).toBe(false);
  expect(recordFits(record, { ...asked, inputs: 'abd' })).toBe(false);
  expect(recordFits(record, { ...asked, cwd: '/elsewhere' })).toBe(false);
  expect(recordFits(record, { ...asked, fileTimeLimitMs: 500 })).toBe(false);
});
