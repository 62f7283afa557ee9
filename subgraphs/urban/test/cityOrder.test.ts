import { demoId } from '@ioc-graph/directory';
import { Role } from '@ioc-graph/platform';
import { eventually } from '../../../test/support/eventually';
import { startHub, type Hub } from '../../../test/support/hub';
import { person } from '../../../test/support/identities';
import { gql, sendBulk, sql, URBAN_ALERTS, type Inline } from './urbanHub';

const PINGS = `mutation ($input: IngestTruckPingsInput!) { ingestTruckPings(input: $input) { received stored duplicates } }`;
const RECORD = `mutation ($input: RecordCollectionInput!) { recordCollection(input: $input) { localDay method } }`;
const FILE = `mutation ($input: FileInspectionInput!) { fileInspection(input: $input) { id status reportedToCenter fieldUnitId agencyId } }`;
const REMEDIED = `mutation ($id: ID!) { markInspectionRemedied(id: $id) { status remediedAt } }`;
const UNIT = `query ($code: String!) { administrativeUnitByCode(code: $code) { code urban { lightingFaults lampsFailed collectionOnTimeRate } } }`;
const TREE = `query ($code: String!) { administrativeUnitByCode(code: $code) { code urban { lightingFaults collectionOnTimeRate openViolations }
  children { code urban { lightingFaults collectionOnTimeRate openViolations } } } }`;
/** The market point of Đồng Xoài (BP-RAC-DX-01, collected daily) and a spot 1 km away. */
const MARKET = { latitude: 11.5349, longitude: 106.8887 };
const AWAY = { latitude: 11.5449, longitude: 106.8887 };

