import { expect, test } from 'vitest';
import { lastChange, rfc3339Date, rfc822Date } from '../../../src/outputs/feeds/feed-dates.js';
import type { FeedItem } from '../../../src/outputs/feeds/feed-input.js';

test.each([
  ['2025-03-14T08:30:00+00:00', 'Fri, 14 Mar 2025 08:30:00 +0000', '2025-03-14T08:30:00+00:00', '2025-03-14T08:30:00.000Z'],
  ['2025-03-14T08:30:00Z', 'Fri, 14 Mar 2025 08:30:00 +0000', '2025-03-14T08:30:00Z', '2025-03-14T08:30:00.000Z'],
  // The date and weekday are those of the written offset, not of UTC.
  ['2025-03-01T23:30:00-05:00', 'Sat, 01 Mar 2025 23:30:00 -0500', '2025-03-01T23:30:00-05:00', '2025-03-02T04:30:00.000Z'],
  ['2025-03-02T00:15:00+05:30', 'Sun, 02 Mar 2025 00:15:00 +0530', '2025-03-02T00:15:00+05:30', '2025-03-01T18:45:00.000Z'],
  ['2024-02-29T12:00:00.250+01:00', 'Thu, 29 Feb 2024 12:00:00 +0100', '2024-02-29T12:00:00.250+01:00', '2024-02-29T11:00:00.250Z'],
  // Forms ISO 8601 allows and RFC 3339 does not are completed.
  ['2025-12-31T23:59+0100', 'Wed, 31 Dec 2025 23:59:00 +0100', '2025-12-31T23:59:00+01:00', '2025-12-31T22:59:00.000Z'],
  ['2025-07-04T09:00:00-07', 'Fri, 04 Jul 2025 09:00:00 -0700', '2025-07-04T09:00:00-07:00', '2025-07-04T16:00:00.000Z'],
  ['2025-07-04t09:00:00z', 'Fri, 04 Jul 2025 09:00:00 +0000', '2025-07-04T09:00:00Z', '2025-07-04T09:00:00.000Z'],
])('%s is %s in RSS and %s in Atom and JSON Feed', (iso, rss, rfc3339, instant) => {
  expect(rfc822Date(iso)).toBe(rss);
  expect(rfc3339Date(iso)).toBe(rfc3339);
  // Both name the instant of the input (RFC 822 to the second).
  expect(new Date(rss).toISOString()).toBe(instant.replace(/\.\d{3}Z$/, '.000Z'));
  expect(new Date(rfc3339).toISOString()).toBe(instant);
});

test.each([
  ['a date without a time', '2025-03-14'],
  ['a time without an offset', '2025-03-14T08:30:00'],
  ['an impossible day', '2025-02-29T08:30:00Z'],
  ['hour 24', '2025-03-14T24:00:00Z'],
  ['an offset of 24 hours', '2025-03-14T08:30:00+24:00'],
  ['words', 'yesterday'],
  ['surrounding space', ' 2025-03-14T08:30:00Z'],
])('refuses %s', (_, iso) => {
  expect(() => rfc822Date(iso)).toThrow(/is not an ISO 8601 date and time with an offset/);
  expect(() => rfc3339Date(iso)).toThrow(/is not an ISO 8601 date and time with an offset/);
});

const item = (published: string, updated?: string): FeedItem => ({
  url: 'https://courier.example.org/a/',
  title: 'A',
  summary: '',
  contentHtml: '',
  published,
  updated,
  authors: [],
  categories: [],
});

test('the last change is the latest update or publication of any item, as written', () => {
  const items = [item('2025-03-14T08:30:00+00:00'), item('2025-03-10T08:30:00+00:00', '2025-03-14T10:00:00+01:00'), item('2025-03-01T08:30:00Z', '2025-03-14T09:30:01+00:00')];
  // 10:00+01:00 is 09:00 UTC, before 09:30:01 UTC.
  expect(lastChange(items)).toBe('2025-03-14T09:30:01+00:00');
});

test('an offset is compared as the instant it names', () => {
  expect(lastChange([item('2025-03-14T08:30:00+00:00'), item('2025-03-14T04:00:00-05:00')])).toBe('2025-03-14T04:00:00-05:00');
});

test('the first of equal instants wins, and no items have no last change', () => {
  expect(lastChange([item('2025-03-14T09:30:00+01:00'), item('2025-03-14T08:30:00Z')])).toBe('2025-03-14T09:30:00+01:00');
  expect(lastChange([])).toBeUndefined();
});
