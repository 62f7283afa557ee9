import { emitEvent, type Clock, type Identity } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { hourlyAqi, type Pollutant } from '../aqi/vnAqi';
import { AQI_METRICS } from '../vocabulary';

const HOUR_MS = 3_600_000;

/**
 * Recomputes the hourly VN_AQI of the hours whose NowCast window (the 12 hours up to it) contains a
 * touched hour, for the hours where the station has a PM2.5 or PM10 average: one read of the rollups,
 * one upsert, one delete (hours that no longer have an AQI).
 */
export async function recomputeAqi(
  tx: EntityManager,
  clock: Clock,
  actor: Identity,
  touched: { stationId: string; hour: number }[],
): Promise<void> {
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
    // xmax = 0 only on a row this statement inserted: an hour the station had no AQI for.
    const written = await tx.execute<{ stationId: string; hour: Date; inserted: boolean }[]>(
      `insert into environment.station_aqi (station_id, hour, aqi, dominant, computed_at)
       select station_id, hour, aqi, dominant, ?::timestamptz from jsonb_to_recordset(?::jsonb) as x(station_id uuid, hour timestamptz, aqi int, dominant text)
       on conflict (station_id, hour) do update set aqi = excluded.aqi, dominant = excluded.dominant, computed_at = excluded.computed_at
       returning station_id as "stationId", hour, (xmax = 0) as inserted`,
      [clock.now().toISOString(), JSON.stringify(upserts)],
    );
    await announceNewHours(
      tx,
      clock,
      actor,
      written.filter((row) => row.inserted),
    );
  }
  if (removals.length) {
    await tx.execute(
      `delete from environment.station_aqi a using jsonb_to_recordset(?::jsonb) as x(station_id uuid, hour timestamptz) where a.station_id = x.station_id and a.hour = x.hour`,
      [JSON.stringify(removals)],
    );
  }
}

/**
 * One `station.hoursReported` event for the hours a batch gave their first AQI: gateways make stale the
 * air quality they kept. One event per batch, whatever its size, so an ingest's statements stay constant.
 */
async function announceNewHours(tx: EntityManager, clock: Clock, actor: Identity, rows: { stationId: string; hour: Date }[]) {
  if (!rows.length) return;
  const stationIds = [...new Set(rows.map((row) => row.stationId))].slice(0, 100);
  const hours = [...new Set(rows.map((row) => new Date(row.hour).toISOString()))].sort();
  await emitEvent(tx, actor, clock.now(), {
    type: 'station.hoursReported',
    entityType: 'Station',
    entityKey: stationIds[0],
    payload: { stationIds, hours: hours.slice(0, 100) },
    audience: { public: true },
  });
}