/** Waste collection, urban-order inspections and the unit's urban picture, through the gateway. */
describe('urban: waste collection, inspections and the unit picture', () => {
  let hub: Hub;
  let officer: string;
  let otherAgency: string;
  let seq = 0;
  const ping = (at: string, where = MARKET, truckCode = 'BP-XE-RAC-DX-01') => ({ truckCode, ...where, at, sourceId: `gps-${++seq}` });
  const openBreaches = async () =>
    (await gql(hub, `{ urbanBreaches(open: true) { subjectCode rule { code } } }`, {}, hub.tokens.OPERATOR)).data.urbanBreaches.filter(
      (b: Inline) => b.rule.code === 'WASTE_UNCOLLECTED_DAY',
    );
  const alerts = async () => (await gql(hub, URBAN_ALERTS, {}, hub.tokens.OPERATOR)).data.alerts.edges.map((e: Inline) => e.node);

  beforeAll(async () => {
    // Monday 23 Nov 2026, 08:00 in Việt Nam.
    hub = await startHub({}, { now: '2026-11-23T01:00:00Z' });
    // The market point has been on the schedule since Friday 20 Nov; the others were added later (not yet due).
    await sql(hub, `update urban.collection_point set created_at = '2026-11-19T17:00:00Z' where code = 'BP-RAC-DX-01'`);
    const inspector = person('ttdt-tanphu-01', Role.FIELD_OFFICER, {
      agencyId: demoId('agency', 'UBND-TANPHU'),
      fieldUnitId: demoId('fieldUnit', 'FU-TTDT-TP-01'),
    });
    officer = await hub.tokenFor(inspector);
    otherAgency = await hub.tokenFor(person('ttdt-binhlong-01', Role.FIELD_OFFICER, { agencyId: demoId('agency', 'UBND-BL') }));
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('stores pings once when sent twice; a ping within the radius collects the point for its local day', async () => {
    // 06:30 on Sunday 22 Nov locally, at the market; then the truck drives off.
    const batch = [ping('2026-11-21T23:30:00Z'), ping('2026-11-21T23:40:00Z', AWAY)];
    expect(await sendBulk(hub, '/ingest/v1/truck-pings', 'gps-bp', batch, hub.tokens.SYSTEM)).toEqual({
      status: 200,
      received: 2,
      stored: 2,
      duplicates: 0,
    });
    expect(await sendBulk(hub, '/ingest/v1/truck-pings', 'gps-bp', batch, hub.tokens.SYSTEM)).toEqual({
      status: 200,
      received: 2,
      stored: 0,
      duplicates: 2,
    });
    expect((await gql(hub, PINGS, { input: { source: 'gps-bp', pings: batch } }, hub.tokens.SYSTEM)).data.ingestTruckPings).toEqual({
      received: 2,
      stored: 0,
      duplicates: 2,
    });
    const collections = await sql(hub, `select to_char(local_day, 'YYYY-MM-DD') as day, method from urban.collection`);
    expect(collections).toEqual([{ day: '2026-11-22', method: 'GPS' }]);
    // Collected on Sunday, its due day: nothing missed.
    expect(await openBreaches()).toEqual([]);

    const refused = await gql(
      hub,
      PINGS,
      { input: { source: 'gps-bp', pings: [{ ...ping('2026-11-23T00:00:00Z'), latitude: 91, truckCode: 'BP-XE-NONE' }] } },
      hub.tokens.SYSTEM,
    );
    expect(refused.errors[0].extensions.problems.map((p: Inline) => p.field)).toEqual(['pings[0].truckCode', 'pings[0].latitude']);
    expect((await sql(hub, `select count(*)::int as n from urban.truck_ping`))[0].n).toBe(2);
  });

  it('raises one TIMED alert for a point not collected on its scheduled day, and ends it at the next collection', async () => {
    // Tuesday 24 Nov, 08:00: Monday passed without a truck at the market.
    hub.clock.set(new Date('2026-11-24T01:00:00Z'));
    await gql(hub, PINGS, { input: { source: 'gps-bp', pings: [ping('2026-11-24T00:50:00Z', AWAY)] } }, hub.tokens.SYSTEM);
    expect(await openBreaches()).toEqual([{ subjectCode: 'BP-RAC-DX-01', rule: { code: 'WASTE_UNCOLLECTED_DAY' } }]);
    await eventually(async () => (await alerts()).some((a: Inline) => a.category.code === 'ENV_UNCOLLECTED_WASTE'));
    const [alert, ...more] = (await alerts()).filter((a: Inline) => a.category.code === 'ENV_UNCOLLECTED_WASTE');
    expect(more).toEqual([]);
    expect(alert).toMatchObject({
      headline: 'Điểm tập kết rác chợ Đồng Xoài không được thu gom ngày 23/11 theo lịch',
      category: { defaultProcess: 'TIMED' },
      unit: { id: demoId('unit', 'BP-689-TANPHU') },
    });
    // A second judgement the same day changes nothing.
    await gql(hub, PINGS, { input: { source: 'gps-bp', pings: [ping('2026-11-24T00:55:00Z', AWAY)] } }, hub.tokens.SYSTEM);
    expect(await openBreaches()).toHaveLength(1);

    // The ward's team collects it by hand at 09:00 and records it at 09:30: the breach ends.
    hub.clock.set(new Date('2026-11-24T02:30:00Z'));
    const recorded = await gql(hub, RECORD, { input: { pointCode: 'BP-RAC-DX-01', collectedAt: '2026-11-24T02:00:00Z' } }, officer);
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data.recordCollection).toEqual({ localDay: '2026-11-24', method: 'RECORD' });
    expect(await openBreaches()).toEqual([]);
    await eventually(async () =>
      (await alerts()).some((a: Inline) => a.id === alert.id && a.timeline.some((t: Inline) => t.action === 'breach ended')),
    );
    const [audit] = await sql(hub, `select actor, action from urban.audit_entry where entity_type = 'Collection'`);
    expect(audit).toEqual({ actor: 'ttdt-tanphu-01', action: 'recorded' });
    // A partner may not record; a bad point is named.
    expect(
      (await gql(hub, RECORD, { input: { pointCode: 'BP-RAC-DX-01', collectedAt: '2026-11-24T02:00:00Z' } }, hub.tokens.PARTNER)).errors[0]
        .extensions.code,
    ).toBe('FORBIDDEN');
    const bad = await gql(hub, RECORD, { input: { pointCode: 'BP-RAC-NONE', collectedAt: '2026-11-24T02:00:00Z' } }, officer);
    expect(bad.errors[0].extensions.problems).toEqual([{ field: 'input.pointCode', message: 'no collection point BP-RAC-NONE' }]);
  });

  it('counts the on-time rate over the last seven local days, public; open violations are for staff only', async () => {
    // Due Fri 20, Sat 21, Sun 22 and Mon 23 Nov; collected on its day only on Sunday.
    const answer = await gql(hub, UNIT, { code: 'BP-689-TANPHU' });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.administrativeUnitByCode.urban).toEqual({ lightingFaults: 0, lampsFailed: 0, collectionOnTimeRate: 0.25 });
    expect(
      (await gql(hub, UNIT, { code: 'BP-689-TANPHU' }, hub.tokens.PARTNER)).data.administrativeUnitByCode.urban.collectionOnTimeRate,
    ).toBe(0.25);
    const restricted = `{ administrativeUnitByCode(code: "689") { urban { openViolations } } }`;
    expect((await gql(hub, restricted)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await gql(hub, restricted, {}, hub.tokens.PARTNER)).errors[0].extensions.code).toBe('FORBIDDEN');
    for (const role of [Role.LEADER, Role.OPERATOR, Role.AGENCY_STAFF, Role.FIELD_OFFICER, Role.SYSTEM]) {
      const allowed = await gql(hub, restricted, {}, hub.tokens[role]);
      expect([role, allowed.errors]).toEqual([role, undefined]);
    }
    // GPS tracks and positions: staff only.
    const track = `{ truckTrack(truckCode: "BP-XE-RAC-DX-01", from: "2026-11-21T00:00:00Z", to: "2026-11-25T00:00:00Z") { at latitude } }`;
    expect((await gql(hub, track)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await gql(hub, track, {}, hub.tokens.PARTNER)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await gql(hub, track, {}, hub.tokens.OPERATOR)).data.truckTrack).toHaveLength(4);
    const trucks = `{ wasteTrucks { code lastPosition { latitude } } }`;
    expect((await gql(hub, trucks, {}, hub.tokens.PARTNER)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(
      (
        await gql(
          hub,
          `{ wasteTrucks { code plate } collectionPoints { code scheduleDays } lightingCabinets { code circuits { code lampCount } } }`,
        )
      ).errors,
    ).toBeUndefined();
  });

  it('files an inspection from the field that raises one alert, seen by its agency only, ended when remedied', async () => {
    hub.clock.set(new Date('2026-11-24T03:00:00Z'));
    const input = {
      kind: 'SIDEWALK_ENCROACHMENT',
      description: 'Quán cà phê kê bàn ghế chiếm toàn bộ vỉa hè',
      address: '215 Phú Riềng Đỏ',
      latitude: 11.5372,
      longitude: 106.8911,
      unitId: demoId('unit', 'BP-689-TANPHU'),
      observedAt: '2026-11-24T02:40:00Z',
      photos: ['https://ttdt.dongxoai.gov.vn/bien-ban/215-phu-rieng-do.jpg'],
      reportToCenter: true,
    };
    // Bad input first: every field named, nothing written.
    const refused = await gql(hub, FILE, { input: { ...input, description: ' ', latitude: 91, photos: ['ftp://x'] } }, officer);
    expect(refused.errors[0].extensions.problems.map((p: Inline) => p.field)).toEqual([
      'input.description',
      'input.latitude',
      'input.photos[0]',
    ]);
    const unknownUnit = await gql(hub, FILE, { input: { ...input, unitId: demoId('unit', 'NOWHERE') } }, officer);
    expect(unknownUnit.errors[0].extensions.problems).toEqual([{ field: 'input.unitId', message: 'no such administrative unit' }]);
    expect((await gql(hub, FILE, { input }, hub.tokens.PARTNER)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await gql(hub, FILE, { input })).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await sql(hub, `select count(*)::int as n from urban.inspection`))[0].n).toBe(0);

    const filed = (await gql(hub, FILE, { input }, officer)).data.fileInspection;
    expect(filed).toMatchObject({
      status: 'OPEN',
      reportedToCenter: true,
      agencyId: demoId('agency', 'UBND-TANPHU'),
      fieldUnitId: demoId('fieldUnit', 'FU-TTDT-TP-01'),
    });
    await eventually(async () => (await alerts()).some((a: Inline) => a.sourceRef === filed.id));
    const alert = (await alerts()).find((a: Inline) => a.sourceRef === filed.id);
    expect(alert).toMatchObject({
      headline: 'Lấn chiếm vỉa hè, lòng đường tại 215 Phú Riềng Đỏ',
      category: { code: 'URB_SIDEWALK_ENCROACHMENT' },
    });

    const LIST = `{ inspections { totalCount edges { node { id kind address } } } }`;
    expect((await gql(hub, LIST, {}, officer)).data.inspections.totalCount).toBe(1);
    expect((await gql(hub, LIST, {}, hub.tokens.OPERATOR)).data.inspections.totalCount).toBe(1);
    expect((await gql(hub, LIST, {}, otherAgency)).data.inspections.totalCount).toBe(0);
    expect((await gql(hub, LIST)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await gql(hub, LIST, {}, hub.tokens.PARTNER)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(
      (await gql(hub, `{ administrativeUnitByCode(code: "689") { urban { openViolations } } }`, {}, hub.tokens.LEADER)).data
        .administrativeUnitByCode.urban.openViolations,
    ).toBe(1);

    expect((await gql(hub, REMEDIED, { id: filed.id }, otherAgency)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await gql(hub, REMEDIED, { id: filed.id }, officer)).data.markInspectionRemedied).toEqual({
      status: 'REMEDIED',
      remediedAt: '2026-11-24T03:00:00.000Z',
    });
    expect((await gql(hub, REMEDIED, { id: filed.id }, officer)).errors[0].extensions.code).toBe('CONFLICT');
    await eventually(async () =>
      (await alerts()).find((a: Inline) => a.sourceRef === filed.id).timeline.some((t: Inline) => t.action === 'breach ended'),
    );
    const trail = await sql(hub, `select action from urban.audit_entry where entity_type = 'Inspection' order by at, action`);
    expect(trail.map((t: Inline) => t.action)).toEqual(['filed', 'remedied']);
    expect((await gql(hub, `{ inspectionKinds { kind nameVi nameEn categoryCode } }`)).data.inspectionKinds).toHaveLength(3);
  });

  it('reports a record filed without an alert later, once; switches a rule off only for operators, audited', async () => {
    const input = {
      kind: 'ILLEGAL_DUMPING',
      description: 'Đổ xà bần trên đất trống cạnh đường',
      address: 'Hẻm 12 Hùng Vương',
      latitude: 11.5391,
      longitude: 106.8951,
      unitId: demoId('unit', 'BP-689-TANPHU'),
      observedAt: '2026-11-24T02:50:00Z',
    };
    const filed = (await gql(hub, FILE, { input }, officer)).data.fileInspection;
    expect(filed).toMatchObject({ status: 'OPEN', reportedToCenter: false });
    const REPORT = `mutation ($id: ID!) { reportInspection(id: $id) { reportedToCenter } }`;
    expect((await gql(hub, REPORT, { id: filed.id }, otherAgency)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await gql(hub, REPORT, { id: filed.id }, officer)).data.reportInspection).toEqual({ reportedToCenter: true });
    expect((await gql(hub, REPORT, { id: filed.id }, officer)).errors[0].extensions.code).toBe('CONFLICT');
    await eventually(async () =>
      (await alerts()).some((a: Inline) => a.sourceRef === filed.id && a.category.code === 'ENV_ILLEGAL_DUMPING'),
    );
    expect((await alerts()).filter((a: Inline) => a.sourceRef === filed.id)).toHaveLength(1);

    const SWITCH = `mutation { setUrbanRuleActive(code: "WASTE_UNCOLLECTED_DAY", active: false) { code active } }`;
    expect((await gql(hub, SWITCH, {}, hub.tokens.AGENCY_STAFF)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await gql(hub, SWITCH, {}, hub.tokens.OPERATOR)).data.setUrbanRuleActive).toEqual({
      code: 'WASTE_UNCOLLECTED_DAY',
      active: false,
    });
    const [audit] = await sql(hub, `select action from urban.audit_entry where entity_type = 'UrbanRule'`);
    expect(audit).toEqual({ action: 'deactivated' });
    expect((await gql(hub, `{ urbanRules { code active } }`)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers the province and its children in one query, with as many SQL statements for 12 children as for 2', async () => {
    const statements = async (code: string) => {
      hub.resetStatements();
      const answer = await gql(hub, TREE, { code }, hub.tokens.LEADER);
      expect(answer.errors).toBeUndefined();
      return { unit: answer.data.administrativeUnitByCode, count: hub.statementsOf.urban!.length };
    };
    const province = await statements('70');
    const chonThanh = await statements('697');
    expect(province.unit.children.length).toBeGreaterThanOrEqual(10);
    expect(chonThanh.unit.children).toHaveLength(2);
    expect(province.unit.urban).toMatchObject({ collectionOnTimeRate: 0.25, openViolations: 1 });
    expect(province.unit.children.find((c: Inline) => c.code === '689').urban.collectionOnTimeRate).toBe(0.25);
    expect(province.unit.children.find((c: Inline) => c.code === '690').urban).toEqual({
      lightingFaults: 0,
      collectionOnTimeRate: null,
      openViolations: 0,
    });
    // One statement for the unit, one for its children (the gateway asks for each level once).
    expect(province.count).toBe(chonThanh.count);
    expect(province.count).toBe(2);
  });
});
