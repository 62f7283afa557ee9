/**
 * Working time of Vietnamese state agencies (the incidents' deadlines, e-government's processing times), in Asia/Ho_Chi_Minh. Vietnam has kept UTC+7 without
 * daylight saving since 1975, so a fixed offset is exact for every date the hub deals with.
 */
import { isLocalDate, LOCAL_OFFSET_MS } from './localTime';

/** A day-level calendar: which local dates are days off and which weekend days are worked instead. */
export interface WorkingCalendar {
  /** Local dates (YYYY-MM-DD, Asia/Ho_Chi_Minh) that are public holidays or days off in lieu. */
  daysOff: ReadonlySet<string>;
  /** Local dates that are Saturdays or Sundays worked to compensate a bridge holiday. */
  extraWorkdays: ReadonlySet<string>;
}

/** Weekends only: no holidays, no extra workdays. */
export const EMPTY_CALENDAR: WorkingCalendar = Object.freeze({ daysOff: new Set<string>(), extraWorkdays: new Set<string>() });

/** Office hours of a working day, in minutes after local midnight: 07:30–11:30 and 13:00–17:00 (8 h). */
export const WORKING_PERIODS: readonly { start: number; end: number }[] = Object.freeze([
  Object.freeze({ start: 7 * 60 + 30, end: 11 * 60 + 30 }),
  Object.freeze({ start: 13 * 60, end: 17 * 60 }),
]);

/** Length of a full working day in minutes (480). */
export const MINUTES_PER_WORKING_DAY: number = WORKING_PERIODS.reduce((sum, p) => sum + p.end - p.start, 0);

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Days since 1970-01-01 (local) and milliseconds into that local day. */
function split(instant: Date): { day: number; ms: number } {
  const local = instant.getTime() + LOCAL_OFFSET_MS;
  if (!Number.isFinite(local)) throw new RangeError('Invalid date');
  const day = Math.floor(local / DAY_MS);
  return { day, ms: local - day * DAY_MS };
}

function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function parseDay(localDay: string): number {
  if (!isLocalDate(localDay)) throw new RangeError(`Invalid local date: ${localDay}`);
  return Date.parse(`${localDay}T00:00:00Z`) / DAY_MS;
}

function isWorkingDayNumber(calendar: WorkingCalendar, day: number): boolean {
  const date = dayString(day);
  if (calendar.extraWorkdays.has(date)) return true;
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.daysOff.has(date);
}

/** Monday–Friday unless a day off, plus the extra workdays. Throws RangeError on a malformed date. */
export function isWorkingDay(calendar: WorkingCalendar, localDay: string): boolean {
  return isWorkingDayNumber(calendar, parseDay(localDay));
}

/**
 * The instant after `minutes` of working time counted from `from` (from may be outside office hours:
 * counting starts at the next working period). minutes=0 returns the start of the next working moment
 * at or after `from`; a count that runs out exactly at 11:30 or 17:00 ends there, not after the break.
 * Throws RangeError on negative or non-finite minutes.
 */
export function addWorkingMinutes(calendar: WorkingCalendar, from: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`Working minutes must be a finite number >= 0, got ${minutes}`);
  let { day, ms } = split(from);
  let remaining = minutes * MINUTE_MS;
  for (; ; day++, ms = 0) {
    if (!isWorkingDayNumber(calendar, day)) continue;
    for (const period of WORKING_PERIODS) {
      const start = Math.max(period.start * MINUTE_MS, ms);
      const available = period.end * MINUTE_MS - start;
      if (available <= 0) continue;
      if (remaining <= available) return new Date(day * DAY_MS + start + remaining - LOCAL_OFFSET_MS);
      remaining -= available;
    }
  }
}

/** Working minutes between two instants (0 when to <= from); fractional if they are not on whole minutes. */
export function workingMinutesBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  const a = split(from);
  const b = split(to);
  if (to.getTime() <= from.getTime()) return 0;
  let total = 0;
  for (let day = a.day; day <= b.day; day++) {
    if (!isWorkingDayNumber(calendar, day)) continue;
    const lower = day === a.day ? a.ms : 0;
    const upper = day === b.day ? b.ms : DAY_MS;
    for (const period of WORKING_PERIODS) {
      const overlap = Math.min(period.end * MINUTE_MS, upper) - Math.max(period.start * MINUTE_MS, lower);
      if (overlap > 0) total += overlap;
    }
  }
  return total / MINUTE_MS;
}

/**
 * Builds a calendar from rows as stored in the database (see seeds/holidays.ts). Throws RangeError on
 * a malformed date or on a date listed both as a day off and as a workday.
 */
export function calendarFromDays(rows: readonly { date: string; kind: 'DAY_OFF' | 'WORKDAY' }[]): WorkingCalendar {
  const daysOff = new Set<string>();
  const extraWorkdays = new Set<string>();
  for (const { date, kind } of rows) {
    parseDay(date);
    if (kind === 'DAY_OFF') daysOff.add(date);
    else if (kind === 'WORKDAY') extraWorkdays.add(date);
    else throw new RangeError(`Unknown calendar day kind for ${date}: ${String(kind)}`);
  }
  for (const date of daysOff) {
    if (extraWorkdays.has(date)) throw new RangeError(`${date} is both a day off and a workday`);
  }
  return { daysOff, extraWorkdays };
}
