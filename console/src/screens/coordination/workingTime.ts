/**
 * Working time as the hub counts deadlines (platform/src/time/workingTime.ts): office hours 07:30–11:30 and
 * 13:00–17:00 in Asia/Ho_Chi_Minh, Monday–Friday, minus the days off and plus the weekend days worked of
 * the working calendar. Kept here in small because the console does not bundle the platform's server code.
 */

/** Days off and worked weekend days, as local dates (YYYY-MM-DD). */
export interface WorkingCalendar {
  daysOff: ReadonlySet<string>;
  extraWorkdays: ReadonlySet<string>;
}

/** Vietnam has kept UTC+7 without daylight saving since 1975. */
const LOCAL_OFFSET_MS = 7 * 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const PERIODS = [
  { start: 7.5 * 60, end: 11.5 * 60 },
  { start: 13 * 60, end: 17 * 60 },
];

/** A full working day in minutes (480): the unit the countdown shows days in. */
export const MINUTES_PER_WORKING_DAY = 480;

/** Builds the calendar from the hub's `calendarDays`. */
export function calendarFrom(days: readonly { date: string; kind: string }[]): WorkingCalendar {
  return {
    daysOff: new Set(days.filter((d) => d.kind === 'DAY_OFF').map((d) => d.date)),
    extraWorkdays: new Set(days.filter((d) => d.kind === 'WORKDAY').map((d) => d.date)),
  };
}

function isWorkingDay(calendar: WorkingCalendar, day: number): boolean {
  const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
  if (calendar.extraWorkdays.has(date)) return true;
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.daysOff.has(date);
}

/** Working minutes between two instants; 0 when `to` is not after `from`. */
export function workingMinutesBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  const a = from.getTime() + LOCAL_OFFSET_MS;
  const b = to.getTime() + LOCAL_OFFSET_MS;
  const firstDay = Math.floor(a / DAY_MS);
  const lastDay = Math.floor(b / DAY_MS);
  let total = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    if (!isWorkingDay(calendar, day)) continue;
    const lower = day === firstDay ? a - day * DAY_MS : 0;
    const upper = day === lastDay ? b - day * DAY_MS : DAY_MS;
    for (const period of PERIODS) {
      const overlap = Math.min(period.end * MINUTE_MS, upper) - Math.max(period.start * MINUTE_MS, lower);
      if (overlap > 0) total += overlap;
    }
  }
  return total / MINUTE_MS;
}
