import { Severity } from '../vocabulary';
import {
  breachChange,
  closeBreach,
  escalate,
  extendBreach,
  HOUR_MS,
  judgeHourlyWindow,
  lastedFor,
  openedBreach,
  windowHours,
  type HourValue,
  type Verdict,
} from './judge';
import { hourlyGroups, hourlyRollupSql } from './rollup';
import { RuleAggregate } from './sectorRule';

const hour = (h: number) => Date.parse('2026-11-23T00:00:00Z') + h * HOUR_MS;
const series = (values: Record<number, number>) =>
  new Map<number, HourValue>(Object.entries(values).map(([h, v]) => [hour(Number(h)), { average: v, sum: v }]));
const met = (over: Partial<Extract<Verdict, { state: 'met' }>> = {}): Extract<Verdict, { state: 'met' }> => ({
  state: 'met',
  value: 10,
  severity: Severity.MODERATE,
  startedAt: new Date(hour(0)),
  seenAt: new Date(hour(1)),
  ...over,
});

describe('sector kit: rule evaluation', () => {
  it('reads a duration as whole hours of rollup: rounded up, at least the current hour, at most a day', () => {
    expect([0, 1, 60, 61, 180, 10_000].map((m) => windowHours(m))).toEqual([1, 1, 1, 2, 3, 24]);
  });

  it('meets an AVERAGE rule only when every hour of the window breaks the threshold', () => {
    const rule = { hours: 3, threshold: 100, aggregate: RuleAggregate.AVERAGE };
    expect(judgeHourlyWindow(series({ 0: 120, 1: 130, 2: 140 }), hour(2), rule)).toEqual({
      met: true,
      value: 140,
      windowStart: new Date(hour(0)),
    });
    expect(judgeHourlyWindow(series({ 0: 90, 1: 130, 2: 140 }), hour(2), rule).met).toBe(false);
    expect(judgeHourlyWindow(series({ 1: 130, 2: 140 }), hour(2), rule).met).toBe(false);
    // At the threshold is not above it.
    expect(judgeHourlyWindow(series({ 2: 100 }), hour(2), { ...rule, hours: 1 }).met).toBe(false);
  });

  it('meets a SUM rule on the window’s total, missing hours counting 0', () => {
    const rule = { hours: 3, threshold: 100, aggregate: RuleAggregate.SUM };
    expect(judgeHourlyWindow(series({ 0: 60, 2: 60 }), hour(2), rule)).toMatchObject({ met: true, value: 120 });
    expect(judgeHourlyWindow(series({ 0: 60, 3: 60 }), hour(3), rule)).toMatchObject({ met: false, value: 60 });
  });

  it('says a condition lasted its duration from its first to its latest sighting', () => {
    const start = new Date('2026-11-23T03:00:00Z');
    expect(lastedFor(start, new Date('2026-11-23T03:19:59Z'), 20)).toBe(false);
    expect(lastedFor(start, new Date('2026-11-23T03:20:00Z'), 20)).toBe(true);
    expect(lastedFor(start, start, 0)).toBe(true);
  });

  it('escalates one CAP step, EXTREME staying EXTREME', () => {
    expect(escalate(Severity.MODERATE)).toBe(Severity.SEVERE);
    expect(escalate(Severity.EXTREME)).toBe(Severity.EXTREME);
  });
});

