import { categoryId } from '@ioc-graph/incidents';
import { PUBLIC, Role } from '@ioc-graph/platform';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { SubmitCitizenReportDocument } from '../../__generated__/graphql';
import { startHub, type Hub } from '../../test/support/hub';
import { needs, SERVICE_URLS } from '../../test/support/services';

type Answer = { status: number; headers: Headers; codes: unknown[] };

/** POSTs `query` as a caller who writes `X-Forwarded-For` (from loopback, like any client here). */
async function post(
  url: string,
  query: string,
  options: { forwardedFor?: string; token?: string; variables?: unknown } = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, headers: response.headers, codes: (body.errors ?? []).map((e) => e.extensions?.code) };
}

/** A graphql-ws client whose upgrade request carries `X-Forwarded-For`; counts the closes of its one socket. */
function connect(gatewayUrl: string, options: { forwardedFor?: string; token?: string } = {}) {
  const headers = options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {};
  let closes = 0;
  const client: Client = createClient({
    url: gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    },
    connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : {},
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: { closed: () => void closes++ },
  });
  /** Runs one operation: its result's error codes (none when it succeeded). */
  const run = (query: string) =>
    new Promise<unknown[]>((resolve) => {
      let codes: unknown[] = [];
      client.subscribe(
        { query },
        {
          next: (result) => void (codes = (result.errors ?? []).map((e) => e.extensions?.code)),
          error: (error) => resolve(Array.isArray(error) ? error.map((e) => e.extensions?.code) : [`closed: ${String(error)}`]),
          complete: () => resolve(codes),
        },
      );
    });
  return { run, closes: () => closes, dispose: () => client.dispose() };
}

const TYPENAME = '{ __typename }';
const citizenReport = {
  query: print(SubmitCitizenReportDocument),
  variables: {
    input: {
      categoryId: categoryId('URB_STREET_LIGHT_BROKEN'),
      description: 'Đèn đường trước số 12 Trần Hưng Đạo tắt cả tuần nay, buổi tối rất tối.',
      place: '12 Trần Hưng Đạo, phường Tân Phú',
    },
  },
};

