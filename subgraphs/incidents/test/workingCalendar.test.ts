import {
  EMPTY_CALENDAR,
  MINUTES_PER_WORKING_DAY,
  WORKING_PERIODS,
  addWorkingMinutes,
  calendarFromDays,
  isWorkingDay,
  localDate,
  workingMinutesBetween,
  type WorkingCalendar,
} from '../src/calendar/workingCalendar';
import { calendarDays } from '../seeds/holidays';

/** An instant given as a local Asia/Ho_Chi_Minh wall-clock time. */
const local = (wallClock: string): Date => new Date(`${wallClock}+07:00`);
const add = (calendar: WorkingCalendar, from: string, minutes: number): string =>
  addWorkingMinutes(calendar, local(from), minutes).toISOString();

const seeded = calendarFromDays(calendarDays);

/** Minute-by-minute reference for addWorkingMinutes (whole minutes only). */
function referenceAdd(calendar: WorkingCalendar, from: Date, minutes: number): Date {
  const isWorkingMinute = (t: number): boolean => {
    const instant = new Date(t);
    const minuteOfDay = Math.floor(((t + 7 * 3_600_000) % 86_400_000) / 60_000);
    return isWorkingDay(calendar, localDate(instant)) && WORKING_PERIODS.some((p) => p.start <= minuteOfDay && minuteOfDay < p.end);
  };
  let t = from.getTime();
  let counted = 0;
  for (;;) {
    if (isWorkingMinute(t)) {
      if (counted === minutes) return new Date(t);
      counted++;
      if (counted === minutes) return new Date(t + 60_000);
    }
    t += 60_000;
  }
}

