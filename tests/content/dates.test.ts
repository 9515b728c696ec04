import { describe, expect, test } from 'vitest';
import { calendarParts, createDateFormatter, isoInZone, parseContentDate } from '../../src/content/dates.js';
import { validateContent } from '../../src/content/validate.js';
import { sources, validArticle } from '../helpers/sources.js';

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
    // What Jekyll and Ruby write: a space, then the offset after another space.
    ['2013-05-06 02:12:52 +0200', 'America/New_York', '2013-05-06T00:12:52.000Z', true],
    ['2013-05-06 02:12:52 +02:00', 'America/New_York', '2013-05-06T00:12:52.000Z', true],
    ['2013-05-06 02:12 -0500', 'Europe/London', '2013-05-06T07:12:00.000Z', true],
    ['2013-05-06 02:12:52 Z', 'Asia/Tokyo', '2013-05-06T02:12:52.000Z', true],
    ['2013-05-06 02:12:52 UTC', 'Asia/Tokyo', '2013-05-06T02:12:52.000Z', true],
    ['2013-05-06 02:12:52.123 +0200', 'UTC', '2013-05-06T00:12:52.123Z', true],
    ['2013-05-06 02:12:52.123456789 -03:30', 'UTC', '2013-05-06T05:42:52.123Z', true],
    ['2013-05-06 02:12:52+0530', 'UTC', '2013-05-05T20:42:52.000Z', true],
    ['2013-05-06 02:12:52 +02', 'UTC', '2013-05-06T00:12:52.000Z', true],
    // What Hugo writes.
    ['2013-05-06T02:12:52+02:00', 'UTC', '2013-05-06T00:12:52.000Z', true],
    ['2013-05-06T02:12:52.5-07:00', 'UTC', '2013-05-06T09:12:52.500Z', true],
    ['  2013-05-06 02:12:52 +0200  ', 'UTC', '2013-05-06T00:12:52.000Z', true],
    ['2013-05-06 02:12:52 +14:00', 'UTC', '2013-05-05T12:12:52.000Z', true],
    ['2013-05-06 02:12:52 -12:00', 'UTC', '2013-05-06T14:12:52.000Z', true],
  ])('%j in %s is %s', (text, zone, iso, hasTime) => {
    const result = parseContentDate(text, zone);
    expect(result).toEqual({ ok: true, date: { epoch: Date.parse(iso), hasTime } });
  });

  const FORMS = 'write year-month-day, such as 2025-03-14, with a time after it if needed: 2025-03-14T08:30 or 2025-03-14 08:30:00+01:00';
  const notADate = (text: string) => [`"${text}" is not a date`, FORMS];
  const time = (day: string) => `write hours and minutes with two digits each, as in ${day}T08:30 (seconds and an offset are optional: ${day}T08:30:00+01:00)`;
  const offset = (day: string) => `offsets go from -12:00 to +14:00, as in ${day}T08:30:00+01:00, or leave it out for the site's timezone (UTC)`;
  const years = 'check the year: a typo such as 0205 or 20025 for 2025 is the usual cause';
  test.each([
    ['2024-02-30', '"2024-02-30" is not a real date: February 2024 has 29 days', 'the last day of February 2024 is 2024-02-29'],
    ['2023-02-29', '"2023-02-29" is not a real date: February 2023 has 28 days', 'the last day of February 2023 is 2023-02-28'],
    ['2024-13-45', '"2024-13-45" is not a real date: there is no month 13', 'months go from 01 to 12, as in 2024-12-01'],
    ['2024-00-10', '"2024-00-10" is not a real date: there is no month 00', 'months go from 01 to 12, as in 2024-12-10'],
    ['2024-04-31', '"2024-04-31" is not a real date: April 2024 has 30 days', 'the last day of April 2024 is 2024-04-30'],
    ['2024-04-00', '"2024-04-00" is not a real date: there is no day 00', 'days go from 01, as in 2024-04-01'],
    ['2024-02-30 10:00:00 +0200', '"2024-02-30 10:00:00 +0200" is not a real date: February 2024 has 29 days', 'the last day of February 2024 is 2024-02-29'],
    ['2025-07-14T25:00', '"2025-07-14T25:00" is not a real time: there is no hour 25', 'hours go from 00 to 23, as in 2025-07-14T23:00'],
    ['2025-07-14 24:00:00 +0000', '"2025-07-14 24:00:00 +0000" is not a real time: there is no hour 24', 'hours go from 00 to 23, as in 2025-07-14T23:00'],
    ['2025-07-14 23:59:60 Z', '"2025-07-14 23:59:60 Z" is not a real time: there is no second 60', 'seconds go from 00 to 59, as in 2025-07-14T23:59:59'],
    ['2025-07-14 10:61', '"2025-07-14 10:61" is not a real time: there is no minute 61', 'minutes go from 00 to 59, as in 2025-07-14T10:59'],
    ['2025-07-14T', '"2025-07-14T" has no time after the date', time('2025-07-14')],
    ['2025-07-14T8:30', '"2025-07-14T8:30" is not written in full', time('2025-07-14')],
    ['2013-05-06 02:12:52 +2500', '"2013-05-06 02:12:52 +2500" has the offset +2500, which no place uses', offset('2013-05-06')],
    ['2013-05-06 02:12:52 +02:60', '"2013-05-06 02:12:52 +02:60" has the offset +02:60, which no place uses', offset('2013-05-06')],
    ['2013-05-06 02:12:52 -13:00', '"2013-05-06 02:12:52 -13:00" has the offset -13:00, which no place uses', offset('2013-05-06')],
    [
      '2013-05-06 02:12:52 CEST',
      '"2013-05-06 02:12:52 CEST" has a time zone that is not an offset: "CEST"',
      "write the offset from UTC after the time, as in 2013-05-06T08:30:00+01:00 (or Z for UTC), or leave it out for the site's timezone (UTC)",
    ],
    [
      '2013-05-06T02:12:52.+02:00',
      '"2013-05-06T02:12:52.+02:00" has a time zone that is not an offset: ".+02:00"',
      "write the offset from UTC after the time, as in 2013-05-06T08:30:00+01:00 (or Z for UTC), or leave it out for the site's timezone (UTC)",
    ],
    ['2013-05-06 02:12:52  +0200', '"2013-05-06 02:12:52  +0200" has more than one space before its offset', 'write one space or none, as in 2013-05-06 08:30:00 +0100'],
    ['2013-05-06 +0200', '"2013-05-06 +0200" has a time that is not hours:minutes', time('2013-05-06')],
    ['2013-5-6 2:12:52 +0200', '"2013-5-6 2:12:52 +0200" is not written in full', 'write the year with four digits and the month and day with two: 2013-05-06'],
    ['14/03/2025', '"14/03/2025" is not written year-month-day', 'write the year first and join the parts with "-": 2025-03-14'],
    ['2025.03.14', '"2025.03.14" is not written year-month-day', 'write the year first and join the parts with "-": 2025-03-14'],
    ['2024-W01', ...notADate('2024-W01')],
    ['2024-W01-1', ...notADate('2024-W01-1')],
    ['2024-100', ...notADate('2024-100')],
    ['yesterday', ...notADate('yesterday')],
    ['', 'is empty', FORMS],
    ['0999-12-31 23:00:00 +0000', '"0999-12-31 23:00:00 +0000" is outside the years 1000 to 9999, which feeds and sitemaps can carry', years],
    ['9999-12-31 23:00:00 -0500', '"9999-12-31 23:00:00 -0500" is outside the years 1000 to 9999, which feeds and sitemaps can carry', years],
    ['20025-03-14', '"20025-03-14" is outside the years 1000 to 9999, which feeds and sitemaps can carry', years],
  ])('%j is refused: %s', (text, reason, hint) => {
    expect(parseContentDate(text, 'UTC')).toEqual({ ok: false, reason, hint });
  });

  test('no message quotes the date library', () => {
    for (const text of ['2024-02-30', '2025-13-01', '2025-07-14 10:61', '2025-07-14 23:59:60']) {
      const result = parseContentDate(text, 'UTC');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(`${result.reason} ${result.hint}`).not.toMatch(/specified|of type|invalid/);
    }
  });
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

