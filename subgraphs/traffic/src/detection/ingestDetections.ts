import {
  badInput,
  BatchProblems,
  checkEventTime,
  checkSource,
  checkSourceId,
  copyText,
  eventTimeText,
  hourlyGroups,
  SERVICE_IDENTITY,
  storeNewRecords,
  storedRecords,
  textProblem,
  upsertHourlyRollups,
  type Clock,
  type HourlyRollupSpec,
  type Identity,
  type RecordTableSpec,
} from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { refreshCameraStatus } from '../camera/cameraStatus';
import { evaluateAccidents, type AccidentSighting } from '../rule/evaluate';
import { evaluateOffline } from '../rule/offline';
import { DetectionKind } from '../vocabulary';
import { idsByCode, MAX_BATCH, type IngestOutcome } from './ingest';

/** The most detections one bulk request (`POST /ingest/v1/detections`) may carry. */
export const MAX_BULK_BATCH = 100_000;
const PLATE = /^[0-9A-Z][0-9A-Z.\- ]{2,14}$/;
const KINDS = new Set<string>(Object.values(DetectionKind));

/** The detections, as COPY sends them. */
const DETECTIONS: RecordTableSpec = {
  table: 'traffic.detection',
  columns: {
    source: 'text',
    source_id: 'text',
    camera_id: 'uuid',
    kind: 'text',
    plate: 'text',
    image_url: 'text',
    confidence: 'double precision',
    detected_at: 'timestamptz',
    received_at: 'timestamptz',
  },
};
/** Detections per camera, kind and hour, kept by the kit's upsert. */
const ROLLUP: HourlyRollupSpec = { table: 'traffic.hourly_detection', keys: { camera_id: 'uuid', kind: 'text' }, measures: ['count'] };

/** One detection as a camera platform gave it: typed by GraphQL, or a line of a bulk body, checked here either way. */
export interface DetectionCandidate {
  cameraCode?: unknown;
  kind?: unknown;
  plate?: unknown;
  imageUrl?: unknown;
  confidence?: unknown;
  detectedAt?: unknown;
  sourceId?: unknown;
}

