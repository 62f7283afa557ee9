import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { unauthenticated } from '../errors';
import { ALL_ROLES, type Identity, type Role } from './identity';

/**
 * How tokens are verified: a shared HS256 secret (the embedded default) or the JWKS of an identity
 * provider such as Keycloak. Claims: `sub`, `roles` (or Keycloak's `realm_access.roles`),
 * `agency_id`, `field_unit_id`, `scope_unit_id`.
 */
export type TokenVerifierOptions =
  | { kind: 'secret'; secret: string; issuer: string; audience: string }
  | { kind: 'jwks'; jwksUrl: string; issuer: string; audience: string };

export type TokenVerifier = (token: string) => Promise<Identity>;

function identityFromClaims(claims: JWTPayload): Identity {
  const realmRoles = (claims.realm_access as { roles?: unknown } | undefined)?.roles;
  const rawRoles = Array.isArray(claims.roles) ? claims.roles : Array.isArray(realmRoles) ? realmRoles : [];
  const roles = rawRoles
    .map(String)
    .map((r) => r.toUpperCase())
    .filter((r): r is Role => ALL_ROLES.includes(r as Role));
  const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
  if (!claims.sub) throw unauthenticated('The token has no subject');
  return {
    subject: claims.sub,
    roles: [...new Set(roles)],
    agencyId: str(claims.agency_id),
    fieldUnitId: str(claims.field_unit_id),
    scopeUnitId: str(claims.scope_unit_id),
  };
}

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const key: Uint8Array | JWTVerifyGetKey =
    options.kind === 'secret' ? new TextEncoder().encode(options.secret) : createRemoteJWKSet(new URL(options.jwksUrl));
  const algorithms = options.kind === 'secret' ? ['HS256'] : ['RS256', 'ES256', 'PS256', 'EdDSA'];
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, key as Uint8Array, { issuer: options.issuer, audience: options.audience, algorithms });
      return identityFromClaims(payload);
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated('The token has expired');
      if (error instanceof errors.JOSEError) throw unauthenticated('The token is not valid');
      throw error;
    }
  };
}

/** Issues an HS256 token: for the embedded default's demo users and for tests. */
export async function issueToken(
  identity: Omit<Identity, 'subject'> & { subject: string },
  options: { secret: string; issuer: string; audience: string; expiresIn?: string | number },
): Promise<string> {
  const claims: JWTPayload = { roles: identity.roles };
  if (identity.agencyId) claims.agency_id = identity.agencyId;
  if (identity.fieldUnitId) claims.field_unit_id = identity.fieldUnitId;
  if (identity.scopeUnitId) claims.scope_unit_id = identity.scopeUnitId;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(identity.subject)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(options.secret));
}