describe('every date in content takes the same forms', () => {
  test("an article's date and updated, a correction's date and a comment's date, as Jekyll writes them", () => {
    const result = validateContent(
      sources(
        {
          'harbour.md': validArticle({
            date: '2013-05-06 02:12:52 +0200',
            updated: '2013-05-06 09:00 UTC',
            corrections: '[{date: 2013-05-07 10:00:00 -0500, text: Fixed a name.}]',
          }),
        },
        { comments: { 'harbour/ann.yml': 'name: Ann\ndate: 2013-05-06 12:00:00.5 +01:00\nbody: Thanks.\n' } },
      ),
      { now: Date.parse('2026-01-01T00:00:00Z'), drafts: false, future: false, assetExists: () => true },
    );
    expect(result.problems).toEqual([]);
    const article = result.content!.articles[0]!;
    expect(article.date).toEqual({ epoch: Date.parse('2013-05-06T00:12:52Z'), hasTime: true });
    expect(article.updated).toEqual({ epoch: Date.parse('2013-05-06T09:00:00Z'), hasTime: true });
    expect(article.corrections.map((c) => c.date)).toEqual([{ epoch: Date.parse('2013-05-07T15:00:00Z'), hasTime: true }]);
    expect(article.comments.approved.map((c) => c.date)).toEqual([{ epoch: Date.parse('2013-05-06T11:00:00.500Z'), hasTime: true }]);
  });
});
