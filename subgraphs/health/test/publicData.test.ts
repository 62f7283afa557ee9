import { Role } from '@ioc-graph/platform';
import { codes, startHub, type Hub } from '../../../test/support/hub';
import { demoId, gql, healthOf, INGEST_CASES, type Inline } from './support';

const UNIT_HEALTH = `query ($code: String!) {
  administrativeUnitByCode(code: $code) {
    code
    health { facilities beds outbreakActive casesThisWeek(disease: HAND_FOOT_MOUTH) }
    children { code health { facilities beds outbreakActive casesThisWeek(disease: HAND_FOOT_MOUTH) } }
  }
}`;
const BEDS_AVAILABLE = `query ($code: String!) { administrativeUnitByCode(code: $code) { health { bedsAvailable } } }`;
const SERIES = `query ($unit: ID, $bucket: SeriesBucket!) {
  diseaseCaseSeries(disease: HAND_FOOT_MOUTH, withinUnitId: $unit, from: "2026-11-01T00:00:00Z", to: "2026-11-22T17:00:00Z", bucket: $bucket) { bucketStart cases deaths }
}`;
const COMMUNE_CASES = `{ communeCases(disease: HAND_FOOT_MOUTH, weekOf: "2026-11-23T01:00:00Z", withinUnitId: "${demoId('unit', '692')}") { code cases } }`;
const FACILITIES = `query ($search: String) { healthFacilities(search: $search) { code nameVi kind level beds kindName { nameVi nameEn } } }`;
const FACILITY_LOAD = `{ healthFacilities(search: "Bệnh viện Đa khoa") { code load { bedsOccupied } } }`;