describe('rate limits at the gateway', () => {
  let hub: Hub;
  const partner = (subject: string) => hub.tokenFor({ ...PUBLIC, subject, roles: [Role.PARTNER] });
  beforeAll(async () => {
    // The hub's own gateway: 3 operations a minute, no trusted proxy.
    hub = await startHub({ RATE_LIMIT_PER_MINUTE: '3', CITIZEN_REPORTS_PER_HOUR: '2' });
  });
  afterAll(() => hub.stop());

  it('counts operations over WebSocket with HTTP ones, refusing the operation over the limit but keeping the socket', async () => {
    const token = await partner('ws-partner');
    const socket = connect(hub.gatewayUrl, { token });
    try {
      for (let i = 0; i < 3; i++) expect(await socket.run(TYPENAME)).toEqual([]);
      expect(await socket.run(TYPENAME)).toEqual(['RATE_LIMITED']);
      expect(await socket.run(TYPENAME)).toEqual(['RATE_LIMITED']); // the socket still answers
      expect(socket.closes()).toBe(0);
      const http = await post(hub.gatewayUrl, TYPENAME, { token });
      expect([http.status, http.codes]).toEqual([429, ['RATE_LIMITED']]);
      expect(Number(http.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await socket.dispose();
    }
    expect(await connect(hub.gatewayUrl, { token: await partner('another-partner') }).run(TYPENAME)).toEqual([]);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy, over HTTP and WebSocket', async () => {
    const answers: Answer[] = [];
    for (let i = 0; i < 4; i++) answers.push(await post(hub.gatewayUrl, TYPENAME, { forwardedFor: `203.0.113.${i + 1}` }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((a) => a.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
    const socket = connect(hub.gatewayUrl, { forwardedFor: '203.0.113.99' });
    expect(await socket.run(TYPENAME)).toEqual(['RATE_LIMITED']);
    await socket.dispose();
  });

  it('sends RateLimit-Limit, -Remaining and -Reset on every answer of /graphql', async () => {
    const gateway = await hub.startGateway({ RATE_LIMIT_PER_MINUTE: '10' });
    const answers = [
      await post(gateway.url, TYPENAME),
      await post(gateway.url, '{ nosuchfield }'),
      await post(gateway.url, TYPENAME, { token: 'not.a.token' }),
      await post(gateway.url, TYPENAME, { token: hub.tokens[Role.OPERATOR] }),
    ];
    // An invalid operation's status is the GraphQL-over-HTTP rules' business; it is refused all the same.
    expect(answers.map((a) => a.status)).toEqual([200, expect.any(Number), 401, 200]);
    expect(answers[1].codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(answers.map((a) => a.headers.get('ratelimit-limit'))).toEqual(['10', '10', '10', '10']);
    // The first three come from one address (a bad token counts against it); the operator has its own budget.
    expect(answers.map((a) => a.headers.get('ratelimit-remaining'))).toEqual(['9', '8', '7', '9']);
    for (const { headers } of answers) expect(Number(headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
    for (const { headers } of answers) expect(Number(headers.get('ratelimit-reset'))).toBeLessThanOrEqual(60);
  });

  it('keys citizen reports by the peer, not by a rotated X-Forwarded-For', async () => {
    const gateway = await hub.startGateway({ RATE_LIMIT_PER_MINUTE: '100' });
    const submit = (forwardedFor: string) => post(gateway.url, citizenReport.query, { forwardedFor, variables: citizenReport.variables });
    expect((await submit('198.51.100.1')).codes).toEqual([]);
    expect((await submit('198.51.100.2')).codes).toEqual([]);
    const third = await submit('198.51.100.3');
    expect(third.codes).toEqual(['RATE_LIMITED']);
    expect(third.headers.get('retry-after')).toBe('3600');
  });

  it('believes X-Forwarded-For from TRUSTED_PROXIES, for the limits and the client key', async () => {
    const gateway = await hub.startGateway({ RATE_LIMIT_PER_MINUTE: '3', TRUSTED_PROXIES: '127.0.0.1' });
    // Whatever the client wrote to the left of the address the proxy appended proves nothing.
    const from = (client: string, spoofed = '1.1.1.1') => `${spoofed}, ${client}`;
    for (let i = 0; i < 3; i++)
      expect((await post(gateway.url, TYPENAME, { forwardedFor: from('192.0.2.10', `10.9.9.${i}`) })).status).toBe(200);
    expect((await post(gateway.url, TYPENAME, { forwardedFor: from('192.0.2.10') })).status).toBe(429);
    const other = await post(gateway.url, TYPENAME, { forwardedFor: from('192.0.2.11') });
    expect([other.status, other.headers.get('ratelimit-remaining')]).toEqual([200, '2']);

    const same = connect(gateway.url, { forwardedFor: from('192.0.2.10') });
    const fresh = connect(gateway.url, { forwardedFor: from('192.0.2.12') });
    expect(await same.run(TYPENAME)).toEqual(['RATE_LIMITED']);
    expect(await fresh.run(TYPENAME)).toEqual([]);
    await Promise.all([same.dispose(), fresh.dispose()]);

    const submit = (client: string) =>
      post(gateway.url, citizenReport.query, { forwardedFor: from(client), variables: citizenReport.variables });
    expect((await submit('192.0.2.20')).codes).toEqual([]);
    expect((await submit('192.0.2.20')).codes).toEqual([]);
    expect((await submit('192.0.2.20')).codes).toEqual(['RATE_LIMITED']);
    expect((await submit('192.0.2.21')).codes).toEqual([]);
  });

  describe('with REDIS_URL', () => {
    if (!needs('redis')) return;

    it('shares one limit between gateway instances', async () => {
      // A prefix of this run's own: runs on one Redis do not count together.
      const env = {
        REDIS_URL: SERVICE_URLS.redis,
        RATE_LIMIT_KEY_PREFIX: `ioc-test:${process.pid}:${Date.now()}`,
        RATE_LIMIT_PER_MINUTE: '4',
      };
      const [one, two] = [await hub.startGateway(env), await hub.startGateway(env)];
      const token = await partner('shared-partner');
      const remaining = [];
      for (const gateway of [one, two, one])
        remaining.push((await post(gateway.url, TYPENAME, { token })).headers.get('ratelimit-remaining'));
      expect(remaining).toEqual(['3', '2', '1']);
      const socket = connect(two.url, { token });
      expect(await socket.run(TYPENAME)).toEqual([]);
      expect(await socket.run(TYPENAME)).toEqual(['RATE_LIMITED']);
      await socket.dispose();
      expect((await post(one.url, TYPENAME, { token })).status).toBe(429);
    });
  });
});
