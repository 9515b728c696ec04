import { describe, expect, test } from 'vitest';
import { calendarParts, createDateFormatter, isoInZone, parseContentDate } from '../../src/content/dates.js';

describe('parseContentDate', () => {
  test.each([
    ['2025-03-14', 'Europe/London', '2025-03-14T00:00:00.000Z', false],
    ['2025-07-14', 'Europe/London', '2025-07-13T23:00:00.000Z', false],
    ['2025-07-14T08:30', 'Europe/London', '2025-07-14T07:30:00.000Z', true],
    ['2025-07-14T08:30:15', 'America/New_York', '2025-07-14T12:30:15.000Z', true],
    ['2025-07-14 08:30:00', 'Europe/London', '2025-07-14T07:30:00.000Z', true],
    ['2025-07-14T08:30:00+02:00', 'Europe/London', '2025-07-14T06:30:00.000Z', true],
    ['2025-07-14T08:30:00Z', 'Asia/Tokyo', '2025-07-14T08:30:00.000Z', true],
    ['2024-02-29', 'UTC', '2024-02-29T00:00:00.000Z', false],
  ])('%s in %s is %s', (text, zone, iso, hasTime) => {
    const result = parseContentDate(text, zone);
    expect(result).toEqual({ ok: true, date: { epoch: Date.parse(iso), hasTime } });
  });

  test.each(['2024-02-30', '2023-02-29', '2024-13-45', '2024-04-31', '2025-07-14T25:00', '2024-W01', '2024-100', '14/03/2025', '', 'yesterday'])(
    '%j is refused, never rolled over',
    (text) => {
      expect(parseContentDate(text, 'UTC').ok).toBe(false);
    },
  );
});

describe('formatting in the site timezone', () => {
  const epoch = Date.parse('2025-12-31T23:30:00Z');

  test('ISO with the zone offset', () => {
    expect(isoInZone(epoch, 'Europe/Berlin')).toBe('2026-01-01T00:30:00+01:00');
    expect(isoInZone(epoch, 'Europe/London')).toBe('2025-12-31T23:30:00+00:00');
  });

  test('calendar parts for permalinks', () => {
    expect(calendarParts(epoch, 'Europe/Berlin')).toEqual({ year: '2026', month: '01', day: '01' });
  });

  test('reader-facing dates in the site language, with the time only when written', () => {
    const format = createDateFormatter('en-GB', 'Europe/London');
    expect(format({ epoch, hasTime: false })).toBe('31 December 2025');
    expect(format({ epoch, hasTime: true })).toBe('31 December 2025 at 23:30');
    expect(createDateFormatter('de-DE', 'Europe/Berlin')({ epoch, hasTime: false })).toBe('1. Januar 2026');
  });
});