interface ValidDetection {
  sourceId: string;
  cameraId: string;
  kind: DetectionKind;
  plate: string | null;
  imageUrl: string;
  confidence: number;
  /** ms since the epoch */
  detectedAt: number;
  /** The same instant as PostgreSQL is sent it. */
  detectedAtText: string;
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2000 || textProblem(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Checks a batch as a whole, after one statement reading its cameras; BAD_USER_INPUT names `detections[i].field` of each problem. */
async function validateDetections(em: EntityManager, now: number, source: unknown, detections: readonly DetectionCandidate[]) {
  const problems = new BatchProblems();
  const checkedSource = checkSource(problems, source);
  const cameras = await idsByCode(
    em,
    'camera',
    detections.map((d) => d.cameraCode).filter((code): code is string => typeof code === 'string'),
  );
  const rows: ValidDetection[] = [];
  detections.forEach((d, i) => {
    const before = problems.count;
    const field = (name: string) => `detections[${i}].${name}`;
    const cameraId = typeof d.cameraCode === 'string' ? cameras.get(d.cameraCode) : undefined;
    if (!cameraId) problems.add(field('cameraCode'), `no camera ${String(d.cameraCode).slice(0, 100)}`);
    if (typeof d.kind !== 'string' || !KINDS.has(d.kind)) problems.add(field('kind'), `must be one of ${[...KINDS].join(', ')}`);
    const plate = d.plate === null || d.plate === undefined ? null : typeof d.plate === 'string' ? d.plate.trim().toUpperCase() : '';
    if (plate !== null && !PLATE.test(plate))
      problems.add(field('plate'), 'must be a licence plate of 3 to 15 letters, digits, dots, dashes or spaces');
    if (!isHttpUrl(d.imageUrl)) problems.add(field('imageUrl'), 'must be an http(s) URL of at most 2000 characters');
    const confidence = d.confidence;
    if (typeof confidence !== 'number' || !Number.isFinite(confidence) || confidence < 0 || confidence > 1)
      problems.add(field('confidence'), 'must be between 0 and 1');
    const detectedAt = checkEventTime(problems, field('detectedAt'), d.detectedAt, now);
    const sourceId = checkSourceId(problems, field('sourceId'), d.sourceId);
    if (problems.count === before) {
      rows.push({
        sourceId,
        cameraId: cameraId!,
        kind: d.kind as DetectionKind,
        plate,
        imageUrl: d.imageUrl as string,
        confidence: confidence as number,
        detectedAt,
        detectedAtText: eventTimeText(d.detectedAt, detectedAt),
      });
    }
  });
  problems.throwIfAny();
  return { source: checkedSource, rows };
}

/**
 * Validates a batch of camera detections as a whole, then in one transaction stores the new ones
 * (idempotent by (source, sourceId): the sector kit's `storeNewRecords`, a COPY), adds them to the hourly
 * rollups, takes each new detection as a sign of life of its camera, refreshes every camera's status,
 * judges the CAMERA_OFFLINE rules and the accident rules on the new ACCIDENT detections (breach events to
 * the outbox in the same transaction). A bad batch writes nothing and fails with BAD_USER_INPUT naming
 * `detections[i].field` of each problem. The GraphQL mutation and the bulk route (`POST
 * /ingest/v1/detections`) both call this; the statements sent do not depend on the batch's size.
 */
export async function ingestDetections(
  em: EntityManager,
  clock: Clock,
  source: unknown,
  detections: readonly DetectionCandidate[],
  actor: Identity = SERVICE_IDENTITY('traffic'),
  maxDetections = MAX_BATCH,
): Promise<IngestOutcome> {
  if (detections.length > maxDetections)
    throw badInput(`At most ${maxDetections} detections per call`, [{ field: 'detections', message: `at most ${maxDetections}` }]);
  const valid = await validateDetections(em, clock.now().getTime(), source, detections);
  if (!valid.rows.length) return { received: 0, stored: 0, duplicates: 0 };
  const stored = await em.transactional((tx) => storeDetections(tx, clock.now(), actor, valid.source, valid.rows));
  return { received: detections.length, stored, duplicates: detections.length - stored };
}

async function storeDetections(tx: EntityManager, at: Date, actor: Identity, source: string, rows: ValidDetection[]): Promise<number> {
  const cameraIds = [...new Set(rows.map((r) => r.cameraId))].sort();
  await tx.execute('select id from traffic.camera where id in (?) order by id for update', [cameraIds]);
  const receivedAt = at.toISOString();
  const sourceField = copyText(source);
  let copy = '';
  for (const r of rows) {
    const plate = r.plate === null ? '\\N' : copyText(r.plate);
    copy += `${sourceField}\t${copyText(r.sourceId)}\t${r.cameraId}\t${r.kind}\t${plate}\t${copyText(r.imageUrl)}\t${r.confidence}\t${r.detectedAtText}\t${receivedAt}\n`;
  }
  const outcome = await storeNewRecords(tx, DETECTIONS, copy);
  const stored = storedRecords(rows, outcome);
  await upsertHourlyRollups(
    tx,
    ROLLUP,
    hourlyGroups(
      stored,
      (r) => [r.cameraId, r.kind],
      (r) => r.detectedAt,
    ),
  );
  // A detection is a sign of life of its camera: its latest heartbeat moves forward, never past now.
  const seen = new Map<string, number>();
  for (const r of stored) seen.set(r.cameraId, Math.max(seen.get(r.cameraId) ?? -Infinity, Math.min(r.detectedAt, at.getTime())));
  if (seen.size) {
    await tx.execute(
      `update traffic.camera c set last_heartbeat_at = l.at
       from jsonb_to_recordset(?::jsonb) as l(camera_id uuid, at timestamptz)
       where c.id = l.camera_id and (c.last_heartbeat_at is null or c.last_heartbeat_at < l.at)`,
      [JSON.stringify([...seen].map(([cameraId, ms]) => ({ camera_id: cameraId, at: new Date(ms).toISOString() })))],
    );
  }
  await evaluateOffline(tx, at, actor, await refreshCameraStatus(tx, at));
  const accidents = stored.filter((r) => r.kind === DetectionKind.ACCIDENT);
  const sightings = accidents.length
    ? await tx.execute<AccidentSighting[]>(
        `select id::text as id, camera_id as "cameraId", confidence, image_url as "imageUrl", detected_at as "detectedAt"
         from traffic.detection where source = ? and source_id in (?) order by detected_at, id`,
        [source, accidents.map((r) => r.sourceId)],
      )
    : [];
  await evaluateAccidents(
    tx,
    at,
    actor,
    sightings.map((s) => ({ ...s, detectedAt: new Date(s.detectedAt) })),
  );
  return stored.length;
}
