import { issueToken, PUBLIC, Role } from '@ioc-graph/platform';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { AgencyCountDocument } from '../../__generated__/graphql';
import { codes, execute, startHub, type Hub } from '../../test/support/hub';

describe('the gateway', () => {
  let hub: Hub;
  let base: string;
  beforeAll(async () => {
    hub = await startHub({ RATE_LIMIT_PER_MINUTE: '300', LIMIT_PUBLIC_MAX_DEPTH: '6' });
    base = hub.gatewayUrl.replace(/\/graphql$/, '');
  });
  afterAll(() => hub.stop());

  it('answers a bad or expired token with 401 UNAUTHENTICATED, never as the public', async () => {
    const garbage = await execute(hub.gatewayUrl, AgencyCountDocument, {}, { token: 'not.a.token' });
    expect(garbage.status).toBe(401);
    expect(codes(garbage)).toEqual(['UNAUTHENTICATED']);
    const expired = await issueToken(
      { ...PUBLIC, subject: 'demo-operator', roles: [Role.OPERATOR] },
      {
        secret: 'dev-only-jwt-secret-for-the-embedded-demo!!',
        issuer: 'ioc-graph',
        audience: 'ioc-graph',
        expiresIn: -60,
      },
    );
    const result = await execute(hub.gatewayUrl, AgencyCountDocument, {}, { token: expired });
    expect(result.status).toBe(401);
    expect(result.errors![0].message).toBe('The token has expired');
  });

  it('blocks cross-site GET requests without a preflight header (CSRF prevention)', async () => {
    const query = encodeURIComponent('{ agencies(first: 1) { totalCount } }');
    const simple = await fetch(`${hub.gatewayUrl}?query=${query}`);
    expect(simple.status).toBe(400);
    const preflighted = await fetch(`${hub.gatewayUrl}?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
  });

  it('refuses operations deeper than the configured limit', async () => {
    const deep = '{ administrativeUnits { edges { node { children { children { children { code } } } } } } }';
    const result = await execute(hub.gatewayUrl, deep);
    expect(result.status).toBe(400);
    expect(result.errors![0].message).toMatch(/depth limit of 6 exceeded/);
  });

  it('hides internals of malformed requests: JSON errors, no stack traces', async () => {
    const response = await fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(JSON.parse(body).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body).not.toMatch(/at \w+ \(|node_modules/);
    const unknownField = await execute(hub.gatewayUrl, '{ nothingHere }');
    expect(codes(unknownField)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('serves the IDE from its own assets, with no CDN', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/altair/i);
    const external = [...html.matchAll(/(?:src|href)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(external).toEqual([]);
    const baseHref = /<base href="([^"]+)"/.exec(html)![1];
    for (const asset of ['styles.css', 'main.js']) {
      expect(html).toContain(asset);
      const response = await fetch(new URL(asset, `${base}${baseHref}`));
      expect(response.status).toBe(200);
    }
  });

  it('reports health, readiness and per-operation metrics', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    await execute(hub.gatewayUrl, AgencyCountDocument, {});
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/graphql_requests_total\{[^}]*operation="AgencyCount"[^}]*\} \d+/);
    expect(metrics).toMatch(/graphql_request_duration_seconds_bucket/);
    const subgraphMetrics = await (await fetch(hub.directoryUrl.replace(/\/graphql$/, '/metrics'))).text();
    expect(subgraphMetrics).toMatch(/service="directory"/);
  });

  it('carries the request id from the gateway to the subgraph', async () => {
    const response = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-123' },
      body: JSON.stringify({ query: '{ agencies(first: 1) { totalCount } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('trace-me-123');
  });

  it('runs operations over graphql-ws on the same port and path, checking the token at connection_init', async () => {
    const url = hub.gatewayUrl.replace(/^http/, 'ws');
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${hub.tokens[Role.OPERATOR]}` },
      retryAttempts: 0,
    });
    const result = await new Promise<unknown>((resolve, reject) => {
      client.subscribe({ query: '{ fieldUnits(first: 1) { totalCount } }' }, { next: resolve, error: reject, complete: () => undefined });
    });
    expect(result).toMatchObject({ data: { fieldUnits: { totalCount: expect.any(Number) } } });
    await client.dispose();

    const rejected = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: 'Bearer forged' },
      retryAttempts: 0,
      lazy: false,
    });
    const closeCode = await new Promise<number>((resolve) => {
      rejected.on('closed', (event) => resolve((event as { code: number }).code));
    });
    expect(closeCode).toBe(4403);
    await rejected.dispose();
  });

  it('limits the rate per caller with RATE_LIMITED and Retry-After', async () => {
    const token = await issueToken(
      { ...PUBLIC, subject: 'busy-partner', roles: [Role.PARTNER] },
      {
        secret: 'dev-only-jwt-secret-for-the-embedded-demo!!',
        issuer: 'ioc-graph',
        audience: 'ioc-graph',
      },
    );
    // 300 a minute, refilled at 5 a second: requests sent 50 at a time outrun the refill on any machine
    // that answers more than 5 a second, however long it takes (no request count tied to a speed).
    let limited: Awaited<ReturnType<typeof execute>> | undefined;
    for (let sent = 0; !limited && sent < 6000; sent += 50) {
      const responses = await Promise.all(
        Array.from({ length: 50 }, () => execute(hub.gatewayUrl, '{ __typename }', undefined, { token })),
      );
      limited = responses.find((response) => response.status === 429);
    }
    expect(limited).toBeDefined();
    expect(codes(limited!)).toEqual(['RATE_LIMITED']);
    const other = await execute(hub.gatewayUrl, AgencyCountDocument, {}, { token: hub.tokens[Role.OPERATOR] });
    expect(other.status).toBe(200);
  });
});
