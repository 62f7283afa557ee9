import {
  BreachBook,
  breachPlaceFields,
  escalate,
  inRuleArea,
  judgeHourlyWindow,
  type BreachPayload,
  type BreachStep,
  type Clock,
  type HourValue,
  type Identity,
  type Verdict,
} from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Station } from '../station/station';
import { AQI_METRICS } from '../vocabulary';
import { breachHeadline, formatNumber } from './headline';
import { AQI, Breach, Rule, ruleHours, StationThreshold } from './rule';

const stationLevel = (station: Station, level: StationThreshold | null): number | null =>
  level === StationThreshold.ALARM_I
    ? station.alarmLevel1
    : level === StationThreshold.ALARM_II
      ? station.alarmLevel2
      : level === StationThreshold.ALARM_III
        ? station.alarmLevel3
        : null;

/** What a rule gives at a station: the kit's verdict, with the value and threshold the headline names. */
interface Judged {
  verdict: Verdict;
  value: number;
  threshold: number;
}

/** station → metric → hour (ms) → value, read from the rollups (or the hourly AQI) in two statements. */
type Series = Map<string, Map<string, Map<number, HourValue>>>;

async function readSeries(tx: EntityManager, stationIds: string[], metrics: string[], hours: number): Promise<Series> {
  const series: Series = new Map();
  const add = (stationId: string, metric: string, hour: Date, value: HourValue) => {
    const byMetric = series.get(stationId) ?? new Map<string, Map<number, HourValue>>();
    const byHour = byMetric.get(metric) ?? new Map<number, HourValue>();
    byHour.set(new Date(hour).getTime(), value);
    byMetric.set(metric, byHour);
    series.set(stationId, byMetric);
  };
  const plain = metrics.filter((m) => m !== AQI);
  if (plain.length) {
    const rows = await tx.execute<{ stationId: string; metric: string; hour: Date; sum: number; count: number }[]>(
      `select r.station_id as "stationId", r.metric, r.hour, r.sum, r.count
       from environment.hourly_rollup r
       join (select station_id, metric, max(hour) as latest from environment.hourly_rollup where station_id in (?) and metric in (?) group by 1, 2) l
         on l.station_id = r.station_id and l.metric = r.metric
       where r.hour > l.latest - (? * interval '1 hour')`,
      [stationIds, plain, hours],
    );
    for (const r of rows) add(r.stationId, r.metric, r.hour, { average: Number(r.sum) / Number(r.count), sum: Number(r.sum) });
  }
  if (metrics.includes(AQI)) {
    const rows = await tx.execute<{ stationId: string; hour: Date; aqi: number }[]>(
      `select a.station_id as "stationId", a.hour, a.aqi
       from environment.station_aqi a
       join (select station_id, max(hour) as latest from environment.station_aqi where station_id in (?) group by 1) l on l.station_id = a.station_id
       where a.hour > l.latest - (? * interval '1 hour')`,
      [stationIds, hours],
    );
    for (const r of rows) add(r.stationId, AQI, r.hour, { average: Number(r.aqi), sum: Number(r.aqi) });
  }
  return series;
}

/**
 * A rule at a station, judged over its window ending at the station's latest hour of the rule's metric
 * (a backfill of older hours does not reopen the past). Null when the rule does not apply there (outside
 * its area, no threshold, no data): an open breach then closes.
 */
function judge(rule: Rule, station: Station, byHour: Map<number, HourValue> | undefined, now: Date): Judged | null {
  if (!rule.active || !inRuleArea(rule, station.unitLineage)) return null;
  const threshold = rule.thresholdFromStation ? stationLevel(station, rule.thresholdFromStation) : rule.threshold;
  if (threshold === null || !byHour?.size) return null;
  const latest = Math.max(...byHour.keys());
  const { met, value, windowStart } = judgeHourlyWindow(byHour, latest, {
    hours: ruleHours(rule),
    threshold,
    aggregate: rule.aggregate,
    comparison: rule.comparison,
  });
  if (!met) return { verdict: { state: 'clear' }, value, threshold };
  const escalation = rule.escalationFromStation ? stationLevel(station, rule.escalationFromStation) : rule.escalationThreshold;
  const severity = escalation !== null && value > escalation ? escalate(rule.severity) : rule.severity;
  return { verdict: { state: 'met', value, severity, startedAt: windowStart, seenAt: now }, value, threshold };
}

function payload(rule: Rule, station: Station, breach: Breach, judged: Judged | null, step: BreachStep): BreachPayload {
  const value = judged?.value ?? breach.peakValue;
  const threshold = judged?.threshold ?? rule.threshold ?? 0;
  return {
    categoryCode: rule.categoryCode,
    severity: breach.severity,
    headline: breachHeadline(rule, station, value, threshold, step === 'breachClosed'),
    description: `Quy tắc ${rule.code} (${rule.nameVi}) tại trạm ${station.code}: ${rule.metric} ${formatNumber(value, 2)}, ngưỡng ${formatNumber(threshold, 2)}; đỉnh ${formatNumber(breach.peakValue, 2)}`,
    ...breachPlaceFields(station),
    startedAt: breach.startedAt.toISOString(),
    status: 'ACTUAL',
  };
}

/**
 * Evaluates the active rules at the stations an ingest touched, inside the ingest's transaction (after
 * its rollups and AQI are written), through the sector kit's breach lifecycle:
 * - AVERAGE: each of the last `ruleHours(rule)` hours must have a value (hourly average, or hourly
 *   VN_AQI for `AQI`) above the threshold; the value is the latest hour's;
 * - SUM: the sum of the metric over those hours (missing hours count 0) must be above it.
 * A met rule opens a breach (`environment.breachOpened`) or extends the open one (lastSeenAt, peak;
 * `environment.breachUpdated` only when its severity rises); an open breach whose rule is no longer met
 * (or no longer active) is closed (`environment.breachClosed`). Only rules whose metric the ingest
 * touched at a station are judged there.
 */
export async function evaluateRules(tx: EntityManager, clock: Clock, actor: Identity, touched: Map<string, Set<string>>): Promise<void> {
  if (!touched.size) return;
  const stationIds = [...touched.keys()];
  const rules = await tx.find(Rule, { active: true });
  const stations = await tx.find(Station, { id: { $in: stationIds } });
  const open = await tx.find(Breach, { endedAt: null, station: { $in: stationIds } }, { populate: ['rule'] });
  const judged = (metric: string, stationId: string) =>
    metric === AQI ? AQI_METRICS.some((m) => touched.get(stationId)!.has(m)) : touched.get(stationId)!.has(metric);
  const metrics = [...new Set(rules.map((r) => r.metric).concat(open.map((b) => b.rule.metric)))];
  const series = await readSeries(tx, stationIds, metrics, Math.max(1, ...rules.map(ruleHours)));
  const now = clock.now();
  const book = new BreachBook<Breach>(tx, { sector: 'environment', actor, now });

  for (const station of stations) {
    const openHere = new Map(open.filter((b) => b.station.id === station.id).map((b) => [b.rule.id, b]));
    const candidates = new Map(rules.map((r) => [r.id, r]));
    for (const b of openHere.values()) candidates.set(b.rule.id, b.rule);
    for (const rule of candidates.values()) {
      if (!judged(rule.metric, station.id)) continue;
      const j = judge(rule, station, series.get(station.id)?.get(rule.metric), now);
      await book.apply(openHere.get(rule.id), j?.verdict ?? { state: 'clear' }, {
        create: (fields) => tx.create(Breach, { ...fields, rule, station }),
        describe: (breach, step) => payload(rule, station, breach, j, step),
      });
    }
  }
}
