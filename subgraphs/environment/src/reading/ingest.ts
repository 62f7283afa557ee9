import {
  badInput,
  hourlyRollupCtes,
  SERVICE_IDENTITY,
  type Clock,
  type FieldProblem,
  type HourlyRollupSpec,
  type Identity,
} from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { hourlyAqi, type Pollutant } from '../aqi/vnAqi';
import { evaluateRules } from '../rule/evaluate';
import { AQI_METRICS, METRIC_BOUNDS, METRICS_OF_KIND, Metric, StationKind } from '../vocabulary';

/** The most readings one call may carry. */
export const MAX_BATCH = 10_000;
/** How far in the future a device clock may run before its readings are refused. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;
/** Problems reported per refused batch (the rest are counted). */
const MAX_PROBLEMS = 50;
/** The hourly rollup of readings per station and metric (sum, count, min, max), kept by the kit's upsert. */
const ROLLUP: HourlyRollupSpec = {
  table: 'environment.hourly_rollup',
  keys: ['station_id', 'metric'],
  time: 'measured_at',
  measures: ['sum', 'count', 'min', 'max'],
};

export interface ReadingRecord {
  stationCode: string;
  metric: Metric;
  value: number;
  measuredAt: Date;
  sourceId: string;
}

export interface IngestOutcome {
  received: number;
  stored: number;
  duplicates: number;
}

interface StationRow {
  id: string;
  code: string;
  kind: StationKind;
  active: boolean;
}

/**
 * Validates a batch as a whole, then in one transaction stores the new readings (`insert … on
 * conflict (source, source_id) do nothing`), adds them to the hourly rollups and recomputes the
 * hourly VN_AQI of the air stations for the hours they affect. A bad batch writes nothing and fails
 * with BAD_USER_INPUT naming `readings[i].field` of each problem. The GraphQL mutation and (later)
 * the MQTT subscriber both call this. The stations of the batch are locked (`select … for update`, in
 * id order) for the transaction, so concurrent ingests of one station do not race; after the rollups
 * and AQI, the rules are evaluated for the stations and metrics touched (src/rule/evaluate.ts), their
 * breach events going to the outbox in the same transaction. `actor` is who the events name.
 */
export async function ingestReadings(
  em: EntityManager,
  clock: Clock,
  source: string,
  readings: ReadingRecord[],
  actor: Identity = SERVICE_IDENTITY('environment'),
): Promise<IngestOutcome> {
  const problems: FieldProblem[] = [];
  const trimmedSource = source.trim();
  if (!trimmedSource || trimmedSource.length > 100) problems.push({ field: 'source', message: 'must be 1 to 100 characters' });
  if (readings.length > MAX_BATCH)
    throw badInput(`At most ${MAX_BATCH} readings per call`, [{ field: 'readings', message: `at most ${MAX_BATCH}` }]);
  const codes = [...new Set(readings.map((r) => r.stationCode))];
  const stations = codes.length
    ? await em.execute<StationRow[]>('select id, code, kind, active from environment.station where code in (?)', [codes])
    : [];
  const byCode = new Map(stations.map((s) => [s.code, s]));
  const now = clock.now().getTime();
  const rows: { source_id: string; station_id: string; metric: Metric; value: number; measured_at: string }[] = [];
  let bad = 0;
  readings.forEach((r, i) => {
    const problem = (field: string, message: string) => {
      bad++;
      if (problems.length < MAX_PROBLEMS) problems.push({ field: `readings[${i}].${field}`, message });
    };
    const before = bad;
    const station = byCode.get(r.stationCode);
    if (!station) problem('stationCode', `no station ${r.stationCode}`);
    else if (!station.active) problem('stationCode', `station ${r.stationCode} is decommissioned`);
    else if (!METRICS_OF_KIND[station.kind].includes(r.metric)) problem('metric', `a ${station.kind} station does not measure ${r.metric}`);
    const bounds = METRIC_BOUNDS[r.metric];
    if (!Number.isFinite(r.value) || r.value < bounds.min || r.value > bounds.max)
      problem('value', `${r.metric} must be between ${bounds.min} and ${bounds.max}`);
    const at = r.measuredAt instanceof Date ? r.measuredAt.getTime() : NaN;
    if (!Number.isFinite(at)) problem('measuredAt', 'must be a date');
    else if (at > now + FUTURE_TOLERANCE_MS) problem('measuredAt', 'is in the future');
    const sourceId = r.sourceId.trim();
    if (!sourceId || sourceId.length > 200) problem('sourceId', 'must be 1 to 200 characters');
    if (bad === before)
      rows.push({
        source_id: sourceId,
        station_id: station!.id,
        metric: r.metric,
        value: r.value,
        measured_at: new Date(at).toISOString(),
      });
  });
  if (problems.length) {
    const more = bad > problems.length ? ` (and ${bad - problems.length} more)` : '';
    throw badInput(
      `The batch has ${bad} invalid field(s)${more}; nothing was stored: ${problems[0]!.field} ${problems[0]!.message}`,
      problems,
    );
  }
  if (!rows.length) return { received: 0, stored: 0, duplicates: 0 };

  return em.transactional(async (tx) => {
    const stationIds = [...new Set(rows.map((r) => r.station_id))].sort();
    await tx.execute('select id from environment.station where id in (?) order by id for update', [stationIds]);
    const [result] = await tx.execute<{ stored: number; touched: { stationId: string; hour: string }[] }[]>(
      `with input as (
         select * from jsonb_to_recordset(?::jsonb) as x(source_id text, station_id uuid, metric text, value double precision, measured_at timestamptz)
       ), ins as (
         insert into environment.reading (source, source_id, station_id, metric, value, measured_at, received_at)
         select ?, source_id, station_id, metric, value, measured_at, ?::timestamptz from input
         on conflict (source, source_id) do nothing
         returning station_id, metric, value, measured_at
       ), ${hourlyRollupCtes(ROLLUP, 'ins', 'up')}
       select (select count(*)::int from ins) as stored,
              coalesce((select json_agg(distinct jsonb_build_object('stationId', station_id, 'hour', hour)) from up where metric in (?)), '[]'::json) as touched`,
      [JSON.stringify(rows), trimmedSource, clock.now().toISOString(), [...AQI_METRICS]],
    );
    const stored = Number(result!.stored);
    if (result!.touched.length)
      await recomputeAqi(
        tx,
        clock,
        result!.touched.map((t) => ({ stationId: t.stationId, hour: new Date(t.hour).getTime() })),
      );
    if (stored) {
      const metrics = new Map<string, Set<string>>();
      for (const r of rows) metrics.set(r.station_id, (metrics.get(r.station_id) ?? new Set<string>()).add(r.metric));
      await evaluateRules(tx, clock, actor, metrics);
    }
    return { received: readings.length, stored, duplicates: readings.length - stored };
  });
}