describe('workingCalendar', () => {
  it('has 8 working hours a day', () => {
    expect(MINUTES_PER_WORKING_DAY).toBe(480);
  });

  it('continues after lunch when a morning start crosses 11:30', () => {
    // Tuesday 9 Sep 2025, 10:00 local: 90 min before lunch, 90 min from 13:00.
    expect(add(EMPTY_CALENDAR, '2025-09-09T10:00:00', 180)).toBe('2025-09-09T07:30:00.000Z');
  });

  it('ends at 11:30 rather than after the break when the count runs out at lunch', () => {
    expect(add(EMPTY_CALENDAR, '2025-09-09T07:30:00', 240)).toBe('2025-09-09T04:30:00.000Z');
  });

  it('goes to Monday 08:30 when 2 h start at 16:00 on a Friday', () => {
    expect(add(EMPTY_CALENDAR, '2025-09-05T16:00:00', 120)).toBe('2025-09-08T01:30:00.000Z');
  });

  it('starts counting at the next working period when started in the evening, before 07:30 or at lunch', () => {
    expect(add(EMPTY_CALENDAR, '2025-09-08T19:00:00', 60)).toBe('2025-09-09T01:30:00.000Z');
    expect(add(EMPTY_CALENDAR, '2025-09-09T06:00:00', 30)).toBe('2025-09-09T01:00:00.000Z');
    expect(add(EMPTY_CALENDAR, '2025-09-09T12:15:00', 30)).toBe('2025-09-09T06:30:00.000Z');
    expect(add(EMPTY_CALENDAR, '2025-09-06T10:00:00', 30)).toBe('2025-09-08T01:00:00.000Z');
  });

  it('returns the next working moment when minutes is 0', () => {
    expect(add(EMPTY_CALENDAR, '2025-09-09T09:15:00', 0)).toBe('2025-09-09T02:15:00.000Z');
    expect(add(EMPTY_CALENDAR, '2025-09-09T11:30:00', 0)).toBe('2025-09-09T06:00:00.000Z');
    expect(add(EMPTY_CALENDAR, '2025-09-05T17:00:00', 0)).toBe('2025-09-08T00:30:00.000Z');
  });

  it('skips the National Day holiday of 1–2 Sep 2025 with the seeded calendar', () => {
    expect(add(seeded, '2025-08-29T16:00:00', 120)).toBe('2025-09-03T01:30:00.000Z');
    expect(isWorkingDay(seeded, '2025-09-02')).toBe(false);
    expect(isWorkingDay(EMPTY_CALENDAR, '2025-09-02')).toBe(true);
  });

  it('skips the whole Tết week with the seeded calendar', () => {
    // Tết Bính Ngọ: off from Saturday 14 to Sunday 22 Feb 2026.
    expect(add(seeded, '2026-02-13T15:00:00', 240)).toBe('2026-02-23T02:30:00.000Z');
    // Tết Ất Tỵ: off from Saturday 25 Jan to Sunday 2 Feb 2025.
    expect(add(seeded, '2025-01-24T16:00:00', 90)).toBe('2025-02-03T01:00:00.000Z');
    expect(workingMinutesBetween(seeded, local('2026-02-13T00:00:00'), local('2026-02-24T00:00:00'))).toBe(2 * MINUTES_PER_WORKING_DAY);
  });

  it('counts an extra workday Saturday and skips the bridge day it pays for', () => {
    // Saturday 26 Apr 2025 is worked so that Friday 2 May is off (30/4–4/5 holiday).
    expect(add(seeded, '2025-04-25T16:00:00', 120)).toBe('2025-04-26T01:30:00.000Z');
    expect(add(seeded, '2025-04-29T16:00:00', 120)).toBe('2025-05-05T01:30:00.000Z');
    expect(isWorkingDay(seeded, '2026-01-10')).toBe(true);
    expect(isWorkingDay(seeded, '2026-01-02')).toBe(false);
    const custom = calendarFromDays([{ date: '2025-09-06', kind: 'WORKDAY' }]);
    expect(add(custom, '2025-09-05T16:00:00', 120)).toBe('2025-09-06T01:30:00.000Z');
  });

  it('gives the Asia/Ho_Chi_Minh date of an instant near the UTC/local day boundary', () => {
    expect(localDate(new Date('2026-01-01T17:30:00Z'))).toBe('2026-01-02');
    expect(localDate(new Date('2026-01-01T16:59:59.999Z'))).toBe('2026-01-01');
    expect(localDate(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
  });

  it('measures working minutes between two instants as the inverse of addWorkingMinutes', () => {
    expect(workingMinutesBetween(EMPTY_CALENDAR, local('2025-09-05T16:00:00'), local('2025-09-08T08:30:00'))).toBe(120);
    expect(workingMinutesBetween(EMPTY_CALENDAR, local('2025-09-09T10:00:00'), local('2025-09-09T14:30:00'))).toBe(180);
    expect(workingMinutesBetween(seeded, local('2025-08-29T16:00:00'), local('2025-09-03T08:30:00'))).toBe(120);
    const starts = ['2025-01-24T16:00:00', '2025-04-25T09:10:00', '2025-08-29T21:00:00', '2026-02-13T11:29:30', '2026-12-31T12:00:00'];
    for (const start of starts) {
      for (const minutes of [0, 1, 45, 240, 481, 7 * 480 + 13, 60 * 480]) {
        const end = addWorkingMinutes(seeded, local(start), minutes);
        expect(workingMinutesBetween(seeded, local(start), end)).toBe(minutes);
      }
    }
  });

  it('returns 0 working minutes when to is not after from', () => {
    expect(workingMinutesBetween(EMPTY_CALENDAR, local('2025-09-09T10:00:00'), local('2025-09-09T10:00:00'))).toBe(0);
    expect(workingMinutesBetween(EMPTY_CALENDAR, local('2025-09-09T10:00:00'), local('2025-09-08T10:00:00'))).toBe(0);
  });

  it('agrees with a minute-by-minute count on pseudo-random starts', () => {
    let state = 20250902;
    const random = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const base = local('2025-01-20T00:00:00').getTime();
    for (let i = 0; i < 40; i++) {
      const from = new Date(base + random(2 * 366 * 1440) * 60_000);
      const minutes = random(3 * 480);
      expect(addWorkingMinutes(seeded, from, minutes).toISOString()).toBe(referenceAdd(seeded, from, minutes).toISOString());
    }
  });

  it('rejects negative or non-finite minutes', () => {
    const from = local('2025-09-09T10:00:00');
    expect(() => addWorkingMinutes(EMPTY_CALENDAR, from, -1)).toThrow(RangeError);
    expect(() => addWorkingMinutes(EMPTY_CALENDAR, from, Number.NaN)).toThrow(RangeError);
    expect(() => addWorkingMinutes(EMPTY_CALENDAR, from, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('rejects malformed dates and a date that is both off and worked', () => {
    expect(() => isWorkingDay(EMPTY_CALENDAR, '2025-02-30')).toThrow(RangeError);
    expect(() => calendarFromDays([{ date: '2025-9-2', kind: 'DAY_OFF' }])).toThrow(RangeError);
    expect(() =>
      calendarFromDays([
        { date: '2025-09-06', kind: 'DAY_OFF' },
        { date: '2025-09-06', kind: 'WORKDAY' },
      ]),
    ).toThrow(RangeError);
  });

  it('has unique, valid seed dates with a WORKDAY only on a Saturday or Sunday', () => {
    const dates = calendarDays.map((d) => d.date);
    expect(new Set(dates).size).toBe(dates.length);
    for (const day of calendarDays) {
      expect(day.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const parsed = new Date(`${day.date}T00:00:00Z`);
      expect(parsed.toISOString().slice(0, 10)).toBe(day.date);
      if (day.kind === 'WORKDAY') expect([0, 6]).toContain(parsed.getUTCDay());
      expect(day.nameVi.length).toBeGreaterThan(0);
      expect(day.nameEn.length).toBeGreaterThan(0);
    }
  });

  it('gives the 11 statutory days off net of make-up workdays in each seeded year', () => {
    for (const year of ['2025', '2026', '2027']) {
      const days = calendarDays.filter((d) => d.date.startsWith(year));
      const weekday = (d: { date: string }): boolean => ![0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay());
      const weekdaysOff = days.filter((d) => d.kind === 'DAY_OFF' && weekday(d)).length;
      const workdays = days.filter((d) => d.kind === 'WORKDAY').length;
      expect({ year, net: weekdaysOff - workdays }).toEqual({ year, net: 11 });
    }
  });
});