describe('sector kit: breach transitions', () => {
  const open = { severity: Severity.MODERATE };

  it('opens on a met verdict without an open breach, and leaves none on any other', () => {
    expect(breachChange(undefined, met())).toBe('open');
    expect(breachChange(undefined, { state: 'clear' })).toBe('none');
    expect(breachChange(undefined, { state: 'pending' })).toBe('none');
  });

  it('extends an open breach, worsening it only when the severity rises', () => {
    expect(breachChange(open, met())).toBe('extend');
    expect(breachChange(open, met({ severity: Severity.MINOR }))).toBe('extend');
    expect(breachChange(open, met({ severity: Severity.SEVERE }))).toBe('worsen');
  });

  it('closes an open breach when clear, and keeps it while pending', () => {
    expect(breachChange(open, { state: 'clear' })).toBe('close');
    expect(breachChange(open, { state: 'pending' })).toBe('none');
  });

  it('keeps the earliest start, latest sighting, highest peak and worst severity while a breach lasts', () => {
    const breach = openedBreach(met({ value: 120, startedAt: new Date(hour(1)), seenAt: new Date(hour(1)) }));
    expect(breach).toEqual({
      startedAt: new Date(hour(1)),
      lastSeenAt: new Date(hour(1)),
      endedAt: null,
      peakValue: 120,
      severity: Severity.MODERATE,
    });
    extendBreach(breach, met({ value: 110, startedAt: new Date(hour(0)), seenAt: new Date(hour(3)), severity: Severity.SEVERE }));
    extendBreach(breach, met({ value: 90, startedAt: new Date(hour(2)), seenAt: new Date(hour(2)), severity: Severity.MINOR }));
    expect(breach).toEqual({
      startedAt: new Date(hour(0)),
      lastSeenAt: new Date(hour(3)),
      endedAt: null,
      peakValue: 120,
      severity: Severity.SEVERE,
    });
    closeBreach(breach, new Date(hour(5)), { state: 'clear', value: 150, seenAt: new Date(hour(4)) });
    expect(breach).toMatchObject({ endedAt: new Date(hour(5)), lastSeenAt: new Date(hour(4)), peakValue: 150 });
  });
});

describe('sector kit: hourly rollups', () => {
  const at = (iso: string) => Date.parse(iso);

  it('groups a batch by key and UTC hour, with sum, count, min and max', () => {
    const records = [
      { device: 'a', metric: 'PM2_5', at: at('2026-11-23T10:05:00Z'), value: 30 },
      { device: 'a', metric: 'PM2_5', at: at('2026-11-23T10:55:59.999Z'), value: 10 },
      { device: 'a', metric: 'PM2_5', at: at('2026-11-23T11:00:00Z'), value: 7 },
      { device: 'b', metric: 'PM2_5', at: at('2026-11-23T10:30:00Z'), value: 5 },
      { device: 'a', metric: 'PM10', at: at('2026-11-23T10:30:00Z'), value: 50 },
    ];
    const groups = hourlyGroups(
      records,
      (r) => [r.device, r.metric],
      (r) => r.at,
      (r) => r.value,
    );
    expect(groups).toEqual([
      { keys: ['a', 'PM2_5'], hour: at('2026-11-23T10:00:00Z'), sum: 40, count: 2, min: 10, max: 30 },
      { keys: ['a', 'PM2_5'], hour: at('2026-11-23T11:00:00Z'), sum: 7, count: 1, min: 7, max: 7 },
      { keys: ['b', 'PM2_5'], hour: at('2026-11-23T10:00:00Z'), sum: 5, count: 1, min: 5, max: 5 },
      { keys: ['a', 'PM10'], hour: at('2026-11-23T10:00:00Z'), sum: 50, count: 1, min: 50, max: 50 },
    ]);
  });

  it('upserts the groups per key and hour in one statement, merging each measure', () => {
    const sql = hourlyRollupSql({
      table: 's.hourly',
      keys: { device_id: 'uuid', metric: 'text' },
      measures: ['sum', 'count', 'min', 'max'],
    });
    expect(sql).toContain(
      'as x(device_id uuid, metric text, hour timestamptz, sum double precision, count int, min double precision, max double precision)',
    );
    expect(sql).toContain(
      'on conflict (device_id, metric, hour) do update set sum = t.sum + excluded.sum, count = t.count + excluded.count, min = least(t.min, excluded.min), max = greatest(t.max, excluded.max)',
    );
    expect(sql.match(/insert into/g)).toHaveLength(1);
  });
});
