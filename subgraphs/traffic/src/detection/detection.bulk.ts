import { parseNdjson, Role, type BulkIngestRoute } from '@ioc-graph/platform';
import type { TrafficContext } from '../context';
import { ingestDetections, MAX_BULK_BATCH } from './ingestDetections';

/** Who may send detections, by the mutation or in bulk: the camera platforms and the center's operators. */
export const INGEST_ROLES = [Role.SYSTEM, Role.OPERATOR] as const;

/**
 * `POST /ingest/v1/detections?source=<sending system>` with an NDJSON body, one detection per line with
 * the fields of the mutation's `DetectionInput` (`{"cameraCode":"BP-CAM-DX-001","kind":"RED_LIGHT",
 * "plate":"93A-123.45","imageUrl":"https://…","confidence":0.93,"detectedAt":"2026-11-23T08:00:00+07:00",
 * "sourceId":"cam-ai-42"}`), up to {@link MAX_BULK_BATCH} lines: the same checks, idempotency, rollups and
 * rules as `ingestDetections`, at the speed of a COPY. A problem's `detections[i]` is line `i + 1`.
 */
export const detectionsBulkRoute: BulkIngestRoute<TrafficContext> = {
  path: '/ingest/v1/detections',
  roles: INGEST_ROLES,
  contentTypes: ['application/x-ndjson'],
  async ingest(body, query, ctx) {
    const detections = parseNdjson(body, 'detections', MAX_BULK_BATCH);
    return ingestDetections(ctx.em, ctx.clock, query.source, detections, ctx.identity, MAX_BULK_BATCH);
  },
};
