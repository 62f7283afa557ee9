import { demoId } from '@ioc-graph/directory';
import { categoryId } from '@ioc-graph/incidents';
import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { startHub, type GraphQLResponse, type Hub } from '../../test/support/hub';
import { signedHeaders } from '../../test/support/identities';
import { malformedRequests, type MalformedRequest } from './support/malformed';

type Response = GraphQLResponse<unknown> & { text: string };

/** SQL a driver error would quote, or a subgraph's address: neither may reach a client. */
const LEAKS = [/\b(select|insert|update|delete)\b[\s\S]*\b(from|into|set)\b/i, /http:\/\/127\.0\.0\.1/, /\bstacktrace\b|node_modules/];

describe('bad input', () => {
  let hub: Hub;
  let db: Client;
  let tables: string[];

  beforeAll(async () => {
    // Development's error detail (EXPOSE_INTERNAL_ERRORS) on: the worst case for what a message may leak.
    hub = await startHub({ EXPOSE_INTERNAL_ERRORS: 'true', RATE_LIMIT_PER_MINUTE: '1000000', CITIZEN_REPORTS_PER_HOUR: '10000' });
    db = new Client({ connectionString: hub.databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    tables = rows.map((row) => row.name).filter((name) => !/mikro_orm_migrations|outbox_event|event_log/.test(name));
  });
  afterAll(async () => {
    await db?.end();
    await hub?.stop();
  });

  /** Rows per table, to prove that nothing was written. */
  const rowCounts = async () => {
    const { rows } = await db.query<{ name: string; n: string }>(
      tables.map((name) => `SELECT '${name}' AS name, count(*) AS n FROM ${name}`).join(' UNION ALL '),
    );
    return Object.fromEntries(rows.map((row) => [row.name, Number(row.n)]));
  };

  const post = async (body: unknown, token?: string, path = ''): Promise<Response> => {
    const response = await fetch(hub.gatewayUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: Partial<GraphQLResponse<unknown>> = {};
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: checked below as text.
    }
    return { status: response.status, ...parsed, text };
  };

  /** What is wrong with a response to a malformed request; empty when it is a clear client error. */
  const faults = (response: Response): string[] => {
    const found: string[] = [];
    if (response.status >= 500) found.push(`HTTP ${response.status}`);
    for (const error of response.errors ?? [])
      if (error.extensions?.code === 'INTERNAL') found.push(`INTERNAL: ${error.message.slice(0, 200)}`);
    for (const leak of LEAKS) if (leak.test(response.text)) found.push(`leaks ${leak}: ${response.text.slice(0, 300)}`);
    return found;
  };

  const fuzz = async (requests: MalformedRequest[], token?: string) => {
    const before = await rowCounts();
    const problems: string[] = [];
    for (const request of requests) {
      const response = await post({ query: request.query, variables: request.variables }, token);
      for (const fault of faults(response)) problems.push(`${request.label}: ${fault}`);
      if (request.query.startsWith('mutation') && !response.errors?.length) problems.push(`${request.label}: accepted`);
    }
    const after = await rowCounts();
    const written = Object.keys(after).filter((name) => after[name] !== before[name]);
    return { problems, written, count: requests.length };
  };

  it('answers malformed arguments of the public operations with client errors, writing nothing', async () => {
    const schema = hub.gateway.subscriptions.schema();
    const requests = [
      malformedRequests(schema, 'mutation', 'submitCitizenReport', {
        input: { categoryId: categoryId('URB_STREET_LIGHT_BROKEN'), description: 'Đèn đường tắt cả tuần nay.', place: '12 Trần Hưng Đạo' },
      }),
      malformedRequests(schema, 'mutation', 'ratePublicIncident', { id: randomUUID(), input: { score: 4, comment: 'Nhanh' } }),
      malformedRequests(schema, 'query', 'publicIncidents', { first: 5, filter: { search: 'đèn' } }),
      malformedRequests(schema, 'query', 'publicIncident', {}),
      malformedRequests(schema, 'query', 'citizenReport', { trackingCode: 'PA-23456789' }),
      malformedRequests(schema, 'query', 'administrativeUnits', { first: 5, filter: { search: 'Tân' } }),
      malformedRequests(schema, 'query', 'metricSeries', { from: '2026-11-20T00:00:00Z', to: '2026-11-21T00:00:00Z' }),
      malformedRequests(schema, 'query', 'floodWatch', {}),
    ].flatMap((set) => set.requests);
    const { problems, written, count } = await fuzz(requests);
    expect(count).toBeGreaterThan(300);
    expect(problems).toEqual([]);
    expect(written).toEqual([]);
  });

  it('answers malformed arguments of staff mutations with client errors, writing nothing', async () => {
    const schema = hub.gateway.subscriptions.schema();
    const requests = [
      malformedRequests(schema, 'mutation', 'reportAlert', {
        input: {
          sourceSystem: 'fuzz',
          sourceRef: 'evt-1',
          categoryId: categoryId('TRF_ACCIDENT'),
          headline: 'Va chạm trên QL14',
          occurredAt: '2026-11-23T00:40:00Z',
        },
      }),
      malformedRequests(schema, 'mutation', 'verifyAlert', { id: randomUUID(), input: { expectedVersion: 1 } }),
      malformedRequests(schema, 'mutation', 'createAgency', {
        input: {
          code: 'UBND-FUZZ',
          kind: 'PEOPLES_COMMITTEE',
          nameVi: 'UBND phường Fuzz',
          nameEn: 'Fuzz Ward People’s Committee',
          jurisdictionId: demoId('unit', 'BP-689-TANPHU'),
        },
      }),
    ].flatMap((set) => set.requests);
    const { problems, written, count } = await fuzz(requests, hub.tokens.OPERATOR);
    expect(count).toBeGreaterThan(150);
    expect(problems).toEqual([]);
    expect(written).toEqual([]);
  });

  const fieldsOf = (response: Response) =>
    (response.errors ?? []).flatMap((e) => ((e.extensions?.problems ?? []) as { field: string }[]).map((p) => p.field));

  it.each([
    ['an impossible date', { occurredAt: '2026-02-30T00:00:00Z' }, 'occurredAt'],
    ['year 0000', { occurredAt: '0000-01-01T00:00:00Z' }, 'occurredAt'],
    ['year 9999', { occurredAt: '9999-12-31T00:00:00Z' }, 'occurredAt'],
    ['a NUL byte', { description: 'Đèn\u0000 tắt' }, 'description'],
    ['a lone surrogate', { place: 'số 12 \ud800' }, 'place'],
    ['an id that is no UUID', { categoryId: 'lamp' }, 'categoryId'],
  ])('refuses %s at the gateway with 400 BAD_USER_INPUT naming the field', async (_what, over, field) => {
    const input = { categoryId: categoryId('URB_STREET_LIGHT_BROKEN'), description: 'Đèn đường tắt.', place: '12 Trần Hưng Đạo', ...over };
    const query = 'mutation Submit($input: CitizenReportInput!) { submitCitizenReport(input: $input) { trackingCode } }';
    const response = await post({ query, variables: { input } });
    expect(response.status).toBe(400);
    expect(response.errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(response)).toEqual([field]);
  });

  it('checks literals written into the document as it checks variables, fragments included', async () => {
    const query = `query { publicIncidents(first: 5, filter: { publishedFrom: "2026-11-31T00:00:00Z" }) { totalCount } ...F }
      fragment F on Query { administrativeUnits(filter: { parentId: "689", search: "T\\u0000n" }) { totalCount } }`;
    const response = await post({ query });
    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['publishedFrom', 'parentId', 'search']);
  });

  it('passes a subgraph’s BAD_USER_INPUT on with its problems', async () => {
    const query = 'mutation Create($input: CreateAgencyInput!) { createAgency(input: $input) { id } }';
    const input = { code: 'x', kind: 'PEOPLES_COMMITTEE', nameVi: 'UBND', nameEn: 'PC', jurisdictionId: demoId('unit', 'BP-689-TANPHU') };
    const response = await post({ query, variables: { input } }, hub.tokens.OPERATOR);
    expect(response.errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(response)).toEqual(expect.arrayContaining(['code']));
    expect(faults(response)).toEqual([]);
  });

  it('answers an unknown operationName and a subscription over HTTP with 400 and a code', async () => {
    const unknown = await post({ query: 'query A { __typename } query B { __typename }', operationName: 'C' });
    expect([unknown.status, unknown.errors![0].extensions?.code]).toEqual([400, 'OPERATION_RESOLUTION_FAILURE']);
    const unnamed = await post({ query: 'query A { __typename } query B { __typename }' });
    expect([unnamed.status, unnamed.errors![0].extensions?.code]).toEqual([400, 'OPERATION_RESOLUTION_FAILURE']);
    const subscription = await post({ query: 'subscription { incidentChanged { kind } }' }, hub.tokens.OPERATOR);
    expect(subscription.status).toBeGreaterThanOrEqual(400);
    expect(subscription.status).toBeLessThan(500);
    expect(faults(subscription)).toEqual([]);
  });

  it('answers malformed request bodies and literals with client errors', async () => {
    const bodies: unknown[] = [
      { query: '{ publicIncidents(first: -1) { totalCount } }' },
      { query: '{ publicIncidents(first: 2147483648) { totalCount } }' },
      { query: '{ publicIncidents(first: 1e999) { totalCount } }' },
      { query: '{ publicIncident(id: "\\ud800") { id } }' },
      { query: '{ publicIncidents(filter: { sector: NOPE }) { totalCount } }' },
      { query: '{ __typename }', variables: 'not an object' },
      { query: '{ __typename }', variables: [1] },
      { query: 42 },
      { query: '{ __typename }', operationName: 7 },
      { query: '{ __typename }', extensions: 'x' },
      '{"query": "{ __typename }", "variables": {"a": 1e999}}',
      '[]',
      'null',
    ];
    for (const body of bodies) expect([JSON.stringify(body), faults(await post(body))]).toEqual([JSON.stringify(body), []]);
  });

  it('refuses the same input at a subgraph called directly (defence in depth)', async () => {
    const query = 'query Q($filter: PublicIncidentFilter) { publicIncidents(filter: $filter) { totalCount } }';
    for (const filter of [{ search: 'a\u0000b' }, { publishedFrom: '0000-01-01T00:00:00Z' }]) {
      const body = JSON.stringify({ query, variables: { filter } });
      const response = await fetch(hub.incidentsUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signedHeaders('incidents', null, body) },
        body,
      });
      const result = (await response.json()) as GraphQLResponse<unknown>;
      expect([response.status, result.errors?.map((e) => e.extensions?.code)]).toEqual([400, ['BAD_USER_INPUT']]);
    }
  });
});
