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
import { evaluateFacilities } from '../rule/evaluateFacilities';
import { LoadMetric } from './loadSeries';
import type { IngestOutcome } from '../surveillance/ingestOutcome';
import { MAX_BATCH } from './load.input';
import { validateLoads, type LoadCandidate, type ValidLoad } from './validateLoads';

const LOADS: RecordTableSpec = {
  table: 'health.facility_load',
  columns: {
    source: 'text',
    source_id: 'text',
    facility_id: 'uuid',
    reported_at: 'timestamptz',
    beds_occupied: 'int',
    emergency_waiting: 'int',
    ambulances_available: 'int',
    received_at: 'timestamptz',
  },
};
/** Hourly rollup of the load per facility and metric (bed occupancy %, emergency queue, ambulances available). */
const ROLLUP: HourlyRollupSpec = {
  table: 'health.hourly_load',
  keys: { facility_id: 'uuid', metric: 'text' },
  measures: ['sum', 'count', 'min', 'max'],
};
/** What each rolled-up metric is of a load report. */
const MEASURES: [LoadMetric, (l: ValidLoad) => number][] = [
  [LoadMetric.BED_OCCUPANCY, (l) => (l.beds ? (l.bedsOccupied * 100) / l.beds : 0)],
  [LoadMetric.EMERGENCY_WAITING, (l) => l.emergencyWaiting],
  [LoadMetric.AMBULANCES_AVAILABLE, (l) => l.ambulancesAvailable],
];

/**
 * Validates a batch of facility load reports as a whole, then in one transaction stores the new ones
 * (idempotent by (source, sourceId): the kit's `storeNewRecords`, a COPY), adds them to the hourly
 * rollups, keeps each facility's latest load and evaluates the facility rules at the facilities touched
 * (their breach events in the same transaction). The GraphQL mutation and `POST /ingest/v1/facility-loads`
 * both call it; the statements sent do not depend on the batch's size.
 */
export async function ingestFacilityLoads(
  em: EntityManager,
  clock: Clock,
  source: unknown,
  loads: readonly LoadCandidate[],
  actor: Identity = SERVICE_IDENTITY('health'),
  maxLoads = MAX_BATCH,
): Promise<IngestOutcome> {
  if (loads.length > maxLoads)
    throw badInput(`At most ${maxLoads} load reports per call`, [{ field: 'loads', message: `at most ${maxLoads}` }]);
  return em.transactional(async (tx) => {
    const valid = await validateLoads(tx, clock.now().getTime(), source, loads);
    if (!valid.rows.length) return { received: 0, stored: 0, duplicates: 0 };
    const receivedAt = clock.now().toISOString();
    const sourceField = copyText(valid.source);
    let copy = '';
    for (const l of valid.rows)
      copy += `${sourceField}\t${copyText(l.sourceId)}\t${l.facilityId}\t${l.reportedAtText}\t${l.bedsOccupied}\t${l.emergencyWaiting}\t${l.ambulancesAvailable}\t${receivedAt}\n`;
    const outcome = await storeNewRecords(tx, LOADS, copy);
    const stored = storedRecords(valid.rows, outcome);
    const groups = MEASURES.flatMap(([metric, valueOf]) =>
      hourlyGroups(
        stored,
        (l) => [l.facilityId, metric],
        (l) => l.reportedAt,
        valueOf,
      ),
    );
    await upsertHourlyRollups(tx, ROLLUP, groups);
    await recordLatest(tx, valid.source, stored);
    if (stored.length) await evaluateFacilities(tx, clock.now(), actor, [...new Set(stored.map((l) => l.facilityId))]);
    return { received: loads.length, stored: stored.length, duplicates: loads.length - stored.length };
  });
}

/** Keeps `health.latest_load` in one upsert of one row per facility: a newer report replaces the stored one. */
async function recordLatest(tx: EntityManager, source: string, stored: ValidLoad[]): Promise<void> {
  const newest = new Map<string, ValidLoad>();
  for (const l of stored) {
    const held = newest.get(l.facilityId);
    if (!held || l.reportedAt > held.reportedAt) newest.set(l.facilityId, l);
  }
  if (!newest.size) return;
  const rows = [...newest.values()].map((l) => ({
    facility_id: l.facilityId,
    source_id: l.sourceId,
    reported_at: l.reportedAtText,
    beds_occupied: l.bedsOccupied,
    emergency_waiting: l.emergencyWaiting,
    ambulances_available: l.ambulancesAvailable,
  }));
  await tx.execute(
    `insert into health.latest_load as t (facility_id, source, source_id, reported_at, beds_occupied, emergency_waiting, ambulances_available)
     select x.facility_id, ?, x.source_id, x.reported_at, x.beds_occupied, x.emergency_waiting, x.ambulances_available
     from jsonb_to_recordset(?::jsonb) as x(facility_id uuid, source_id text, reported_at timestamptz, beds_occupied int, emergency_waiting int, ambulances_available int)
     on conflict (facility_id) do update
       set source = excluded.source, source_id = excluded.source_id, reported_at = excluded.reported_at, beds_occupied = excluded.beds_occupied,
           emergency_waiting = excluded.emergency_waiting, ambulances_available = excluded.ambulances_available
       where excluded.reported_at > t.reported_at`,
    [source, JSON.stringify(rows)],
  );
}
