import { Role } from '@ioc-graph/platform';
import { demoId, startTraffic, type TrafficHarness } from './server';

const INGEST = `mutation ($input: IngestDetectionsInput!) { ingestDetections(input: $input) { received stored duplicates } }`;
const HEARTBEATS = `mutation ($heartbeats: [CameraHeartbeatInput!]!) { ingestCameraHeartbeats(heartbeats: $heartbeats) { received camerasUpdated } }`;
const CONGESTION = `mutation ($input: IngestCongestionInput!) { ingestCongestion(input: $input) { received stored duplicates } }`;
const KINDS = ['RED_LIGHT', 'WRONG_LANE', 'SPEEDING', 'ILLEGAL_PARKING'] as const;
const CAMERAS = ['BP-CAM-VXDX', 'BP-CAM-QL14-TB', 'BP-CAM-QL13-CT', 'BP-CAM-DT741-PR', 'BP-CAM-DT741-PL'];

/** The traffic subgraph on its own (signed as the gateway would): ingest, rules, statistics, personal data. */
describe('traffic subgraph', () => {
  let t: TrafficHarness;
  beforeAll(async () => {
    t = await startTraffic('2026-11-23T03:00:00Z');
  });
  afterAll(async () => {
    await t?.stop();
  });

  const detection = (over: Record<string, unknown> = {}) => ({
    cameraCode: 'BP-CAM-VXDX',
    kind: 'RED_LIGHT',
    plate: '93A-123.45',
    imageUrl: 'https://camera.binhphuoc.gov.vn/evidence/1.jpg',
    confidence: 0.9,
    detectedAt: '2026-11-23T02:00:00Z',
    sourceId: 'x',
    ...over,
  });

  it('seeds the cameras, segments and rules of Bình Phước with their unit lineage', async () => {
    const result = await t.gql(`{ cameras { code roadName unitId status } roadSegments { code } }`, {}, null);
    expect(result.errors).toBeUndefined();
    expect(result.data.cameras.length).toBeGreaterThanOrEqual(10);
    expect(result.data.roadSegments.length).toBeGreaterThanOrEqual(6);
    expect(result.data.cameras.every((c: { status: string }) => c.status === 'OFFLINE')).toBe(true);
    const dongXoai = await t.gql(`query ($u: ID) { cameras(withinUnitId: $u) { code } }`, { u: demoId('unit', '689') }, null);
    expect(dongXoai.data.cameras.map((c: { code: string }) => c.code)).toEqual([
      'BP-CAM-DT741-TT',
      'BP-CAM-QL14-TB',
      'BP-CAM-QL14-TT',
      'BP-CAM-QL14-TX',
      'BP-CAM-VXDX',
    ]);
    const rules = await t.gql(`{ trafficRules { code kind categoryCode severity threshold durationMinutes } }`);
    expect(rules.data.trafficRules.map((r: { code: string; categoryCode: string | null }) => [r.code, r.categoryCode])).toEqual([
      ['ACCIDENT_CONFIDENT', 'TRF_ACCIDENT'],
      ['CAMERA_OFFLINE_15M', 'TRF_CAMERA_OFFLINE'],
      ['CONGESTION_LEVEL4_20M', 'TRF_CONGESTION'],
    ]);
  });

  it('stores a bulk of 10,000 detections once when it is sent twice', async () => {
    // 20–21 Nov, one every 10 seconds, over five cameras and the four violation kinds.
    const detections = Array.from({ length: 10_000 }, (_, i) =>
      detection({
        cameraCode: CAMERAS[i % CAMERAS.length],
        kind: KINDS[i % KINDS.length],
        plate: i % 3 ? `93A-${String(10_000 + i).slice(-5, -2)}.${String(i % 100).padStart(2, '0')}` : null,
        detectedAt: new Date(Date.parse('2026-11-20T00:00:00Z') + i * 10_000).toISOString(),
        sourceId: `bulk-${i}`,
      }),
    );
    const first = await t.gql(INGEST, { input: { source: 'camera-ai-bp', detections } }, Role.SYSTEM);
    expect(first.errors).toBeUndefined();
    expect(first.data.ingestDetections).toEqual({ received: 10_000, stored: 10_000, duplicates: 0 });
    const again = await t.gql(INGEST, { input: { source: 'camera-ai-bp', detections } }, Role.SYSTEM);
    expect(again.data.ingestDetections).toEqual({ received: 10_000, stored: 0, duplicates: 10_000 });
    const [count] = await t.sql(
      `select count(*)::int as n from traffic.detection where source = 'camera-ai-bp' and source_id like 'bulk-%'`,
    );
    expect(count.n).toBe(10_000);
    const [rolled] = await t.sql(`select sum(count)::int as n from traffic.hourly_detection where hour < '2026-11-22T00:00:00Z'`);
    expect(rolled.n).toBe(10_000);
  });

  it('refuses a batch with a bad item, names its field and writes nothing', async () => {
    const detections = [
      detection({ sourceId: 'bad-0' }),
      detection({ sourceId: 'bad-1', confidence: 1.4 }),
      detection({ sourceId: 'bad-2', cameraCode: 'BP-CAM-NOWHERE' }),
    ];
    const result = await t.gql(INGEST, { input: { source: 'camera-ai-bp', detections } }, Role.SYSTEM);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.problems!.map((p) => p.field)).toEqual(['detections[1].confidence', 'detections[2].cameraCode']);
    const [count] = await t.sql(`select count(*)::int as n from traffic.detection where source_id like 'bad-%'`);
    expect(count.n).toBe(0);
    // Only the sector's platforms and operators ingest.
    const refused = await t.gql(
      INGEST,
      { input: { source: 'camera-ai-bp', detections: [detection({ sourceId: 'partner-0' })] } },
      Role.PARTNER,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('opens one breach and one traffic.breachOpened event for an accident, however many frames see it', async () => {
    t.clock.set(new Date('2026-11-23T03:00:00Z'));
    const accident = (sourceId: string, detectedAt: string, confidence = 0.93) =>
      detection({
        cameraCode: 'BP-CAM-QL14-TB',
        kind: 'ACCIDENT',
        plate: null,
        confidence,
        detectedAt,
        sourceId,
        imageUrl: `https://camera.binhphuoc.gov.vn/evidence/${sourceId}.jpg`,
      });
    // A doubtful accident (confidence 0.6) opens nothing.
    await t.gql(INGEST, { input: { source: 'camera-ai-bp', detections: [accident('acc-0', '2026-11-23T02:50:00Z', 0.6)] } }, Role.SYSTEM);
    expect(await t.sql(`select id from traffic.breach`)).toEqual([]);
    const first = await t.gql(
      INGEST,
      { input: { source: 'camera-ai-bp', detections: [accident('acc-1', '2026-11-23T02:55:00Z')] } },
      Role.SYSTEM,
    );
    expect(first.data.ingestDetections.stored).toBe(1);
    const second = await t.gql(
      INGEST,
      { input: { source: 'camera-ai-bp', detections: [accident('acc-2', '2026-11-23T02:58:00Z', 0.97)] } },
      Role.SYSTEM,
    );
    expect(second.data.ingestDetections.stored).toBe(1);

    const breaches = await t.gql(
      `{ trafficBreaches(open: true) { id subjectType subjectCode severity peakValue startedAt lastSeenAt rule { code } } }`,
    );
    expect(breaches.errors).toBeUndefined();
    expect(breaches.data.trafficBreaches).toHaveLength(1);
    const [breach] = breaches.data.trafficBreaches;
    expect(breach).toMatchObject({
      subjectType: 'Camera',
      subjectCode: 'BP-CAM-QL14-TB',
      severity: 'SEVERE',
      peakValue: 0.97,
      startedAt: '2026-11-23T02:55:00.000Z',
      lastSeenAt: '2026-11-23T02:58:00.000Z',
      rule: { code: 'ACCIDENT_CONFIDENT' },
    });
    const events = await t.sql(
      `select type, entity_type as "entityType", entity_key as "entityKey", payload from traffic.outbox_event order by seq`,
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'traffic.breachOpened',
      entityType: 'Breach',
      entityKey: breach.id,
      payload: {
        categoryCode: 'TRF_ACCIDENT',
        severity: 'SEVERE',
        headline: 'Tai nạn giao thông tại Camera QL14 ngã tư Tân Bình, Đồng Xoài',
        unitId: demoId('unit', 'BP-689-TANBINH'),
        unitLineage: [demoId('unit', '70'), demoId('unit', '689'), demoId('unit', 'BP-689-TANBINH')],
        startedAt: '2026-11-23T02:55:00.000Z',
        status: 'ACTUAL',
        evidence: ['https://camera.binhphuoc.gov.vn/evidence/acc-1.jpg'],
      },
    });

    // Half an hour without another accident: the next ingest ends the breach (traffic.breachClosed).
    // (The camera, silent since 02:58, also opens a CAMERA_OFFLINE breach: see offline.test.ts.)
    t.clock.set(new Date('2026-11-23T03:40:00Z'));
    await t.gql(
      INGEST,
      { input: { source: 'camera-ai-bp', detections: [detection({ sourceId: 'after-acc', detectedAt: '2026-11-23T03:39:00Z' })] } },
      Role.SYSTEM,
    );
    const stillOpen = (await t.gql(`{ trafficBreaches(open: true) { id rule { code } } }`)).data.trafficBreaches;
    expect(stillOpen.filter((b: { rule: { code: string } }) => b.rule.code === 'ACCIDENT_CONFIDENT')).toEqual([]);
    const types = await t.sql(
      `select type, entity_key as "entityKey" from traffic.outbox_event where payload->>'categoryCode' = 'TRF_ACCIDENT' order by seq`,
    );
    expect(types).toEqual([
      { type: 'traffic.breachOpened', entityKey: breach.id },
      { type: 'traffic.breachClosed', entityKey: breach.id },
    ]);
  });

  it('counts violations per local day across the Asia/Ho_Chi_Minh day boundary, and today per unit', async () => {
    t.clock.set(new Date('2026-11-25T03:00:00Z')); // 10:00 on 25 Nov in Việt Nam
    const at = (sourceId: string, detectedAt: string, kind = 'SPEEDING') =>
      detection({ cameraCode: 'BP-CAM-QL13-BL', kind, detectedAt, sourceId });
    const detections = [
      at('day-1', '2026-11-23T16:30:00Z'), // 23:30 on 23 Nov locally
      at('day-2', '2026-11-23T16:59:59Z'), // 23:59:59 on 23 Nov
      at('day-3', '2026-11-23T17:00:00Z'), // 00:00 on 24 Nov
      at('day-4', '2026-11-23T18:10:00Z', 'WRONG_LANE'), // 01:10 on 24 Nov
      at('day-5', '2026-11-24T17:30:00Z'), // 00:30 on 25 Nov: today
      at('day-6', '2026-11-25T02:00:00Z', 'ACCIDENT'), // an accident is not a violation (and too old to open a breach)
    ].map((d) => ({ ...d, confidence: 0.5 }));
    const ingest = await t.gql(INGEST, { input: { source: 'camera-ai-bp', detections } }, Role.SYSTEM);
    expect(ingest.errors).toBeUndefined();
    const STATS = `query ($u: ID, $bucket: SeriesBucket!) { violationStats(withinUnitId: $u, from: "2026-11-23T10:00:00Z", to: "2026-11-25T10:00:00Z", bucket: $bucket) { bucketStart kind count } }`;
    const days = await t.gql(STATS, { u: demoId('unit', '690'), bucket: 'DAY' }, null);
    expect(days.errors).toBeUndefined();
    expect(days.data.violationStats).toEqual([
      { bucketStart: '2026-11-22T17:00:00.000Z', kind: 'SPEEDING', count: 2 },
      { bucketStart: '2026-11-23T17:00:00.000Z', kind: 'SPEEDING', count: 1 },
      { bucketStart: '2026-11-23T17:00:00.000Z', kind: 'WRONG_LANE', count: 1 },
      { bucketStart: '2026-11-24T17:00:00.000Z', kind: 'ACCIDENT', count: 1 },
      { bucketStart: '2026-11-24T17:00:00.000Z', kind: 'SPEEDING', count: 1 },
    ]);
    const hours = await t.gql(STATS, { u: demoId('unit', 'BP-690-ANLOC'), bucket: 'HOUR' }, null);
    expect(hours.data.violationStats.slice(0, 3).map((p: { bucketStart: string }) => p.bucketStart)).toEqual([
      '2026-11-23T16:00:00.000Z',
      '2026-11-23T17:00:00.000Z',
      '2026-11-23T18:00:00.000Z',
    ]);
    // Elsewhere (Chơn Thành) nothing in the window.
    expect((await t.gql(STATS, { u: demoId('unit', '697'), bucket: 'DAY' }, null)).data.violationStats).toEqual([]);

    // The unit picture: one violation today in Bình Long; its camera was heard from 1 hour ago (offline).
    await t.gql(HEARTBEATS, { heartbeats: [{ cameraCode: 'BP-CAM-VXDX', at: '2026-11-25T02:58:00Z' }] }, Role.SYSTEM);
    t.statements.splice(0);
    const units = ['690', '689', '697'].map((code) => ({ __typename: 'AdministrativeUnit', id: demoId('unit', code) }));
    const picture = await t.gql(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { traffic { violationsToday camerasOnline camerasOffline congestedSegments } } } }`,
      { r: units },
      null,
    );
    expect(picture.errors).toBeUndefined();
    expect(picture.data._entities.map((e: { traffic: unknown }) => e.traffic)).toEqual([
      { violationsToday: 1, camerasOnline: 0, camerasOffline: 1, congestedSegments: 0 },
      { violationsToday: 0, camerasOnline: 1, camerasOffline: 4, congestedSegments: 0 },
      { violationsToday: 0, camerasOnline: 0, camerasOffline: 2, congestedSegments: 0 },
    ]);
    expect(t.statements).toHaveLength(1);
  });

  it('marks a camera OFFLINE 15 minutes after its last heartbeat', async () => {
    t.clock.set(new Date('2026-11-25T04:00:00Z'));
    const beat = await t.gql(
      HEARTBEATS,
      {
        heartbeats: [
          { cameraCode: 'BP-CAM-QL13-CT', at: '2026-11-25T03:59:00Z' },
          { cameraCode: 'BP-CAM-QL13-CT', at: '2026-11-25T03:58:00Z' },
        ],
      },
      Role.SYSTEM,
    );
    expect(beat.data.ingestCameraHeartbeats).toEqual({ received: 2, camerasUpdated: 1 });
    const CAMERA = `{ camera(code: "BP-CAM-QL13-CT") { status lastHeartbeatAt } }`;
    expect((await t.gql(CAMERA, {}, null)).data.camera).toEqual({ status: 'ONLINE', lastHeartbeatAt: '2026-11-25T03:59:00.000Z' });
    const [stored] = await t.sql(`select status from traffic.camera where code = 'BP-CAM-QL13-CT'`);
    expect(stored.status).toBe('ONLINE');
    t.clock.set(new Date('2026-11-25T04:14:30Z'));
    expect((await t.gql(CAMERA, {}, null)).data.camera.status).toBe('OFFLINE');
    expect((await t.gql(`{ cameras(status: ONLINE) { code } }`, {}, null)).data.cameras).toEqual([]);
    // The next ingest (heartbeats of another camera) brings the stored status up to date too.
    await t.gql(HEARTBEATS, { heartbeats: [{ cameraCode: 'BP-CAM-QL13-MH', at: '2026-11-25T04:14:00Z' }] }, Role.SYSTEM);
    const statuses = await t.sql(`select code, status from traffic.camera where code like 'BP-CAM-QL13-%' order by code`);
    expect(statuses).toEqual([
      { code: 'BP-CAM-QL13-BL', status: 'OFFLINE' },
      { code: 'BP-CAM-QL13-CT', status: 'OFFLINE' },
      { code: 'BP-CAM-QL13-MH', status: 'ONLINE' },
    ]);
  });

  it('opens a congestion breach after 20 minutes at level 4 or more, and closes it when traffic flows', async () => {
    t.clock.set(new Date('2026-11-25T05:00:00Z'));
    const reading = (sourceId: string, level: number, measuredAt: string) => ({
      segmentCode: 'BP-SEG-QL13-CT',
      level,
      measuredAt,
      sourceId,
    });
    const send = (readings: ReturnType<typeof reading>[]) => t.gql(CONGESTION, { input: { source: 'vms-bp', readings } }, Role.SYSTEM);
    await send([
      reading('c-1', 2, '2026-11-25T04:20:00Z'),
      reading('c-2', 4, '2026-11-25T04:30:00Z'),
      reading('c-3', 5, '2026-11-25T04:40:00Z'),
    ]);
    expect((await t.gql(`{ trafficBreaches(subjectCode: "BP-SEG-QL13-CT") { id } }`)).data.trafficBreaches).toEqual([]);
    const third = await send([reading('c-4', 4, '2026-11-25T04:50:00Z'), reading('c-4', 4, '2026-11-25T04:50:00Z')]);
    expect(third.data.ingestCongestion).toEqual({ received: 2, stored: 1, duplicates: 1 });
    const [open] = (await t.gql(`{ trafficBreaches(subjectCode: "BP-SEG-QL13-CT") { id severity peakValue startedAt endedAt } }`)).data
      .trafficBreaches;
    expect(open).toMatchObject({ severity: 'MODERATE', peakValue: 5, startedAt: '2026-11-25T04:30:00.000Z', endedAt: null });
    const picture = await t.gql(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { traffic { congestedSegments } } } }`,
      { r: [{ __typename: 'AdministrativeUnit', id: demoId('unit', '697') }] },
      null,
    );
    expect(picture.data._entities).toEqual([{ traffic: { congestedSegments: 1 } }]);
    await send([reading('c-5', 1, '2026-11-25T04:58:00Z')]);
    const events = await t.sql(
      `select type, payload->>'categoryCode' as category from traffic.outbox_event where entity_key = ? order by seq`,
      [open.id],
    );
    expect(events).toEqual([
      { type: 'traffic.breachOpened', category: 'TRF_CONGESTION' },
      { type: 'traffic.breachClosed', category: 'TRF_CONGESTION' },
    ]);
  });

  it('shows plates to staff only: never to the public or partners', async () => {
    const QUERY = `{ detections(cameraCode: "BP-CAM-VXDX", first: 2) { totalCount edges { node { kind detectedAt plate camera { code } } } } }`;
    const staff = await t.gql(QUERY, {}, Role.OPERATOR);
    expect(staff.errors).toBeUndefined();
    expect(staff.data.detections.edges[0].node).toMatchObject({ kind: 'RED_LIGHT', plate: '93A-123.45', camera: { code: 'BP-CAM-VXDX' } });
    const publicAnswer = await t.gql(QUERY, {}, null);
    expect(publicAnswer.errors?.map((e) => e.extensions?.code)).toContain('UNAUTHENTICATED');
    expect(JSON.stringify(publicAnswer.data ?? null)).not.toContain('93A-');
    const partner = await t.gql(QUERY, {}, Role.PARTNER);
    expect(partner.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(JSON.stringify(partner.data ?? null)).not.toContain('93A-');
    // Without the plate the list is open data.
    const open = await t.gql(`{ detections(cameraCode: "BP-CAM-VXDX", first: 2) { edges { node { kind confidence } } } }`, {}, null);
    expect(open.errors).toBeUndefined();
    expect(open.data.detections.edges).toHaveLength(2);
  });
});
