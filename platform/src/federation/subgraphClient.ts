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
  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly identity: Identity,
  ) {}

  async request<T>(query: string, variables: Record<string, unknown>, requestId: string = randomUUID()): Promise<T> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signGatewayHeaders(this.secret, this.identity, requestId) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string }[] };
    if (!response.ok || body.errors?.length || !body.data) {
      throw new Error(`${this.url} answered ${response.status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
    }
    return body.data;
  }
}
