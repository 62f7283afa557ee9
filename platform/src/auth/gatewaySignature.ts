import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseIdentity, type Identity } from './identity';

/**
 * The gateway forwards the verified identity to subgraphs in headers signed with a secret they share.
 * A subgraph trusts nothing else: without a valid, fresh signature a request is refused, so nobody can
 * call `_entities` or read a field around the gateway.
 */
export const GATEWAY_HEADERS = {
  identity: 'x-ioc-identity',
  timestamp: 'x-ioc-timestamp',
  signature: 'x-ioc-signature',
  requestId: 'x-request-id',
} as const;

const mac = (secret: string, identity: string, timestamp: string, requestId: string) =>
  createHmac('sha256', secret).update(`${identity}.${timestamp}.${requestId}`).digest('base64url');

/** Headers that carry `identity` from the gateway to a subgraph. */
export function signGatewayHeaders(secret: string, identity: Identity, requestId: string, now = Date.now()): Record<string, string> {
  const encoded = Buffer.from(JSON.stringify(identity)).toString('base64url');
  const timestamp = String(Math.floor(now / 1000));
  return {
    [GATEWAY_HEADERS.identity]: encoded,
    [GATEWAY_HEADERS.timestamp]: timestamp,
    [GATEWAY_HEADERS.signature]: mac(secret, encoded, timestamp, requestId),
    [GATEWAY_HEADERS.requestId]: requestId,
  };
}

export type SignatureCheck = { ok: true; identity: Identity; requestId: string } | { ok: false; reason: string };

type HeaderBag = Record<string, string | string[] | undefined>;

/** Verifies the gateway's headers on an incoming subgraph request. */
export function verifyGatewayHeaders(secret: string, headers: HeaderBag, maxAgeSeconds: number, now = Date.now()): SignatureCheck {
  const one = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const encoded = one(GATEWAY_HEADERS.identity);
  const timestamp = one(GATEWAY_HEADERS.timestamp);
  const signature = one(GATEWAY_HEADERS.signature);
  const requestId = one(GATEWAY_HEADERS.requestId) ?? '';
  if (!encoded || !timestamp || !signature) return { ok: false, reason: 'missing gateway signature' };
  const expected = Buffer.from(mac(secret, encoded, timestamp, requestId));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad gateway signature' };
  const age = Math.abs(now / 1000 - Number(timestamp));
  if (!Number.isFinite(age) || age > maxAgeSeconds) return { ok: false, reason: 'stale gateway signature' };
  try {
    return { ok: true, identity: parseIdentity(JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'))), requestId };
  } catch {
    return { ok: false, reason: 'unreadable identity' };
  }
}
