import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { unauthenticated } from '../errors';
import { ALL_ROLES, type Identity, type Role } from './identity';

/**
 * How tokens are verified: a shared HS256 secret (the embedded default) or the JWKS of an identity
 * provider such as Keycloak. Claims: `sub`, `roles` (or Keycloak's `realm_access.roles`),
 * `agency_id`, `field_unit_id`, `scope_unit_id`.
 */
export type TokenVerifierOptions = (
  { kind: 'secret'; secret: string; issuer: string; audience: string } | { kind: 'jwks'; jwksUrl: string; issuer: string; audience: string }
) &
  TokenLifetimeLimits;

/**
 * What a token's times must satisfy, besides not being expired: an `exp`, a lifetime (`exp` − `iat`,
 * or `exp` − now without `iat`) of at most `maxLifetimeSeconds`, and no `iat` or `nbf` further ahead
 * of this server's clock than `clockSkewSeconds`. A leaked token is then worth hours, not years.
 */
export interface TokenLifetimeLimits {
  /** @default 43200 (12 h; JWT_MAX_LIFETIME) */
  maxLifetimeSeconds?: number;
  /** @default 30 (JWT_CLOCK_SKEW) */
  clockSkewSeconds?: number;
}

/** The default of {@link TokenLifetimeLimits.maxLifetimeSeconds}: 12 hours. */
export const DEFAULT_TOKEN_MAX_LIFETIME_SECONDS = 12 * 3600;
/** The default of {@link TokenLifetimeLimits.clockSkewSeconds}. */
export const DEFAULT_TOKEN_CLOCK_SKEW_SECONDS = 30;

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
  const maxLifetime = options.maxLifetimeSeconds ?? DEFAULT_TOKEN_MAX_LIFETIME_SECONDS;
  const skew = options.clockSkewSeconds ?? DEFAULT_TOKEN_CLOCK_SKEW_SECONDS;
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms,
        requiredClaims: ['exp'],
        clockTolerance: skew,
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated('The token has expired');
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'exp') throw unauthenticated('The token has no expiry (exp)');
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf')
        throw unauthenticated('The token is not valid yet (nbf)');
      if (error instanceof errors.JOSEError) throw unauthenticated('The token is not valid');
      throw error;
    }
    checkLifetime(payload, maxLifetime, skew);
    return identityFromClaims(payload);
  };
}

/** Refuses an `iat` from the future and a lifetime beyond the maximum (jose checks `exp` and `nbf`). */
function checkLifetime(payload: JWTPayload, maxLifetime: number, skew: number): void {
  const now = Math.floor(Date.now() / 1000);
  if (payload.iat !== undefined && (typeof payload.iat !== 'number' || payload.iat > now + skew)) {
    throw unauthenticated('The token is issued in the future (iat)');
  }
  const lifetime = payload.exp! - (payload.iat ?? now);
  if (lifetime > maxLifetime + skew) {
    throw unauthenticated(`The token lives longer than the ${maxLifetime} s a token may live (exp − iat)`);
  }
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
