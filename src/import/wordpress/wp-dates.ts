/*
 * WordPress keeps every date twice: as the newsroom's wall clock
 * (`post_date`) and in UTC (`post_date_gmt`). Their difference is the
 * site's offset on that day, which the export does not otherwise say, so a
 * date is written as the wall clock with that offset
 * (`2019-05-14T10:00:00+02:00`): what the newsroom saw, and one instant.
 */

/** A date for front matter, and its instant for comparisons. */
export interface WrittenDate {
  text: string;
  /** Milliseconds since 1970 (UTC); for a date without an offset, as if it were UTC. */
  epoch: number;
}

const WP_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

function read(value: string | undefined): { parts: string[]; epoch: number } | undefined {
  const match = WP_DATE.exec((value ?? '').trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[] as [number, number, number, number, number, number, number];
  if (year < 1000 || month < 1 || month > 12 || day < 1) return undefined;
  const epoch = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2019-02-30 over to March; WordPress's zero date and impossible dates are not dates.
  if (new Date(epoch).getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
  return { parts: match.slice(1, 7) as string[], epoch };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The date to write from a local and a GMT field. With a usable GMT field:
 * the local time and its offset (or the GMT time with `Z` when the local one
 * is missing or its offset is not a whole quarter hour within ±14 h). With a
 * zero GMT field (WordPress leaves drafts so): the local time without an
 * offset, read in the site's timezone. Undefined when neither is a date.
 */
export function wordpressDate(local: string | undefined, gmt: string | undefined): WrittenDate | undefined {
  const wall = read(local);
  const utc = read(gmt);
  if (utc) {
    const offset = wall ? Math.round((wall.epoch - utc.epoch) / 60_000) : Number.NaN;
    if (wall && Math.abs(offset) <= 14 * 60 && offset % 15 === 0) {
      const [y, mo, d, h, mi, s] = wall.parts as [string, string, string, string, string, string];
      const sign = offset < 0 ? '-' : '+';
      const zone = offset === 0 ? 'Z' : `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
      return { text: `${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`, epoch: utc.epoch };
    }
    const [y, mo, d, h, mi, s] = utc.parts as [string, string, string, string, string, string];
    return { text: `${y}-${mo}-${d}T${h}:${mi}:${s}Z`, epoch: utc.epoch };
  }
  if (wall) {
    const [y, mo, d, h, mi, s] = wall.parts as [string, string, string, string, string, string];
    return { text: `${y}-${mo}-${d}T${h}:${mi}:${s}`, epoch: wall.epoch };
  }
  return undefined;
}
