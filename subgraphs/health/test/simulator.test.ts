import { createLogger } from '@ioc-graph/platform';
import { Simulator } from '../../../launcher/src/simulator/simulator';
import { eventually } from '../../../test/support/eventually';
import { startHub, type Hub } from '../../../test/support/hub';
import { ALERTS, gql, healthOf, type Inline } from './support';

/** The simulator plays the health systems through the gateway: its dengue cluster in Tân Phú raises an outbreak alert by rule. */
describe('health: the simulated province', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub({}, { now: new Date().toISOString() });
  });
  afterAll(() => hub.stop());

  it('reports every facility’s load, and its dengue cluster raises one HLT_DISEASE_OUTBREAK alert for phường Tân Phú', async () => {
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
      const [outbreak] = await eventually(
        async () => {
          const alerts = (await gql(hub, ALERTS, {}, hub.tokens.OPERATOR)).data.alerts.edges.map((e: Inline) => e.node);
          const found = alerts.filter((a: Inline) => a.category.code === 'HLT_DISEASE_OUTBREAK');
          return found.length ? found : null;
        },
        { timeout: 60_000, what: 'the dengue outbreak alert' },
      );
      expect(outbreak).toMatchObject({ sourceSystem: 'health', severity: 'SEVERE', unit: { code: 'BP-689-TANPHU' } });
      expect(outbreak.headline).toMatch(/^Sốt xuất huyết Dengue: \d+ ca tuần \d+\/\d+ tại Phường Tân Phú, vượt ngưỡng dịch$/);
      // The cluster's four reports make one breach, however many reports follow.
      const { sql } = healthOf(hub);
      await eventually(
        async () => (await sql(`select count(*)::int as n from health.case_report where source_id like 'sim-dengue-cluster-%'`))[0].n === 4,
      );
      const breaches = await sql(`select id, peak_value from health.breach where subject_code = 'BP-689-TANPHU'`);
      expect(breaches.map((b) => [b.id, Number(b.peak_value) >= 40])).toEqual([[outbreak.sourceRef, true]]);
      const [loads] = await healthOf(hub).sql(`select count(distinct facility_id)::int as n from health.facility_load`);
      expect(loads.n).toBe(12);
    } finally {
      await simulator.stop();
    }
  });
});
