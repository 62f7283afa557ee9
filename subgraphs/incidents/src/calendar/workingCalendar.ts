/** Working time is the platform's (platform/src/time/workingTime.ts), shared with e-government; the days off are kept here. */
export {
  addWorkingMinutes,
  calendarFromDays,
  EMPTY_CALENDAR,
  isWorkingDay,
  localDate,
  MINUTES_PER_WORKING_DAY,
  WORKING_PERIODS,
  workingMinutesBetween,
  type WorkingCalendar,
} from '@ioc-graph/platform';
