import { envReader } from '@ioc-graph/platform';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { readGatewayConfig } from '../src/config';
import { codes, execute, startHub, type GraphQLResponse, type Hub } from '../../test/support/hub';

/** 30 fragments, each spreading the next twice: 2^30 paths for a rule that does not memoise fragments. */
const FRAGMENT_CHAIN = [
  'query Chain { ...F0 }',
  ...Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`),
  'fragment F30 on Query { agencies(first: 1) { totalCount } }',
].join('\n');
const aliases = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const TRIVIAL = '{ agencies(first: 1) { totalCount } }';

describe('operation limits at the gateway', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub({ RATE_LIMIT_PER_MINUTE: '0', GRAPHQL_SUGGESTIONS: 'false' });
  });
  afterAll(() => hub.stop());

  const timed = async (query: string, token?: string) => {
    const started = performance.now();
    const response = await execute(hub.gatewayUrl, query, undefined, { token });
    return { response, ms: performance.now() - started };
  };
  /** The fastest of three runs: what the request costs, without the machine's other work. */
  const fastest = async (query: string) => Math.min(...[(await timed(query)).ms, (await timed(query)).ms, (await timed(query)).ms]);
  const refused = (response: GraphQLResponse<unknown>, message: RegExp) => {
    expect(response.status).toBe(400);
    expect(response.data ?? undefined).toBeUndefined();
    expect(codes(response)).toEqual([expect.stringMatching(/^(BAD_USER_INPUT|GRAPHQL_PARSE_FAILED)$/)]);
    expect(response.errors![0].message).toMatch(message);
  };

  it.each([
    ['the fragment chain of 30 levels', FRAGMENT_CHAIN, /cost limit of 2000 exceeded/],
    ['a document of 1,000 aliases', aliases(1000, 'publicIncidents { totalCount }'), /5000 tokens/],
  ])('refuses %s within 100 ms of a trivial query, and answers a trivial query sent with it', async (_name, bomb, message) => {
    await timed(TRIVIAL); // warm: the query plan and the sockets to the subgraph
    const trivialMs = await fastest(TRIVIAL);
    const [attack, bystander] = await Promise.all([timed(bomb), timed(TRIVIAL)]);
    refused(attack.response, message);
    expect(bystander.response.data).toEqual({ agencies: { totalCount: expect.any(Number) } });
    expect(await fastest(bomb)).toBeLessThan(trivialMs + 100);
    expect(bystander.ms).toBeLessThan(trivialMs + attack.ms + 100);
  });

  it('refuses 100 aliases of publicIncidents from the public', async () => {
    refused(await execute(hub.gatewayUrl, aliases(100, 'publicIncidents { totalCount }')), /Aliases limit of 10 exceeded, found 100/);
  });

  it('gives staff wider limits than the public, and takes an operator’s normal pages', async () => {
    const twenty = aliases(20, 'agencies(first: 1) { totalCount }');
    refused(await execute(hub.gatewayUrl, twenty), /Aliases limit of 10 exceeded, found 20/);
    const operator = await execute(hub.gatewayUrl, twenty, undefined, { token: hub.tokens.OPERATOR });
    expect(operator.errors).toBeUndefined();
    const page = `{
      recent: incidents(first: 100) { totalCount edges { node { id code title state agency { nameVi } unit { nameVi } } } }
      alerts(first: 50) { edges { node { id headline severity category { code } } } }
      agencies { edges { node { code nameVi } } }
    }`;
    const normal = await execute(hub.gatewayUrl, page, undefined, { token: hub.tokens.OPERATOR });
    expect(normal.status).toBe(200);
    expect(normal.errors).toBeUndefined();
  });

  it('counts list fields by their page size, so one request cannot fan out', async () => {
    const wide = '{ publicIncidents(first: 1000) { edges { node { id title } } } }';
    refused(await execute(hub.gatewayUrl, wide), /cost limit of 2000 exceeded, found 4001/);
    const byVariable = 'query Page($n: Int!) { publicIncidents(first: $n) { edges { node { id title } } } }';
    refused(await execute(hub.gatewayUrl, byVariable, { n: 1000 }), /cost limit of 2000 exceeded, found 4001/);
    const nested = '{ fieldUnits(first: 100) { edges { node { code track(last: 100) { at latitude longitude } } } } }';
    refused(await execute(hub.gatewayUrl, nested, undefined, { token: hub.tokens.OPERATOR }), /cost limit of 20000 exceeded/);
  });

  it('hides “Did you mean” suggestions when switched off', async () => {
    const typo = await execute(hub.gatewayUrl, '{ agencie(first: 1) { totalCount } }');
    expect(codes(typo)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(typo.errors![0].message).not.toMatch(/Did you mean/);
    expect(typo.errors![0].message).toMatch(/Suggestion hidden/);
  });

  describe('over WebSocket', () => {
    /** Runs one operation over graphql-ws; resolves to its result or to the errors that refused it. */
    const overWebSocket = (query: string, token?: string) => {
      const client = createClient({
        url: hub.gatewayUrl.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 0,
      });
      return new Promise<{ data?: unknown; errors?: readonly { message: string; extensions?: { code?: string } }[] }>((resolve, reject) => {
        let result = {};
        client.subscribe(
          { query },
          {
            next: (value) => void (result = value),
            error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
            complete: () => resolve(result),
          },
        );
      }).finally(() => client.dispose());
    };

    it('applies the same limits to queries and subscriptions', async () => {
      const many = await overWebSocket(aliases(100, 'publicIncidents { totalCount }'));
      expect(many.errors![0]).toMatchObject({
        message: expect.stringMatching(/Aliases limit of 10/),
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const started = performance.now();
      const chain = await overWebSocket(FRAGMENT_CHAIN);
      expect(chain.errors![0].message).toMatch(/cost limit/);
      expect(performance.now() - started).toBeLessThan(5_000);
      const wide = await overWebSocket(`subscription { publicIncidentPublished ${aliases(20, 'cursor')} }`);
      expect(wide.errors![0].message).toMatch(/Aliases limit of 10 exceeded, found 20/);
      const typo = await overWebSocket('subscription { publicIncidentPublishd { cursor } }');
      expect(typo.errors![0].message).not.toMatch(/Did you mean/);
      expect(typo.errors![0].message).toMatch(/Suggestion hidden/);
      const fine = await overWebSocket(TRIVIAL);
      expect(fine).toEqual({ data: { agencies: { totalCount: expect.any(Number) } } });
    });
  });
});

describe('the operation limits’ settings', () => {
  const config = (env: Record<string, string>) => readGatewayConfig(envReader({ EVENT_BUS_URL: 'postgres://x@db/ioc', ...env }));

  it('reads each limit per audience, naming a malformed one', () => {
    expect(config({ LIMIT_PUBLIC_MAX_ALIASES: '3' }).operationLimits).toEqual({
      public: { maxDepth: 8, maxAliases: 3, maxCost: 2000, maxTokens: 1000, maxDirectives: 10 },
      staff: { maxDepth: 12, maxAliases: 30, maxCost: 20000, maxTokens: 5000, maxDirectives: 50 },
    });
    expect(() => config({ LIMIT_STAFF_MAX_COST: 'lots' })).toThrow(/LIMIT_STAFF_MAX_COST/);
  });

  it('hides suggestions in production unless switched on, and shows them elsewhere unless switched off', () => {
    const production = {
      NODE_ENV: 'production',
      GATEWAY_SHARED_SECRET: 'a8Kq-3vXn-Pz7w-Lr2m-Tb9c-Hy4d-Qe6f-Ws1g',
      JWT_SECRET: 'Zt5r-Mw8q-Ck2v-Nh7x-Bj4p-Fd9s-Lg3y-Ra6e',
    };
    expect(config(production).suggestions).toBe(false);
    expect(config({ ...production, GRAPHQL_SUGGESTIONS: 'true' }).suggestions).toBe(true);
    expect(config({}).suggestions).toBe(true);
    expect(config({ GRAPHQL_SUGGESTIONS: 'false' }).suggestions).toBe(false);
  });
});
