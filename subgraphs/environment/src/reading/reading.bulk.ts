import { parseNdjson, Role, type BulkIngestRoute } from '@ioc-graph/platform';
import type { EnvironmentContext } from '../context';
import { ingestReadings, MAX_BULK_BATCH } from './ingest';

/** Who may send readings, by the mutation or in bulk: the sector's systems and the center's operators. */
export const INGEST_ROLES = [Role.SYSTEM, Role.OPERATOR] as const;

/**
 * `POST /ingest/v1/readings?source=<sending system>` with an NDJSON body, one reading per line with the
 * fields of the mutation's `ReadingInput` (`{"stationCode":"BP-KK-DX01","metric":"PM2_5","value":31.5,
 * "measuredAt":"2026-11-23T08:00:00+07:00","sourceId":"dx01-20261123-0800-pm25"}`), up to
 * {@link MAX_BULK_BATCH} lines: the same checks, idempotency, rollups, VN_AQI and rules as
 * `ingestReadings`, at the speed of a COPY. A problem's `readings[i]` is line `i + 1`.
 */
export const readingsBulkRoute: BulkIngestRoute<EnvironmentContext> = {
  path: '/ingest/v1/readings',
  roles: INGEST_ROLES,
  contentTypes: ['application/x-ndjson'],
  async ingest(body, query, ctx) {
    const readings = parseNdjson(body, 'readings', MAX_BULK_BATCH);
    return ingestReadings(ctx.em, ctx.clock, query.source, readings, ctx.identity, MAX_BULK_BATCH);
  },
};
