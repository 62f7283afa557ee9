import { eventually } from '../../../test/support/eventually';
import { startHub, type Hub } from '../../../test/support/hub';
import { ALERTS, BREACHES, gql, healthOf, INGEST_CASES, INGEST_LOADS, type Inline } from './support';

/** Outbreaks and overloads: the health rules' breaches, turned into one alert each by the incidents subgraph. */
describe('health: rules, breaches and their alerts', () => {
  let hub: Hub;
  let seq = 0;
  const report = async (unitCode: string, cases: number, reportedAt: string, disease = 'DENGUE') => {
    const input = {
      source: 'giam-sat-benh-truyen-nhiem',
      reports: [{ disease, unitCode, cases, deaths: 0, reportedAt, sourceId: `r-${++seq}` }],
    };
    const result = await gql(hub, INGEST_CASES, { input }, hub.tokens.SYSTEM);
    expect(result.errors).toBeUndefined();
  };
  const alerts = async (category: string): Promise<Inline[]> =>
    (await gql(hub, ALERTS, {}, hub.tokens.OPERATOR)).data.alerts.edges
      .map((e: Inline) => e.node)
      .filter((a: Inline) => a.category.code === category);
  const breaches = async (code: string, open?: boolean): Promise<Inline[]> =>
    (await gql(hub, BREACHES, { code, open }, hub.tokens.OPERATOR)).data.healthBreaches;

  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('shows the rules to staff, lets an operator switch one, and records who did', async () => {
    const RULES = `{ healthRules { code metric disease threshold baselineYears durationMinutes categoryCode active } }`;
    const SWITCH = `mutation ($active: Boolean!) { setHealthRuleActive(code: "COVID19_WEEKLY_ABOVE_30", active: $active) { code active } }`;
    const list = await gql(hub, RULES, {}, hub.tokens.AGENCY_STAFF);
    expect(list.data.healthRules.find((r: Inline) => r.code === 'DENGUE_EPIDEMIC_THRESHOLD')).toEqual({
      code: 'DENGUE_EPIDEMIC_THRESHOLD',
      metric: 'WEEKLY_CASES',
      disease: 'DENGUE',
      threshold: 10,
      baselineYears: 5,
      durationMinutes: 0,
      categoryCode: 'HLT_DISEASE_OUTBREAK',
      active: true,
    });
    expect((await gql(hub, RULES)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await gql(hub, RULES, {}, hub.tokens.PARTNER)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await gql(hub, SWITCH, { active: false }, hub.tokens.SYSTEM)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await gql(hub, SWITCH, { active: false }, hub.tokens.OPERATOR)).data.setHealthRuleActive).toEqual({
      code: 'COVID19_WEEKLY_ABOVE_30',
      active: false,
    });
    await gql(hub, SWITCH, { active: true }, hub.tokens.OPERATOR);
    const audit = await healthOf(hub).sql(`select action, actor from health.audit_entry where entity_type = 'HealthRule' order by at, id`);
    expect(audit.map((a) => `${a.action}:${a.actor}`)).toEqual(['deactivated:demo-operator', 'activated:demo-operator']);
  });

  it('raises one COMMAND alert for a dengue cluster above Tân Phú’s 5-year threshold, and ends it after a quiet week', async () => {
    // Monday 23 November 2026, 08:00 local: ISO week 48. Three cases are a usual week for Tân Phú in late November.
    await report('BP-689-TANPHU', 3, '2026-11-23T00:30:00Z');
    expect(await breaches('BP-689-TANPHU')).toEqual([]);
    await report('BP-689-TANPHU', 20, '2026-11-23T00:45:00Z');
    const [alert] = await eventually(async () => {
      const list = await alerts('HLT_DISEASE_OUTBREAK');
      return list.length ? list : null;
    });
    const [open] = await breaches('BP-689-TANPHU', true);
    expect(open).toMatchObject({
      subjectType: 'AdministrativeUnit',
      rule: { code: 'DENGUE_EPIDEMIC_THRESHOLD' },
      startedAt: '2026-11-22T17:00:00.000Z',
      peakValue: 23,
      severity: 'SEVERE',
      endedAt: null,
    });
    expect(alert).toMatchObject({ sourceSystem: 'health', sourceRef: open.id, severity: 'SEVERE', unit: { code: 'BP-689-TANPHU' } });
    expect(alert.headline).toBe('Sốt xuất huyết Dengue: 23 ca tuần 48/2026 tại Phường Tân Phú, vượt ngưỡng dịch');
    const [description] = await hub.incidents.orm.em
      .fork()
      .getConnection()
      .execute(`select description from incidents.alert where source_ref = ?`, [open.id]);
    expect(description.description).toMatch(/ngưỡng dịch [\d,]+ \(trung bình 5 năm \+ 2 độ lệch chuẩn\)/);

    // More cases the same week: the same breach, a higher peak, still one alert.
    hub.clock.set(new Date('2026-11-24T03:00:00Z'));
    await report('BP-689-TANPHU', 5, '2026-11-24T02:00:00Z');
    expect((await breaches('BP-689-TANPHU', true)).map((b) => [b.id, b.peakValue])).toEqual([[open.id, 28]]);

    // The next week is quiet: the outbreak goes on while last week was above the threshold…
    hub.clock.set(new Date('2026-11-30T02:00:00Z'));
    await report('BP-689-TANPHU', 1, '2026-11-30T01:00:00Z');
    expect(await breaches('BP-689-TANPHU', true)).toHaveLength(1);
    // …and ends once a whole week was back below it.
    hub.clock.set(new Date('2026-12-07T02:00:00Z'));
    await report('BP-689-TANPHU', 0, '2026-12-07T01:00:00Z');
    expect(await breaches('BP-689-TANPHU', true)).toEqual([]);
    await eventually(async () => (await alerts('HLT_DISEASE_OUTBREAK'))[0]?.timeline.some((t: Inline) => t.action === 'breach ended'));
    const after = await alerts('HLT_DISEASE_OUTBREAK');
    expect(after).toHaveLength(1);
    expect(after[0].timeline.map((t: Inline) => t.action)).toEqual(['reported', 'breach ended']);
  });

  it('uses the fixed threshold in a commune without history', async () => {
    hub.clock.set(new Date('2026-12-08T02:00:00Z'));
    await report('BP-689-TANTHIEN', 10, '2026-12-08T01:00:00Z');
    expect(await breaches('BP-689-TANTHIEN')).toEqual([]);
    await report('BP-689-TANTHIEN', 1, '2026-12-08T01:30:00Z');
    expect(await breaches('BP-689-TANTHIEN', true)).toMatchObject([{ rule: { code: 'DENGUE_EPIDEMIC_THRESHOLD' }, peakValue: 11 }]);
  });

  it('raises a facility overload after 6 hours above 95 % bed occupancy, and ends it when beds free up', async () => {
    const load = async (hour: number, bedsOccupied: number) => {
      const reportedAt = new Date(Date.parse('2026-12-08T03:00:00Z') + hour * 3_600_000).toISOString();
      hub.clock.set(new Date(reportedAt));
      const input = {
        source: 'his-ttyt-dongxoai',
        loads: [
          { facilityCode: 'BP-TTYT-DX', bedsOccupied, emergencyWaiting: 4, ambulancesAvailable: 2, reportedAt, sourceId: `l-${++seq}` },
        ],
      };
      expect((await gql(hub, INGEST_LOADS, { input }, hub.tokens.SYSTEM)).errors).toBeUndefined();
    };
    await load(0, 140);
    for (let hour = 1; hour <= 5; hour++) await load(hour, 145); // 96.7 % of 150 beds, not yet for 6 hours
    expect(await breaches('BP-TTYT-DX')).toEqual([]);
    await load(7, 146);
    const [open] = await breaches('BP-TTYT-DX', true);
    expect(open).toMatchObject({ subjectType: 'Facility', rule: { code: 'BED_OCCUPANCY_95_6H' }, startedAt: '2026-12-08T04:00:00.000Z' });
    const [alert] = await eventually(async () => {
      const list = await alerts('HLT_FACILITY_OVERLOAD');
      return list.length ? list : null;
    });
    expect(alert).toMatchObject({ sourceRef: open.id, severity: 'MODERATE', unit: { code: 'BP-689-TANBINH' } });
    expect(alert.headline).toBe('Quá tải giường bệnh tại Trung tâm Y tế thành phố Đồng Xoài: công suất 97% (ngưỡng 95%)');
    await load(8, 120);
    expect(await breaches('BP-TTYT-DX', true)).toEqual([]);
    await eventually(async () => (await alerts('HLT_FACILITY_OVERLOAD'))[0]?.timeline.some((t: Inline) => t.action === 'breach ended'));
  });

  it('raises an emergency queue of more than 20 patients waiting for 30 minutes at the provincial hospital', async () => {
    const waiting = async (minutes: number, emergencyWaiting: number) => {
      const reportedAt = new Date(Date.parse('2026-12-08T13:00:00Z') + minutes * 60_000).toISOString();
      hub.clock.set(new Date(reportedAt));
      const input = {
        source: 'his-bvdk-binhphuoc',
        loads: [
          { facilityCode: 'BP-BV-DKT', bedsOccupied: 600, emergencyWaiting, ambulancesAvailable: 3, reportedAt, sourceId: `e-${++seq}` },
        ],
      };
      expect((await gql(hub, INGEST_LOADS, { input }, hub.tokens.SYSTEM)).errors).toBeUndefined();
    };
    await waiting(0, 22);
    await waiting(20, 26);
    expect(await breaches('BP-BV-DKT')).toEqual([]);
    await waiting(30, 24);
    expect(await breaches('BP-BV-DKT', true)).toMatchObject([
      { rule: { code: 'EMERGENCY_WAITING_20_30M' }, peakValue: 26, severity: 'SEVERE', startedAt: '2026-12-08T13:00:00.000Z' },
    ]);
    await waiting(40, 12);
    expect(await breaches('BP-BV-DKT', true)).toEqual([]);
  });
});
