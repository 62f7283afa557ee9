import { clientKey, ErrorCode, Role, sendGraphQLError, type Identity, type TokenVerifier } from '@ioc-graph/platform';
import type { RequestHandler, Response } from 'express';
import type { ClientAddressResolver } from './clientAddress';
import { identify } from './context';
import { rateLimitHeaders, type CallerRateLimiter } from './limits';
import { partnerIdentity, type ApiKeyGrant, type ApiKeys } from './open/apiKeys';
import { OpenRequestError } from './open/openOperations';
import type { KeyQuotas } from './open/quotas';
import type { KeyUsage } from './open/usage';

/** How an endpoint answers a refusal: the hub's GraphQL error body by default; Open311 and NGSI-LD have their own. */
export type RefusalRenderer = (res: Response, refusal: OpenRequestError) => void;

export const graphqlRefusal: RefusalRenderer = (res, refusal) => sendGraphQLError(res, refusal.status, refusal.code, refusal.message);

export interface AdmissionOptions {
  verify: TokenVerifier;
  limiter: CallerRateLimiter;
  clientAddress: ClientAddressResolver;
  apiKeys: ApiKeys;
  quotas: KeyQuotas;
  usage: KeyUsage;
}

/** The part of each API key's use that its `finish` reports: bytes written, counted as they go. */
function countBytes(res: Response): () => number {
  let bytes = 0;
  const size = (chunk: unknown, encoding?: unknown) =>
    typeof chunk === 'string'
      ? Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
      : chunk instanceof Uint8Array
        ? chunk.byteLength
        : 0;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.write = ((chunk: unknown, ...rest: unknown[]) => ((bytes += size(chunk, rest[0])), write(chunk, ...rest))) as Response['write'];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (chunk !== undefined && typeof chunk !== 'function') bytes += size(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as Response['end'];
  return () => bytes;
}

/**
 * Who calls, and whether they may: every GraphQL request, bulk ingest and open-data request passes here.
 * With `x-api-key`, the key's partner, within the key's scopes and quotas (usage counted per key); with a
 * PARTNER token whose subject a key names (a partner behind an identity provider), the same with that key;
 * else the bearer token's identity (none: the public), counted against the per-caller rate limit. Sets
 * `res.locals.identity` (and `res.locals.apiKey`) for what follows.
 */
export function createAdmission(options: AdmissionOptions) {
  const { verify, limiter, clientAddress, apiKeys, quotas, usage } = options;
  /**
   * Admits a request that counts as an API key: within its scopes and quotas, its use counted when the
   * answer is sent, running as `identity` (the key's partner, or the partner's own token).
   */
  const admitGrant = async (grant: ApiKeyGrant, identity: Identity, scope: string, refuse: RefusalRenderer, res: Response) => {
    if (!grant.scopes.includes(scope)) {
      refuse(res, new OpenRequestError(403, ErrorCode.FORBIDDEN, `This API key's scopes do not include "${scope}"`));
      return false;
    }
    const decision = await quotas.take(grant);
    res.set(rateLimitHeaders(decision));
    if (!decision.allowed) {
      usage.record(grant, { rows: 0, bytes: 0, refused: true });
      refuse(res, new OpenRequestError(429, ErrorCode.RATE_LIMITED, `This API key's quota is spent; retry in ${decision.resetSeconds} s`));
      return false;
    }
    const bytes = countBytes(res);
    res.on('finish', () => usage.record(grant, { rows: (res.locals.openRows as number | undefined) ?? 0, bytes: bytes(), refused: false }));
    res.locals.identity = identity;
    res.locals.apiKey = grant;
    return true;
  };

  return (scope: string, refuse: RefusalRenderer = graphqlRefusal): RequestHandler =>
    async (req, res, next) => {
      try {
        const client = clientKey(clientAddress.resolve(req.socket.remoteAddress, req.headers['x-forwarded-for']));
        const secret = req.header('x-api-key');
        if (secret !== undefined) {
          if (req.header('authorization')) {
            return refuse(res, new OpenRequestError(400, ErrorCode.BAD_REQUEST, 'Send either x-api-key or Authorization, not both'));
          }
          const grant = await apiKeys.grantOf(secret);
          if (await admitGrant(grant, { ...partnerIdentity(grant), client }, scope, refuse, res)) next();
          return;
        }
        const identity = await identify(req.header('authorization'), verify).catch((error: Error) => error);
        // A partner behind an identity provider whose token's subject a key names: that key's scopes, quotas and usage.
        if (!(identity instanceof Error) && identity.subject && identity.roles.length === 1 && identity.roles[0] === Role.PARTNER) {
          const grant = await apiKeys.grantOfSubject(identity.subject);
          if (grant) {
            if (await admitGrant(grant, { ...identity, client }, scope, refuse, res)) next();
            return;
          }
        }
        // A request with a bad token counts against its address, so that rotating tokens is no way round the limit.
        const subject = identity instanceof Error ? undefined : identity.subject;
        const decision = await limiter.take(subject ?? `client:${client}`);
        if (limiter.enabled) res.set(rateLimitHeaders(decision));
        if (!decision.allowed) {
          return refuse(res, new OpenRequestError(429, ErrorCode.RATE_LIMITED, `Too many requests; retry in ${decision.resetSeconds} s`));
        }
        if (identity instanceof Error) return refuse(res, new OpenRequestError(401, ErrorCode.UNAUTHENTICATED, identity.message));
        res.locals.identity = { ...identity, client };
        next();
      } catch (error) {
        if (error instanceof OpenRequestError) return refuse(res, error);
        next(error);
      }
    };
}
