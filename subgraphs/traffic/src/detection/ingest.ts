import {
  BatchProblems,
  checkEventTime,
  checkSource,
  checkSourceId,
  badInput,
  SERVICE_IDENTITY,
  type Clock,
  type Identity,
} from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { refreshCameraStatus } from '../camera/cameraStatus';
import { evaluateCongestion } from '../rule/evaluate';
import { evaluateOffline } from '../rule/offline';

export { ingestDetections, MAX_BULK_BATCH, type DetectionCandidate } from './ingestDetections';

/** The most records one GraphQL call may carry. */
export const MAX_BATCH = 10_000;

export interface HeartbeatRecord {
  cameraCode: string;
  at: Date;
}

export interface CongestionRecord {
  segmentCode: string;
  level: number;
  measuredAt: Date;
  sourceId: string;
}

export interface IngestOutcome {
  received: number;
  stored: number;
  duplicates: number;
}

function checkBatch(problems: BatchProblems, source: string | null, list: string, size: number) {
  if (size > MAX_BATCH) throw badInput(`At most ${MAX_BATCH} ${list} per call`, [{ field: list, message: `at most ${MAX_BATCH}` }]);
  if (source !== null) checkSource(problems, source);
}

/** The ids of the cameras or road segments of these codes, in one statement. */
export async function idsByCode(em: EntityManager, table: 'camera' | 'road_segment', codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  const rows = unique.length
    ? await em.execute<{ id: string; code: string }[]>(`select id, code from traffic.${table} where code in (?)`, [unique])
    : [];
  return new Map(rows.map((r) => [r.code, r.id]));
}

/**
 * Takes camera heartbeats (a camera's latest heartbeat only moves forward; a heartbeat sent twice
 * changes nothing), refreshes every camera's status and judges the CAMERA_OFFLINE rules (a camera heard
 * from again ends its offline breach; one that fell silent opens one). Answers how many cameras' last heartbeat moved.
 */
export async function ingestCameraHeartbeats(
  em: EntityManager,
  clock: Clock,
  heartbeats: HeartbeatRecord[],
  actor: Identity = SERVICE_IDENTITY('traffic'),
): Promise<{ received: number; camerasUpdated: number }> {
  const problems = new BatchProblems();
  checkBatch(problems, null, 'heartbeats', heartbeats.length);
  const cameras = await idsByCode(
    em,
    'camera',
    heartbeats.map((h) => h.cameraCode),
  );
  const now = clock.now().getTime();
  const rows = heartbeats.map((h, i) => {
    const cameraId = cameras.get(h.cameraCode);
    if (!cameraId) problems.add(`heartbeats[${i}].cameraCode`, `no camera ${h.cameraCode}`);
    const at = checkEventTime(problems, `heartbeats[${i}].at`, h.at, now);
    return { camera_id: cameraId, at: Number.isFinite(at) ? new Date(at).toISOString() : null };
  });
  problems.throwIfAny();
  return em.transactional(async (tx) => {
    const at = clock.now();
    const updated = rows.length
      ? await tx.execute<{ id: string }[]>(
          `update traffic.camera c set last_heartbeat_at = l.at
           from (select camera_id, least(max(at), ?::timestamptz) as at from jsonb_to_recordset(?::jsonb) as x(camera_id uuid, at timestamptz) group by 1) l
           where c.id = l.camera_id and (c.last_heartbeat_at is null or c.last_heartbeat_at < l.at)
           returning c.id`,
          [at.toISOString(), JSON.stringify(rows)],
        )
      : [];
    await evaluateOffline(tx, at, actor, await refreshCameraStatus(tx, at));
    return { received: heartbeats.length, camerasUpdated: updated.length };
  });
}

/**
 * Validates a batch of congestion measurements as a whole, stores the new ones (idempotent by
 * (source, sourceId)) and judges the congestion rules on the segments with new measurements.
 */
export async function ingestCongestion(
  em: EntityManager,
  clock: Clock,
  source: string,
  readings: CongestionRecord[],
  actor: Identity = SERVICE_IDENTITY('traffic'),
): Promise<IngestOutcome> {
  const problems = new BatchProblems();
  checkBatch(problems, source, 'readings', readings.length);
  const segments = await idsByCode(
    em,
    'road_segment',
    readings.map((r) => r.segmentCode),
  );
  const now = clock.now().getTime();
  const rows = readings.map((r, i) => {
    const field = (name: string) => `readings[${i}].${name}`;
    const segmentId = segments.get(r.segmentCode);
    if (!segmentId) problems.add(field('segmentCode'), `no road segment ${r.segmentCode}`);
    if (!Number.isInteger(r.level) || r.level < 0 || r.level > 5) problems.add(field('level'), 'must be an integer from 0 to 5');
    const at = checkEventTime(problems, field('measuredAt'), r.measuredAt, now);
    const sourceId = checkSourceId(problems, field('sourceId'), r.sourceId);
    return {
      source_id: sourceId,
      segment_id: segmentId,
      level: r.level,
      measured_at: Number.isFinite(at) ? new Date(at).toISOString() : null,
    };
  });
  problems.throwIfAny();
  if (!rows.length) return { received: 0, stored: 0, duplicates: 0 };
  return em.transactional(async (tx) => {
    const at = clock.now();
    const segmentIds = [...new Set(rows.map((r) => r.segment_id!))].sort();
    await tx.execute('select id from traffic.road_segment where id in (?) order by id for update', [segmentIds]);
    const inserted = await tx.execute<{ segmentId: string }[]>(
      `insert into traffic.congestion_reading (source, source_id, segment_id, level, measured_at, received_at)
       select ?, source_id, segment_id, level, measured_at, ?::timestamptz
       from jsonb_to_recordset(?::jsonb) as x(source_id text, segment_id uuid, level int, measured_at timestamptz)
       on conflict (source, source_id) do nothing
       returning segment_id as "segmentId"`,
      [source.trim(), at.toISOString(), JSON.stringify(rows)],
    );
    if (inserted.length) await evaluateCongestion(tx, at, actor, [...new Set(inserted.map((r) => r.segmentId))]);
    return { received: readings.length, stored: inserted.length, duplicates: readings.length - inserted.length };
  });
}
