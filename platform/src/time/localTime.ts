/**
 * Local time of the province, Asia/Ho_Chi_Minh. Vietnam has kept UTC+7 without daylight saving since
 * 1975, so a fixed offset is exact for every date the hub deals with and needs no time zone database:
 * these helpers are plain arithmetic, the same in Node and in PostgreSQL (`at time zone`).
 */

/** The province's time zone, where a day, week, month or year begins. */
export const LOCAL_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Asia/Ho_Chi_Minh is UTC+7 all year. */
export const LOCAL_OFFSET_MS = 7 * HOUR_MS;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant as if the local wall clock were UTC: its getUTC* parts are the local ones. */
function wallClock(instant: Date): Date {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid date');
  return new Date(ms + LOCAL_OFFSET_MS);
}

/** The UTC instant of a local wall-clock time given as UTC parts. */
const fromWallClock = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day) - LOCAL_OFFSET_MS);

/** The local date of an instant, YYYY-MM-DD (17:00Z is already the next local day). */
export function localDate(instant: Date): string {
  return wallClock(instant).toISOString().slice(0, 10);
}

/** The local year of an instant (for yearly numbering such as VV-2026-000123). */
export function localYear(instant: Date): number {
  return wallClock(instant).getUTCFullYear();
}

/** The local time of day of an instant, HH:mm. */
export function localClockTime(instant: Date): string {
  return wallClock(instant).toISOString().slice(11, 16);
}

/** The hour of the day in Asia/Ho_Chi_Minh as a fraction (13:30 → 13.5), for daily load curves. */
export function localHourOfDay(instant: Date): number {
  return ((((instant.getTime() + LOCAL_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;
}

/** The start (local midnight) of the local day holding the instant, as a UTC instant. */
export function startOfLocalDay(instant: Date): Date {
  const local = wallClock(instant);
  return fromWallClock(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
}

/** The start of the local week (Monday, local midnight) holding the instant, as a UTC instant. */
export function startOfLocalWeek(instant: Date): Date {
  const local = wallClock(instant);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  return fromWallClock(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - sinceMonday);
}

/** The start of the local month (the 1st, local midnight) holding the instant, as a UTC instant. */
export function startOfLocalMonth(instant: Date): Date {
  const local = wallClock(instant);
  return fromWallClock(local.getUTCFullYear(), local.getUTCMonth(), 1);
}

/** The start of the local year (1 January, local midnight) holding the instant, as a UTC instant. */
export function startOfLocalYear(instant: Date): Date {
  return fromWallClock(wallClock(instant).getUTCFullYear(), 0, 1);
}

/** Whether a string is a real calendar date YYYY-MM-DD (2025-02-30 is not). */
export function isLocalDate(date: string): boolean {
  const match = DATE_PATTERN.exec(date);
  if (!match) return false;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isFinite(utc.getTime()) && utc.toISOString().slice(0, 10) === date;
}

/**
 * The start (local midnight) of a local date YYYY-MM-DD as a UTC instant: 17:00Z of the day before.
 * Throws RangeError when the string is not a real calendar date (callers turn it into BAD_USER_INPUT).
 */
export function startOfLocalDate(date: string): Date {
  if (!isLocalDate(date)) throw new RangeError(`Invalid local date: ${JSON.stringify(date)}`);
  return new Date(Date.parse(`${date}T00:00:00Z`) - LOCAL_OFFSET_MS);
}

/** The local date `days` days after a local date (negative: before), YYYY-MM-DD. */
export function addLocalDays(date: string, days: number): string {
  return localDate(new Date(startOfLocalDate(date).getTime() + days * DAY_MS));
}

/**
 * SQL for the local date (`YYYY-MM-DD`) or month (`YYYY-MM`) of a timestamptz column, as text: the same
 * day PostgreSQL and `localDate` agree on. For bucket starts as instants, see `localBucketSql`.
 */
export const localDateSql = (column: string, pattern: 'YYYY-MM-DD' | 'YYYY-MM' = 'YYYY-MM-DD') =>
  `to_char(${column} at time zone '${LOCAL_TIME_ZONE}', '${pattern}')`;

/**
 * The instant as the province's wall clock with its offset, to the second: `2026-12-02T09:00:00+07:00`.
 * CAP 1.2 (§3.3.2) wants date-times in this form, with an explicit offset and no fraction.
 */
export function localDateTimeWithOffset(instant: Date): string {
  return `${wallClock(instant).toISOString().slice(0, 19)}+07:00`;
}
