import {
  EnvironmentRulesAlertsDocument,
  EnvironmentRulesBreachesDocument,
  EnvironmentRulesIngestDocument,
  EnvironmentRulesListDocument,
  EnvironmentRulesSetActiveDocument,
  type Metric,
} from '../../../__generated__/graphql';
import { eventually } from '../../../test/support/eventually';
import { codes, execute, startHub, type Hub } from '../../../test/support/hub';

/** Rules and breaches of the environment sector, turned into alerts by the incidents subgraph (through the bus). */
describe('environment: rules, breaches and their alerts', () => {
  let hub: Hub;
  let seq = 0;
  const HOUR = '2026-11-23T03:00:00Z';
  const at = (hours: number, minutes = 0) => new Date(new Date(HOUR).getTime() + hours * 3_600_000 + minutes * 60_000).toISOString();
  const ingest = async (readings: { stationCode: string; metric: Metric; value: number; measuredAt: string }[]) => {
    const result = await execute(
      hub.gatewayUrl,
      EnvironmentRulesIngestDocument,
      { input: { source: 'quan-trac-tu-dong', readings: readings.map((r) => ({ ...r, sourceId: `rule-${++seq}` })) } },
      { token: hub.tokens.SYSTEM },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.ingestReadings;
  };
  const pm25 = (value: number, hours: number, count = 4) =>
    Array.from({ length: count }, (_, i) => ({
      stationCode: 'BP-KK-DX01',
      metric: 'PM2_5' as const,
      value,
      measuredAt: at(hours, i * 10),
    }));
  const alerts = async () =>
    (await execute(hub.gatewayUrl, EnvironmentRulesAlertsDocument, {}, { token: hub.tokens.OPERATOR })).data!.alerts;
  const breaches = async (vars: { open?: boolean; stationCode?: string } = {}) =>
    (await execute(hub.gatewayUrl, EnvironmentRulesBreachesDocument, vars, { token: hub.tokens.OPERATOR })).data!.breaches;

  beforeAll(async () => {
    hub = await startHub();
    hub.clock.set(new Date(at(6)));
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('seeds the default rules, shows them to staff and lets an operator switch one', async () => {
    const list = await execute(hub.gatewayUrl, EnvironmentRulesListDocument, {}, { token: hub.tokens.OPERATOR });
    expect(list.errors).toBeUndefined();
    expect(list.data!.rules.map((r) => [r.code, r.categoryCode, r.severity])).toEqual([
      ['AQI_ABOVE_150', 'ENV_AQI_EXCEEDANCE', 'SEVERE'],
      ['HEAVY_RAIN_100MM_3H', 'URB_FLOODING', 'MODERATE'],
      ['WATER_LEVEL_ALARM_II', 'EMG_WATER_LEVEL_ALARM', 'SEVERE'],
    ]);
    expect(list.data!.rules.find((r) => r.code === 'WATER_LEVEL_ALARM_II')).toMatchObject({
      threshold: null,
      thresholdFromStation: 'ALARM_II',
      durationMinutes: 0,
    });
    expect(codes(await execute(hub.gatewayUrl, EnvironmentRulesListDocument, {}))).toContain('UNAUTHENTICATED');
    expect(
      codes(
        await execute(
          hub.gatewayUrl,
          EnvironmentRulesSetActiveDocument,
          { code: 'HEAVY_RAIN_100MM_3H', active: false },
          { token: hub.tokens.SYSTEM },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const off = await execute(
      hub.gatewayUrl,
      EnvironmentRulesSetActiveDocument,
      { code: 'HEAVY_RAIN_100MM_3H', active: false },
      { token: hub.tokens.OPERATOR },
    );
    expect(off.data!.setRuleActive).toEqual({ code: 'HEAVY_RAIN_100MM_3H', active: false });
    const on = await execute(
      hub.gatewayUrl,
      EnvironmentRulesSetActiveDocument,
      { code: 'HEAVY_RAIN_100MM_3H', active: true },
      { token: hub.tokens.OPERATOR },
    );
    expect(on.data!.setRuleActive.active).toBe(true);
    // Both switches are on the audit trail, with who made them.
    const audit: { action: string; actor: string }[] = await hub.environment.orm.em
      .fork()
      .getConnection()
      .execute(`select action, actor from environment.audit_entry where entity_type = 'Rule' order by at, id`);
    expect(audit.map((a) => `${a.action}:${a.actor}`)).toEqual(['deactivated:demo-operator', 'activated:demo-operator']);
  });

  it('raises one alert for an AQI breach at Đồng Xoài however many readings follow, and records its end', async () => {
    // Clean air first, then an hour of PM2.5 at 120 µg/m³: NowCast ≈ 105 → AQI above 150 (Xấu).
    await ingest(pm25(15, 0));
    expect(await breaches({ stationCode: 'BP-KK-DX01' })).toEqual([]);
    await ingest(pm25(120, 1));
    await eventually(async () => (await alerts()).totalCount > 0);
    let list = await alerts();
    expect(list.totalCount).toBe(1);
    const [open] = await breaches({ open: true, stationCode: 'BP-KK-DX01' });
    expect(open).toMatchObject({
      rule: { code: 'AQI_ABOVE_150' },
      station: { code: 'BP-KK-DX01' },
      severity: 'SEVERE',
      endedAt: null,
      startedAt: new Date(at(1)).toISOString(),
    });
    expect(open!.peakValue).toBeGreaterThan(150);
    expect(list.edges[0]!.node).toMatchObject({
      sourceRef: open!.id,
      severity: 'SEVERE',
      category: { code: 'ENV_AQI_EXCEEDANCE' },
      unit: { code: 'BP-689-TANPHU' },
    });
    expect(list.edges[0]!.node.headline).toMatch(/^AQI \d+ \(Xấu\) tại Trạm quan trắc không khí tự động Đồng Xoài$/);

    // More breaching readings in the same hour: the same breach, its peak grows, still one alert.
    await ingest(pm25(140, 1, 2).map((r, i) => ({ ...r, measuredAt: at(1, 45 + i * 5) })));
    const [still] = await breaches({ open: true, stationCode: 'BP-KK-DX01' });
    expect(still!.id).toBe(open!.id);
    expect(still!.peakValue).toBeGreaterThan(open!.peakValue);

    // Clean air the next hour: the breach ends, and the alert's timeline says so.
    await ingest(pm25(5, 2));
    await eventually(async () => (await alerts()).edges[0]?.node.timeline.some((t) => t.action === 'breach ended') ?? false);
    list = await alerts();
    expect(list.totalCount).toBe(1);
    expect(list.edges[0]!.node.timeline.map((t) => t.action)).toEqual(['reported', 'breach ended']);
    expect(await breaches({ open: true, stationCode: 'BP-KK-DX01' })).toEqual([]);
    const [ended] = await breaches({ open: false, stationCode: 'BP-KK-DX01' });
    expect(ended).toMatchObject({ id: open!.id, endedAt: expect.any(String) });
  });

  it('raises a water level alarm at the hồ Thác Mơ gauge above its alarm level II', async () => {
    await ingest([{ stationCode: 'BP-TV-THACMO', metric: 'WATER_LEVEL' as const, value: 217.2, measuredAt: at(2) }]);
    expect(await breaches({ stationCode: 'BP-TV-THACMO' })).toEqual([]);
    await ingest([{ stationCode: 'BP-TV-THACMO', metric: 'WATER_LEVEL' as const, value: 217.8, measuredAt: at(3, 10) }]);
    await eventually(async () => (await alerts()).edges.some((e) => e.node.category.code === 'EMG_WATER_LEVEL_ALARM'));
    const [breach] = await breaches({ open: true, stationCode: 'BP-TV-THACMO' });
    expect(breach).toMatchObject({ rule: { code: 'WATER_LEVEL_ALARM_II' }, severity: 'SEVERE', peakValue: 217.8 });
    const alarm = (await alerts()).edges.map((e) => e.node).find((a) => a.category.code === 'EMG_WATER_LEVEL_ALARM');
    expect(alarm).toMatchObject({ sourceRef: breach!.id, severity: 'SEVERE', unit: { code: 'BP-688-THACMO' } });
    expect(alarm!.headline).toBe('Mực nước 217,8 m vượt báo động II (217,5 m) tại Trạm đo mực nước hồ Thác Mơ');
  });

  it('raises heavy rain (over 100 mm in 3 hours) once, and worsens it above 200 mm', async () => {
    const rain = (value: number, hours: number) => ({
      stationCode: 'BP-MUA-DX',
      metric: 'RAINFALL' as const,
      value,
      measuredAt: at(hours, 30),
    });
    await ingest([rain(60, 3)]);
    expect(await breaches({ stationCode: 'BP-MUA-DX' })).toEqual([]);
    await ingest([rain(60, 4)]);
    await eventually(async () => (await alerts()).edges.some((e) => e.node.category.code === 'URB_FLOODING'));
    const flood = () => alerts().then((list) => list.edges.map((e) => e.node).filter((a) => a.category.code === 'URB_FLOODING'));
    expect(await flood()).toMatchObject([
      { severity: 'MODERATE', headline: 'Mưa lớn 120 mm trong 3 giờ tại Trạm đo mưa tự động Đồng Xoài' },
    ]);
    await ingest([rain(100, 5)]);
    await eventually(async () => (await flood())[0]?.timeline.some((t) => t.action === 'breach worsened') ?? false);
    const [alert] = await flood();
    expect(alert).toMatchObject({ severity: 'SEVERE', timeline: [{ action: 'reported' }, { action: 'breach worsened' }] });
    const [breach] = await breaches({ open: true, stationCode: 'BP-MUA-DX' });
    expect(breach).toMatchObject({ id: alert!.sourceRef, severity: 'SEVERE', peakValue: 220, startedAt: new Date(at(2)).toISOString() });
  });
});
