// The W3C datetime forms that sitemaps.org and Google News both accept: a
// day, or a time with minutes, optional seconds and fraction, and an offset.
const W3C_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2})))?$/;

/**
 * The instant (ms since the epoch) a W3C datetime stands for, so that values
 * written with different offsets compare correctly. Throws, naming `what`,
 * for any other form or an impossible date, which `Date.parse` would quietly
 * roll over (`2025-02-30` → 2 March).
 */
export function w3cInstant(value: string, what: string): number {
  const match = W3C_DATETIME.exec(value);
  const [, year, month, day, hour = '0', minute = '0', second = '0', offsetHour = '0', offsetMinute = '0'] =
    match ?? [];
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  const valid =
    match !== null &&
    Number(month) >= 1 &&
    Number(month) <= 12 &&
    Number(day) >= 1 &&
    Number(day) <= daysInMonth &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(offsetHour) <= 23 &&
    Number(offsetMinute) <= 59;
  if (!valid) {
    throw new Error(`${what}: "${value}" is not a W3C datetime such as 2025-01-31 or 2025-01-31T09:30:00+01:00`);
  }
  return Date.parse(value);
}
