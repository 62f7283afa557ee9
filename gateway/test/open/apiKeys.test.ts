import { Role } from '@ioc-graph/platform';
import { eventually, staleFor } from '../../../test/support/eventually';
import { startHub, type Hub } from '../../../test/support/hub';
import { person } from '../../../test/support/identities';
import { metricValue } from '../../../test/support/metrics';
import { needs, SERVICE_URLS } from '../../../test/support/services';

const CREATE_PARTNER = `mutation CreatePartner($input: CreatePartnerInput!) { createPartner(input: $input) { id } }`;
const ISSUE = `mutation Issue($input: IssueApiKeyInput!) { issueApiKey(input: $input) { secret key { id prefix version } } }`;
const REVOKE = `mutation Revoke($id: ID!, $expectedVersion: Int!) { revokeApiKey(id: $id, expectedVersion: $expectedVersion) { revokedAt } }`;
const USAGE = `query Usage($id: ID!, $from: String!, $to: String!) {
  partner(id: $id) { apiKeys { id prefix usage(from: $from, to: $to) { day requests rows bytes refused } } }
}`;

interface IssuedKey {
  secret: string;
  key: { id: string; prefix: string; version: number };
}

/** A partner's API keys at the gateway: who they are, their scopes and quotas, their usage, their revocation. */
describe('partner API keys', () => {
  let hub: Hub;
  let origin: string;
  let partnerId: string;

  async function graphql<T>(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
    const response = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { response, body: (await response.json()) as { data?: T; errors?: { message: string; extensions: { code: string } }[] } };
  }
  const asOperator = async <T>(query: string, variables: Record<string, unknown>) => {
    const { body } = await graphql<T>(query, variables, { authorization: `Bearer ${hub.tokens[Role.OPERATOR]}` });
    expect(body.errors).toBeUndefined();
    return body.data!;
  };
  const issue = async (input: Record<string, unknown>) =>
    (
      await asOperator<{ issueApiKey: IssuedKey }>(ISSUE, {
        input: { partnerId, label: 'Máy chủ chính', quotaPerDay: 10_000, expiresAt: '2027-06-30T00:00:00Z', ...input },
      })
    ).issueApiKey;
  const units = (key: string, path = '/open/v1/administrative-units.json?limit=3') =>
    fetch(`${origin}${path}`, { headers: { 'x-api-key': key } });

  beforeAll(async () => {
    hub = await startHub(
      { RATE_LIMIT_PER_MINUTE: '0', API_KEY_CACHE_SECONDS: '2', API_KEY_USAGE_FLUSH_MS: '200' },
      { now: new Date().toISOString() },
    );
    origin = new URL(hub.gatewayUrl).origin;
    const { createPartner } = await asOperator<{ createPartner: { id: string } }>(CREATE_PARTNER, {
      input: {
        organisation: 'Báo Bình Phước điện tử',
        contactName: 'Nguyễn Thị Hoa',
        contactEmail: 'toasoan@baobinhphuoc.example.vn',
        purpose: 'Đăng bản đồ chất lượng không khí và các vụ việc đã xử lý cho bạn đọc',
        licence: 'CC-BY-4.0',
        licenceAccepted: true,
      },
    });
    partnerId = createPartner.id;
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('lets a key read within its quota, then answers 429 RATE_LIMITED with RateLimit headers, while another key is unaffected', async () => {
    const tight = await issue({ scopes: ['administrative-units'], quotaPerMinute: 3 });
    const other = await issue({ scopes: ['administrative-units'], quotaPerMinute: 100 });
    expect(tight.secret).toMatch(/^iocg_[A-Za-z0-9]{40}$/);
    expect(tight.secret.startsWith(tight.key.prefix)).toBe(true);
    for (const remaining of [2, 1, 0]) {
      const response = await units(tight.secret);
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-limit')).toBe('3');
      expect(response.headers.get('ratelimit-remaining')).toBe(String(remaining));
      expect(response.headers.get('cache-control')).toMatch(/^private/);
    }
    const refused = await units(tight.secret);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('ratelimit-reset'))).toBeLessThanOrEqual(60);

    const unaffected = await units(other.secret);
    expect(unaffected.status).toBe(200);
    expect(unaffected.headers.get('ratelimit-remaining')).toBe('99');
    // The public is not counted against any key.
    expect((await fetch(`${origin}/open/v1/administrative-units.json?limit=3`)).status).toBe(200);
  });

  it('reads the graph as the partner only with the graphql scope, and only the datasets its scopes name', async () => {
    const datasetsOnly = await issue({ scopes: ['administrative-units'], quotaPerMinute: 100 });
    const withGraph = await issue({ scopes: ['graphql'], quotaPerMinute: 100 });
    const query = `{ administrativeUnits(first: 1) { totalCount } }`;
    const refused = await graphql(query, {}, { 'x-api-key': datasetsOnly.secret });
    expect(refused.response.status).toBe(403);
    expect(refused.body.errors![0].extensions.code).toBe('FORBIDDEN');
    const allowed = await graphql<{ administrativeUnits: { totalCount: number } }>(query, {}, { 'x-api-key': withGraph.secret });
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data!.administrativeUnits.totalCount).toBeGreaterThan(1);
    expect((await units(withGraph.secret)).status).toBe(403);
    // A key and a token together are one caller too many.
    const both = await graphql(query, {}, { 'x-api-key': withGraph.secret, authorization: `Bearer ${hub.tokens[Role.OPERATOR]}` });
    expect(both.response.status).toBe(400);
    // A key is no way into bulk ingest.
    const ingest = await fetch(`${origin}/ingest/v1/readings`, { method: 'POST', headers: { 'x-api-key': withGraph.secret }, body: '' });
    expect(ingest.status).toBe(403);
  });

  it('counts each key’s requests, records, bytes and refusals in /metrics and in the usage operators read', async () => {
    const counted = await issue({ scopes: ['administrative-units'], quotaPerMinute: 2 });
    for (let i = 0; i < 3; i++) await units(counted.secret);
    const labels = { key_id: counted.key.id, partner_id: partnerId };
    expect(await metricValue(origin, 'api_key_requests_total', labels)).toBe(3);
    expect(await metricValue(origin, 'api_key_rows_total', labels)).toBe(6);
    expect(await metricValue(origin, 'api_key_refused_total', labels)).toBe(1);
    expect(await metricValue(origin, 'api_key_bytes_total', labels)).toBeGreaterThan(100);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const usage = await eventually(
      async () => {
        const { partner } = await asOperator<{
          partner: {
            apiKeys: {
              id: string;
              prefix: string;
              usage: { day: string; requests: number; rows: number; bytes: number; refused: number }[];
            }[];
          };
        }>(USAGE, { id: partnerId, from: '2026-11-01', to: today });
        const [day] = partner.apiKeys.find((key) => key.id === counted.key.id)!.usage.filter((row) => row.requests > 0);
        return day?.requests === 3 ? day : undefined;
      },
      { what: 'the usage flushed to the partners subgraph' },
    );
    expect(usage).toMatchObject({ day: today, requests: 3, rows: 6, refused: 1 });
    expect(usage.bytes).toBeGreaterThan(100);
  });

  it('refuses a revoked key within seconds, on every gateway', async () => {
    const key = await issue({ scopes: ['administrative-units'], quotaPerMinute: 1000 });
    const second = await hub.startGateway({ API_KEY_CACHE_SECONDS: '2' });
    const secondOrigin = new URL(second.url).origin;
    expect((await units(key.secret)).status).toBe(200);
    expect(
      (await fetch(`${secondOrigin}/open/v1/administrative-units.json?limit=1`, { headers: { 'x-api-key': key.secret } })).status,
    ).toBe(200);
    await asOperator(REVOKE, { id: key.key.id, expectedVersion: key.key.version });
    const revokedAt = Date.now();
    for (const at of [origin, secondOrigin]) {
      const staleMs = await staleFor(
        async () => (await fetch(`${at}/open/v1/administrative-units.json?limit=1`, { headers: { 'x-api-key': key.secret } })).status,
        (status) => status === 401,
        revokedAt,
      );
      expect(staleMs).toBeLessThan(3_000);
    }
  });

  it('counts a partner’s token from its identity provider as the key that names its subject, and refuses it once that key is revoked', async () => {
    const key = await issue({ scopes: ['administrative-units'], quotaPerMinute: 2, tokenSubject: 'idp|sao-viet-app' });
    const token = await hub.tokenFor(person('idp|sao-viet-app', Role.PARTNER));
    const withToken = () => fetch(`${origin}/open/v1/administrative-units.json?limit=1`, { headers: { authorization: `Bearer ${token}` } });
    const first = await withToken();
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('2');
    expect((await withToken()).status).toBe(200);
    const refused = await withToken();
    expect(refused.status).toBe(429);
    expect(await metricValue(origin, 'api_key_requests_total', { key_id: key.key.id, partner_id: partnerId })).toBe(3);
    // Outside its scopes, as with the key itself.
    const graph = await graphql(
      `
        {
          administrativeUnits(first: 1) {
            totalCount
          }
        }
      `,
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(graph.response.status).toBe(403);
    // A partner token no key names keeps the per-caller limit (off in this suite), without a key's headers.
    const other = await fetch(`${origin}/open/v1/administrative-units.json?limit=1`, {
      headers: { authorization: `Bearer ${await hub.tokenFor(person('idp|other', Role.PARTNER))}` },
    });
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit-limit')).toBeNull();

    await asOperator(REVOKE, { id: key.key.id, expectedVersion: key.key.version });
    const revokedAt = Date.now();
    const staleMs = await staleFor(
      async () => (await withToken()).status,
      (status) => status === 401,
      revokedAt,
    );
    expect(staleMs).toBeLessThan(3_000);
  });

  it('refuses a second key for the same token subject, and a subject with spaces, writing nothing', async () => {
    await issue({ scopes: ['graphql'], quotaPerMinute: 10, tokenSubject: 'idp|only-once' });
    for (const tokenSubject of ['idp|only-once', 'has spaces', '']) {
      const { body } = await graphql<unknown>(
        ISSUE,
        {
          input: {
            partnerId,
            label: 'Thử',
            quotaPerMinute: 10,
            quotaPerDay: 100,
            expiresAt: '2027-06-30T00:00:00Z',
            scopes: ['graphql'],
            tokenSubject,
          },
        },
        { authorization: `Bearer ${hub.tokens[Role.OPERATOR]}` },
      );
      expect(body.errors?.[0].extensions.code).toBe(tokenSubject === 'idp|only-once' ? 'CONFLICT' : 'BAD_USER_INPUT');
    }
  });

  describe('with REDIS_URL', () => {
    if (!needs('redis')) return;

    it('counts a key’s quota across gateways that share Redis', async () => {
      const prefix = `ioc-graph:test:${Date.now()}:${Math.random().toString(36).slice(2)}`;
      const shared = { REDIS_URL: SERVICE_URLS.redis, RATE_LIMIT_KEY_PREFIX: prefix };
      const [a, b] = [await hub.startGateway(shared), await hub.startGateway(shared)];
      const key = await issue({ scopes: ['administrative-units'], quotaPerMinute: 3 });
      const at = (gateway: { url: string }) =>
        fetch(`${new URL(gateway.url).origin}/open/v1/administrative-units.json?limit=1`, { headers: { 'x-api-key': key.secret } });
      expect((await at(a)).status).toBe(200);
      expect((await at(b)).status).toBe(200);
      expect((await at(a)).status).toBe(200);
      const refused = await at(b);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('ratelimit-limit')).toBe('3');
    });
  });
});
