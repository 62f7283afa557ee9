import { connectAsync } from 'mqtt';
import { randomBytes } from 'node:crypto';
import { demoId } from '@ioc-graph/directory';
import { eventually } from '../../../test/support/eventually';
import { startHub, type Hub } from '../../../test/support/hub';
import { missing, needs, SERVICE_URLS } from '../../../test/support/services';
import type { UrbanServer } from '../src/server';
import { gql, sendBulk, sql, URBAN_ALERTS, type Inline } from './urbanHub';

const INGEST = `mutation ($input: IngestLightingReportsInput!) { ingestLightingReports(input: $input) { received stored duplicates } }`;
const SERIES = `query ($from: DateTimeISO!, $to: DateTimeISO!, $bucket: SeriesBucket!, $unit: ID) {
  lightingSeries(from: $from, to: $to, bucket: $bucket, withinUnitId: $unit) { bucketStart reports averageFailedLamps maxFailedLamps } }`;
const CIRCUITS = ['BP-CS-DX-01-L1', 'BP-CS-DX-01-L2', 'BP-CS-DX-02-L1', 'BP-CS-CT-01-L1', 'BP-CS-BL-01-L1'];
const topic = `ioc-test/${randomBytes(4).toString('hex')}/urban`;

/** Street lighting: controllers' reports in bulk, by mutation and by MQTT; the lighting rules and their alerts; the series. */
describe('urban: street lighting', () => {
  let hub: Hub;
  let seq = 0;
  const reports = (n: number, from: string, failedLamps = 1) =>
    Array.from({ length: n }, (_, i) => ({
      circuitCode: CIRCUITS[i % CIRCUITS.length],
      state: 'ON',
      failedLamps,
      reportedAt: new Date(Date.parse(from) + i * 1_000).toISOString(),
      sourceId: `cs-${++seq}`,
    }));
  const count = async (table: string) => (await sql<{ n: number }>(hub, `select count(*)::int as n from urban.${table}`))[0]!.n;

  beforeAll(async () => {
    hub = await startHub(
      missing('mqtt') === null ? { MQTT_URL: SERVICE_URLS.mqtt, URBAN_MQTT_TOPIC: topic, MQTT_TOPIC: `${topic}-env` } : {},
      {
        now: '2026-11-23T12:00:00Z',
      },
    );
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('stores a bulk batch once when it is sent twice, rolled up per circuit and hour', async () => {
    const batch = reports(2_000, '2026-11-23T10:00:00Z');
    const path = '/ingest/v1/lighting-reports';
    expect(await sendBulk(hub, path, 'scada-bp', batch, hub.tokens.SYSTEM)).toEqual({
      status: 200,
      received: 2_000,
      stored: 2_000,
      duplicates: 0,
    });
    expect(await sendBulk(hub, path, 'scada-bp', batch, hub.tokens.SYSTEM)).toEqual({
      status: 200,
      received: 2_000,
      stored: 0,
      duplicates: 2_000,
    });
    expect(await count('lighting_report')).toBe(2_000);
    const [rollup] = await sql(hub, `select sum(count)::int as n, sum(sum)::int as lamps from urban.hourly_lighting`);
    expect(rollup).toEqual({ n: 2_000, lamps: 2_000 });
    const partner = await sendBulk(hub, path, 'scada-bp', reports(1, '2026-11-23T10:00:00Z'), hub.tokens.PARTNER);
    expect([partner.status, partner.errors?.[0]?.extensions.code]).toEqual([403, 'FORBIDDEN']);
    const anonymous = await sendBulk(hub, path, 'scada-bp', reports(1, '2026-11-23T10:00:00Z'), null);
    expect([anonymous.status, anonymous.errors?.[0]?.extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(await count('lighting_report')).toBe(2_000);
  });

  it('sends as many SQL statements for 3,000 reports as for 30', async () => {
    const statements = async (batch: unknown[]) => {
      hub.resetStatements();
      expect((await sendBulk(hub, '/ingest/v1/lighting-reports', 'scada-bp', batch, hub.tokens.SYSTEM)).status).toBe(200);
      return hub.statementsOf.urban!.length;
    };
    const small = await statements(reports(30, '2026-11-22T10:00:00Z'));
    expect(await statements(reports(3_000, '2026-11-22T12:00:00Z'))).toBe(small);
  });

  it('stores a mutation batch once when sent twice, and refuses a bad batch naming its fields with nothing written', async () => {
    const input = { source: 'scada-bp', reports: reports(3, '2026-11-23T11:00:00Z') };
    expect((await gql(hub, INGEST, { input }, hub.tokens.OPERATOR)).data.ingestLightingReports).toEqual({
      received: 3,
      stored: 3,
      duplicates: 0,
    });
    expect((await gql(hub, INGEST, { input }, hub.tokens.SYSTEM)).data.ingestLightingReports).toEqual({
      received: 3,
      stored: 0,
      duplicates: 3,
    });
    const before = await count('lighting_report');
    const [good, bad] = reports(2, '2026-11-23T11:10:00Z');
    const refused = await gql(
      hub,
      INGEST,
      {
        input: {
          source: 'scada-bp',
          reports: [good, { ...bad, circuitCode: 'BP-CS-NOWHERE', failedLamps: -1, reportedAt: '2027-01-01T00:00:00Z' }],
        },
      },
      hub.tokens.SYSTEM,
    );
    expect(refused.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.errors[0].extensions.problems.map((p: { field: string }) => p.field)).toEqual([
      'reports[1].circuitCode',
      'reports[1].failedLamps',
      'reports[1].reportedAt',
    ]);
    const tooMany = await gql(
      hub,
      INGEST,
      { input: { source: 'scada-bp', reports: [{ ...good, failedLamps: 49, circuitCode: 'BP-CS-DX-01-L1' }] } },
      hub.tokens.SYSTEM,
    );
    expect(tooMany.errors[0].extensions.problems).toEqual([{ field: 'reports[0].failedLamps', message: expect.stringContaining('(48)') }]);
    expect((await gql(hub, INGEST, { input }, hub.tokens.AGENCY_STAFF)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await count('lighting_report')).toBe(before);
  });

  it('raises one alert for a circuit with more than 5 failed lamps, and ends it when they are replaced', async () => {
    const report = (failedLamps: number, at: string) => ({
      circuitCode: 'BP-CS-DX-01-L1',
      state: 'ON',
      failedLamps,
      reportedAt: at,
      sourceId: `dx01-l1-${at}`,
    });
    hub.clock.set(new Date('2026-11-23T12:30:00Z'));
    await gql(hub, INGEST, { input: { source: 'scada-bp', reports: [report(12, '2026-11-23T12:20:00Z')] } }, hub.tokens.SYSTEM);
    await gql(hub, INGEST, { input: { source: 'scada-bp', reports: [report(14, '2026-11-23T12:25:00Z')] } }, hub.tokens.SYSTEM);
    const alertOf = async () =>
      (await gql(hub, URBAN_ALERTS, {}, hub.tokens.OPERATOR)).data.alerts.edges
        .map((e: Inline) => e.node)
        .filter((a: Inline) => a.category.code === 'URB_STREET_LIGHT_BROKEN' && a.headline.includes('bóng đèn hỏng'));
    await eventually(async () => (await alertOf()).length > 0);
    const [alert, ...others] = await alertOf();
    expect(others).toEqual([]);
    expect(alert).toMatchObject({
      headline: '12/48 bóng đèn hỏng trên Đường Phú Riềng Đỏ, đoạn vòng xoay – Hùng Vương',
      category: { code: 'URB_STREET_LIGHT_BROKEN', defaultProcess: 'TIMED' },
      unit: { id: demoId('unit', 'BP-689-TANPHU') },
    });
    const [breach] = (
      await gql(hub, `{ urbanBreaches(subjectCode: "BP-CS-DX-01-L1") { id peakValue endedAt rule { code } } }`, {}, hub.tokens.OPERATOR)
    ).data.urbanBreaches;
    expect(breach).toMatchObject({ id: alert.sourceRef, peakValue: 14, endedAt: null, rule: { code: 'LAMPS_FAILED_5' } });

    await gql(hub, INGEST, { input: { source: 'scada-bp', reports: [report(0, '2026-11-23T12:29:00Z')] } }, hub.tokens.SYSTEM);
    await eventually(async () => (await alertOf())[0].timeline.some((t: Inline) => t.action === 'breach ended'));
    const events = await sql(hub, `select type from urban.outbox_event where entity_key = ? order by seq`, [alert.sourceRef]);
    expect(events.map((e: Inline) => e.type)).toEqual(['urban.breachOpened', 'urban.breachClosed']);
  });

  it('raises an alert for a cabinet silent for an hour, ended when its controller is heard from again', async () => {
    const at = (iso: string) => ({ circuitCode: 'BP-CS-BL-01-L1', state: 'ON', failedLamps: 0, reportedAt: iso, sourceId: `bl01-${iso}` });
    hub.clock.set(new Date('2026-11-23T13:00:00Z'));
    await gql(hub, INGEST, { input: { source: 'scada-bp', reports: [at('2026-11-23T13:00:00Z')] } }, hub.tokens.SYSTEM);
    const other = (iso: string) => ({
      circuitCode: 'BP-CS-CT-01-L1',
      state: 'ON',
      failedLamps: 0,
      reportedAt: iso,
      sourceId: `ct01-${iso}`,
    });
    const keepOthersAlive = async (iso: string) => {
      hub.clock.set(new Date(iso));
      const all = ['BP-CS-DX-01-L1', 'BP-CS-DX-02-L1', 'BP-CS-DX-03-L1', 'BP-CS-CT-01-L1'].map((c) => ({
        ...other(iso),
        circuitCode: c,
        sourceId: `${c}-${iso}`,
      }));
      await gql(hub, INGEST, { input: { source: 'scada-bp', reports: all } }, hub.tokens.SYSTEM);
    };
    await keepOthersAlive('2026-11-23T13:59:59Z');
    const open = async () =>
      (
        await gql(hub, `{ urbanBreaches(open: true) { subjectCode startedAt rule { code } } }`, {}, hub.tokens.OPERATOR)
      ).data.urbanBreaches.filter((b: Inline) => b.rule.code === 'CABINET_OFFLINE_60M');
    expect(await open()).toEqual([]);
    await keepOthersAlive('2026-11-23T14:00:00Z');
    expect(await open()).toEqual([
      { subjectCode: 'BP-CS-BL-01', startedAt: '2026-11-23T13:00:00.000Z', rule: { code: 'CABINET_OFFLINE_60M' } },
    ]);
    await eventually(async () =>
      (await gql(hub, URBAN_ALERTS, {}, hub.tokens.OPERATOR)).data.alerts.edges.some((e: Inline) =>
        e.node.headline.startsWith('Tủ chiếu sáng đường Nguyễn Huệ'),
      ),
    );
    hub.clock.set(new Date('2026-11-23T14:10:00Z'));
    await gql(hub, INGEST, { input: { source: 'scada-bp', reports: [at('2026-11-23T14:09:00Z')] } }, hub.tokens.SYSTEM);
    expect(await open()).toEqual([]);
  });

  it('buckets the series in Asia/Ho_Chi_Minh days across the local midnight; public and partner read it', async () => {
    hub.clock.set(new Date('2026-11-25T00:00:00Z'));
    const r = (sourceId: string, failedLamps: number, reportedAt: string) => ({
      circuitCode: 'BP-CS-DX-03-L1',
      state: 'ON',
      failedLamps,
      reportedAt,
      sourceId,
    });
    const input = {
      source: 'scada-series',
      reports: [r('s-1', 2, '2026-11-23T16:59:59Z'), r('s-2', 4, '2026-11-23T16:30:00Z'), r('s-3', 3, '2026-11-23T17:00:00Z')],
    };
    expect((await gql(hub, INGEST, { input }, hub.tokens.SYSTEM)).data.ingestLightingReports.stored).toBe(3);
    const window = { from: '2026-11-23T15:00:00Z', to: '2026-11-23T19:00:00Z', unit: demoId('unit', 'BP-689-TANDONG') };
    const days = await gql(hub, SERIES, { ...window, bucket: 'DAY' });
    expect(days.data.lightingSeries).toEqual([
      { bucketStart: '2026-11-22T17:00:00.000Z', reports: 2, averageFailedLamps: 3, maxFailedLamps: 4 },
      { bucketStart: '2026-11-23T17:00:00.000Z', reports: 1, averageFailedLamps: 3, maxFailedLamps: 3 },
    ]);
    expect((await gql(hub, SERIES, { ...window, bucket: 'DAY' }, hub.tokens.PARTNER)).data.lightingSeries).toHaveLength(2);
    const reversed = await gql(hub, SERIES, { ...window, from: window.to, to: window.from, bucket: 'DAY' });
    expect(reversed.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'to', message: 'must be after from' }],
    });
  });

  describe('by MQTT', () => {
    if (!needs('mqtt')) return;
    it('stores reports a controller publishes, once however often it publishes them', async () => {
      const urban = hub.subgraphs.urban!.server as unknown as UrbanServer;
      const device = await connectAsync(SERVICE_URLS.mqtt);
      try {
        hub.clock.set(new Date('2026-11-25T12:00:00Z'));
        const message = {
          source: 'tu-dx02',
          reports: [0, 1].map((i) => ({
            circuitCode: `BP-CS-DX-02-L${i + 1}`,
            state: 'OFF',
            failedLamps: i,
            reportedAt: '2026-11-25T11:00:00Z',
            sourceId: `mqtt-dx02-${i}`,
          })),
        };
        const stored = async () =>
          (await sql(hub, `select count(*)::int as n from urban.lighting_report where source_id like 'mqtt-dx02-%'`))[0].n;
        await device.publishAsync(`${topic}/BP-CS-DX-02`, JSON.stringify(message), { qos: 1 });
        await device.publishAsync(`${topic}/BP-CS-DX-02`, JSON.stringify(message), { qos: 1 });
        await device.publishAsync(`${topic}/BP-CS-DX-02`, '{"reports": [', { qos: 1 });
        await eventually(async () => (await stored()) === 2);
        await urban.mqtt!.drained();
        expect(await stored()).toBe(2);
        const [circuit] = await sql(
          hub,
          `select state, failed_lamps as "failedLamps" from urban.lighting_circuit where code = 'BP-CS-DX-02-L2'`,
        );
        expect(circuit).toEqual({ state: 'OFF', failedLamps: 1 });
      } finally {
        await device.endAsync();
      }
    });
  });
});
