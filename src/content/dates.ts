import { DateTime } from 'luxon';
import { FIRST_YEAR, LAST_YEAR } from './limits.js';

/** A moment from content: when, and whether the editor wrote a time of day. */
export interface ContentDate {
  /** Milliseconds since the Unix epoch. */
  epoch: number;
  hasTime: boolean;
}

// Calendar dates with an optional time and offset. Luxon alone would also
// take week dates (2024-W01) and ordinal dates (2024-100), which no editor means.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Read a date written in front matter. Without an offset it is a wall-clock
 * time in `timezone`. Impossible dates (`2024-02-30`) are refused, never
 * rolled over into the next month.
 */
export function parseContentDate(
  text: string,
  timezone: string,
): { ok: true; date: ContentDate } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (!ISO_DATE.test(trimmed)) {
    return { ok: false, reason: `"${trimmed.slice(0, 40)}" is not a date like 2025-03-14 or 2025-03-14T08:30:00` };
  }
  const parsed = DateTime.fromISO(trimmed.replace(' ', 'T'), { zone: timezone });
  if (!parsed.isValid) {
    return { ok: false, reason: `"${trimmed}" is not a real date (${parsed.invalidExplanation ?? parsed.invalidReason})` };
  }
  // The written year, and the moment in UTC (9999-12-31T23:00-05:00 is in the year 10000 there).
  const year = Number(trimmed.slice(0, 4));
  const utcYear = parsed.toUTC().year;
  if (year < FIRST_YEAR || utcYear < FIRST_YEAR || year > LAST_YEAR || utcYear > LAST_YEAR) {
    return { ok: false, reason: `"${trimmed}" is outside the years ${FIRST_YEAR} to ${LAST_YEAR}, which feeds and sitemaps can carry` };
  }
  return { ok: true, date: { epoch: parsed.toMillis(), hasTime: trimmed.length > 10 } };
}

/** True when `timezone` is an IANA zone this Node.js knows. */
export function isKnownTimezone(timezone: string): boolean {
  return DateTime.local({ zone: timezone }).isValid;
}

/** ISO 8601 with the offset of `timezone`, for `<time datetime>` and feeds. */
export function isoInZone(epoch: number, timezone: string): string {
  return DateTime.fromMillis(epoch, { zone: timezone }).toISO({ suppressMilliseconds: true }) ?? '';
}

/** Parts of the date in `timezone`, zero-padded, for permalinks. */
export function calendarParts(epoch: number, timezone: string): { year: string; month: string; day: string } {
  // The numeric fields, not toFormat: a format string is parsed on every call, and this runs per article on every save in serve.
  const date = DateTime.fromMillis(epoch, { zone: timezone });
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return { year: pad(date.year, 4), month: pad(date.month, 2), day: pad(date.day, 2) };
}

/**
 * Formats dates for readers in the site's language and timezone.
 * Made once per build: Intl formatters are slow to create.
 */
export function createDateFormatter(language: string, timezone: string): (date: ContentDate) => string {
  const dateOnly = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: timezone });
  const withTime = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: timezone });
  return (date) => (date.hasTime ? withTime : dateOnly).format(date.epoch);
}
