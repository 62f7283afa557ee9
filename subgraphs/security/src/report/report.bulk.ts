import { parseNdjson, Role, type BulkIngestRoute } from '@ioc-graph/platform';
import type { SecurityContext } from '../context';
import { ingestReports, MAX_BULK_BATCH } from './ingestReports';

/** Who may send reports, by the mutation or in bulk: the police system and the center's operators. */
export const INGEST_ROLES = [Role.SYSTEM, Role.OPERATOR] as const;

/**
 * `POST /ingest/v1/security-reports?source=<sending system>` with an NDJSON body, one report per line with
 * the fields of the mutation's `SecurityReportInput` (`{"communeCode":"BP-689-TANPHU","category":"THEFT",
 * "channel":"HOTLINE_113","place":"Chợ Đồng Xoài","policeUnit":"Công an phường Tân Phú","status":"RECEIVED",
 * "reportedAt":"2026-11-23T08:00:00+07:00","caseRef":"113-2026-004512","sourceId":"113-4512"}`), up to
 * {@link MAX_BULK_BATCH} lines: the same checks (a field that is not a report's, such as a name or a phone,
 * refuses the body), idempotency, rollups and rules as the mutation. A problem's `reports[i]` is line `i + 1`.
 */
export const reportsBulkRoute: BulkIngestRoute<SecurityContext> = {
  path: '/ingest/v1/security-reports',
  roles: INGEST_ROLES,
  contentTypes: ['application/x-ndjson'],
  async ingest(body, query, ctx) {
    const reports = parseNdjson(body, 'reports', MAX_BULK_BATCH);
    return ingestReports(ctx.em, ctx.clock, query.source, reports, ctx.identity, MAX_BULK_BATCH);
  },
};
