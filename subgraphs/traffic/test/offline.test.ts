import { Role } from '@ioc-graph/platform';
import { demoId, startTraffic, type TrafficHarness } from './server';

const HEARTBEATS = `mutation ($heartbeats: [CameraHeartbeatInput!]!) { ingestCameraHeartbeats(heartbeats: $heartbeats) { received camerasUpdated } }`;
const CONGESTION = `mutation ($input: IngestCongestionInput!) { ingestCongestion(input: $input) { received stored duplicates } }`;
const SERIES = `query ($code: String!, $from: DateTimeISO!, $to: DateTimeISO!, $bucket: SeriesBucket!) {
  congestionSeries(segmentCode: $code, from: $from, to: $to, bucket: $bucket) { bucketStart averageLevel maxLevel readings }
}`;

/** The CAMERA_OFFLINE rule's alerts and the congestion series, on a database of their own. */
describe('traffic subgraph: camera offline alerts and congestion series', () => {
  let t: TrafficHarness;
  beforeAll(async () => {
    t = await startTraffic('2026-11-23T02:12:30Z');
  });
  afterAll(async () => {
    await t?.stop();
  });

  const beat = async (at: string, cameraCode: string, heardAt = at) => {
    t.clock.set(new Date(at));
    const result = await t.gql(HEARTBEATS, { heartbeats: [{ cameraCode, at: heardAt }] }, Role.SYSTEM);
    expect(result.errors).toBeUndefined();
  };
  const events = () =>
    t.sql(`select type, entity_type as "entityType", entity_key as "entityKey", payload from traffic.outbox_event order by seq`);

  it('opens one breach with one traffic.breachOpened after 15 minutes of silence, and closes it on the next heartbeat', async () => {
    // 09:12 in Việt Nam: the roundabout camera is heard from (ONLINE); the Tân Bình one keeps beating.
    await beat('2026-11-23T02:12:30Z', 'BP-CAM-VXDX', '2026-11-23T02:12:00Z');
    await beat('2026-11-23T02:20:00Z', 'BP-CAM-QL14-TB');
    // 14 min 59 s of silence: nothing yet. Cameras never heard from (all the others) raise nothing either.
    await beat('2026-11-23T02:26:59Z', 'BP-CAM-QL14-TB');
    expect(await t.sql(`select id from traffic.breach`)).toEqual([]);
    expect(await events()).toEqual([]);

    // 15 minutes: the status refresh finds it silent and opens a breach.
    await beat('2026-11-23T02:27:00Z', 'BP-CAM-QL14-TB');
    const BREACHES = `{ trafficBreaches(subjectCode: "BP-CAM-VXDX") { id subjectType severity startedAt endedAt peakValue rule { code } } }`;
    const [breach, ...others] = (await t.gql(BREACHES)).data.trafficBreaches;
    expect(others).toEqual([]);
    expect(breach).toMatchObject({
      subjectType: 'Camera',
      severity: 'MINOR',
      startedAt: '2026-11-23T02:12:00.000Z',
      endedAt: null,
      peakValue: 15,
      rule: { code: 'CAMERA_OFFLINE_15M' },
    });
    const opened = await events();
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      type: 'traffic.breachOpened',
      entityType: 'Breach',
      entityKey: breach.id,
      payload: {
        categoryCode: 'TRF_CAMERA_OFFLINE',
        severity: 'MINOR',
        headline: 'Camera vòng xoay Đồng Xoài mất kết nối từ 09:12',
        unitId: demoId('unit', 'BP-689-TANPHU'),
        unitLineage: [demoId('unit', '70'), demoId('unit', '689'), demoId('unit', 'BP-689-TANPHU')],
        latitude: 11.5357,
        longitude: 106.8921,
        startedAt: '2026-11-23T02:12:00.000Z',
        status: 'ACTUAL',
      },
    });

    // Further refreshes while it stays silent change nothing.
    await beat('2026-11-23T02:35:00Z', 'BP-CAM-QL14-TB');
    expect(await events()).toHaveLength(1);
    expect((await t.gql(`{ trafficBreaches(open: true) { id } }`)).data.trafficBreaches).toEqual([{ id: breach.id }]);

    // Heard from again at 09:45: the breach ends (traffic.breachClosed), the camera is ONLINE.
    await beat('2026-11-23T02:45:10Z', 'BP-CAM-VXDX', '2026-11-23T02:45:00Z');
    const [closed] = (await t.gql(BREACHES)).data.trafficBreaches;
    expect(closed).toMatchObject({ id: breach.id, endedAt: '2026-11-23T02:45:10.000Z', peakValue: 33 });
    const all = await events();
    expect(all.map((e: { type: string; entityKey: string }) => [e.type, e.entityKey])).toEqual([
      ['traffic.breachOpened', breach.id],
      ['traffic.breachClosed', breach.id],
    ]);
    expect(all[1].payload).toMatchObject({ categoryCode: 'TRF_CAMERA_OFFLINE', headline: 'Camera vòng xoay Đồng Xoài đã kết nối lại' });
    expect((await t.gql(`{ camera(code: "BP-CAM-VXDX") { status } }`, {}, null)).data.camera.status).toBe('ONLINE');
    expect((await t.gql(`{ trafficBreaches(open: true) { id } }`)).data.trafficBreaches).toEqual([]);
  });

  it('averages congestion per Asia/Ho_Chi_Minh bucket across the local day boundary', async () => {
    t.clock.set(new Date('2026-11-24T12:00:00Z'));
    const reading = (sourceId: string, level: number, measuredAt: string) => ({
      segmentCode: 'BP-SEG-QL13-CT',
      level,
      measuredAt,
      sourceId,
    });
    const readings = [
      reading('s-1', 2, '2026-11-23T16:30:00Z'), // 23:30 on 23 Nov locally
      reading('s-2', 4, '2026-11-23T16:59:59Z'), // 23:59:59 on 23 Nov
      reading('s-3', 5, '2026-11-23T17:00:00Z'), // 00:00 on 24 Nov
      reading('s-4', 2, '2026-11-23T18:20:00Z'), // 01:20 on 24 Nov
      reading('s-5', 1, '2026-11-24T10:00:00Z'), // at `to`: left out
      reading('s-6', 3, '2026-11-23T09:59:59Z'), // before `from`: left out
    ];
    const ingest = await t.gql(CONGESTION, { input: { source: 'vms-bp', readings } }, Role.SYSTEM);
    expect(ingest.data.ingestCongestion).toEqual({ received: 6, stored: 6, duplicates: 0 });
    const window = { code: 'BP-SEG-QL13-CT', from: '2026-11-23T10:00:00Z', to: '2026-11-24T10:00:00Z' };

    const days = await t.gql(SERIES, { ...window, bucket: 'DAY' }, null);
    expect(days.errors).toBeUndefined();
    expect(days.data.congestionSeries).toEqual([
      { bucketStart: '2026-11-22T17:00:00.000Z', averageLevel: 3, maxLevel: 4, readings: 2 },
      { bucketStart: '2026-11-23T17:00:00.000Z', averageLevel: 3.5, maxLevel: 5, readings: 2 },
    ]);
    const hours = await t.gql(SERIES, { ...window, bucket: 'HOUR' }, null);
    expect(hours.data.congestionSeries).toEqual([
      { bucketStart: '2026-11-23T16:00:00.000Z', averageLevel: 3, maxLevel: 4, readings: 2 },
      { bucketStart: '2026-11-23T17:00:00.000Z', averageLevel: 5, maxLevel: 5, readings: 1 },
      { bucketStart: '2026-11-23T18:00:00.000Z', averageLevel: 2, maxLevel: 2, readings: 1 },
    ]);
    // Another segment has nothing; an unknown one is NOT_FOUND; a reversed window is refused.
    expect((await t.gql(SERIES, { ...window, code: 'BP-SEG-QL14-DX', bucket: 'DAY' }, null)).data.congestionSeries).toEqual([]);
    expect((await t.gql(SERIES, { ...window, code: 'BP-SEG-NOWHERE', bucket: 'DAY' }, null)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await t.gql(SERIES, { ...window, from: window.to, to: window.from, bucket: 'DAY' }, null)).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});
