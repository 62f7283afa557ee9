import { connectAsync, type MqttClient } from 'mqtt';
import { randomBytes } from 'node:crypto';
import { eventually } from '../../../test/support/eventually';
import { startHub, type Hub } from '../../../test/support/hub';
import { needs, SERVICE_URLS } from '../../../test/support/services';

/** Devices that speak MQTT feed the same ingest as the GraphQL mutation, through the real broker. */
describe('MQTT ingest', () => {
  if (!needs('mqtt')) return;
  const topic = `ioc-test/${randomBytes(4).toString('hex')}/environment`;
  let hub: Hub;
  let device: MqttClient;
  const stored = async (prefix: string) => {
    const [row] = await hub.environment.orm.em
      .fork()
      .getConnection()
      .execute<{ n: string }[]>(`select count(*) as n from environment.reading where source_id like ?`, [`${prefix}%`]);
    return Number(row.n);
  };

  beforeAll(async () => {
    hub = await startHub({ MQTT_URL: SERVICE_URLS.mqtt, MQTT_TOPIC: topic }, { now: '2026-11-23T03:10:00Z' });
    device = await connectAsync(SERVICE_URLS.mqtt);
  });
  afterAll(async () => {
    await device?.endAsync();
    await hub?.stop();
  });

  it('stores readings published by a station, once however often they are published, and drops a bad message', async () => {
    const message = {
      source: 'tram-dx01',
      readings: [0, 1, 2].map((i) => ({
        stationCode: 'BP-KK-DX01',
        metric: 'PM10',
        value: 40 + i,
        measuredAt: `2026-11-23T0${i}:15:00Z`,
        sourceId: `mqtt-dx01-${i}`,
      })),
    };
    await device.publishAsync(`${topic}/BP-KK-DX01`, JSON.stringify(message), { qos: 1 });
    await eventually(async () => (await stored('mqtt-dx01-')) === 3);
    expect(await stored('mqtt-dx01-')).toBe(3);
    // The same message again, a malformed one, then a single reading without the wrapper.
    await device.publishAsync(`${topic}/BP-KK-DX01`, JSON.stringify(message), { qos: 1 });
    await device.publishAsync(`${topic}/BP-KK-DX01`, '{"readings": [{"stationCode": "BP-KK-DX01", "metric": "PM10", "value": -5', {
      qos: 1,
    });
    await device.publishAsync(
      `${topic}/BP-KK-DX01`,
      JSON.stringify({ stationCode: 'BP-KK-DX01', metric: 'PM10', value: 44, measuredAt: '2026-11-23T03:05:00Z', sourceId: 'mqtt-dx01-3' }),
      { qos: 1 },
    );
    await eventually(async () => (await stored('mqtt-dx01-')) === 4);
    await hub.environment.mqtt!.drained();
    expect(await stored('mqtt-dx01-')).toBe(4);
  });
});
