import {
  addLocalDays,
  isLocalDate,
  localClockTime,
  localDate,
  localDateTimeWithOffset,
  localHourOfDay,
  localYear,
  startOfLocalDate,
  startOfLocalDay,
  startOfLocalMonth,
  startOfLocalWeek,
  startOfLocalYear,
} from './localTime';

const at = (iso: string) => new Date(iso);

describe('localTime (Asia/Ho_Chi_Minh, UTC+7)', () => {
  it('turns the local day at 17:00 UTC', () => {
    expect(localDate(at('2026-01-01T16:59:59.999Z'))).toBe('2026-01-01');
    expect(localDate(at('2026-01-01T17:00:00Z'))).toBe('2026-01-02');
    expect(localClockTime(at('2026-01-01T17:00:00Z'))).toBe('00:00');
    expect(localClockTime(at('2026-01-01T02:12:30Z'))).toBe('09:12');
    expect(localHourOfDay(at('2026-01-01T16:30:00Z'))).toBe(23.5);
    expect(localHourOfDay(at('2026-01-01T17:00:00Z'))).toBe(0);
    expect(localHourOfDay(at('2026-01-01T06:45:00Z'))).toBe(13.75);
  });

  it('writes an instant as local time with its offset, to the second, as CAP wants', () => {
    expect(localDateTimeWithOffset(at('2026-12-02T02:00:00.678Z'))).toBe('2026-12-02T09:00:00+07:00');
    expect(localDateTimeWithOffset(at('2026-12-31T17:30:05Z'))).toBe('2027-01-01T00:30:05+07:00');
  });

  it('gives the local year, which starts at 17:00 UTC on 31 December', () => {
    expect(localYear(at('2025-12-31T16:59:59Z'))).toBe(2025);
    expect(localYear(at('2025-12-31T17:00:00Z'))).toBe(2026);
    expect(startOfLocalYear(at('2026-06-15T00:00:00Z')).toISOString()).toBe('2025-12-31T17:00:00.000Z');
  });

  it('gives the start of the local day, week (Monday) and month as UTC instants', () => {
    // Sunday 2026-11-22 23:30 local is 16:30Z; Monday 00:30 local is 17:30Z.
    expect(startOfLocalDay(at('2026-11-22T16:30:00Z')).toISOString()).toBe('2026-11-21T17:00:00.000Z');
    expect(startOfLocalDay(at('2026-11-22T17:30:00Z')).toISOString()).toBe('2026-11-22T17:00:00.000Z');
    expect(startOfLocalWeek(at('2026-11-22T16:30:00Z')).toISOString()).toBe('2026-11-15T17:00:00.000Z');
    expect(startOfLocalWeek(at('2026-11-22T17:30:00Z')).toISOString()).toBe('2026-11-22T17:00:00.000Z');
    expect(startOfLocalMonth(at('2026-11-30T17:00:00Z')).toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect(startOfLocalMonth(at('2026-11-30T16:59:00Z')).toISOString()).toBe('2026-10-31T17:00:00.000Z');
  });

  it('reads a local date as its local midnight and refuses dates that do not exist', () => {
    expect(startOfLocalDate('2026-11-23').toISOString()).toBe('2026-11-22T17:00:00.000Z');
    expect(localDate(startOfLocalDate('2026-11-23'))).toBe('2026-11-23');
    expect(addLocalDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(() => startOfLocalDate('2025-02-30')).toThrow(RangeError);
    expect(() => startOfLocalDate('23/11/2026')).toThrow(RangeError);
    expect(() => localDate(new Date(NaN))).toThrow(RangeError);
  });
});
