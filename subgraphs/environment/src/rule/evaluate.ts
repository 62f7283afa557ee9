import { emitEvent, SEVERITY_ORDER, severityRank, type Clock, type Identity } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { aqiCategory } from '../aqi/vnAqi';
import { Station } from '../station/station';
import { AQI_METRICS } from '../vocabulary';
import { AQI, Breach, Rule, RuleAggregate, Severity, StationThreshold } from './rule';

const HOUR_MS = 3_600_000;
/** The longest window a rule may look at (its duration is capped to it). */
export const MAX_RULE_HOURS = 24;

/** The whole hours of rollup a rule's duration covers: rounded up, at least the current hour. */
export const ruleHours = (rule: Pick<Rule, 'durationMinutes'>) => Math.min(MAX_RULE_HOURS, Math.max(1, Math.ceil(rule.durationMinutes / 60)));

const stepUp = (s: Severity) => SEVERITY_ORDER[Math.min(severityRank(s) + 1, SEVERITY_ORDER.length - 1)]!;

const stationLevel = (station: Station, level: StationThreshold | null): number | null =>
  level === StationThreshold.ALARM_I ? station.alarmLevel1 : level === StationThreshold.ALARM_II ? station.alarmLevel2 : level === StationThreshold.ALARM_III ? station.alarmLevel3 : null;
const LEVEL_NAME: Record<StationThreshold, string> = { ALARM_I: 'báo động I', ALARM_II: 'báo động II', ALARM_III: 'báo động III' };

/** One hour of a series: its average (the AQI for `AQI`) and its sum. */
interface HourValue { average: number; sum: number }

/** What a rule gives at a station for its window ending at the station's latest hour of the rule's metric. */
interface Verdict { met: boolean; value: number; threshold: number; severity: Severity; windowStart: Date }

const num = (v: number, digits = 1) => v.toLocaleString('vi-VN', { maximumFractionDigits: digits });
/** The station's name without a trailing parenthesis (the operator: "… Đồng Xoài (Sở TN&MT)"). */
const placeName = (station: Station) => station.nameVi.replace(/\s*\([^)]*\)\s*$/, '');

function headline(rule: Rule, station: Station, value: number, threshold: number, ended: boolean): string {
  const at = `tại ${placeName(station)}`;
  if (rule.metric === AQI) {
    const text = `AQI ${Math.round(value)} (${aqiCategory(Math.round(value)).nameVi}) ${at}`;
    return ended ? `Hết vượt ngưỡng AQI ${num(threshold, 0)}: ${text}` : text;
  }
  if (rule.metric === 'WATER_LEVEL') {
    const level = rule.thresholdFromStation ? `${LEVEL_NAME[rule.thresholdFromStation]} (${num(threshold, 2)} m)` : `${num(threshold, 2)} m`;
    return ended ? `Mực nước về dưới ${level} ${at}: ${num(value, 2)} m` : `Mực nước ${num(value, 2)} m vượt ${level} ${at}`;
  }
  if (rule.metric === 'RAINFALL' && rule.aggregate === RuleAggregate.SUM) {
    const text = `Mưa lớn ${num(value)} mm trong ${ruleHours(rule)} giờ ${at}`;
    return ended ? `Hết mưa lớn ${at}: ${num(value)} mm trong ${ruleHours(rule)} giờ` : text;
  }
  return ended ? `${rule.metric} về dưới ngưỡng ${num(threshold)} ${at}: ${num(value)}` : `${rule.metric} ${num(value)} vượt ngưỡng ${num(threshold)} ${at}`;
}

/**
 * Evaluates the active rules at the stations an ingest touched, inside the ingest's transaction (after
 * its rollups and AQI are written). Each rule is judged at the station's latest hour of the rule's
 * metric (a backfill of older hours does not reopen the past):
 * - AVERAGE: each of the last `ruleHours(rule)` hours must have a value (hourly average, or hourly
 *   VN_AQI for `AQI`) above the threshold; the value is the latest hour's;
 * - SUM: the sum of the metric over those hours (missing hours count 0) must be above it.
 * A met rule without an open breach opens one (`environment.breachOpened`); a met rule with one updates
 * its lastSeenAt and peak, and emits `environment.breachUpdated` only when its severity rises; an open
 * breach whose rule is no longer met (or no longer active) is closed (`environment.breachClosed`).
 * Only rules whose metric the ingest touched at a station are judged there.
 */
