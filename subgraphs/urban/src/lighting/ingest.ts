import {
  checkEventTime,
  checkSourceId,
  copyText,
  eventTimeText,
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
import { MAX_BATCH, rowsByCode, startBatch, type UrbanIngestResult } from '../ingest';
import { judgeUrban } from '../rule/evaluate';
import { LightingState } from '../vocabulary';

const STATES = new Set<string>(Object.values(LightingState));
const REPORTS: RecordTableSpec = {
  table: 'urban.lighting_report',
  columns: {
    source: 'text',
    source_id: 'text',
    circuit_id: 'uuid',
    state: 'text',
    failed_lamps: 'int',
    reported_at: 'timestamptz',
    received_at: 'timestamptz',
  },
};
/** Reports per circuit and hour, with the sum and highest count of failed lamps. */
const ROLLUP: HourlyRollupSpec = { table: 'urban.hourly_lighting', keys: { circuit_id: 'uuid' }, measures: ['count', 'sum', 'max'] };

/** One controller report as GraphQL, a bulk line or an MQTT message gives it; checked here either way. */
export interface LightingReportCandidate {
  circuitCode?: unknown;
  state?: unknown;
  failedLamps?: unknown;
  reportedAt?: unknown;
  sourceId?: unknown;
}

interface ValidReport {
  sourceId: string;
  circuitId: string;
  state: LightingState;
  failedLamps: number;
  reportedAt: number;
  reportedAtText: string;
}

/**
 * Validates a batch of lighting controllers' reports as a whole (BAD_USER_INPUT naming
 * `reports[i].field`; nothing of a bad batch is written), then in one transaction stores the new ones
 * (idempotent by (source, sourceId), a COPY), adds them to the hourly rollups, moves each circuit's and
 * cabinet's latest state forward and judges the urban rules. The mutation, the bulk route and MQTT all
 * call this; its statements do not depend on the batch's size.
 */
export async function ingestLightingReports(
  em: EntityManager,
  clock: Clock,
  source: unknown,
  reports: readonly LightingReportCandidate[],
  actor: Identity = SERVICE_IDENTITY('urban'),
  max = MAX_BATCH,
): Promise<UrbanIngestResult> {
  const batch = startBatch(source, 'reports', reports.length, max);
  const { problems } = batch;
  const circuits = await rowsByCode<{ id: string; code: string; lampCount: number }>(
    em,
    'lighting_circuit',
    reports.map((r) => r.circuitCode),
    ', lamp_count as "lampCount"',
  );
  const now = clock.now().getTime();
  const rows: ValidReport[] = [];
  reports.forEach((r, i) => {
    const before = problems.count;
    const field = (name: string) => `reports[${i}].${name}`;
    const circuit = typeof r.circuitCode === 'string' ? circuits.get(r.circuitCode) : undefined;
    if (!circuit) problems.add(field('circuitCode'), `no lighting circuit ${String(r.circuitCode).slice(0, 100)}`);
    if (typeof r.state !== 'string' || !STATES.has(r.state)) problems.add(field('state'), `must be one of ${[...STATES].join(', ')}`);
    const failed = r.failedLamps;
    if (typeof failed !== 'number' || !Number.isInteger(failed) || failed < 0 || (circuit && failed > circuit.lampCount))
      problems.add(field('failedLamps'), `must be a whole number from 0 to the circuit’s lamps${circuit ? ` (${circuit.lampCount})` : ''}`);
    const reportedAt = checkEventTime(problems, field('reportedAt'), r.reportedAt, now);
    const sourceId = checkSourceId(problems, field('sourceId'), r.sourceId);
    if (problems.count === before)
      rows.push({
        sourceId,
        circuitId: circuit!.id,
        state: r.state as LightingState,
        failedLamps: failed as number,
        reportedAt,
        reportedAtText: eventTimeText(r.reportedAt, reportedAt),
      });
  });
  problems.throwIfAny();
  if (!rows.length) return { received: 0, stored: 0, duplicates: 0 };
  const stored = await em.transactional((tx) => storeReports(tx, clock.now(), actor, batch.source, rows));
  return { received: reports.length, stored, duplicates: reports.length - stored };
}

async function storeReports(tx: EntityManager, at: Date, actor: Identity, source: string, rows: ValidReport[]): Promise<number> {
  const receivedAt = at.toISOString();
  const sourceField = copyText(source);
  let copy = '';
  for (const r of rows)
    copy += `${sourceField}\t${copyText(r.sourceId)}\t${r.circuitId}\t${r.state}\t${r.failedLamps}\t${r.reportedAtText}\t${receivedAt}\n`;
  const outcome = await storeNewRecords(tx, REPORTS, copy);
  const stored = storedRecords(rows, outcome);
  await upsertHourlyRollups(
    tx,
    ROLLUP,
    hourlyGroups(
      stored,
      (r) => [r.circuitId],
      (r) => r.reportedAt,
      (r) => r.failedLamps,
    ),
  );
  // The latest report of each circuit becomes its state (never one older than what it holds, never past now).
  const latest = new Map<string, ValidReport>();
  for (const r of stored) if (!latest.has(r.circuitId) || latest.get(r.circuitId)!.reportedAt < r.reportedAt) latest.set(r.circuitId, r);
  const changed = latest.size
    ? await tx.execute<{ id: string }[]>(
        `with l as (select * from jsonb_to_recordset(?::jsonb) as x(circuit_id uuid, state text, failed_lamps int, at timestamptz)),
         circuits as (
           update urban.lighting_circuit c set state = l.state, failed_lamps = l.failed_lamps, last_report_at = l.at
           from l where c.id = l.circuit_id and (c.last_report_at is null or c.last_report_at <= l.at)
           returning c.id, c.cabinet_id, l.at
         ), cabinets as (
           update urban.lighting_cabinet k set last_report_at = s.at
           from (select cabinet_id, max(at) as at from circuits group by 1) s
           where k.id = s.cabinet_id and (k.last_report_at is null or k.last_report_at < s.at)
         )
         select id from circuits`,
        [
          JSON.stringify(
            [...latest.values()].map((r) => ({
              circuit_id: r.circuitId,
              state: r.state,
              failed_lamps: r.failedLamps,
              at: new Date(Math.min(r.reportedAt, at.getTime())).toISOString(),
            })),
          ),
        ],
      )
    : [];
  await judgeUrban(
    tx,
    at,
    actor,
    changed.map((c) => c.id),
  );
  return stored.length;
}
