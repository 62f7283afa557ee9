import { demoId } from '@ioc-graph/directory';
import type { HealthServer } from '../src/server';
import { execute, type Hub } from '../../../test/support/hub';

export { demoId };

/**
 * What the health tests' inline queries return. The tests read these results by path and check every
 * value they read with `expect`, so a declared shape would only restate each query.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- inline test queries are checked by their expectations, not by types
export type Inline = any;

/** The health subgraph of a hub, its SQL and its statements. */
export const healthOf = (hub: Hub) => ({
  server: hub.subgraphs.health!.server as unknown as HealthServer,
  statements: hub.statementsOf.health!,
  sql: async <T = Inline>(query: string, params: unknown[] = []) =>
    (await (hub.subgraphs.health!.server as unknown as HealthServer).orm.em.fork().getConnection().execute(query, params)) as T[],
});

/** Runs an inline operation through the gateway with a token (none: the public). */
export const gql = (hub: Hub, query: string, variables: Record<string, unknown> = {}, token: string | null = null) =>
  execute<Inline, Record<string, unknown>>(hub.gatewayUrl, query, variables, token ? { token } : {});

/** `POST /ingest/v1/<records>` through the gateway, NDJSON, as a sector system sends it. */
export async function sendBulk(hub: Hub, records: string, lines: unknown[], token: string | null, source = 'his-binh-phuoc') {
  const response = await fetch(new URL(`/ingest/v1/${records}?source=${source}`, hub.gatewayUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: lines.map((l) => JSON.stringify(l)).join('\n'),
  });
  return { status: response.status, ...((await response.json()) as Inline) };
}

export const INGEST_CASES = `mutation ($input: IngestCaseReportsInput!) { ingestCaseReports(input: $input) { received stored duplicates } }`;
export const INGEST_LOADS = `mutation ($input: IngestFacilityLoadsInput!) { ingestFacilityLoads(input: $input) { received stored duplicates } }`;
export const ALERTS = `{ alerts(filter: { sourceSystem: "health" }) { totalCount edges { node { sourceSystem sourceRef headline severity category { code } unit { code } timeline { action } } } } }`;
export const BREACHES = `query ($open: Boolean, $code: String) { healthBreaches(open: $open, subjectCode: $code) { id subjectType subjectCode startedAt endedAt peakValue severity rule { code } } }`;
