import type { EnvironmentUnitPictureQuery } from '../../__generated__/graphql';
import { eventually } from '../../test/support/eventually';
import { faultyProxy, type FaultyProxy } from '../../test/support/faultyProxy';
import { metricValue } from '../../test/support/metrics';
import { startHub, type GraphQLResponse, type Hub } from '../../test/support/hub';
import { expectPictureWithout, unitPicture } from '../../test/support/unitPicture';

/** Generous for a busy 2-core machine, and still far below the timeouts that the fast answers are set against. */
const MARGIN_MS = 4_000;

/**
 * A graph that degrades instead of failing: with one subgraph killed, hung or failing again and again,
 * queries answer at once (or within SUBGRAPH_TIMEOUT_MS) with everything the other subgraphs hold, the
 * missing part null and one SUBGRAPH_UNAVAILABLE error naming it.
 */
describe('degradation when a subgraph fails', () => {
  let hub: Hub;
  let proxies: Record<'traffic' | 'incidents', FaultyProxy>;
  let full: EnvironmentUnitPictureQuery['administrativeUnitByCode'];

  /** A gateway of its own on the hub's subgraphs, reaching traffic and incidents through the proxies. */
  const gatewayWith = async (env: Record<string, string>) => {
    const { url } = await hub.startGateway(
      { RATE_LIMIT_PER_MINUTE: '0', ...env },
      { traffic: proxies.traffic.url, incidents: proxies.incidents.url },
    );
    return { url, origin: new URL(url).origin };
  };
  const unit = (url: string) => unitPicture(url, hub.tokens.LEADER);
  const expectPartial = (response: GraphQLResponse<EnvironmentUnitPictureQuery>, service: 'traffic' | 'incidents') =>
    expectPictureWithout(response, full, service, [hub.trafficUrl, hub.incidentsUrl, proxies.traffic.url, proxies.incidents.url]);
  const breakerState = async (origin: string, subgraph: string) =>
    (await metricValue(origin, 'subgraph_circuit_state', { subgraph })) ?? NaN;

  beforeAll(async () => {
    hub = await startHub({ RATE_LIMIT_PER_MINUTE: '0' });
    proxies = { traffic: await faultyProxy(hub.trafficUrl), incidents: await faultyProxy(hub.incidentsUrl) };
    const whole = await unit(hub.gatewayUrl);
    expect(whole.errors).toBeUndefined();
    full = whole.data!.administrativeUnitByCode;
    expect(full).toMatchObject({ nameVi: 'Thành phố Đồng Xoài', traffic: expect.any(Object), incidentStats: expect.any(Object) });
  });
  afterEach(() => {
    for (const proxy of Object.values(proxies)) {
      proxy.up();
      proxy.resetCounts();
    }
  });
  afterAll(async () => {
    for (const proxy of Object.values(proxies ?? {})) await proxy.close();
    await hub?.stop();
  });

  it('keeps the unit with traffic null when the traffic subgraph is down, and with incidentStats null when incidents is', async () => {
    const { url } = await gatewayWith({});
    proxies.traffic.down();
    expectPartial(await unit(url), 'traffic');
    proxies.traffic.up();
    proxies.incidents.down();
    expectPartial(await unit(url), 'incidents');
  });

  it('answers at once, partially, when the subgraph is killed during the query', async () => {
    // A timeout far longer than the answer may take: the answer must come from the dropped connection.
    const { url } = await gatewayWith({ SUBGRAPH_TIMEOUT_MS: '60000' });
    proxies.traffic.hang();
    const answer = unit(url);
    await eventually(() => proxies.traffic.requests >= 1, { what: 'the traffic request in flight' });
    const killedAt = Date.now();
    proxies.traffic.down();
    expectPartial(await answer, 'traffic');
    expect(Date.now() - killedAt).toBeLessThan(MARGIN_MS);
  });

  it('answers within SUBGRAPH_TIMEOUT_MS, partially, when the subgraph hangs, and leaves no connection open to it', async () => {
    const { url } = await gatewayWith({ SUBGRAPH_TIMEOUT_MS: '1000' });
    proxies.traffic.hang();
    const started = Date.now();
    const response = await unit(url);
    const took = Date.now() - started;
    expectPartial(response, 'traffic');
    expect(response.errors?.[0].message).toMatch(/did not answer in time/);
    expect(took).toBeGreaterThanOrEqual(1_000);
    expect(took).toBeLessThan(1_000 + MARGIN_MS);
    await eventually(() => proxies.traffic.hanging === 0, { what: 'the hung connection closed by the gateway' });
  });

  it('opens the breaker of a subgraph that keeps failing, fails fast without calling it, and closes it once the subgraph is back', async () => {
    // Long enough that the breaker is still open when the next query comes, on a busy machine too.
    const { url, origin } = await gatewayWith({ SUBGRAPH_BREAKER_RESET_MS: '5000' });
    expect(await breakerState(origin, 'traffic')).toBe(0);
    proxies.traffic.down();
    await eventually(
      async () => {
        expectPartial(await unit(url), 'traffic');
        return (await breakerState(origin, 'traffic')) === 2;
      },
      { what: 'the traffic breaker open' },
    );
    proxies.traffic.resetCounts();
    const started = Date.now();
    const skipped = await unit(url);
    expect(Date.now() - started).toBeLessThan(MARGIN_MS);
    expectPartial(skipped, 'traffic');
    expect(skipped.errors?.[0].message).toMatch(/kept failing/);
    expect([proxies.traffic.connections, proxies.traffic.requests]).toEqual([0, 0]);
    // The other subgraphs' breakers stay closed.
    expect(await breakerState(origin, 'incidents')).toBe(0);

    proxies.traffic.up();
    await eventually(
      async () => {
        const response = await unit(url);
        expect(response.errors).toBeUndefined();
        expect(response.data?.administrativeUnitByCode).toEqual(full);
        return true;
      },
      { what: 'the full answer again' },
    );
    expect(await breakerState(origin, 'traffic')).toBe(0);
  });

  it('names the subgraph that is down in /readyz, with its breaker state and without its address', async () => {
    const { url, origin } = await gatewayWith({});
    expect((await fetch(`${origin}/readyz`)).status).toBe(200);
    proxies.incidents.down();
    await eventually(async () => (await unit(url), (await breakerState(origin, 'incidents')) === 2), {
      what: 'the incidents breaker open',
    });
    const response = await fetch(`${origin}/readyz`);
    const body = (await response.json()) as { status: string; problems: string[] };
    expect([response.status, body]).toEqual([
      503,
      { status: 'unavailable', problems: ['subgraph incidents is unreachable; circuit breaker open'] },
    ]);
  });

  it('answers a request whose whole answer is lost with 200 and the error, not a 5xx', async () => {
    const { url } = await gatewayWith({});
    proxies.traffic.down();
    for (const accept of ['application/graphql-response+json', 'application/json']) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${hub.tokens.LEADER}` },
        body: JSON.stringify({ query: '{ cameras { code } }' }),
      });
      const body = (await response.json()) as GraphQLResponse<unknown>;
      expect([response.status, body]).toEqual([
        200,
        {
          data: null,
          errors: [
            {
              message: expect.stringContaining('The traffic service'),
              path: ['cameras'],
              extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'traffic' },
            },
          ],
        },
      ]);
    }
  });
});
