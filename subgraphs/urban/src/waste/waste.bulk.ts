import { parseNdjson, type BulkIngestRoute } from '@ioc-graph/platform';
import type { UrbanContext } from '../context';
import { MAX_BULK_BATCH } from '../ingest';
import { INGEST_ROLES } from '../lighting/lighting.bulk';
import { ingestTruckPings } from './ingest';

/**
 * `POST /ingest/v1/truck-pings?source=<tracking platform>`, NDJSON, one ping per line with the fields of
 * `TruckPingInput` (`{"truckCode":"BP-XE-RAC-DX-01","latitude":11.53,"longitude":106.89,
 * "at":"2026-11-23T05:10:00+07:00","sourceId":"gps-dx01-0510"}`), up to 100,000 lines.
 */
export const truckPingsBulkRoute: BulkIngestRoute<UrbanContext> = {
  path: '/ingest/v1/truck-pings',
  roles: INGEST_ROLES,
  contentTypes: ['application/x-ndjson'],
  async ingest(body, query, ctx) {
    const pings = parseNdjson(body, 'pings', MAX_BULK_BATCH);
    return ingestTruckPings(ctx.em, ctx.clock, query.source, pings, ctx.identity, MAX_BULK_BATCH);
  },
};
