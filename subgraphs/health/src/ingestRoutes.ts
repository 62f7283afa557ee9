import { parseNdjson, Role, type BulkIngestRoute } from '@ioc-graph/platform';
import type { HealthContext } from './context';
import { ingestFacilityLoads } from './facility/ingestLoads';
import { MAX_BULK_BATCH } from './facility/load.input';
import { ingestCaseReports } from './surveillance/ingestCases';

/** Who may send load reports and case counts, by the mutations or in bulk: the sector's systems and the center's operators. */
export const INGEST_ROLES = [Role.SYSTEM, Role.OPERATOR] as const;

/**
 * `POST /ingest/v1/facility-loads?source=<sending system>`, NDJSON, one report per line with the fields of
 * `FacilityLoadInput` (`{"facilityCode":"BP-BV-DKT","bedsOccupied":812,"emergencyWaiting":9,
 * "ambulancesAvailable":4,"reportedAt":"2026-11-23T08:00:00+07:00","sourceId":"dkt-20261123-0800"}`),
 * up to {@link MAX_BULK_BATCH} lines; a problem's `loads[i]` is line `i + 1`.
 */
export const facilityLoadsBulkRoute: BulkIngestRoute<HealthContext> = {
  path: '/ingest/v1/facility-loads',
  roles: INGEST_ROLES,
  contentTypes: ['application/x-ndjson'],
  ingest: (body, query, ctx) =>
    ingestFacilityLoads(ctx.em, ctx.clock, query.source, parseNdjson(body, 'loads', MAX_BULK_BATCH), ctx.identity, MAX_BULK_BATCH),
};

/**
 * `POST /ingest/v1/case-reports?source=<sending system>`, NDJSON, one count per line with the fields of
 * `CaseReportInput` (`{"disease":"DENGUE","unitCode":"BP-689-TANPHU","cases":3,"deaths":0,
 * "reportedAt":"2026-11-23T08:00:00+07:00","sourceId":"gs-2026-48-tanphu-1"}`), up to
 * {@link MAX_BULK_BATCH} lines; a problem's `reports[i]` is line `i + 1`.
 */
export const caseReportsBulkRoute: BulkIngestRoute<HealthContext> = {
  path: '/ingest/v1/case-reports',
  roles: INGEST_ROLES,
  contentTypes: ['application/x-ndjson'],
  ingest: (body, query, ctx) =>
    ingestCaseReports(ctx.em, ctx.clock, query.source, parseNdjson(body, 'reports', MAX_BULK_BATCH), ctx.identity, { max: MAX_BULK_BATCH }),
};
