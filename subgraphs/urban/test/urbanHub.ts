import { execute, type Hub } from '../../../test/support/hub';
import type { UrbanServer } from '../src/server';

/**
 * What the urban tests' inline queries return. The tests read these results by path and check every
 * value they read with `expect`, so a declared shape would only restate each query.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- inline test queries are checked by their expectations, not by types
export type Inline = any;

/** Runs an inline operation through the hub's gateway with a token (the public without one). */
export const gql = async (hub: Hub, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Inline> =>
  execute<Inline, Record<string, unknown>>(hub.gatewayUrl, query, variables, { token });

/** Rows of the urban subgraph's database. */
export const sql = async <T = Inline>(hub: Hub, query: string, params: unknown[] = []): Promise<T[]> =>
  (await (hub.subgraphs.urban!.server as unknown as UrbanServer).orm.em.fork().getConnection().execute(query, params)) as T[];

/** `POST /ingest/v1/<records>?source=…` through the gateway with an NDJSON body. */
export async function sendBulk(hub: Hub, path: string, source: string, records: unknown[], token: string | null) {
  const response = await fetch(new URL(`${path}?source=${source}`, hub.gatewayUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: records.map((r) => JSON.stringify(r)).join('\n'),
  });
  return { status: response.status, ...((await response.json()) as Inline) };
}

/** The alerts the incidents subgraph raised from the urban sector's events. */
export const URBAN_ALERTS = `{ alerts(filter: { sourceSystem: "urban" }, first: 50) { totalCount edges { node {
  id sourceRef headline severity category { code defaultProcess } unit { id } timeline { action } } } } }`;
