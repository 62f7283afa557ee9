import {
  badInput,
  copyText,
  hourlyGroups,
  SERVICE_IDENTITY,
  storeNewRecords,
  storedRecords,
  upsertHourlyRollups,
  type Clock,
  type HourlyRollupSpec,
  type Identity,
  type RecordTableSpec,
} from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { evaluateRules } from '../rule/evaluate';
import { isPollutant } from '../vocabulary';
import { recomputeAqi } from './recomputeAqi';
import { MAX_BATCH, validateReadings, type ReadingCandidate, type ValidReading } from './validateReadings';

export { MAX_BATCH, MAX_BULK_BATCH, type ReadingCandidate } from './validateReadings';

/** The raw readings, as COPY sends them. */
const READINGS: RecordTableSpec = {
  table: 'environment.reading',
  columns: {
    source: 'text',
    source_id: 'text',
    station_id: 'uuid',
    metric: 'text',
    value: 'double precision',
    measured_at: 'timestamptz',
    received_at: 'timestamptz',
  },
};
/** The hourly rollup of readings per station and metric (sum, count, min, max), kept by the kit's upsert. */
const ROLLUP: HourlyRollupSpec = {
  table: 'environment.hourly_rollup',
  keys: { station_id: 'uuid', metric: 'text' },
  measures: ['sum', 'count', 'min', 'max'],
};

export interface IngestOutcome {
  received: number;
  stored: number;
  duplicates: number;
}

/**
 * Validates a batch as a whole (see {@link validateReadings}), then in one transaction stores the new
 * readings (idempotent by (source, sourceId): the sector kit's `storeNewRecords`, a COPY), adds them to
 * the hourly rollups, keeps the latest reading of each station and metric, and recomputes the hourly VN_AQI of the air stations for the hours they affect. A
 * bad batch writes nothing and fails with BAD_USER_INPUT naming `readings[i].field` of each problem. The
 * GraphQL mutation, the bulk route (`POST /ingest/v1/readings`) and the MQTT subscriber all call this. The
 * stations of the batch are read and locked (`select … for update`, in id order) first in the transaction,
 * so concurrent ingests of one station do not race; after the rollups and AQI, the rules are evaluated for
 * the stations and metrics touched (src/rule/evaluate.ts), their breach events going to the outbox in the
 * same transaction. `actor` is who the events name. The statements sent do not depend on the batch's size.
 */
export async function ingestReadings(
  em: EntityManager,
  clock: Clock,
  source: unknown,
  readings: readonly ReadingCandidate[],
  actor: Identity = SERVICE_IDENTITY('environment'),
  maxReadings = MAX_BATCH,
): Promise<IngestOutcome> {
  if (readings.length > maxReadings)
    throw badInput(`At most ${maxReadings} readings per call`, [{ field: 'readings', message: `at most ${maxReadings}` }]);
  return em.transactional(async (tx) => {
    const valid = await validateReadings(tx, clock.now().getTime(), source, readings);
    if (!valid.rows.length) return { received: 0, stored: 0, duplicates: 0 };
    const stored = await storeReadings(tx, clock, actor, valid.source, valid.rows);
    return { received: readings.length, stored, duplicates: readings.length - stored };
  });
}

/** Stores a valid batch in the caller's transaction (its stations locked); answers how many readings were new. */
async function storeReadings(tx: EntityManager, clock: Clock, actor: Identity, source: string, rows: ValidReading[]): Promise<number> {
  const receivedAt = clock.now().toISOString();
  const sourceField = copyText(source);
  let copy = '';
  for (const r of rows) {
    copy += `${sourceField}\t${copyText(r.sourceId)}\t${r.stationId}\t${r.metric}\t${r.value}\t${r.measuredAtText}\t${receivedAt}\n`;
  }
  const outcome = await storeNewRecords(tx, READINGS, copy);
  const stored = storedRecords(rows, outcome);
  const groups = hourlyGroups(
    stored,
    (r) => [r.stationId, r.metric],
    (r) => r.measuredAt,
    (r) => r.value,
  );
  await upsertHourlyRollups(tx, ROLLUP, groups);
  await recordLatest(tx, source, stored);
  const touched = groups.filter((g) => isPollutant(g.keys[1]!)).map((g) => ({ stationId: g.keys[0]!, hour: g.hour }));
  if (touched.length) await recomputeAqi(tx, clock, actor, touched);
  if (stored.length) {
    const metrics = new Map<string, Set<string>>();
    for (const r of rows) metrics.set(r.stationId, (metrics.get(r.stationId) ?? new Set<string>()).add(r.metric));
    await evaluateRules(tx, clock, actor, metrics);
  }
  return stored.length;
}

/**
 * Keeps `environment.latest_reading` for the new readings of a batch in one upsert of one row per
 * station and metric: a newer reading replaces the stored one, one of the same time or older does not.
 */
async function recordLatest(tx: EntityManager, source: string, stored: ValidReading[]): Promise<void> {
  const newest = new Map<string, ValidReading>();
  for (const r of stored) {
    const key = `${r.stationId}/${r.metric}`;
    const held = newest.get(key);
    if (!held || r.measuredAt > held.measuredAt) newest.set(key, r);
  }
  if (!newest.size) return;
  const rows = [...newest.values()].map((r) => ({
    station_id: r.stationId,
    metric: r.metric,
    source_id: r.sourceId,
    value: r.value,
    measured_at: r.measuredAtText,
  }));
  await tx.execute(
    `insert into environment.latest_reading as t (station_id, metric, source, source_id, value, measured_at)
     select x.station_id, x.metric, ?, x.source_id, x.value, x.measured_at
     from jsonb_to_recordset(?::jsonb) as x(station_id uuid, metric text, source_id text, value double precision, measured_at timestamptz)
     on conflict (station_id, metric) do update
       set source = excluded.source, source_id = excluded.source_id, value = excluded.value, measured_at = excluded.measured_at
       where excluded.measured_at > t.measured_at`,
    [source, JSON.stringify(rows)],
  );
}
