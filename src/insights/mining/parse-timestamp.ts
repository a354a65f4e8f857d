/**
 * Timestamps as event logs write them, to UTC epoch milliseconds.
 *
 * Accepted: ISO 8601 / RFC 3339 with `T` or a space between date and time (`2010-12-30T14:32:00.000+01:00`,
 * `2011-10-11 13:45:40.276000+02:00`), slashes in the date (`2019/11/03 01:11:19.000`), an offset
 * (`Z`, `+02:00`, `+0200`, `+02`) or none. An offset is applied, never dropped; no offset means UTC.
 * Fractions of a second are kept to the microsecond (as fractional milliseconds).
 */
const TIMESTAMP =
  /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Parses a log timestamp to UTC epoch milliseconds; `undefined` when the text is not a timestamp. */
export function parseTimestamp(text: string): number | undefined {
  const m = TIMESTAMP.exec(text.trim());
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 29 February over in non-leap years; a real calendar date must come back unchanged.
  if (new Date(ms).getUTCDate() !== day) return undefined;
  if (m[7] !== undefined) ms += Math.round(Number(`0.${m[7]}`) * 1e6) / 1e3;
  const zone = m[8];
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + (digits.length > 2 ? Number(digits.slice(2, 4)) : 0);
    ms -= sign * offsetMinutes * 60_000;
  }
  return ms;
}
