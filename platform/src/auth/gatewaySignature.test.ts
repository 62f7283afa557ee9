import {
  encodeIdentity,
  GATEWAY_HEADERS,
  signEncodedRequest,
  signGatewayHeaders,
  verifyGatewayHeaders,
  type SignedRequest,
} from './gatewaySignature';
import { Role, type Identity } from './identity';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const NOW = Date.parse('2026-11-23T01:00:00Z');
const LIMITS = { maxAgeSeconds: 30, skewSeconds: 5 };
const identity: Identity = {
  subject: 'op',
  roles: [Role.OPERATOR],
  agencyId: null,
  fieldUnitId: null,
  scopeUnitId: null,
  client: null,
  service: null,
};
const request = { subgraph: 'directory', body: '{"query":"{ agencies { totalCount } }"}' };
const signed = (now = NOW) => signGatewayHeaders(SECRET, identity, { ...request, requestId: 'req-1' }, now);
const verify = (headers: Record<string, string>, to: Omit<SignedRequest, 'requestId'> = request, now = NOW) =>
  verifyGatewayHeaders(SECRET, headers, to, LIMITS, now);

describe('gateway signature', () => {
  it('binds a bulk route’s signature to its method, path and query, and never verifies it without them', () => {
    const target = 'POST /ingest/v1/readings?source=bp';
    const withTarget = signGatewayHeaders(SECRET, identity, { ...request, requestId: 'req-1', target }, NOW);
    expect(verify(withTarget, { ...request, target })).toMatchObject({ ok: true });
    expect(verify(withTarget, { ...request, target: 'POST /ingest/v1/readings?source=other' })).toEqual({
      ok: false,
      reason: 'bad gateway signature',
    });
    expect(verify(withTarget)).toEqual({ ok: false, reason: 'bad gateway signature' });
    expect(verify(signed(), { ...request, target })).toEqual({ ok: false, reason: 'bad gateway signature' });
  });

  it('accepts the request it was made for, from a string or its bytes', () => {
    expect(verify(signed())).toEqual({ ok: true, identity, requestId: 'req-1' });
    expect(verify(signed(), { ...request, body: Buffer.from(request.body) })).toMatchObject({ ok: true });
  });

  it('is the same whether the identity is encoded by the signer or before (the gateway’s way)', () => {
    const encoded = encodeIdentity(identity);
    const headers = {
      [GATEWAY_HEADERS.identity]: encoded,
      [GATEWAY_HEADERS.requestId]: 'req-1',
      ...signEncodedRequest(SECRET, encoded, { ...request, requestId: 'req-1' }, NOW),
    };
    expect(headers).toEqual(signed());
  });

  it('refuses missing headers, forged identities, another request id and another secret', () => {
    expect(verify({})).toEqual({ ok: false, reason: 'missing gateway signature' });
    const forged = { ...signed(), [GATEWAY_HEADERS.identity]: encodeIdentity({ ...identity, roles: [Role.LEADER] }) };
    expect(verify(forged)).toEqual({ ok: false, reason: 'bad gateway signature' });
    expect(verify({ ...signed(), [GATEWAY_HEADERS.requestId]: 'req-2' })).toEqual({ ok: false, reason: 'bad gateway signature' });
    const foreign = signGatewayHeaders('another-secret-another-secret-another!', identity, { ...request, requestId: 'req-1' }, NOW);
    expect(verify(foreign)).toEqual({ ok: false, reason: 'bad gateway signature' });
  });

  it('refuses the headers replayed with another body, even one byte apart', () => {
    expect(verify(signed(), { ...request, body: '{"query":"mutation { deleteEverything }"}' })).toEqual({
      ok: false,
      reason: 'bad gateway signature',
    });
    expect(verify(signed(), { ...request, body: `${request.body} ` })).toMatchObject({ ok: false });
    expect(verify(signed(), { ...request, body: '' })).toMatchObject({ ok: false });
  });

  it('refuses the headers replayed to another subgraph', () => {
    expect(verify(signed(), { ...request, subgraph: 'incidents' })).toEqual({ ok: false, reason: 'bad gateway signature' });
  });

  it('accepts up to the maximum age and refuses older signatures', () => {
    expect(verify(signed(NOW - 30_000))).toMatchObject({ ok: true });
    expect(verify(signed(NOW - 31_000))).toEqual({ ok: false, reason: 'stale gateway signature' });
  });

  it('tolerates the clock skew and refuses timestamps further ahead', () => {
    expect(verify(signed(NOW + 5_000))).toMatchObject({ ok: true });
    expect(verify(signed(NOW + 6_000))).toEqual({ ok: false, reason: 'gateway signature from the future' });
  });

  it('refuses timestamps that are not plain seconds, without trusting their signature', () => {
    for (const timestamp of ['', '1e12', '-5', 'NaN', '12.5', ' 1']) {
      expect(verify({ ...signed(), [GATEWAY_HEADERS.timestamp]: timestamp })).toMatchObject({ ok: false });
    }
  });
});
