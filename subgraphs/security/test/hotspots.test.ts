import { Role } from '@ioc-graph/platform';
import { eventually } from '../../../test/support/eventually';
import { startHub, type Hub } from '../../../test/support/hub';
import { demoId, gql, report, sendBulk, sql } from './support';

const ALERTS = `{ alerts(first: 50, filter: { sourceSystem: "security" }) { totalCount edges { node { sourceRef severity headline category { code defaultProcess } unit { code } timeline { action } } } } }`;
const BREACHES = `query ($open: Boolean, $c: String) { securityBreaches(open: $open, communeCode: $c) { id communeCode peakValue usualLevel startedAt endedAt rule { code } } }`;

/** Hotspot rules through the gateway: a commune above its usual level raises one alert, which the incidents subgraph records and ends. */
describe('security: hotspots and their alerts', () => {
  let hub: Hub;
  let seq = 0;
  const thefts = (communeCode: string, times: string[]) =>
    times.map((reportedAt) => report({ communeCode, reportedAt, caseRef: `CA-BP/113-${++seq}`, sourceId: `hot-${seq}` }));
  const alerts = async () => (await gql(hub, ALERTS, {}, Role.OPERATOR)).data.alerts;
  const breaches = async (vars: Record<string, unknown> = {}) => (await gql(hub, BREACHES, vars, Role.OPERATOR)).data.securityBreaches;
  const minutes = (from: string, ...offsets: number[]) => offsets.map((m) => new Date(Date.parse(from) + m * 60_000).toISOString());

  beforeAll(async () => {
    hub = await startHub({}, { now: '2026-11-23T01:00:00Z' }); // 08:00 on 23 Nov in Việt Nam
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('raises one SEC_THEFT alert when Tân Phú’s thefts in 24 hours pass the floor, and ends it when they fall back', async () => {
    // No history in Tân Phú: its usual level is the rule's floor, 5.
    expect((await sendBulk(hub, thefts('BP-689-TANPHU', minutes('2026-11-22T02:00:00Z', 0, 30, 60, 90, 600)), Role.SYSTEM)).stored).toBe(5);
    expect(await breaches()).toEqual([]);
    await sendBulk(hub, thefts('BP-689-TANPHU', minutes('2026-11-23T00:10:00Z', 0)), Role.SYSTEM);
    const [open] = await breaches({ open: true });
    expect(open).toMatchObject({
      communeCode: 'BP-689-TANPHU',
      peakValue: 6,
      usualLevel: 5,
      startedAt: '2026-11-22T02:00:00.000Z',
      endedAt: null,
      rule: { code: 'THEFT_SURGE_24H' },
    });
    await eventually(async () => (await alerts()).totalCount === 1, { what: 'the SEC_THEFT alert' });
    // More thefts: the same breach, a higher peak, still one alert.
    await sendBulk(hub, thefts('BP-689-TANPHU', minutes('2026-11-23T00:20:00Z', 0, 5)), Role.SYSTEM);
    const [still] = await breaches({ open: true });
    expect(still).toMatchObject({ id: open.id, peakValue: 8 });
    const list = await alerts();
    expect(list.totalCount).toBe(1);
    expect(list.edges[0].node).toMatchObject({
      sourceRef: open.id,
      severity: 'MODERATE',
      category: { code: 'SEC_THEFT', defaultProcess: 'IMMEDIATE' },
      unit: { code: 'BP-689-TANPHU' },
    });
    expect(list.edges[0].node.headline).toBe(
      'Phường Tân Phú: 6 tin báo trộm cắp tài sản, cướp, cướp giật tài sản trong 24 giờ, vượt mức thường lệ 5',
    );

    // A day later a report elsewhere makes the rules look again: Tân Phú is back to 0 in 24 hours.
    hub.clock.set(new Date('2026-11-24T03:00:00Z'));
    await sendBulk(
      hub,
      [
        report({
          communeCode: 'BP-692-LOCNINH',
          category: 'GAMBLING',
          reportedAt: '2026-11-24T02:30:00Z',
          caseRef: 'CA-LN/1',
          sourceId: 'ln-1',
        }),
      ],
      Role.SYSTEM,
    );
    expect(await breaches({ open: true })).toEqual([]);
    const [ended] = await breaches({ open: false });
    expect(ended).toMatchObject({ id: open.id, peakValue: 8, endedAt: '2026-11-24T03:00:00.000Z' });
    await eventually(async () => (await alerts()).edges[0].node.timeline.some((t: { action: string }) => t.action === 'breach ended'));
    expect((await alerts()).totalCount).toBe(1);
    const events = await sql(hub, `select type from security.outbox_event where entity_key = ? order by seq`, [open.id]);
    expect(events.map((e) => e.type)).toEqual(['security.breachOpened', 'security.breachClosed']);
  });

  it('takes a busy ward’s usual level from its last 28 days: mean + 3 SD of its daily counts', async () => {
    // Tân Bình had 3, 4, 5, 6, 7, 3, 4… thefts a day over the 28 local days before 25 Nov: mean 4.89, SD 1.40, level 9.09.
    hub.clock.set(new Date('2026-11-25T01:00:00Z'));
    const history = Array.from({ length: 28 }, (_, day) =>
      Array.from({ length: 3 + (day % 5) }, (_, k) =>
        new Date(Date.parse('2026-10-28T03:00:00Z') + day * 86_400_000 + k * 600_000).toISOString(),
      ),
    ).flat();
    expect((await sendBulk(hub, thefts('BP-689-TANBINH', history), Role.SYSTEM)).stored).toBe(history.length);
    // History alone: the 5 of 24 Nov at 10:00 local are in the last 24 hours, not above 9.09: no breach.
    expect(await breaches({ c: 'BP-689-TANBINH' })).toEqual([]);
    // 9 in the last 24 hours is not above 9.09; one more is.
    const window = history.filter((t) => t >= '2026-11-24T02:00:00Z').length;
    expect(window).toBe(5);
    await sendBulk(
      hub,
      thefts('BP-689-TANBINH', minutes('2026-11-25T00:00:00Z', ...Array.from({ length: 9 - window }, (_, i) => i))),
      Role.SYSTEM,
    );
    expect(await breaches({ c: 'BP-689-TANBINH' })).toEqual([]);
    await sendBulk(hub, thefts('BP-689-TANBINH', minutes('2026-11-25T00:30:00Z', 0)), Role.SYSTEM);
    const [open] = await breaches({ open: true, c: 'BP-689-TANBINH' });
    expect(open).toMatchObject({ peakValue: 10, usualLevel: 9.1 });
    await eventually(async () => (await alerts()).totalCount === 2, { what: 'the Tân Bình alert' });
  });

  it('shows reports today and open hotspots of the province and its children to staff in one query, batched', async () => {
    const PICTURE = `query ($code: String!) { administrativeUnitByCode(code: $code) { code security { reportsToday hotspots { communeCode ruleCode categoryCode peakCount } }
      children { code security { reportsToday hotspots { communeCode } } } } }`;
    hub.resetStatements();
    const district = await gql(hub, PICTURE, { code: '690' }, Role.LEADER);
    expect(district.errors).toBeUndefined();
    const few = hub.statementsOf.security!.length;
    expect(few).toBeGreaterThan(0);
    hub.resetStatements();
    const province = await gql(hub, PICTURE, { code: '70' }, Role.LEADER);
    expect(province.errors).toBeUndefined();
    expect(hub.statementsOf.security!.length).toBe(few);
    const unit = province.data.administrativeUnitByCode;
    expect(unit.security.hotspots).toEqual([
      { communeCode: 'BP-689-TANBINH', ruleCode: 'THEFT_SURGE_24H', categoryCode: 'SEC_THEFT', peakCount: 10 },
    ]);
    // Since local midnight of 25 Nov (17:00Z on the 24th): the 5 thefts of Tân Bình this morning.
    const [today] = await sql(hub, `select count(*)::int as n from security.report where reported_at >= '2026-11-24T17:00:00Z'`);
    expect(unit.security.reportsToday).toBe(today.n);
    const children = new Map(unit.children.map((c: { code: string; security: unknown }) => [c.code, c.security]));
    expect(children.size).toBeGreaterThan(10);
    expect(children.get('689')).toEqual({ reportsToday: today.n, hotspots: [{ communeCode: 'BP-689-TANBINH' }] });
    expect(children.get('692')).toEqual({ reportsToday: 0, hotspots: [] });
  });

  it('gives monthly counts to everyone and keeps cases, hotspots and the unit picture to staff', async () => {
    const MONTHLY = `{ securityMonthlyCounts(from: "2026-10-31T17:00:00Z", to: "2026-11-30T17:00:00Z", withinUnitId: "${demoId('unit', '689')}", categories: [THEFT]) { month districtUnitId category count district { code nameVi } } }`;
    for (const role of [null, Role.PARTNER, Role.OPERATOR]) {
      const open = await gql(hub, MONTHLY, {}, role);
      expect(open.errors).toBeUndefined();
      expect(open.data.securityMonthlyCounts).toEqual([
        {
          month: '2026-11',
          districtUnitId: demoId('unit', '689'),
          category: 'THEFT',
          count: expect.any(Number),
          district: { code: '689', nameVi: 'Thành phố Đồng Xoài' },
        },
      ]);
    }
    const categories = await gql(hub, `{ securityCategories { code nameVi nameEn incidentCategoryCode } }`);
    expect(categories.data.securityCategories).toHaveLength(7);
    expect(categories.data.securityCategories[0]).toEqual({
      code: 'THEFT',
      nameVi: 'Trộm cắp tài sản',
      nameEn: 'Theft',
      incidentCategoryCode: 'SEC_THEFT',
    });

    const restricted = [
      `{ securityReports(first: 5) { totalCount edges { node { caseRef place category } } } }`,
      `{ securityHotspots { communeCode category last24h } }`,
      `{ securityReportStats(from: "2026-11-01T00:00:00Z", to: "2026-11-26T00:00:00Z", bucket: DAY) { count } }`,
      `{ securityRules { code } }`,
      `{ securityBreaches { id } }`,
      `{ administrativeUnitByCode(code: "689") { security { reportsToday } } }`,
    ];
    for (const query of restricted) {
      expect([query, (await gql(hub, query)).errors?.map((e) => e.extensions?.code)]).toEqual([query, ['UNAUTHENTICATED']]);
      for (const role of [Role.PARTNER, Role.SYSTEM])
        expect([query, role, (await gql(hub, query, {}, role)).errors?.map((e) => e.extensions?.code)]).toEqual([
          query,
          role,
          ['FORBIDDEN'],
        ]);
      for (const role of [Role.LEADER, Role.OPERATOR, Role.AGENCY_STAFF, Role.FIELD_OFFICER])
        expect([query, role, (await gql(hub, query, {}, role)).errors]).toEqual([query, role, undefined]);
    }
    // A public wall query of every sector's unit fields keeps the others when it asks for security too.
    const wall = await gql(
      hub,
      `{ administrativeUnitByCode(code: "689") { nameVi traffic { violationsToday } security { reportsToday } } }`,
    );
    expect(wall.data.administrativeUnitByCode).toEqual({
      nameVi: 'Thành phố Đồng Xoài',
      traffic: { violationsToday: 0 },

      security: null,
    });
    expect(wall.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([['UNAUTHENTICATED', ['administrativeUnitByCode', 'security']]]);
  });

  it('buckets reports by local day and month across the Asia/Ho_Chi_Minh boundary', async () => {
    const at = (reportedAt: string, category = 'AFFRAY') =>
      report({ communeCode: 'BP-690-ANLOC', category, reportedAt, caseRef: `BL-${++seq}`, sourceId: `bl-${seq}` });
    await sendBulk(
      hub,
      [at('2026-10-31T16:30:00Z'), at('2026-10-31T16:59:59Z'), at('2026-10-31T17:00:00Z'), at('2026-11-01T05:00:00Z', 'DRUGS')],
      Role.SYSTEM,
    );
    const months = await gql(
      hub,
      `{ securityMonthlyCounts(from: "2026-09-30T17:00:00Z", to: "2026-11-30T17:00:00Z", withinUnitId: "${demoId('unit', '690')}") { month monthStart category count } }`,
    );
    expect(months.data.securityMonthlyCounts).toEqual([
      { month: '2026-10', monthStart: '2026-09-30T17:00:00.000Z', category: 'AFFRAY', count: 2 },
      { month: '2026-11', monthStart: '2026-10-31T17:00:00.000Z', category: 'AFFRAY', count: 1 },
      { month: '2026-11', monthStart: '2026-10-31T17:00:00.000Z', category: 'DRUGS', count: 1 },
    ]);
    const days = await gql(
      hub,
      `{ securityReportStats(from: "2026-10-30T17:00:00Z", to: "2026-11-02T17:00:00Z", bucket: DAY, withinUnitId: "${demoId('unit', 'BP-690-ANLOC')}") { bucketStart category count } }`,
      {},
      Role.OPERATOR,
    );
    expect(days.data.securityReportStats).toEqual([
      { bucketStart: '2026-10-30T17:00:00.000Z', category: 'AFFRAY', count: 2 },
      { bucketStart: '2026-10-31T17:00:00.000Z', category: 'AFFRAY', count: 1 },
      { bucketStart: '2026-10-31T17:00:00.000Z', category: 'DRUGS', count: 1 },
    ]);
    const tooLong = await gql(hub, `{ securityMonthlyCounts(from: "2020-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { count } }`);
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'to' }] });
  });

  it('lets an operator change a rule’s usual level and switch it off, on the audit trail; an open breach ends at the next ingest', async () => {
    const CHANGE = `mutation ($code: String!, $change: SecurityRuleChange!) { changeSecurityRule(code: $code, change: $change) { code sigmas floor windowHours baselineDays } }`;
    const SWITCH = `mutation ($code: String!, $active: Boolean!) { setSecurityRuleActive(code: $code, active: $active) { code active } }`;
    const bad = await gql(hub, CHANGE, { code: 'THEFT_SURGE_24H', change: { sigmas: -1, floor: 0, baselineDays: 400 } }, Role.OPERATOR);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((bad.errors![0]!.extensions!.problems as { field: string }[]).map((p: { field: string }) => p.field)).toEqual([
      'change.sigmas',
      'change.floor',
      'change.baselineDays',
    ]);
    expect((await gql(hub, CHANGE, { code: 'THEFT_SURGE_24H', change: { floor: 6 } }, Role.SYSTEM)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await gql(hub, CHANGE, { code: 'NO_SUCH_RULE', change: { floor: 6 } }, Role.OPERATOR)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    const changed = await gql(hub, CHANGE, { code: 'THEFT_SURGE_24H', change: { floor: 6, sigmas: 2.5 } }, Role.OPERATOR);
    expect(changed.data.changeSecurityRule).toEqual({ code: 'THEFT_SURGE_24H', sigmas: 2.5, floor: 6, windowHours: 24, baselineDays: 28 });
    expect((await gql(hub, SWITCH, { code: 'THEFT_SURGE_24H', active: false }, Role.OPERATOR)).data.setSecurityRuleActive.active).toBe(
      false,
    );
    const audit = await sql(
      hub,
      `select action, actor, changes from security.audit_entry where entity_type = 'SecurityRule' order by at, id`,
    );
    expect(audit).toEqual([
      { action: 'changed', actor: 'demo-operator', changes: { floor: [5, 6], sigmas: [3, 2.5] } },
      { action: 'deactivated', actor: 'demo-operator', changes: { active: [true, false] } },
    ]);
    // The next ingest ends Tân Bình's open breach under the switched-off rule, and its alert says so.
    const [open] = await breaches({ open: true, c: 'BP-689-TANBINH' });
    await sendBulk(
      hub,
      [
        report({
          communeCode: 'BP-697-HUNGLONG',
          category: 'AFFRAY',
          reportedAt: '2026-11-25T00:50:00Z',
          caseRef: 'CT-1',
          sourceId: 'ct-1',
        }),
      ],
      Role.SYSTEM,
    );
    expect(await breaches({ open: true, c: 'BP-689-TANBINH' })).toEqual([]);
    await eventually(async () =>
      (await alerts()).edges.some(
        (e: { node: { sourceRef: string; timeline: { action: string }[] } }) =>
          e.node.sourceRef === open.id && e.node.timeline.some((t) => t.action === 'breach ended'),
      ),
    );
  });
});
