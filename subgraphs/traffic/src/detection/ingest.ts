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
import { refreshCameraStatus } from '../camera/cameraStatus';
import { evaluateAccidents, evaluateCongestion, type AccidentSighting } from '../rule/evaluate';
import { evaluateOffline } from '../rule/offline';
import { DetectionKind } from '../vocabulary';

/** The most records one call may carry. */
export const MAX_BATCH = 10_000;
/** How far in the future a device clock may run before its records are refused. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** Problems reported per refused batch (the rest are counted). */
const MAX_PROBLEMS = 50;
const PLATE = /^[0-9A-Z][0-9A-Z.\- ]{2,14}$/;
/** Detections per camera, kind and hour, kept by the kit's upsert in the statement that stores them. */
const ROLLUP: HourlyRollupSpec = {
  table: 'traffic.hourly_detection',
  keys: ['camera_id', 'kind'],
  time: 'detected_at',
  measures: ['count'],
};

export interface DetectionRecord {
  cameraCode: string;
  kind: DetectionKind;
  plate?: string | null;
  imageUrl: string;
  confidence: number;
  detectedAt: Date;
  sourceId: string;
}

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

/** Collects the problems of a batch, `<list>[i].field`, and refuses the batch when there are any. */
class Problems {
  readonly list: FieldProblem[] = [];
  count = 0;
  add(field: string, message: string) {
    this.count++;
    if (this.list.length < MAX_PROBLEMS) this.list.push({ field, message });
  }
  throwIfAny() {
    if (!this.list.length) return;
    const more = this.count > this.list.length ? ` (and ${this.count - this.list.length} more)` : '';
    throw badInput(
      `The batch has ${this.count} invalid field(s)${more}; nothing was stored: ${this.list[0]!.field} ${this.list[0]!.message}`,
      this.list,
    );
  }
}

function checkBatch(problems: Problems, source: string | null, list: string, size: number) {
  if (source !== null && (!source.trim() || source.trim().length > 100)) problems.add('source', 'must be 1 to 100 characters');
  if (size > MAX_BATCH) throw badInput(`At most ${MAX_BATCH} ${list} per call`, [{ field: list, message: `at most ${MAX_BATCH}` }]);
}

function checkTime(problems: Problems, field: string, value: Date, now: number): number {
  const at = value instanceof Date ? value.getTime() : NaN;
  if (!Number.isFinite(at)) problems.add(field, 'must be a date');
  else if (at > now + FUTURE_TOLERANCE_MS) problems.add(field, 'is in the future');
  return at;
}

function checkSourceId(problems: Problems, field: string, value: string): string {
  const sourceId = (value ?? '').trim();
  if (!sourceId || sourceId.length > 200) problems.add(field, 'must be 1 to 200 characters');
  return sourceId;
}

