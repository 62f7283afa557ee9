import { envReader, PUBLIC, readCommonConfig, Role, signGatewayHeaders, type Identity } from '@ioc-graph/platform';
import { randomUUID } from 'node:crypto';

/** A signed-in identity; scope fields not given are null. */
export type Person = Identity & { subject: string };

/** Someone with `roles` and an optional scope (agency, field unit, administrative unit). */
export function person(
  subject: string,
  roles: Role | Role[],
  scope: Partial<Pick<Identity, 'agencyId' | 'fieldUnitId' | 'scopeUnitId'>> = {},
): Person {
  return { subject, roles: Array.isArray(roles) ? roles : [roles], agencyId: null, fieldUnitId: null, scopeUnitId: null, ...scope };
}

/** A test caller with one role and no scope (`test-operator`, …); the public for `null`. */
export const withRole = (role: Role | null): Identity => (role ? person(`test-${role.toLowerCase()}`, role) : PUBLIC);

/** Staff of an agency: `agencyId` is the agency's id. */
export const staffOf = (agencyId: string, subject = `staff-${agencyId}`): Person => person(subject, Role.AGENCY_STAFF, { agencyId });

/**
 * The headers the gateway adds when it sends `body` (the exact bytes) to `subgraph`, signed with the
 * development secret the test services share: to call a subgraph directly as `identity` (a role's test
 * caller, or the public for null).
 */
export function signedHeaders(
  subgraph: string,
  identity: Identity | Role | null,
  body: string,
  requestId = `test-${randomUUID()}`,
): Record<string, string> {
  const { gatewaySecret } = readCommonConfig(envReader({ ...process.env, NODE_ENV: 'test' }));
  const who = identity === null || typeof identity === 'string' ? withRole(identity) : identity;
  return signGatewayHeaders(gatewaySecret, who, { subgraph, body, requestId });
}

/** Signs whatever body `execute` sends (its `sign` option) for `subgraph` as `identity`. */
export const signedFor =
  (subgraph: string, identity: Identity | Role | null, requestId?: string) =>
  (body: string): Record<string, string> =>
    signedHeaders(subgraph, identity, body, requestId);
