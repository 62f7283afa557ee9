import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { parseIdentity, type Identity } from './identity';

/**
 * The gateway forwards the verified identity to subgraphs in headers signed with a secret they share.
 * A subgraph trusts nothing else: without a valid, fresh signature a request is refused, so nobody can
 * call `_entities` or read a field around the gateway.
 *
 * The signature binds the headers to one request: the target subgraph's name, a SHA-256 of the exact
 * body bytes, the identity, the request id and the time. Headers captured on the way to one subgraph
 * are worth nothing with another body or on another subgraph, and only for a short while
 * (`GATEWAY_SIGNATURE_MAX_AGE_SECONDS`).
 */
export const GATEWAY_HEADERS = {
  identity: 'x-ioc-identity',
  timestamp: 'x-ioc-timestamp',
  signature: 'x-ioc-signature',
  requestId: 'x-request-id',
} as const;

/** What a signature covers besides the identity: where the request goes and what it says. */
export interface SignedRequest {
  /** The target subgraph's name in subgraphs/registry.json (`directory`, `incidents`, …). */
  subgraph: string;
  /** The request body exactly as sent: a string is hashed as its UTF-8 bytes. */
  body: string | Uint8Array;
  requestId: string;
  /**
   * The method and path with its query (`POST /ingest/v1/readings?source=bp`) of a request other than
   * GraphQL's, whose meaning depends on them: the signature is then worth nothing on another route or
   * with another query. GraphQL requests (`/graphql`, where the body says everything) leave it out.
   */
  target?: string;
}

/** How old a signature may be, and how far ahead of the receiver's clock. */
export interface SignatureLimits {
  /** @default 30 (GATEWAY_SIGNATURE_MAX_AGE_SECONDS) */
  maxAgeSeconds: number;
  /** Tolerated clock difference for timestamps from the future. @default 5 (GATEWAY_SIGNATURE_CLOCK_SKEW_SECONDS) */
  skewSeconds: number;
}

// Versioned, so that a signature of the older scheme (identity, time and request id only) never verifies.
const SCHEME = 'ioc-gateway-v2';

const mac = (secret: string, request: SignedRequest, encodedIdentity: string, timestamp: string) =>
  createHmac('sha256', secret)
    .update(
      [
        SCHEME,
        request.subgraph,
        createHash('sha256').update(request.body).digest('base64url'),
        encodedIdentity,
        request.requestId,
        timestamp,
        // Only requests that name a target have this line: a signature made with one never verifies without.
        ...(request.target === undefined ? [] : [request.target]),
      ].join('\n'),
    )
    .digest('base64url');

/** The identity as it travels in `x-ioc-identity`. */
export const encodeIdentity = (identity: Identity): string => Buffer.from(JSON.stringify(identity)).toString('base64url');

/**
 * The timestamp and signature headers for a request whose identity header is already encoded: what the
 * gateway adds once the body it sends is serialised.
 */
export function signEncodedRequest(
  secret: string,
  encodedIdentity: string,
  request: SignedRequest,
  now = Date.now(),
): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  return {
    [GATEWAY_HEADERS.timestamp]: timestamp,
    [GATEWAY_HEADERS.signature]: mac(secret, request, encodedIdentity, timestamp),
  };
}

/** Every header that carries `identity` with `request` to its subgraph. */
export function signGatewayHeaders(secret: string, identity: Identity, request: SignedRequest, now = Date.now()): Record<string, string> {
  const encoded = encodeIdentity(identity);
  return {
    [GATEWAY_HEADERS.identity]: encoded,
    [GATEWAY_HEADERS.requestId]: request.requestId,
    ...signEncodedRequest(secret, encoded, request, now),
  };
}

export type SignatureCheck = { ok: true; identity: Identity; requestId: string } | { ok: false; reason: string };

type HeaderBag = Record<string, string | string[] | undefined>;

/**
 * Verifies the gateway's headers on a request that `subgraph` received with `body` (the raw bytes,
 * before any parsing). Never throws: a refusal says why, for the log.
 */
export function verifyGatewayHeaders(
  secret: string,
  headers: HeaderBag,
  request: Omit<SignedRequest, 'requestId'>,
  limits: SignatureLimits,
  now = Date.now(),
): SignatureCheck {
  const one = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const encoded = one(GATEWAY_HEADERS.identity);
  const timestamp = one(GATEWAY_HEADERS.timestamp);
  const signature = one(GATEWAY_HEADERS.signature);
  const requestId = one(GATEWAY_HEADERS.requestId) ?? '';
  if (!encoded || !timestamp || !signature) return { ok: false, reason: 'missing gateway signature' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad gateway signature' };
  // Time first: it is free, and a stale header costs no hashing of its body.
  const age = now / 1000 - Number(timestamp);
  if (age > limits.maxAgeSeconds) return { ok: false, reason: 'stale gateway signature' };
  if (age < -limits.skewSeconds) return { ok: false, reason: 'gateway signature from the future' };
  const expected = Buffer.from(mac(secret, { ...request, requestId }, encoded, timestamp));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad gateway signature' };
  try {
    return { ok: true, identity: parseIdentity(JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'))), requestId };
  } catch {
    return { ok: false, reason: 'unreadable identity' };
  }
}
