import { createLogger, Role } from '@ioc-graph/platform';
import { eventually } from '../../../test/support/eventually';
import { startHub, type Hub } from '../../../test/support/hub';
import { Simulator } from '../../../launcher/src/simulator/simulator';
import { gql, sql } from './support';

/** The simulator plays the police system: 28 days of history, live reports, and a theft burst that raises an alert by rule. */
describe('security: the simulated police system', () => {
  let hub: Hub;
  beforeAll(async () => {
    // The hub's clock a little ahead of the simulator's real time, so that every simulated report is in its window.
    hub = await startHub({}, { now: new Date(Date.now() + 60_000).toISOString() });
  });
  afterAll(() => hub.stop());

  it('sends realistic history and its Đồng Xoài theft burst raises a SEC_THEFT alert for Phường Tân Phú', async () => {
    const simulator = new Simulator({
      gatewayUrl: hub.gatewayUrl,
      auth: { secret: 'dev-only-jwt-secret-for-the-embedded-demo!!', issuer: 'ioc-graph', audience: 'ioc-graph' },
      intervalMs: 200,
      rainAfterRounds: 1_000,
      mqttUrl: null,
      mqttTopic: 'unused',
      logger: createLogger('simulator', 'silent'),
    });
    try {
      await simulator.start();
      const alert = await eventually(
        async () => {
          const list = await gql(
            hub,
            `{ alerts(first: 10, filter: { sourceSystem: "security" }) { edges { node { headline category { code } unit { code } } } } }`,
            {},
            Role.OPERATOR,
          );
          return list.data?.alerts.edges.find((e: { node: { category: { code: string } } }) => e.node.category.code === 'SEC_THEFT')?.node;
          // The burst comes after the history; on a busy machine running every suite that takes longer than 30 s.
        },
        { timeout: 90_000, interval: 250, what: 'the simulated theft burst’s SEC_THEFT alert' },
      );
      expect(alert.unit).toEqual({ code: 'BP-689-TANPHU' });
      expect(alert.headline).toMatch(/^Phường Tân Phú: \d+ tin báo trộm cắp/);
    } finally {
      await simulator.stop();
    }
    // Four weeks of about 40 reports a day across the districts.
    const [days] = await sql(
      hub,
      `select count(distinct (reported_at at time zone 'Asia/Ho_Chi_Minh')::date)::int as days, count(*)::int as n from security.report`,
    );
    expect(days.days).toBeGreaterThanOrEqual(28);
    expect(days.n / days.days).toBeGreaterThan(25);
    expect(days.n / days.days).toBeLessThan(60);
  });
});
