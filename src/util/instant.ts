import { DateTime } from 'luxon';

// The zone must be written: a time without one would be read in the
// machine's zone, and a CI runner's is not the newsroom's.
const WITH_ZONE = /T.*(?:Z|[+-]\d\d(?::?\d\d)?)$/i;

/** The form `parseInstant` takes, for messages. */
export const INSTANT_FORM = 'an ISO 8601 date and time with its zone, such as 2026-12-05T14:00:00Z or 2026-12-05T15:00+01:00';

/**
 * A moment written as ISO 8601 with a date, a time and a zone (`Z` or an
 * offset), in ms since 1970; undefined for anything else, a date without a
 * time or zone included.
 */
export function parseInstant(text: string): number | undefined {
  if (!WITH_ZONE.test(text)) return undefined;
  const moment = DateTime.fromISO(text, { setZone: true });
  return moment.isValid ? moment.toMillis() : undefined;
}

/** A moment (ms since 1970) in ISO 8601 UTC, to the second unless it has milliseconds: `2026-12-05T14:00:00Z`. */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}
