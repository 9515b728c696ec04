import { DateTime } from 'luxon';
import { FIRST_YEAR, LAST_YEAR } from './limits.js';
import { dateProblem, yearRangeProblem } from './date-problems.js';

/** A moment from content: when, and whether the editor wrote a time of day. */
export interface ContentDate {
  /** Milliseconds since the Unix epoch. */
  epoch: number;
  hasTime: boolean;
}

/*
 * A calendar date, then optionally a time (after `T` or a space, with
 * optional seconds and fraction), then optionally an offset, directly or
 * after a space: `Z`, `UTC`, `+02`, `+0200` or `+02:00`. That covers what
 * editors write, what Hugo writes (2013-05-06T02:12:52+02:00) and what Jekyll
 * and Ruby write (2013-05-06 02:12:52 +0200). Luxon alone would also take
 * week dates (2024-W01) and ordinal dates (2024-100), which no editor means.
 */
const CONTENT_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?: ?(Z|UTC|[+-]\d{2}(?::?\d{2})?))?)?$/;

/** The furthest offsets from UTC any place uses (Kiribati, Baker Island). */
const MAX_OFFSET_MINUTES = { '+': 14 * 60, '-': 12 * 60 };

/**
 * Read a date written in front matter. Without an offset it is a wall-clock
 * time in `timezone`. Impossible dates (`2024-02-30`), times (`24:00`) and
 * offsets (`+25:00`) are refused, never rolled over, with a reason that
 * names the wrong part and a hint with the form to write (see dateProblem).
 */
export function parseContentDate(
  text: string,
  timezone: string,
): { ok: true; date: ContentDate } | { ok: false; reason: string; hint: string } {
  const trimmed = text.trim();
  const refused = (): { ok: false; reason: string; hint: string } => {
    const problem = dateProblem(trimmed, timezone);
    return { ok: false, reason: problem.message, hint: problem.hint };
  };
  const parts = CONTENT_DATE.exec(trimmed);
  if (!parts) return refused();
  const [, day, hours, minutes, seconds = '00', fraction = '', offset] = parts;
  if (hours !== undefined && Number(hours) > 23) return refused();
  const zone = offset === undefined ? '' : isoOffset(offset);
  if (zone === undefined) return refused();
  const iso = hours === undefined ? `${day}` : `${day}T${hours}:${minutes}:${seconds}${fraction}${zone}`;
  const parsed = DateTime.fromISO(iso, { zone: timezone });
  if (!parsed.isValid) return refused();
  // The written year, and the moment in UTC (9999-12-31T23:00-05:00 is in the year 10000 there).
  const year = Number(trimmed.slice(0, 4));
  const utcYear = parsed.toUTC().year;
  if (year < FIRST_YEAR || utcYear < FIRST_YEAR || year > LAST_YEAR || utcYear > LAST_YEAR) {
    const problem = yearRangeProblem(trimmed);
    return { ok: false, reason: problem.message, hint: problem.hint };
  }
  return { ok: true, date: { epoch: parsed.toMillis(), hasTime: hours !== undefined } };
}

/** `Z`, `UTC`, `+02`, `+0200`, `+02:00` as ISO 8601 (`Z`, `+02:00`); undefined for an offset no place uses. */
function isoOffset(written: string): string | undefined {
  if (written === 'Z' || written === 'UTC') return 'Z';
  const sign = written[0] === '-' ? '-' : '+';
  const digits = written.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (minutes > 59 || hours * 60 + minutes > MAX_OFFSET_MINUTES[sign]) return undefined;
  return `${sign}${digits.slice(0, 2)}:${String(minutes).padStart(2, '0')}`;
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
