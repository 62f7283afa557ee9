import { eventually } from '../../test/support/eventually';
import { faultyProxy, type FaultyProxy } from '../../test/support/faultyProxy';
import { startHub, type Hub } from '../../test/support/hub';
import { metricValue } from '../../test/support/metrics';
import { unitPicture } from '../../test/support/unitPicture';

/**
 * Identical subgraph queries in flight at once share one request, only between callers with the same
 * person and rights. The traffic subgraph sits behind a proxy that holds requests (as a stopped
 * process), so that every caller's query is in flight at once; released, the held request is sent again
 * (a query lost to a reset connection is retried once) and answers every caller that shared it.
 */
describe('deduplication of subgraph queries in flight', () => {
  let hub: Hub;
  let traffic: FaultyProxy;
  let incidents: FaultyProxy;
  let url: string;
  let origin: string;

  /** The wall's picture of a unit: four subgraphs, traffic and incidents among them. */
  const unit = (token?: string) => unitPicture(url, token);
  /** Traffic queries that joined one in flight, as the gateway counts them. */
  const shared = async () => (await metricValue(origin, 'subgraph_fetches_shared_total', { subgraph: 'traffic' })) ?? 0;

  beforeAll(async () => {
    hub = await startHub({ RATE_LIMIT_PER_MINUTE: '0' });
    traffic = await faultyProxy(hub.trafficUrl);
    incidents = await faultyProxy(hub.incidentsUrl);
    // A timeout far longer than the test: held requests stay in flight until released.
    ({ url } = await hub.startGateway(
      { RATE_LIMIT_PER_MINUTE: '0', SUBGRAPH_TIMEOUT_MS: '120000' },
      { traffic: traffic.url, incidents: incidents.url },
    ));
    origin = new URL(url).origin;
  });
  afterEach(() => {
    for (const proxy of [traffic, incidents]) {
      proxy.up();
      proxy.resetCounts();
    }
  });
  afterAll(async () => {
    await traffic?.close();
    await incidents?.close();
    await hub?.stop();
  });

  it('sends one request for the identical queries of one caller in flight at once, and gives each caller the whole answer', async () => {
    const alone = await unit(hub.tokens.LEADER);
    expect(alone.errors).toBeUndefined();
    expect(alone.data?.administrativeUnitByCode?.traffic).toEqual(expect.any(Object));
    const before = await shared();
    traffic.hang();
    traffic.resetCounts();
    const answers = Array.from({ length: 5 }, () => unit(hub.tokens.LEADER));
    await eventually(async () => (await shared()) - before === 4, { what: 'four queries joining the first' });
    expect(traffic.requests).toBe(1);
    traffic.up();
    for (const answer of await Promise.all(answers)) expect(answer).toEqual(alone);
    expect(await shared()).toBe(before + 4);
  });

  it('never shares a request, nor its answer, between callers of different rights', async () => {
    const callers = [hub.tokens.LEADER, hub.tokens.OPERATOR, hub.tokens.AGENCY_STAFF, undefined, undefined];
    const alone = [];
    for (const token of callers) alone.push(await unit(token));
    // The incidents subgraph answers the public otherwise than staff: the unit's incidents are not theirs to see.
    expect(alone[0].data?.administrativeUnitByCode?.incidentStats).toEqual(expect.any(Object));
    expect(alone[3].errors?.[0]).toMatchObject({
      path: ['administrativeUnitByCode', 'incidentStats'],
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const before = await shared();
    for (const proxy of [traffic, incidents]) {
      proxy.hang();
      proxy.resetCounts();
    }
    const answers = callers.map((token) => unit(token));
    // Four rights: four requests to each subgraph; the two public callers share theirs.
    await eventually(() => traffic.requests === 4 && incidents.requests === 4 && shared().then((n) => n - before === 1), {
      what: 'four requests to each subgraph, and one joined',
    });
    traffic.up();
    incidents.up();
    expect(await Promise.all(answers)).toEqual(alone);
    expect(await shared()).toBe(before + 1);
    expect(traffic.requests).toBe(8);
  });
});
