import { Role } from '@ioc-graph/platform';
import { signedHeaders } from '../../../test/support/identities';
import { startHub, type Hub } from '../../../test/support/hub';
import { MAX_BULK_BATCH } from '../src/reading/ingest';

interface Answer {
  received?: number;
  stored?: number;
  duplicates?: number;
  errors?: { message: string; extensions: { code: string; problems?: { field: string; message: string }[]; serviceName?: string } }[];
}

/** `POST /ingest/v1/readings` through the gateway, as a sector system sends it: NDJSON, a token, a source. */
describe('environment: bulk ingest of readings (POST /ingest/v1/readings)', () => {
  let hub: Hub;
  let seq = 0;

  const ndjson = (readings: unknown[]) => readings.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const send = async (
    body: string,
    options: { token?: string | null; source?: string | null; type?: string; url?: string } = {},
  ): Promise<{ status: number } & Answer> => {
    const url = new URL('/ingest/v1/readings', options.url ?? hub.gatewayUrl);
    if (options.source !== null) url.searchParams.set('source', options.source ?? 'quan-trac-tu-dong');
    const token = options.token === undefined ? hub.tokens.SYSTEM : options.token;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': options.type ?? 'application/x-ndjson', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    return { status: response.status, ...((await response.json()) as Answer) };
  };
  const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
    (await hub.environment.orm.em.fork().getConnection().execute(query, params)) as T[];
  const count = async (where = 'true') =>
    Number((await sql<{ n: number }>(`select count(*)::int as n from environment.reading where ${where}`))[0]!.n);
  /** `n` PM2.5 readings of a station, spread over `hours` hours from `from`, with fresh source ids. */
  const pm25 = (n: number, from: string, hours = 10, stationCode = 'BP-KK-DX01') =>
    Array.from({ length: n }, (_, i) => ({
      stationCode,
      metric: 'PM2_5',
      value: 20 + (i % 7),
      measuredAt: new Date(Date.parse(from) + Math.floor((i * hours) / n) * 3_600_000 + (i % 50) * 60_000).toISOString(),
      sourceId: `bulk-${++seq}`,
    }));

  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('stores a batch once when it is sent twice, counting the re-sent readings as duplicates, and rolls up only the new ones', async () => {
    const readings = pm25(5_000, '2026-11-10T00:00:00Z');
    const first = await send(ndjson(readings));
    expect(first).toEqual({ status: 200, received: 5_000, stored: 5_000, duplicates: 0 });
    expect(await send(ndjson(readings))).toEqual({ status: 200, received: 5_000, stored: 0, duplicates: 5_000 });

    // Half known, half new, and one new source id twice: the first of the two is stored.
    const fresh = pm25(2, '2026-11-10T00:00:00Z');
    const mixed = [...readings.slice(0, 3), fresh[0], fresh[1], { ...fresh[1], value: 999 }];
    expect(await send(ndjson(mixed))).toEqual({ status: 200, received: 6, stored: 2, duplicates: 4 });

    const window = `measured_at >= '2026-11-10T00:00:00Z' and measured_at < '2026-11-11T00:00:00Z'`;
    expect(await count(window)).toBe(5_002);
    const [rollup] = await sql<{ n: number; max: number }>(
      `select sum(count)::int as n, max(max) as max from environment.hourly_rollup where hour >= '2026-11-10T00:00:00Z' and hour < '2026-11-11T00:00:00Z'`,
    );
    expect(rollup).toEqual({ n: 5_002, max: 26 });
    const [aqi] = await sql<{ n: number }>(
      `select count(*)::int as n from environment.station_aqi where hour >= '2026-11-10T00:00:00Z' and hour < '2026-11-11T00:00:00Z'`,
    );
    expect(aqi!.n).toBeGreaterThan(0);
  });

  it('judges the rules like the mutation: 110 mm of rain in an hour opens a heavy-rain breach', async () => {
    const rain = (value: number, minute: number) => ({
      stationCode: 'BP-MUA-LN',
      metric: 'RAINFALL',
      value,
      measuredAt: `2026-11-23T00:${minute}:00Z`,
      sourceId: `rain-${++seq}`,
    });
    // The second in local time: the same instant as 00:40Z, in the same UTC hour.
    const local = { ...rain(50, 40), measuredAt: '2026-11-23T07:40:00+07:00' };
    expect(await send(ndjson([rain(60, 10), local]), { source: 'mua-tu-dong' })).toMatchObject({ status: 200, stored: 2 });
    const [stored] = await sql<{ at: Date }>(`select measured_at as at from environment.reading where source_id = ?`, [local.sourceId]);
    expect(new Date(stored!.at).toISOString()).toBe('2026-11-23T00:40:00.000Z');
    const open = await sql<{ code: string }>(
      `select r.code from environment.breach b join environment.rule r on r.id = b.rule_id
       join environment.station s on s.id = b.station_id where s.code = 'BP-MUA-LN' and b.ended_at is null`,
    );
    expect(open).toEqual([{ code: 'HEAVY_RAIN_100MM_3H' }]);
    const events = await sql<{ n: number }>(
      `select count(*)::int as n from environment.outbox_event where type = 'environment.breachOpened'`,
    );
    expect(events[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it('lets only SYSTEM and OPERATOR send; anyone else is FORBIDDEN, the public and a bad token UNAUTHENTICATED, and nothing is written', async () => {
    const outcomes: Record<string, [number, string | undefined]> = {};
    for (const role of Object.values(Role)) {
      const answer = await send(ndjson(pm25(3, '2026-11-11T00:00:00Z')), { token: hub.tokens[role], source: `auth-${role}` });
      outcomes[role] = [answer.status, answer.errors?.[0]?.extensions.code];
    }
    const anonymous = await send(ndjson(pm25(3, '2026-11-11T00:00:00Z')), { token: null, source: 'auth-public' });
    const forged = await send(ndjson(pm25(3, '2026-11-11T00:00:00Z')), { token: 'not.a.token', source: 'auth-forged' });
    expect(outcomes).toEqual({
      LEADER: [403, 'FORBIDDEN'],
      OPERATOR: [200, undefined],
      AGENCY_STAFF: [403, 'FORBIDDEN'],
      FIELD_OFFICER: [403, 'FORBIDDEN'],
      PARTNER: [403, 'FORBIDDEN'],
      SYSTEM: [200, undefined],
    });
    expect([anonymous.status, anonymous.errors?.[0]?.extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect([forged.status, forged.errors?.[0]?.extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const sources = await sql<{ source: string }>(
      `select distinct source from environment.reading where source like 'auth-%' order by source`,
    );
    expect(sources.map((s) => s.source)).toEqual(['auth-OPERATOR', 'auth-SYSTEM']);
  });

  it('refuses a bad body as a whole with a stable code and the lines at fault, writing nothing and never failing with a 5xx', async () => {
    const before = await count();
    const good = pm25(2, '2026-11-12T00:00:00Z');
    const problems = (answer: Answer) => answer.errors?.[0]?.extensions.problems?.map((p) => p.field);
    const refused = async (body: string, options: Parameters<typeof send>[1] = {}) => {
      const answer = await send(body, options);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      return answer;
    };

    const malformed = await refused(`${JSON.stringify(good[0])}\n{"stationCode": "BP-KK-DX01",\n`);
    expect([malformed.status, malformed.errors![0]!.extensions.code, problems(malformed)]).toEqual([
      400,
      'BAD_USER_INPUT',
      ['readings[1]'],
    ]);
    expect(malformed.errors![0]!.message).toContain('line 2 is not a JSON object');

    const unknownStation = await refused(ndjson([good[0], { ...good[1], stationCode: 'BP-NOWHERE' }]));
    expect(problems(unknownStation)).toEqual(['readings[1].stationCode']);
    // JSON has no Infinity: 1e999 is how a broken device's overflow arrives.
    const infinite = await refused(`${JSON.stringify(good[0]).replace('"value":20', '"value":1e999')}\n`);
    expect([infinite.errors![0]!.extensions.code, problems(infinite)]).toEqual(['BAD_USER_INPUT', ['readings[0].value']]);
    const wrongTypes = await refused(ndjson([{ ...good[0], value: '20', measuredAt: '23/11/2026 08:00', sourceId: 'x\u0000y' }]));
    expect(problems(wrongTypes)).toEqual(['readings[0].value', 'readings[0].measuredAt', 'readings[0].sourceId']);
    const noSource = await refused(ndjson(good), { source: null });
    expect(problems(noSource)).toEqual(['source']);
    const tooMany = await refused('{}\n'.repeat(MAX_BULK_BATCH + 1));
    expect([tooMany.errors![0]!.extensions.code, problems(tooMany)]).toEqual(['BAD_USER_INPUT', ['readings']]);
    const csv = await refused('stationCode,metric\nBP-KK-DX01,PM2_5\n', { type: 'text/csv' });
    expect([csv.status, csv.errors![0]!.extensions.code]).toEqual([415, 'BAD_REQUEST']);

    const small = await hub.startGateway({ INGEST_MAX_BODY_BYTES: '2048' });
    const tooBig = await refused(ndjson(pm25(40, '2026-11-12T00:00:00Z')), { url: small.url });
    expect([tooBig.status, tooBig.errors![0]!.extensions.code]).toEqual([413, 'BAD_REQUEST']);
    expect(tooBig.errors![0]!.message).toContain('INGEST_MAX_BODY_BYTES');
    expect(await send(ndjson(pm25(3, '2026-11-12T00:00:00Z')), { url: small.url })).toMatchObject({ status: 200, stored: 3 });

    expect(await count()).toBe(before + 3);
  });

  it('takes no request that the gateway did not sign for this route and query', async () => {
    const body = ndjson(pm25(2, '2026-11-13T00:00:00Z'));
    const direct = (path: string, headers: Record<string, string>) =>
      fetch(new URL(path, hub.environmentUrl), { method: 'POST', headers: { 'content-type': 'application/x-ndjson', ...headers }, body });
    const path = '/ingest/v1/readings?source=direct';
    expect((await direct(path, {})).status).toBe(401);
    // Headers made for a GraphQL request with the same body (no target), or for another source, are refused.
    expect((await direct(path, signedHeaders('environment', Role.SYSTEM, body))).status).toBe(401);
    const { signGatewayHeaders, envReader, readCommonConfig } = await import('@ioc-graph/platform');
    const { gatewaySecret } = readCommonConfig(envReader({ ...process.env, NODE_ENV: 'test' }));
    const identity = { subject: 'test-system', roles: [Role.SYSTEM], agencyId: null, fieldUnitId: null, scopeUnitId: null };
    const signed = (target: string) =>
      signGatewayHeaders(gatewaySecret, identity, { subgraph: 'environment', body, requestId: 'direct-1', target });
    expect((await direct(path, signed('POST /ingest/v1/readings?source=other'))).status).toBe(401);
    const accepted = await direct(path, signed(`POST ${path}`));
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ received: 2, stored: 2, duplicates: 0 });
  });

  it('sends as many SQL statements for 5,000 readings as for 100, new or sent again', async () => {
    const statements = async (readings: unknown[]) => {
      hub.resetStatements();
      const answer = await send(ndjson(readings));
      expect(answer.status).toBe(200);
      return hub.environmentStatements.length;
    };
    const small = pm25(100, '2026-11-14T00:00:00Z', 10, 'BP-KK-CT01');
    const large = pm25(5_000, '2026-11-15T00:00:00Z', 10, 'BP-KK-CT01');
    const newSmall = await statements(small);
    expect(await statements(large)).toBe(newSmall);
    const againSmall = await statements(small);
    expect(await statements(large)).toBe(againSmall);
    expect(hub.environmentStatements.some((s) => /copy environment\.reading/.test(s))).toBe(true);
  });
});
