import { demoId } from '@ioc-graph/directory';
import { createPostgresBus, uuidv7, type EventBus, type OutboxRecord } from '@ioc-graph/platform';
import { SectorAlertsDocument, WatchAlertsDocument } from '../../../__generated__/graphql';
import { eventually } from '../../../test/support/eventually';
import { execute, startHub, type Hub } from '../../../test/support/hub';
import { busSettled } from '../../../test/support/settled';
import { Subscriber } from '../../../test/support/subscriber';

/** Sectors raise alerts by rules: their breach events on the bus become alerts, one per breach. */
describe('alerts raised by sector rules', () => {
  let hub: Hub;
  let bus: EventBus;
  const lineage = ['70', '688', 'BP-688-THACMO'].map((code) => demoId('unit', code));
  const breach = (type: string, breachId: string, payload: Record<string, unknown>): OutboxRecord => ({
    id: uuidv7(),
    source: 'environment',
    type: `environment.${type}`,
    entityType: 'Breach',
    entityKey: breachId,
    payload: {
      categoryCode: 'EMG_WATER_LEVEL_ALARM',
      headline: 'Mực nước hồ Thác Mơ vượt báo động II',
      description: 'Trạm TM-01: 218,4 m, báo động II 218,0 m',
      unitId: lineage[2],
      unitLineage: lineage,
      latitude: 11.846,
      longitude: 107.001,
      startedAt: '2026-11-23T02:00:00Z',
      ...payload,
    },
    actor: 'system:environment',
    occurredAt: new Date('2026-11-23T02:00:00Z'),
    audience: { public: false, agencyIds: [], fieldUnitIds: [] },
  });
  const alerts = async () =>
    (await execute(hub.gatewayUrl, SectorAlertsDocument, { sourceSystem: 'environment' }, { token: hub.tokens.OPERATOR })).data!.alerts;

  beforeAll(async () => {
    hub = await startHub();
    bus = await createPostgresBus({ url: hub.databaseUrl });
  });
  afterAll(async () => {
    await bus.close();
    await hub.stop();
  });

  it('raises one alert for a breach however often it is reported, raises its severity, and records its end', async () => {
    const wall = new Subscriber(
      hub.gatewayUrl,
      WatchAlertsDocument,
      { after: String(hub.gateway.subscriptions.log.head) },
      hub.tokens.OPERATOR,
    );
    try {
      const breachId = uuidv7();
      await bus.publish([breach('breachOpened', breachId, { severity: 'SEVERE' })]);
      // The same breach again (a sector's relay delivering twice), then a worse reading, then its end.
      await bus.publish([
        breach('breachOpened', breachId, { severity: 'SEVERE' }),
        breach('breachUpdated', breachId, { severity: 'EXTREME', headline: 'Mực nước vượt báo động III' }),
      ]);
      await bus.publish([breach('breachClosed', breachId, { headline: 'Mực nước về dưới báo động II' })]);
      await eventually(async () => (await alerts()).edges[0]?.node.timeline.some((t) => t.action === 'breach ended') ?? false);
      const list = await alerts();
      expect(list.totalCount).toBe(1);
      expect(list.edges[0].node).toMatchObject({
        sourceRef: breachId,
        severity: 'EXTREME',
        category: { code: 'EMG_WATER_LEVEL_ALARM' },
        unit: { code: 'BP-688-THACMO' },
      });
      expect(list.edges[0].node.timeline.map((t) => t.action)).toEqual(['reported', 'breach worsened', 'breach ended']);
      // The monitoring wall sees the alert arrive, with its unit from the directory.
      await wall.until((s) => s.data.some((d) => d.alertReceived.type === 'alert.breachEnded'));
      expect(wall.data[0].alertReceived).toMatchObject({
        type: 'alert.received',
        alert: { headline: 'Mực nước hồ Thác Mơ vượt báo động II', unit: { nameVi: 'Phường Thác Mơ' } },
      });
    } finally {
      await wall.stop();
    }
  });

  it('raises no alert for a category it does not know, and goes on with the next events', async () => {
    const unknown = uuidv7();
    const known = uuidv7();
    await bus.publish([
      breach('breachOpened', unknown, { categoryCode: 'ENV_NO_SUCH_RULE' }),
      breach('breachOpened', known, { headline: 'Mưa lớn 120 mm trong 3 giờ tại Phước Long' }),
    ]);
    await eventually(async () => (await alerts()).edges.some((e) => e.node.sourceRef === known));
    const refs = (await alerts()).edges.map((e) => e.node.sourceRef);
    expect(refs).toContain(known);
    expect(refs).not.toContain(unknown);
  });

  it('raises an immediate accident alert from a camera’s AI detection, end to end through the traffic subgraph', async () => {
    hub.clock.set('2026-11-23T03:00:00Z');
    const detect = `mutation ($input: IngestDetectionsInput!) { ingestDetections(input: $input) { received } }`;
    const detection = (n: number) => ({
      cameraCode: 'BP-CAM-VXDX',
      kind: 'ACCIDENT',
      plate: null,
      imageUrl: `https://camera.binhphuoc.gov.vn/vxdx/tai-nan-${n}.jpg`,
      confidence: 0.92,
      detectedAt: `2026-11-23T02:5${n}:00Z`,
      sourceId: `acc-${n}`,
    });
    const first = await execute(
      hub.gatewayUrl,
      detect,
      { input: { source: 'camera-ai-bp', detections: [detection(0)] } },
      { token: hub.tokens.SYSTEM },
    );
    expect(first.errors).toBeUndefined();
    // A second detection of the same accident extends its breach: still one alert.
    await execute(hub.gatewayUrl, detect, { input: { source: 'camera-ai-bp', detections: [detection(1)] } }, { token: hub.tokens.SYSTEM });
    const accidents = async () =>
      (
        await execute(hub.gatewayUrl, SectorAlertsDocument, { sourceSystem: 'traffic' }, { token: hub.tokens.OPERATOR })
      ).data!.alerts.edges.map((e) => e.node);
    await eventually(async () => (await accidents()).length > 0);
    await busSettled(hub.databaseUrl);
    const raised = await accidents();
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ severity: 'SEVERE', category: { code: 'TRF_ACCIDENT' } });
  });
});
