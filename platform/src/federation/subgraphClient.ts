import { randomUUID } from 'node:crypto';
import { signGatewayHeaders, Role, type Identity } from '../auth';

/** The identity a subgraph uses when it asks another subgraph for data (validation, lookups). */
export const SERVICE_IDENTITY = (service: string): Identity => ({
  subject: `service:${service}`,
  roles: [Role.SYSTEM],
  agencyId: null,
  fieldUnitId: null,
  scopeUnitId: null,
  service,
});

/**
 * Calls another subgraph directly, signed like the gateway's requests, as the calling service. Used
 * sparingly: to validate a reference or copy a fact (a unit's ancestors) at write time, never to join
 * data at read time, which is the gateway's job.
 */
export class SubgraphClient {
  /**
   * @param subgraph the target's name in subgraphs/registry.json, which the signature covers
   * @param url the target's GraphQL endpoint
   */
  constructor(
    private readonly subgraph: string,
    private readonly url: string,
    private readonly secret: string,
    private readonly identity: Identity,
  ) {}

  async request<T>(query: string, variables: Record<string, unknown>, requestId: string = randomUUID()): Promise<T> {
    const body = JSON.stringify({ query, variables });
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signGatewayHeaders(this.secret, this.identity, { subgraph: this.subgraph, body, requestId }),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    const result = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string }[] };
    if (!response.ok || result.errors?.length || !result.data) {
      throw new Error(`${this.url} answered ${response.status}: ${result.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
    }
    return result.data;
  }
}
