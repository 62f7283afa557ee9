import { parseNdjson, Role, type BulkIngestRoute } from '@ioc-graph/platform';
import type { UrbanContext } from '../context';
import { MAX_BULK_BATCH } from '../ingest';
import { ingestLightingReports } from './ingest';

/** Who may send lighting reports and truck pings, by mutation or in bulk: the sector's platforms and the center's operators. */
export const INGEST_ROLES = [Role.SYSTEM, Role.OPERATOR] as const;

/**
 * `POST /ingest/v1/lighting-reports?source=<sending system>`, NDJSON, one report per line with the
 * fields of `LightingReportInput` (`{"circuitCode":"BP-CS-DX-01-L1","state":"ON","failedLamps":2,
 * "reportedAt":"2026-11-23T19:00:00+07:00","sourceId":"cs-dx-01-l1-1900"}`), up to 100,000 lines.
 */
export const lightingReportsBulkRoute: BulkIngestRoute<UrbanContext> = {
  path: '/ingest/v1/lighting-reports',
  roles: INGEST_ROLES,
  contentTypes: ['application/x-ndjson'],
  async ingest(body, query, ctx) {
    const reports = parseNdjson(body, 'reports', MAX_BULK_BATCH);
    return ingestLightingReports(ctx.em, ctx.clock, query.source, reports, ctx.identity, MAX_BULK_BATCH);
  },
};
