import { SERVICE_IDENTITY, type Role } from '@ioc-graph/platform';
import { execute, type GraphQLResponse, type Hub } from '../../../test/support/hub';
import { signedFor } from '../../../test/support/identities';
import type { PartnersServer } from '../src/server';

/**
 * What the partners tests' inline queries return: they read results by path and check every value with
 * `expect`, so a declared shape would only restate each query.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- inline test queries are checked by their expectations, not by types
export type Inline = any;

export const KEY_FIELDS = 'id label prefix scopes quotaPerMinute quotaPerDay expiresAt revokedAt createdAt lastUsedAt version';
export const CREATE_PARTNER = `mutation ($input: CreatePartnerInput!) { createPartner(input: $input) { id organisation licence licenceAcceptedAt suspended version } }`;
export const UPDATE_PARTNER = `mutation ($id: ID!, $expectedVersion: Int!, $input: UpdatePartnerInput!) {
  updatePartner(id: $id, expectedVersion: $expectedVersion, input: $input) { id organisation suspended licence version } }`;
export const ISSUE_KEY = `mutation ($input: IssueApiKeyInput!) { issueApiKey(input: $input) { secret key { ${KEY_FIELDS} partner { id } } } }`;
export const REVOKE_KEY = `mutation ($id: ID!, $expectedVersion: Int!) { revokeApiKey(id: $id, expectedVersion: $expectedVersion) { id revokedAt version } }`;
export const KEY_FOR_GATEWAY = `query ($hash: String!) { apiKeyForGateway(hash: $hash) {
  id partnerId partnerName scopes quotaPerMinute quotaPerDay expiresAt revokedAt suspended } }`;
export const RECORD_USAGE = `mutation ($entries: [ApiKeyUsageInput!]!) { recordApiKeyUsage(entries: $entries) }`;

/** A partner as the center registers it, with defaults for what a test does not care about. */
export const partnerInput = (over: Record<string, unknown> = {}) => ({
  organisation: 'Công ty Cổ phần Bản đồ số Đông Nam Bộ',
  contactName: 'Phạm Quốc Bảo',
  contactEmail: 'bao.pham@bandoso.vn',
  purpose: 'Ứng dụng bản đồ giao thông và chất lượng không khí cho người dân',
  licence: 'CC-BY-4.0',
  licenceAccepted: true,
  ...over,
});

/** A key as the center issues it (the hub's clock stands at 2026-11-23). */
export const keyInput = (partnerId: string, over: Record<string, unknown> = {}) => ({
  partnerId,
  label: 'Máy chủ chính',
  scopes: ['graphql', 'air-quality'],
  quotaPerMinute: 120,
  quotaPerDay: 50_000,
  expiresAt: '2027-06-01T00:00:00Z',
  ...over,
});

/** Runs an operation through the gateway as a role (the public without one). */
export const gql = (hub: Hub, query: string, variables: Record<string, unknown> = {}, role: Role | null = null) =>
  execute<Inline, Record<string, unknown>>(hub.gatewayUrl, query, variables, role ? { token: hub.tokens[role] } : {}) as Promise<
    GraphQLResponse<Inline>
  >;

/** Runs an operation on the partners subgraph itself, as the gateway's service identity (SubgraphClient) does. */
export const asGateway = (hub: Hub, query: string, variables: Record<string, unknown> = {}) =>
  execute<Inline, Record<string, unknown>>(hub.subgraphs.partners!.url, query, variables, {
    sign: signedFor('partners', SERVICE_IDENTITY('gateway')),
  }) as Promise<GraphQLResponse<Inline>>;

/** SQL on the partners subgraph's database. */
export const sql = async (hub: Hub, query: string, params: unknown[] = []): Promise<Inline[]> =>
  (hub.subgraphs.partners!.server as unknown as PartnersServer).orm.em.fork().getConnection().execute(query, params);

/** How many rows each partners table holds: a refused change must leave them all as they were. */
export async function rowCounts(hub: Hub): Promise<Record<string, number>> {
  const [counts] = await sql(
    hub,
    `select (select count(*) from partners.partner)::int as partners, (select count(*) from partners.api_key)::int as keys,
       (select count(*) from partners.api_key_usage)::int as usage, (select count(*) from partners.audit_entry)::int as audit,
       (select count(*) from partners.outbox_event)::int as events`,
  );
  return counts;
}