/** What the public and partners may read of the health sector, what only staff may, and how the unit field is fetched. */
describe('health: open data, staff data and the unit picture', () => {
  let hub: Hub;
  const staff = [Role.LEADER, Role.OPERATOR, Role.AGENCY_STAFF, Role.FIELD_OFFICER, Role.SYSTEM];

  beforeAll(async () => {
    hub = await startHub();
    // Hand-foot-mouth in Lộc Ninh: on Sunday 15 November at 23:59:59 and at midnight (local) that ends it, and this week.
    const reports = [
      ['BP-692-LOCNINH', 1, '2026-11-15T16:59:59Z'],
      ['BP-692-LOCNINH', 2, '2026-11-15T17:00:00Z'],
      ['BP-692-LOCTHAI', 4, '2026-11-22T17:30:00Z'],
      ['BP-692-LOCNINH', 3, '2026-11-23T00:10:00Z'],
    ].map(([unitCode, cases, reportedAt], i) => ({
      disease: 'HAND_FOOT_MOUTH',
      unitCode,
      cases,
      deaths: 0,
      reportedAt,
      sourceId: `hfmd-${i}`,
    }));
    const result = await gql(hub, INGEST_CASES, { input: { source: 'giam-sat', reports } }, hub.tokens.SYSTEM);
    expect(result.errors).toBeUndefined();
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('shows the province and its district-level units’ picture to the public in one query, in as many statements as for a few units', async () => {
    const { statements } = healthOf(hub);
    hub.resetStatements();
    const one = await gql(hub, UNIT_HEALTH, { code: '697' }, hub.tokens.LEADER);
    expect(one.errors).toBeUndefined();
    expect(one.data.administrativeUnitByCode.health).toEqual({ facilities: 1, beds: 150, outbreakActive: false, casesThisWeek: 0 });
    expect(one.data.administrativeUnitByCode.children).toHaveLength(2);
    const forFew = statements.length;
    hub.resetStatements();
    const province = await gql(hub, UNIT_HEALTH, { code: '70' }, hub.tokens.LEADER);
    expect(province.errors).toBeUndefined();
    // The province's children are district-level units: the public reads the same answer.
    const countedFor = statements.length;
    expect(await gql(hub, UNIT_HEALTH, { code: '70' })).toMatchObject({ data: province.data });
    statements.splice(countedFor);
    const unit = province.data.administrativeUnitByCode;
    expect(unit.health).toEqual({ facilities: 18, beds: 2620, outbreakActive: false, casesThisWeek: 7 });
    expect(unit.children.length).toBeGreaterThan(10);
    expect(unit.children.find((c: Inline) => c.code === '692').health).toEqual({
      facilities: 1,
      beds: 200,
      outbreakActive: false,
      casesThisWeek: 7,
    });
    expect(unit.children.find((c: Inline) => c.code === '689').health).toMatchObject({ facilities: 6, casesThisWeek: 0 });
    // The unit picture and this week's cases: one statement each per fetch of the gateway (the unit, then its
    // children), as many for Chơn Thành's 2 wards as for the province's 20 children.
    expect(statements.length).toBe(forFew);
    expect(forFew).toBe(4);
  });

  it('answers a commune’s weekly cases to staff (to partners suppressed), and beds available to staff only', async () => {
    const communes = async (token: string | null) => gql(hub, UNIT_HEALTH, { code: '692' }, token);
    const anonymous = await communes(null);
    expect(anonymous.data.administrativeUnitByCode.health.casesThisWeek).toBe(7);
    expect(new Set(codes(anonymous))).toEqual(new Set(['UNAUTHENTICATED']));
    expect(anonymous.data.administrativeUnitByCode.children.every((c: Inline) => c.health === null)).toBe(true);
    expect(new Set(codes(await communes(hub.tokens.PARTNER)))).toEqual(new Set(['FORBIDDEN']));
    for (const role of staff) {
      const answer = await communes(hub.tokens[role]);
      expect([role, answer.errors]).toEqual([role, undefined]);
      const byCode = Object.fromEntries(answer.data.administrativeUnitByCode.children.map((c: Inline) => [c.code, c.health.casesThisWeek]));
      expect(byCode).toEqual({ 'BP-692-LOCNINH': 3, 'BP-692-LOCTHAI': 4, 'BP-692-LOCHUNG': 0 });
    }
    expect(codes(await gql(hub, BEDS_AVAILABLE, { code: '70' }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(hub, BEDS_AVAILABLE, { code: '70' }, hub.tokens.PARTNER))).toEqual(['FORBIDDEN']);
    const beds = await gql(hub, BEDS_AVAILABLE, { code: '70' }, hub.tokens.LEADER);
    expect(beds.errors).toBeUndefined();
    expect(beds.data.administrativeUnitByCode.health.bedsAvailable).toBeGreaterThanOrEqual(0);
    expect(codes(await gql(hub, COMMUNE_CASES))).toEqual(['UNAUTHENTICATED']);
    // Partners read them with small counts suppressed (gateway/test/partnerRights.test.ts): 4 and 3 cases are
    // small, and hide each other; nobody is behind the 0.
    expect((await gql(hub, COMMUNE_CASES, {}, hub.tokens.PARTNER)).data.communeCases).toEqual([
      { code: 'BP-692-LOCHUNG', cases: 0 },
      { code: 'BP-692-LOCNINH', cases: null },
      { code: 'BP-692-LOCTHAI', cases: null },
    ]);
    const list = await gql(hub, COMMUNE_CASES, {}, hub.tokens.OPERATOR);
    expect(list.data.communeCases).toEqual([
      { code: 'BP-692-LOCTHAI', cases: 4 },
      { code: 'BP-692-LOCNINH', cases: 3 },
      { code: 'BP-692-LOCHUNG', cases: 0 },
    ]);
  });

  it('buckets a district’s weekly and daily series at Monday and midnight in Asia/Ho_Chi_Minh, open data', async () => {
    const weeks = await gql(hub, SERIES, { unit: demoId('unit', '692'), bucket: 'WEEK' }, null);
    expect(weeks.errors).toBeUndefined();
    expect(weeks.data.diseaseCaseSeries).toEqual([
      { bucketStart: '2026-11-08T17:00:00.000Z', cases: 1, deaths: 0 },
      { bucketStart: '2026-11-15T17:00:00.000Z', cases: 2, deaths: 0 },
    ]);
    const days = await gql(hub, SERIES, { unit: demoId('unit', '692'), bucket: 'DAY' }, hub.tokens.PARTNER);
    expect(days.data.diseaseCaseSeries.map((p: Inline) => p.bucketStart)).toEqual(['2026-11-14T17:00:00.000Z', '2026-11-15T17:00:00.000Z']);
    // A commune's series is staff data.
    const commune = { unit: demoId('unit', 'BP-692-LOCNINH'), bucket: 'WEEK' };
    expect(codes(await gql(hub, SERIES, commune))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(hub, SERIES, commune, hub.tokens.PARTNER))).toEqual(['FORBIDDEN']);
    expect((await gql(hub, SERIES, commune, hub.tokens.AGENCY_STAFF)).data.diseaseCaseSeries).toHaveLength(2);
    const tooLong = await gql(hub, SERIES.replace('2026-11-01', '2020-01-01'), { bucket: 'WEEK' });
    expect(codes(tooLong)).toEqual(['BAD_USER_INPUT']);
  });

  it('lists the facilities to anyone, found with or without diacritics, their load to staff only', async () => {
    const found = await gql(hub, FACILITIES, { search: 'benh vien da khoa' });
    expect(found.data.healthFacilities).toEqual([
      {
        code: 'BP-BV-DKT',
        nameVi: 'Bệnh viện Đa khoa tỉnh Bình Phước',
        kind: 'GENERAL_HOSPITAL',
        level: 'PROVINCIAL',
        beds: 800,
        kindName: { nameVi: 'Bệnh viện đa khoa', nameEn: 'General hospital' },
      },
    ]);
    expect((await gql(hub, FACILITIES, { search: 'Trạm Y tế phường' })).data.healthFacilities.map((f: Inline) => f.code)).toHaveLength(5);
    expect(codes(await gql(hub, FACILITY_LOAD))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(hub, FACILITY_LOAD, {}, hub.tokens.PARTNER))).toEqual(['FORBIDDEN']);
    expect((await gql(hub, FACILITY_LOAD, {}, hub.tokens.OPERATOR)).data.healthFacilities).toEqual([{ code: 'BP-BV-DKT', load: null }]);
    const diseases = await gql(hub, `{ diseases { code nameVi nameEn } }`);
    expect(diseases.data.diseases.map((d: Inline) => d.code)).toEqual(['DENGUE', 'HAND_FOOT_MOUTH', 'MEASLES', 'COVID_19']);
  });
});