/**
 * Recomputes the hourly VN_AQI of the hours whose NowCast window (the 12 hours up to it) contains a
 * touched hour, for the hours where the station has a PM2.5 or PM10 average: one read of the rollups,
 * one upsert, one delete (hours that no longer have an AQI).
 */
async function recomputeAqi(tx: EntityManager, clock: Clock, touched: { stationId: string; hour: number }[]): Promise<void> {
  const spans = new Map<string, { from: number; to: number; hours: Set<number> }>();
  for (const t of touched) {
    const span = spans.get(t.stationId) ?? { from: t.hour, to: t.hour, hours: new Set<number>() };
    span.from = Math.min(span.from, t.hour);
    span.to = Math.max(span.to, t.hour);
    for (let k = 0; k < 12; k++) span.hours.add(t.hour + k * HOUR_MS);
    spans.set(t.stationId, span);
  }
  const windows = [...spans].map(([stationId, s]) => ({
    station_id: stationId,
    from: new Date(s.from - 11 * HOUR_MS).toISOString(),
    to: new Date(s.to + 11 * HOUR_MS).toISOString(),
  }));
  const averages = await tx.execute<{ stationId: string; metric: Pollutant; hour: Date; average: number }[]>(
    `select r.station_id as "stationId", r.metric, r.hour, r.sum / r.count as average
     from environment.hourly_rollup r
     join jsonb_to_recordset(?::jsonb) as w(station_id uuid, "from" timestamptz, "to" timestamptz) on r.station_id = w.station_id and r.hour between w."from" and w."to"
     where r.metric in (?)`,
    [JSON.stringify(windows), [...AQI_METRICS]],
  );
  const series = new Map<string, Map<string, Map<number, number>>>();
  for (const a of averages) {
    const byMetric = series.get(a.stationId) ?? new Map<string, Map<number, number>>();
    const byHour = byMetric.get(a.metric) ?? new Map<number, number>();
    byHour.set(new Date(a.hour).getTime(), Number(a.average));
    byMetric.set(a.metric, byHour);
    series.set(a.stationId, byMetric);
  }
  const upserts: { station_id: string; hour: string; aqi: number; dominant: string }[] = [];
  const removals: { station_id: string; hour: string }[] = [];
  for (const [stationId, span] of spans) {
    const byMetric = series.get(stationId) ?? new Map<string, Map<number, number>>();
    for (const hour of span.hours) {
      if (!byMetric.get('PM2_5')?.has(hour) && !byMetric.get('PM10')?.has(hour)) continue;
      const input: Partial<Record<Pollutant, (number | null)[]>> = {};
      for (const [metric, byHour] of byMetric)
        input[metric as Pollutant] = Array.from({ length: 12 }, (_, k) => byHour.get(hour - k * HOUR_MS) ?? null);
      const aqi = hourlyAqi(input);
      const at = new Date(hour).toISOString();
      if (aqi) upserts.push({ station_id: stationId, hour: at, aqi: aqi.aqi, dominant: aqi.dominant });
      else removals.push({ station_id: stationId, hour: at });
    }
  }
  if (upserts.length) {
    await tx.execute(
      `insert into environment.station_aqi (station_id, hour, aqi, dominant, computed_at)
       select station_id, hour, aqi, dominant, ?::timestamptz from jsonb_to_recordset(?::jsonb) as x(station_id uuid, hour timestamptz, aqi int, dominant text)
       on conflict (station_id, hour) do update set aqi = excluded.aqi, dominant = excluded.dominant, computed_at = excluded.computed_at`,
      [clock.now().toISOString(), JSON.stringify(upserts)],
    );
  }
  if (removals.length) {
    await tx.execute(
      `delete from environment.station_aqi a using jsonb_to_recordset(?::jsonb) as x(station_id uuid, hour timestamptz) where a.station_id = x.station_id and a.hour = x.hour`,
      [JSON.stringify(removals)],
    );
  }
}