function isHttpUrl(value: string): boolean {
  if (typeof value !== 'string' || value.length > 2000) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

async function idsByCode(em: EntityManager, table: 'camera' | 'road_segment', codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  const rows = unique.length
    ? await em.execute<{ id: string; code: string }[]>(`select id, code from traffic.${table} where code in (?)`, [unique])
    : [];
  return new Map(rows.map((r) => [r.code, r.id]));
}

/**
 * Validates a batch of camera detections as a whole, then in one transaction stores the new ones
 * (`insert … on conflict (source, source_id) do nothing`), adds them to the hourly rollups, takes each
 * detection as a sign of life of its camera, refreshes every camera's status, judges the CAMERA_OFFLINE
 * rules and the accident rules on the new ACCIDENT detections (breach events to the outbox in the same transaction). A bad
 * batch writes nothing and fails with BAD_USER_INPUT naming `detections[i].field` of each problem.
 */
export async function ingestDetections(
  em: EntityManager,
  clock: Clock,
  source: string,
  detections: DetectionRecord[],
  actor: Identity = SERVICE_IDENTITY('traffic'),
): Promise<IngestOutcome> {
  const problems = new Problems();
  checkBatch(problems, source, 'detections', detections.length);
  const cameras = await idsByCode(
    em,
    'camera',
    detections.map((d) => d.cameraCode),
  );
  const now = clock.now().getTime();
  const kinds = Object.values(DetectionKind) as string[];
  const rows = detections.map((d, i) => {
    const field = (name: string) => `detections[${i}].${name}`;
    const cameraId = cameras.get(d.cameraCode);
    if (!cameraId) problems.add(field('cameraCode'), `no camera ${d.cameraCode}`);
    if (!kinds.includes(d.kind)) problems.add(field('kind'), `must be one of ${kinds.join(', ')}`);
    const plate = d.plate === null || d.plate === undefined ? null : d.plate.trim().toUpperCase();
    if (plate !== null && !PLATE.test(plate))
      problems.add(field('plate'), 'must be a licence plate of 3 to 15 letters, digits, dots, dashes or spaces');
    if (!isHttpUrl(d.imageUrl)) problems.add(field('imageUrl'), 'must be an http(s) URL of at most 2000 characters');
    if (typeof d.confidence !== 'number' || !Number.isFinite(d.confidence) || d.confidence < 0 || d.confidence > 1)
      problems.add(field('confidence'), 'must be between 0 and 1');
    const at = checkTime(problems, field('detectedAt'), d.detectedAt, now);
    const sourceId = checkSourceId(problems, field('sourceId'), d.sourceId);
    return {
      source_id: sourceId,
      camera_id: cameraId,
      kind: d.kind,
      plate,
      image_url: d.imageUrl,
      confidence: d.confidence,
      detected_at: Number.isFinite(at) ? new Date(at).toISOString() : null,
    };
  });
  problems.throwIfAny();
  if (!rows.length) return { received: 0, stored: 0, duplicates: 0 };

  return em.transactional(async (tx) => {
    const at = clock.now();
    const cameraIds = [...new Set(rows.map((r) => r.camera_id!))].sort();
    await tx.execute('select id from traffic.camera where id in (?) order by id for update', [cameraIds]);
    const [result] = await tx.execute<{ stored: number; accidents: AccidentSighting[] }[]>(
      `with input as (
         select * from jsonb_to_recordset(?::jsonb)
           as x(source_id text, camera_id uuid, kind text, plate text, image_url text, confidence double precision, detected_at timestamptz)
       ), ins as (
         insert into traffic.detection (source, source_id, camera_id, kind, plate, image_url, confidence, detected_at, received_at)
         select ?, source_id, camera_id, kind, plate, image_url, confidence, detected_at, ?::timestamptz from input
         on conflict (source, source_id) do nothing
         returning id, camera_id, kind, confidence, image_url, detected_at
       ), ${hourlyRollupCtes(ROLLUP, 'ins', 'up')}, seen as (
         update traffic.camera c set last_heartbeat_at = l.at
         from (select camera_id, least(max(detected_at), ?::timestamptz) as at from ins group by 1) l
         where c.id = l.camera_id and (c.last_heartbeat_at is null or c.last_heartbeat_at < l.at)
         returning 1
       )
       select (select count(*)::int from ins) as stored, (select count(*) from up) as rollups, (select count(*) from seen) as seen,
              coalesce((select json_agg(json_build_object('id', id::text, 'cameraId', camera_id, 'confidence', confidence, 'imageUrl', image_url, 'detectedAt', detected_at) order by detected_at, id)
                        from ins where kind = 'ACCIDENT'), '[]'::json) as accidents`,
      [JSON.stringify(rows), source.trim(), at.toISOString(), at.toISOString()],
    );
    await evaluateOffline(tx, at, actor, await refreshCameraStatus(tx, at));
    const stored = Number(result!.stored);
    await evaluateAccidents(
      tx,
      at,
      actor,
      result!.accidents.map((a) => ({ ...a, detectedAt: new Date(a.detectedAt) })),
    );
    return { received: detections.length, stored, duplicates: detections.length - stored };
  });
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
  const problems = new Problems();
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
    const at = checkTime(problems, `heartbeats[${i}].at`, h.at, now);
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
  const problems = new Problems();
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
    const at = checkTime(problems, field('measuredAt'), r.measuredAt, now);
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
