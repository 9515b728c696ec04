import type { FeedItem } from './feed-input.js';

// ISO 8601 date and time with an offset; seconds and the colon in the
// offset may be left out, which RFC 3339 does not allow, so they are added.
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Calendar date and wall-clock time as written, in the written offset;
// `offsetMinutes` is east of UTC, and `undefined` for `Z`.
interface Moment {
  year: number;
  month: number;
  day: number;
  time: string;
  fraction: string;
  offsetMinutes: number | undefined;
  epoch: number;
}

function readMoment(iso: string): Moment {
  const match = ISO_WITH_OFFSET.exec(iso);
  const refuse = () => new Error(`Feed date "${iso}" is not an ISO 8601 date and time with an offset`);
  if (!match) throw refuse();
  const [, year = '', month = '', day = '', hour = '', minute = '', second = '00', fraction = ''] = match;
  const [zulu, sign, offsetHour = '00', offsetMinute = '00'] = match.slice(8);
  const [y, mo, d, h, mi, s] = [Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second)];
  const offsetMinutes = zulu ? undefined : (sign === '-' ? -1 : 1) * (Number(offsetHour) * 60 + Number(offsetMinute));
  const calendar = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls 30 February over into March; an impossible date is a bug upstream.
  const realDate = calendar.getUTCFullYear() === y && calendar.getUTCMonth() === mo - 1 && calendar.getUTCDate() === d;
  if (!realDate || h > 23 || mi > 59 || s > 59 || Number(offsetHour) > 23 || Number(offsetMinute) > 59) throw refuse();
  const millis = Math.floor(Number(`0${fraction}`) * 1000);
  return {
    year: y,
    month: mo,
    day: d,
    time: `${hour}:${minute}:${second}`,
    fraction,
    offsetMinutes,
    epoch: Date.UTC(y, mo - 1, d, h, mi, s, millis) - (offsetMinutes ?? 0) * 60_000,
  };
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

function offset(minutes: number | undefined, separator: string): string {
  if (minutes === undefined) return separator ? 'Z' : '+0000';
  const size = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(size / 60))}${separator}${pad(size % 60)}`;
}

/**
 * An ISO 8601 date with offset as RFC 3339 (Atom, JSON Feed), keeping its
 * offset and fraction of a second. Throws on anything else.
 */
export function rfc3339Date(iso: string): string {
  const m = readMoment(iso);
  return `${pad(m.year, 4)}-${pad(m.month)}-${pad(m.day)}T${m.time}${m.fraction}${offset(m.offsetMinutes, ':')}`;
}

/**
 * An ISO 8601 date with offset as RSS wants it: RFC 822 with a four-digit
 * year and a numeric zone, in the written offset. Throws on anything else.
 */
export function rfc822Date(iso: string): string {
  const m = readMoment(iso);
  const weekday = WEEKDAYS[new Date(Date.UTC(m.year, m.month - 1, m.day)).getUTCDay()] ?? '';
  return `${weekday}, ${pad(m.day)} ${MONTHS[m.month - 1] ?? ''} ${pad(m.year, 4)} ${m.time} ${offset(m.offsetMinutes, '')}`;
}

/**
 * When the feed last changed: the latest `updated ?? published` of its
 * items, as written, or `undefined` for no items. Taken from the content,
 * never from the clock, so a rebuild writes the same bytes. The newest item
 * is not always the answer: an older story may have been updated since.
 */
export function lastChange(items: readonly FeedItem[]): string | undefined {
  let latest: { iso: string; epoch: number } | undefined;
  for (const item of items) {
    const iso = item.updated ?? item.published;
    const epoch = readMoment(iso).epoch;
    if (!latest || epoch > latest.epoch) latest = { iso, epoch };
  }
  return latest?.iso;
}
