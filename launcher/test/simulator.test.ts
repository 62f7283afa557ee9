import { createLogger } from '@ioc-graph/platform';
import { randomBytes } from 'node:crypto';
import { WatchAlertsDocument } from '../../__generated__/graphql';
import { startHub, type Hub } from '../../test/support/hub';
import { needs, SERVICE_URLS } from '../../test/support/services';
import { Subscriber } from '../../test/support/subscriber';
import { Simulator } from '../src/simulator/simulator';

/** The simulator plays the sensors through the real ingest paths: its rain event raises a flood alert by rule. */
describe('the province simulator', () => {
  if (!needs('mqtt')) return;
  const topic = `ioc-test/${randomBytes(4).toString('hex')}/environment`;
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub({ MQTT_URL: SERVICE_URLS.mqtt, MQTT_TOPIC: topic }, { now: new Date().toISOString() });
  });
  afterAll(() => hub.stop());

  it('feeds air readings through GraphQL and gauges through MQTT, and its rain event reaches the wall as a flood alert', async () => {
    const wall = new Subscriber(
      hub.gatewayUrl,
      WatchAlertsDocument,
      { after: String(hub.gateway.subscriptions.log.head) },
      hub.tokens.OPERATOR,
    );
    const simulator = new Simulator({
      gatewayUrl: hub.gatewayUrl,
      auth: { secret: 'dev-only-jwt-secret-for-the-embedded-demo!!', issuer: 'ioc-graph', audience: 'ioc-graph' },
      intervalMs: 200,
      rainAfterRounds: 0,
      mqttUrl: SERVICE_URLS.mqtt,
      mqttTopic: topic,
      logger: createLogger('simulator', 'silent'),
    });
    try {
      await simulator.start();
      await wall.until((s) => s.data.some((d) => d.alertReceived.alert?.category.code === 'EMG_WATER_LEVEL_ALARM'));
      const flood = wall.data.find((d) => d.alertReceived.alert?.category.code === 'EMG_WATER_LEVEL_ALARM')!.alertReceived.alert!;
      expect(flood.headline).toMatch(/Thác Mơ/);
      expect(flood.unit?.nameVi).toBe('Phường Thác Mơ');
      // The one-stop-shop system's scripted backlog: Đồng Xoài's overdue dossiers raise an alert by rule.
      await wall.until((s) => s.data.some((d) => d.alertReceived.alert?.category.code === 'EGOV_DOSSIER_OVERDUE'));
      // Air readings came through GraphQL, the gauges through the broker.
      const [air] = await hub.environment.orm.em
        .fork()
        .getConnection()
        .execute<{ n: string }[]>(`select count(*) as n from environment.reading where source = 'quan-trac-khong-khi'`);
      const [gauges] = await hub.environment.orm.em
        .fork()
        .getConnection()
        .execute<{ n: string }[]>(`select count(*) as n from environment.reading where source = 'tram-thuy-van'`);
      expect(Number(air.n)).toBeGreaterThanOrEqual(30);
      expect(Number(gauges.n)).toBeGreaterThanOrEqual(6);
      // The camera platform's side: every camera beats, and the roads report congestion.
      const [beats] = await hub.traffic.orm.em
        .fork()
        .getConnection()
        .execute<{ n: string }[]>(`select count(*) as n from traffic.camera where last_heartbeat_at is not null`);
      expect(Number(beats.n)).toBe(11);
    } finally {
      await simulator.stop();
      await wall.stop();
    }
  });
});
