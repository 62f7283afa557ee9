import { parseNdjson, Role, type BulkIngestRoute } from '@ioc-graph/platform';
import type { EgovContext } from '../context';
import { ingestDossiers, MAX_BULK_BATCH } from './ingestDossiers';

/** Who may send dossiers, by the mutation or in bulk: the one-stop-shop system and the center's operators. */
export const INGEST_ROLES = [Role.SYSTEM, Role.OPERATOR] as const;

/**
 * `POST /ingest/v1/dossiers?source=<sending system>` with an NDJSON body, one dossier per line with the
 * fields of the mutation's `DossierInput` (`{"sourceId":"000.00.21.H10-261123-0001","procedureCode":
 * "2.001417","agencyCode":"STP-BP","channel":"ONLINE","status":"RECEIVED","receivedAt":"2026-11-23T08:00:00+07:00",
 * "dueAt":"2026-12-03T17:00:00+07:00","finishedAt":null,"updatedAt":"2026-11-23T08:00:00+07:00"}`), up to
 * {@link MAX_BULK_BATCH} lines: the same checks, versioned idempotency, rollups and rules as
 * `ingestDossiers`. A problem's `dossiers[i]` is line `i + 1`.
 */
export const dossiersBulkRoute: BulkIngestRoute<EgovContext> = {
  path: '/ingest/v1/dossiers',
  roles: INGEST_ROLES,
  contentTypes: ['application/x-ndjson'],
  async ingest(body, query, ctx) {
    const dossiers = parseNdjson(body, 'dossiers', MAX_BULK_BATCH);
    return ingestDossiers(ctx.em, ctx.clock, query.source, dossiers, ctx.identity, MAX_BULK_BATCH);
  },
};
