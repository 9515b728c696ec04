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

  const notADate = (text: string) => `"${text}" is not a date like 2025-03-14 or 2025-03-14T08:30:00`;
  test.each([
    ['2024-02-30', '"2024-02-30" is not a real date (you specified 30 (of type number) as a day, which is invalid)'],
    ['2023-02-29', '"2023-02-29" is not a real date (you specified 29 (of type number) as a day, which is invalid)'],
    ['2024-13-45', '"2024-13-45" is not a real date (you specified 13 (of type number) as a month, which is invalid)'],
    ['2024-04-31', '"2024-04-31" is not a real date (you specified 31 (of type number) as a day, which is invalid)'],
    ['2024-02-30 10:00:00 +0200', '"2024-02-30 10:00:00 +0200" is not a real date (you specified 30 (of type number) as a day, which is invalid)'],
    ['2025-07-14T25:00', '"2025-07-14T25:00" is not a real time (hours go from 00 to 23)'],
    ['2025-07-14 24:00:00 +0000', '"2025-07-14 24:00:00 +0000" is not a real time (hours go from 00 to 23)'],
    ['2025-07-14 23:59:60 Z', '"2025-07-14 23:59:60 Z" is not a real date (you specified 60 (of type number) as a second, which is invalid)'],
    ['2025-07-14 10:61', '"2025-07-14 10:61" is not a real date (you specified 61 (of type number) as a minute, which is invalid)'],
    ['2013-05-06 02:12:52 +2500', '"2013-05-06 02:12:52 +2500" has the offset +2500, which no place uses (offsets go from -12:00 to +14:00)'],
    ['2013-05-06 02:12:52 +02:60', '"2013-05-06 02:12:52 +02:60" has the offset +02:60, which no place uses (offsets go from -12:00 to +14:00)'],
    ['2013-05-06 02:12:52 -13:00', '"2013-05-06 02:12:52 -13:00" has the offset -13:00, which no place uses (offsets go from -12:00 to +14:00)'],
    ['2024-W01', notADate('2024-W01')],
    ['2024-W01-1', notADate('2024-W01-1')],
    ['2024-100', notADate('2024-100')],
    ['14/03/2025', notADate('14/03/2025')],
    ['', notADate('')],
    ['yesterday', notADate('yesterday')],
    ['2013-05-06 +0200', notADate('2013-05-06 +0200')],
    ['2013-05-06 02:12:52 CEST', notADate('2013-05-06 02:12:52 CEST')],
    ['2013-05-06 02:12:52  +0200', notADate('2013-05-06 02:12:52  +0200')],
    ['2013-05-06T02:12:52.+02:00', notADate('2013-05-06T02:12:52.+02:00')],
    ['2013-5-6 2:12:52 +0200', notADate('2013-5-6 2:12:52 +0200')],
    ['0999-12-31 23:00:00 +0000', '"0999-12-31 23:00:00 +0000" is outside the years 1000 to 9999, which feeds and sitemaps can carry'],
    ['9999-12-31 23:00:00 -0500', '"9999-12-31 23:00:00 -0500" is outside the years 1000 to 9999, which feeds and sitemaps can carry'],
  ])('%j is refused: %s', (text, reason) => {
    expect(parseContentDate(text, 'UTC')).toEqual({ ok: false, reason });
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
