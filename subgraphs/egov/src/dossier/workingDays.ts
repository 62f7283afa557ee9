import { calendarDays } from '@ioc-graph/incidents';
import { calendarFromDays, MINUTES_PER_WORKING_DAY, workingMinutesBetween } from '@ioc-graph/platform';

/**
 * The working calendar of state agencies: the platform's working time (platform/src/time/workingTime.ts,
 * which the incidents subgraph's deadlines use too) over the holidays and make-up workdays the incidents
 * subgraph seeds (subgraphs/incidents/seeds/holidays.ts), so that a processing time here and a deadline
 * there count the same days. Changes the center makes to its calendar at run time are not seen here.
 */
const CALENDAR = calendarFromDays(calendarDays);

/** Working days from `from` to `to` (office hours 07:30–11:30, 13:00–17:00; weekends and holidays off), to 0.01 day. */
export const workingDaysBetween = (from: number, to: number): number =>
  Math.round((workingMinutesBetween(CALENDAR, new Date(from), new Date(to)) / MINUTES_PER_WORKING_DAY) * 100) / 100;
