import { Role } from '@ioc-graph/platform';
import { request } from 'undici';
import { staleFor } from '../../test/support/eventually';
import { startHub, type Hub } from '../../test/support/hub';
import { person } from '../../test/support/identities';
import { needs, SERVICE_URLS } from '../../test/support/services';
import { metricValue } from '../../test/support/metrics';

const AGENCY = `query PublicAgency($code: String!) { agencyByCode(code: $code) { id code nameVi phone version } }`;
const UPDATE = `mutation ChangePhone($id: ID!, $input: UpdateAgencyInput!) { updateAgency(id: $id, input: $input) { phone version } }`;

interface Agency {
  id: string;
  code: string;
  nameVi: string;
  phone: string | null;
  version: number;
}

/**
 * The gateway's response cache: public and partner queries answered again from what it kept, each class of
 * rights on its own, until an event of a subgraph the answer was read from makes it stale.
 */
describe('response cache', () => {
  let hub: Hub;
  let url: string;
  let origin: string;
  let partnerB: string;

  const outcome = async (name: string) => (await metricValue(origin, 'response_cache_requests_total', { outcome: name })) ?? 0;
  const outcomes = async () => ({ hit: await outcome('hit'), miss: await outcome('miss'), stale: await outcome('stale') });

  async function post(query: string, variables: Record<string, unknown>, token?: string, at = url) {
    const response = await fetch(at, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: { agencyByCode: Agency; updateAgency: Agency }; errors?: unknown[] };
    return { status: response.status, headers: response.headers, ...body };
  }
  const agency = async (token?: string, at = url) => {
    const answer = await post(AGENCY, { code: 'PCCC-BP' }, token, at);
    expect(answer.errors).toBeUndefined();
    return { ...answer, agency: answer.data!.agencyByCode };
  };

  beforeAll(async () => {
    hub = await startHub({ RATE_LIMIT_PER_MINUTE: '0' });
    url = hub.gatewayUrl;
    origin = new URL(url).origin;
    partnerB = await hub.tokenFor(person('partner-b', Role.PARTNER));
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('answers a public query again from what it kept, with Cache-Control and an ETag, and 304 to a conditional GET', async () => {
    const first = await agency();
    const before = await outcomes();
    const again = await agency();
    expect(again.agency).toEqual(first.agency);
    expect(await outcomes()).toEqual({ ...before, hit: before.hit + 1 });
    expect(again.headers.get('cache-control')).toBe('public, no-cache');
    expect(again.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));

    const query = new URLSearchParams({ query: AGENCY, variables: JSON.stringify({ code: 'PCCC-BP' }) });
    // As a browser revalidates what it kept (fetch() would add `cache-control: no-cache`, which asks for the
    // whole answer); its GET carries a header that no cross-site form can (the gateway's CSRF prevention).
    const get = (etag: string) => request(`${url}?${query}`, { headers: { 'apollo-require-preflight': 'true', 'if-none-match': etag } });
    const conditional = await get(again.headers.get('etag')!);
    expect(conditional.statusCode).toBe(304);
    expect(await conditional.body.text()).toBe('');
    const otherTag = await get('"something-else"');
    expect(otherTag.statusCode).toBe(200);
    expect(((await otherTag.body.json()) as { data: { agencyByCode: Agency } }).data.agencyByCode).toEqual(first.agency);
  });

  it('keeps nothing for staff, whose answers are no-store', async () => {
    for (const role of [Role.LEADER, Role.OPERATOR, Role.AGENCY_STAFF, Role.FIELD_OFFICER, Role.SYSTEM]) {
      const before = await outcomes();
      for (let i = 0; i < 2; i++) {
        const answer = await agency(hub.tokens[role]);
        expect(answer.agency.code).toBe('PCCC-BP');
        expect(answer.headers.get('cache-control')).toBe('no-store');
        expect(answer.headers.get('etag')).toBeNull();
      }
      expect(await outcomes()).toEqual(before);
    }
  });

  it('never serves one class of rights what was kept for another: the public, each partner', async () => {
    // A variable no other test asks for: every answer below starts unkept.
    const query = `query Agencies($first: Int) { agencies(first: $first) { edges { node { code phone } } } }`;
    const ask = async (token?: string) => {
      const answer = await post(query, { first: 7 }, token);
      expect(answer.errors).toBeUndefined();
      return answer.headers.get('cache-control');
    };
    const before = await outcomes();
    expect(await ask()).toBe('public, no-cache');
    expect(await ask(hub.tokens.PARTNER)).toBe('private, no-cache');
    expect(await ask(partnerB)).toBe('private, no-cache');
    // Each read the subgraphs: three classes of rights, three answers kept.
    expect(await outcomes()).toEqual({ ...before, miss: before.miss + 3 });
    await ask(partnerB);
    await ask(hub.tokens.PARTNER);
    await ask();
    expect(await outcomes()).toEqual({ ...before, miss: before.miss + 3, hit: before.hit + 3 });
  });

  it('serves the change, not the kept answer, within a second of a change', async () => {
    const kept = (await agency()).agency;
    expect((await agency()).agency).toEqual(kept);
    const phone = kept.phone === '0271 3881 114' ? '0271 3881 115' : '0271 3881 114';
    const staleAnswers = await outcome('stale');
    const changed = await post(UPDATE, { id: kept.id, input: { phone, expectedVersion: kept.version } }, hub.tokens.OPERATOR);
    expect(changed.errors).toBeUndefined();
    const stale = await staleFor(agency, (answer) => answer.agency.phone === phone, Date.now(), {
      what: 'the changed phone in the public answer',
    });
    expect(stale).toBeLessThan(1_000);
    const seen = (await agency()).agency;
    expect(seen).toEqual({ ...kept, phone, version: kept.version + 1 });
    // The kept answer was there, and was not served: the event made it stale.
    expect(await outcome('stale')).toBe(staleAnswers + 1);
    // And kept again: the next asks are served from the cache.
    const before = await outcomes();
    await agency();
    expect((await agency()).agency).toEqual(seen);
    expect((await outcomes()).hit).toBeGreaterThanOrEqual(before.hit + 1);
  });

  it('serves a station’s air quality anew once readings bring a new hour, though nothing else changed', async () => {
    const AIR = `query StationAir($code: String!) { station(code: $code) { code airQuality { aqi hour } } }`;
    const air = async () => {
      const answer = await post(AIR, { code: 'BP-KK-DX01' });
      expect(answer.errors).toBeUndefined();
      return (answer.data as unknown as { station: { airQuality: { aqi: number; hour: string } | null } }).station.airQuality;
    };
    const before = await air();
    // Kept: the second read is a hit (the cache hint of a station's air quality is a minute).
    const hits = await outcome('hit');
    expect(await air()).toEqual(before);
    expect(await outcome('hit')).toBe(hits + 1);
    // The hub's clock stands at 2026-11-23T01:00Z.
    const hour = '2026-11-23T01:00:00.000Z';
    const previousHour = '2026-11-23T00:00:00.000Z';
    const ingested = await post(
      `mutation Ingest($input: IngestReadingsInput!) { ingestReadings(input: $input) { stored } }`,
      {
        input: {
          source: 'quan-trac-tu-dong',
          // NowCast needs two of the last three hours: the hour before and this one.
          readings: [previousHour, hour].map((measuredAt, i) => ({
            stationCode: 'BP-KK-DX01',
            sourceId: `cache-${Date.now()}-${i}`,
            metric: 'PM2_5',
            value: 180,
            measuredAt,
          })),
        },
      },
      hub.tokens[Role.SYSTEM],
    );
    expect(ingested.errors).toBeUndefined();
    const staleMs = await staleFor(air, (now) => now?.hour === hour && now.aqi > 150, Date.now());
    expect(staleMs).toBeLessThan(1_000);
  });

  it('answers with an error is never kept', async () => {
    const query = `query Missing($code: String!) { agencyByCode(code: $code) { code incidentStats { open } } }`;
    const before = await outcomes();
    for (let i = 0; i < 2; i++) {
      const answer = await post(query, { code: 'PCCC-BP' });
      expect(answer.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
    expect(await outcomes()).toEqual({ ...before, miss: before.miss + 2 });
  });

  describe('with REDIS_URL', () => {
    if (!needs('redis')) return;

    it('serves what one gateway kept from every gateway, and the change from both within a second', async () => {
      // A prefix of this run's own: runs on one Redis keep their answers apart.
      const env = {
        RATE_LIMIT_PER_MINUTE: '0',
        REDIS_URL: SERVICE_URLS.redis,
        CACHE_KEY_PREFIX: `ioc-test:${process.pid}:${Date.now()}:`,
      };
      const [one, two] = [await hub.startGateway(env), await hub.startGateway(env)];
      const hits = async (at: string) => (await metricValue(new URL(at).origin, 'response_cache_requests_total', { outcome: 'hit' })) ?? 0;
      const kept = (await agency(undefined, one.url)).agency;
      expect(await hits(two.url)).toBe(0);
      expect((await agency(undefined, two.url)).agency).toEqual(kept);
      expect(await hits(two.url)).toBe(1);

      const phone = kept.phone === '0271 3881 116' ? '0271 3881 117' : '0271 3881 116';
      const changed = await post(UPDATE, { id: kept.id, input: { phone, expectedVersion: kept.version } }, hub.tokens.OPERATOR);
      expect(changed.errors).toBeUndefined();
      const changedAt = Date.now();
      const stale = await Promise.all(
        [one, two].map((gateway) =>
          staleFor(
            () => agency(undefined, gateway.url),
            (answer) => answer.agency.phone === phone,
            changedAt,
            { what: 'the changed phone in the public answer of each gateway' },
          ),
        ),
      );
      for (const ms of stale) expect(ms).toBeLessThan(1_000);
    });
  });
});
