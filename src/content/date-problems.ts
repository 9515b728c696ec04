import { DateTime } from 'luxon';
import { FIRST_YEAR, LAST_YEAR } from './limits.js';

/** Why a date an editor wrote cannot be read, and what to write instead. */
export interface DateProblem {
  message: string;
  hint: string;
}

const FORMS = 'write year-month-day, such as 2025-03-14, with a time after it if needed: 2025-03-14T08:30 or 2025-03-14 08:30:00+01:00';

/*
 * The written text split loosely into its parts, so that each wrong part
 * can be named: more digits or fewer than the strict form allows, and any
 * text after the time, are taken here and judged below.
 */
const LOOSE_DATE = /^(\d{1,6})-(\d{1,2})-(\d{1,2})(?:([T ])(.*))?$/;
const LOOSE_TIME = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(\.\d{1,9})?)?(?: ?(.*))?$/;
const OFFSET = /^(?:Z|UTC|[+-]\d{2}(?::?\d{2})?)$/;
/** Dates written the other way round or with slashes or dots: 14/03/2025, 2025/03/14, 14.03.2025. */
const OTHER_ORDER = /^\d{1,4}[/.]\d{1,2}[/.]\d{1,4}(?:[T ].*)?$/;

/**
 * What is wrong with a date that parseContentDate refused, in the editor's
 * words: which part is impossible (there is no month 13; February 2025 has
 * 28 days; there is no hour 25; no place uses +25:00) or which form to
 * write, always with an example. `timezone` is the site's, named where a
 * zone of another kind was written. Shown after the field (`date: …`).
 */
export function dateProblem(text: string, timezone: string): DateProblem {
  const quoted = `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
  if (text === '') return { message: 'is empty', hint: FORMS };
  if (OTHER_ORDER.test(text)) return { message: `${quoted} is not written year-month-day`, hint: 'write the year first and join the parts with "-": 2025-03-14' };
  const parts = LOOSE_DATE.exec(text);
  if (!parts) return { message: `${quoted} is not a date`, hint: FORMS };
  const [, yearText = '', monthText = '', dayText = '', separator, rest] = parts;
  const [year, month, day] = [Number(yearText), Number(monthText), Number(dayText)];
  if (yearText.length > 4) return yearRangeProblem(text);
  if (yearText.length !== 4 || monthText.length !== 2 || dayText.length !== 2) {
    const padded = `${yearText.padStart(4, '0')}-${monthText.padStart(2, '0')}-${dayText.padStart(2, '0')}`;
    return { message: `${quoted} is not written in full`, hint: `write the year with four digits and the month and day with two: ${padded}` };
  }
  if (month < 1 || month > 12) {
    // The example keeps the written day when every month has it.
    const exampleDay = day >= 1 && day <= 28 ? dayText : '01';
    return { message: `${quoted} is not a real date: there is no month ${monthText}`, hint: `months go from 01 to 12, as in ${yearText}-12-${exampleDay}` };
  }
  const monthName = DateTime.local(year, month, 1, { locale: 'en' }).toFormat('LLLL yyyy');
  const days = DateTime.local(year, month, 1).daysInMonth ?? 31;
  if (day < 1) return { message: `${quoted} is not a real date: there is no day 00`, hint: `days go from 01, as in ${yearText}-${monthText}-01` };
  if (day > days) return { message: `${quoted} is not a real date: ${monthName} has ${days} days`, hint: `the last day of ${monthName} is ${yearText}-${monthText}-${days}` };
  if (separator !== undefined) {
    const timeProblem = timeOfDayProblem(quoted, `${yearText}-${monthText}-${dayText}`, rest ?? '', timezone);
    if (timeProblem) return timeProblem;
  }
  return { message: `${quoted} is not a real date or time`, hint: FORMS };
}

function timeOfDayProblem(quoted: string, day: string, written: string, timezone: string): DateProblem | undefined {
  const time = LOOSE_TIME.exec(written);
  const form = `write hours and minutes with two digits each, as in ${day}T08:30 (seconds and an offset are optional: ${day}T08:30:00+01:00)`;
  if (!time) return { message: written === '' ? `${quoted} has no time after the date` : `${quoted} has a time that is not hours:minutes`, hint: form };
  const [, hours = '', minutes = '', seconds, , zone] = time;
  if (hours.length !== 2 || minutes.length !== 2 || (seconds !== undefined && seconds.length !== 2)) return { message: `${quoted} is not written in full`, hint: form };
  if (Number(hours) > 23) return { message: `${quoted} is not a real time: there is no hour ${hours}`, hint: `hours go from 00 to 23, as in ${day}T23:${minutes}` };
  if (Number(minutes) > 59) return { message: `${quoted} is not a real time: there is no minute ${minutes}`, hint: `minutes go from 00 to 59, as in ${day}T${hours}:59` };
  if (seconds !== undefined && Number(seconds) > 59) return { message: `${quoted} is not a real time: there is no second ${seconds}`, hint: `seconds go from 00 to 59, as in ${day}T${hours}:${minutes}:59` };
  if (zone === undefined || zone === '') return undefined;
  const leaveOut = `or leave it out for the site's timezone (${timezone})`;
  if (!OFFSET.test(zone.trim())) {
    return {
      message: `${quoted} has a time zone that is not an offset: "${zone.length > 20 ? `${zone.slice(0, 20)}…` : zone}"`,
      hint: `write the offset from UTC after the time, as in ${day}T08:30:00+01:00 (or Z for UTC), ${leaveOut}`,
    };
  }
  if (zone !== zone.trim() || written.includes('  ')) return { message: `${quoted} has more than one space before its offset`, hint: `write one space or none, as in ${day} 08:30:00 +0100` };
  return { message: `${quoted} has the offset ${zone}, which no place uses`, hint: `offsets go from -12:00 to +14:00, as in ${day}T08:30:00+01:00, ${leaveOut}` };
}

/** A date before the year 1000 or after 9999 (written, or in UTC): feeds and sitemaps carry four-digit years. */
export function yearRangeProblem(text: string): DateProblem {
  return {
    message: `"${text}" is outside the years ${FIRST_YEAR} to ${LAST_YEAR}, which feeds and sitemaps can carry`,
    hint: 'check the year: a typo such as 0205 or 20025 for 2025 is the usual cause',
  };
}