export async function evaluateRules(tx: EntityManager, clock: Clock, actor: Identity, touched: Map<string, Set<string>>): Promise<void> {
  if (!touched.size) return;
  const stationIds = [...touched.keys()];
  const rules = await tx.find(Rule, { active: true });
  const stations = await tx.find(Station, { id: { $in: stationIds } });
  const open = await tx.find(Breach, { endedAt: null, station: { $in: stationIds } }, { populate: ['rule'] });
  const judged = (metric: string, stationId: string) => (metric === AQI ? AQI_METRICS.some((m) => touched.get(stationId)!.has(m)) : touched.get(stationId)!.has(metric));
  const metrics = [...new Set(rules.map((r) => r.metric).concat(open.map((b) => b.rule.metric)))];
  const hours = Math.max(1, ...rules.map(ruleHours));

  // station → metric → hour → value; and station → metric → latest hour
  const series = new Map<string, Map<string, Map<number, HourValue>>>();
  const latest = new Map<string, Map<string, number>>();
  const add = (stationId: string, metric: string, hour: number, value: HourValue) => {
    const byMetric = series.get(stationId) ?? new Map<string, Map<number, HourValue>>();
    const byHour = byMetric.get(metric) ?? new Map<number, HourValue>();
    byHour.set(hour, value);
    byMetric.set(metric, byHour);
    series.set(stationId, byMetric);
    const last = latest.get(stationId) ?? new Map<string, number>();
    last.set(metric, Math.max(last.get(metric) ?? -Infinity, hour));
    latest.set(stationId, last);
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
    for (const r of rows) add(r.stationId, r.metric, new Date(r.hour).getTime(), { average: Number(r.sum) / Number(r.count), sum: Number(r.sum) });
  }
  if (metrics.includes(AQI)) {
    const rows = await tx.execute<{ stationId: string; hour: Date; aqi: number }[]>(
      `select a.station_id as "stationId", a.hour, a.aqi
       from environment.station_aqi a
       join (select station_id, max(hour) as latest from environment.station_aqi where station_id in (?) group by 1) l on l.station_id = a.station_id
       where a.hour > l.latest - (? * interval '1 hour')`,
      [stationIds, hours],
    );
    for (const r of rows) add(r.stationId, AQI, new Date(r.hour).getTime(), { average: Number(r.aqi), sum: Number(r.aqi) });
  }

  const verdict = (rule: Rule, station: Station): Verdict | null => {
    if (rule.unitId && !station.unitLineage.includes(rule.unitId.toLowerCase())) return null;
    const threshold = rule.thresholdFromStation ? stationLevel(station, rule.thresholdFromStation) : rule.threshold;
    const last = latest.get(station.id)?.get(rule.metric);
    if (threshold === null || last === undefined) return null;
    const byHour = series.get(station.id)!.get(rule.metric)!;
    const n = ruleHours(rule);
    const window = Array.from({ length: n }, (_, k) => byHour.get(last - k * HOUR_MS));
    let met: boolean;
    let value: number;
    if (rule.aggregate === RuleAggregate.SUM) {
      value = window.reduce((s, h) => s + (h?.sum ?? 0), 0);
      met = value > threshold;
    } else {
      value = window[0]!.average;
      met = window.every((h) => h !== undefined && h.average > threshold);
    }
    const escalation = rule.escalationFromStation ? stationLevel(station, rule.escalationFromStation) : rule.escalationThreshold;
    const severity = escalation !== null && value > escalation ? stepUp(rule.severity) : rule.severity;
    return { met, value, threshold, severity, windowStart: new Date(last - (n - 1) * HOUR_MS) };
  };

  const now = clock.now();
  const emit = (type: string, breach: Breach, rule: Rule, station: Station, v: Pick<Verdict, 'value' | 'threshold'>, ended: boolean) =>
    emitEvent(tx, actor, now, {
      type: `environment.${type}`,
      entityType: 'Breach',
      entityKey: breach.id,
      payload: {
        categoryCode: rule.categoryCode,
        severity: breach.severity,
        headline: headline(rule, station, v.value, v.threshold, ended),
        description: `Quy tắc ${rule.code} (${rule.nameVi}) tại trạm ${station.code}: ${rule.metric} ${num(v.value, 2)}, ngưỡng ${num(v.threshold, 2)}; đỉnh ${num(breach.peakValue, 2)}`,
        unitId: station.unitId,
        unitLineage: station.unitLineage,
        latitude: station.latitude,
        longitude: station.longitude,
        place: station.nameVi,
        startedAt: breach.startedAt.toISOString(),
        status: 'ACTUAL',
      },
    });

  for (const station of stations) {
    const openHere = new Map(open.filter((b) => b.station.id === station.id).map((b) => [b.rule.id, b]));
    const candidates = new Map(rules.map((r) => [r.id, r]));
    for (const b of openHere.values()) candidates.set(b.rule.id, b.rule);
    for (const rule of candidates.values()) {
      if (!judged(rule.metric, station.id)) continue;
      const v = rule.active ? verdict(rule, station) : null;
      const breach = openHere.get(rule.id);
      if (v?.met && !breach) {
        const opened = tx.create(Breach, { rule, station, startedAt: v.windowStart, lastSeenAt: now, endedAt: null, peakValue: v.value, severity: v.severity });
        await emit('breachOpened', opened, rule, station, v, false);
      } else if (v?.met && breach) {
        breach.lastSeenAt = now;
        breach.peakValue = Math.max(breach.peakValue, v.value);
        if (severityRank(v.severity) > severityRank(breach.severity)) {
          breach.severity = v.severity;
          await emit('breachUpdated', breach, rule, station, v, false);
        }
      } else if (breach) {
        breach.endedAt = now;
        await emit('breachClosed', breach, rule, station, v ?? { value: breach.peakValue, threshold: rule.threshold ?? 0 }, true);
      }
    }
  }
}
