const WRITTEN =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2})?$/i;

/**
 * A date as static sites write it (Jekyll's `2013-05-06 02:12:52 +0200`,
 * Hugo's RFC 3339, either with a single-digit month or day) in the ISO form
 * the content model reads: `2013-05-06T02:12:52+02:00`, or without an
 * offset when none was written (then it is a time in the site's timezone,
 * as it was for the old site). Undefined when it is not a date.
 */
export function isoFromWritten(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().replace(/\.000Z$/, 'Z');
  if (typeof value !== 'string') return undefined;
  const match = WRITTEN.exec(value.trim());
  if (!match) return undefined;
  const [, year = '', month = '', day = '', hour, minute, second, zone] = match;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (hour === undefined) return date;
  const time = `${hour.padStart(2, '0')}:${minute ?? '00'}:${second ?? '00'}`;
  return `${date}T${time}${offset(zone)}`;
}

function offset(zone: string | undefined): string {
  if (zone === undefined) return '';
  if (/^(?:Z|UTC|GMT)$/i.test(zone)) return 'Z';
  const digits = zone.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
}
