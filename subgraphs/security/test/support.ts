import { demoId } from '@ioc-graph/directory';
import type { Role } from '@ioc-graph/platform';
import type { SecurityServer } from '../src/server';
import { execute, type GraphQLResponse, type Hub } from '../../../test/support/hub';

export { demoId };

/**
 * What the security tests' inline queries return: they read results by path and check every value with
 * `expect`, so a declared shape would only restate each query.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- inline test queries are checked by their expectations, not by types
export type Inline = any;

/** A report as the police system sends it, with defaults for what a test does not care about. */
export const report = (over: Record<string, unknown> = {}) => ({
  communeCode: 'BP-689-TANPHU',
  category: 'THEFT',
  channel: 'HOTLINE_113',
  place: 'Chợ Đồng Xoài, đường Phú Riềng Đỏ',
  policeUnit: 'Công an phường Tân Phú',
  status: 'RECEIVED',
  reportedAt: '2026-11-23T00:10:00Z',
  caseRef: 'CA-BP/113-0001',
  sourceId: 'x',
  ...over,
});

/** Runs an operation through the gateway as a role (the public without one). */
export const gql = (hub: Hub, query: string, variables: Record<string, unknown> = {}, role: Role | null = null) =>
  execute<Inline, Record<string, unknown>>(hub.gatewayUrl, query, variables, role ? { token: hub.tokens[role] } : {}) as Promise<
    GraphQLResponse<Inline>
  >;

/** `POST /ingest/v1/security-reports` through the gateway, as the police system sends it. */
export async function sendBulk(hub: Hub, reports: unknown[], role: Role | null, source = 'ca-binhphuoc-113') {
  const response = await fetch(new URL(`/ingest/v1/security-reports?source=${source}`, hub.gatewayUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', ...(role ? { authorization: `Bearer ${hub.tokens[role]}` } : {}) },
    body: reports.map((r) => JSON.stringify(r)).join('\n'),
  });
  return { status: response.status, ...((await response.json()) as Inline) };
}

/** SQL on the security subgraph's database. */
export const sql = async (hub: Hub, query: string, params: unknown[] = []): Promise<Inline[]> =>
  (hub.subgraphs.security!.server as unknown as SecurityServer).orm.em.fork().getConnection().execute(query, params);
