import { demoId } from '@ioc-graph/directory';
import { categoryId } from '@ioc-graph/incidents';
import { Role } from '@ioc-graph/platform';
import { codes, execute, startHub, type GraphQLResponse, type Hub } from '../../test/support/hub';

/**
 * What the inline queries of this suite return: each test reads results by path and checks every value
 * with `expect`, so a declared shape would only restate each query.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- inline test queries are checked by their expectations, not by types
type Inline = any;

const STAFF = [Role.LEADER, Role.OPERATOR, Role.AGENCY_STAFF, Role.FIELD_OFFICER, Role.SYSTEM];
const sxd = demoId('agency', 'SXD-BP');

const STATION_SERIES = `query ($from: DateTimeISO!, $to: DateTimeISO!) {
  station(code: "BP-KK-PL01") { code series(metric: PM2_5, from: $from, to: $to, bucket: HOUR) { bucketStart average min max count } }
}`;
const AREA_SERIES = `{ metricSeries(metric: PM2_5, from: "2026-11-22T23:00:00Z", to: "2026-11-23T01:00:00Z", bucket: HOUR) { bucketStart count } }`;
const COMMUNE_COUNTS = `query ($unit: ID) {
  securityCommuneMonthlyCounts(from: "2026-10-31T17:00:00Z", to: "2026-11-30T17:00:00Z", withinUnitId: $unit) { month communeCode districtUnitId category count }
}`;
const DISTRICT_COUNTS = `{ securityMonthlyCounts(from: "2026-10-31T17:00:00Z", to: "2026-11-30T17:00:00Z", withinUnitId: "${demoId('unit', '689')}") { districtUnitId category count } }`;
const COMMUNE_CASES = `query ($unit: ID) { communeCases(disease: MEASLES, weekOf: "2026-11-23T01:00:00Z", withinUnitId: $unit) { code cases deaths } }`;
const DISTRICT_CASES = `{ diseaseCaseSeries(disease: MEASLES, withinUnitId: "${demoId('unit', '692')}", from: "2026-11-22T17:00:00Z", to: "2026-11-29T17:00:00Z", bucket: WEEK) { cases deaths } }`;
const UNIT_INCIDENTS = `{ administrativeUnitByCode(code: "70") { code incidentStats { total } } }`;

/** Reads with personal or staff-only operational data: refused to partners as to the public. */
const STAFF_READS: Record<string, string> = {
  'raw readings of a station': '{ station(code: "BP-KK-PL01") { latestReadings { source value } } }',
  'the people directory': '{ people(first: 5) { edges { node { fullName phone email } } } }',
  'an agency’s people, with the agency named on the token': `{ agency(id: "${sxd}") { people { fullName phone } } }`,
  'alerts (reporters’ contacts)': '{ alerts(first: 5) { totalCount } }',
  'police reports': '{ securityReports(first: 5) { totalCount } }',
  'security hotspots': '{ securityHotspots { communeCode last24h } }',
  'dossiers (applicants)': '{ dossiers(first: 5) { totalCount } }',
  'beds free': '{ administrativeUnitByCode(code: "70") { health { bedsAvailable } } }',
  'a commune’s case series': `{ diseaseCaseSeries(disease: MEASLES, withinUnitId: "${demoId('unit', 'BP-692-LOCTHAI')}", from: "2026-11-22T17:00:00Z", to: "2026-11-29T17:00:00Z", bucket: WEEK) { cases } }`,
};

/** One sample of every kind of write: a partner's token gets none of them. */
const MUTATIONS: Record<string, [string, Record<string, unknown>]> = {
  ingestReadings: [
    'mutation ($input: IngestReadingsInput!) { ingestReadings(input: $input) { stored } }',
    {
      input: {
        source: 'partner',
        readings: [{ stationCode: 'BP-KK-PL01', metric: 'PM2_5', value: 1, measuredAt: '2026-11-23T00:00:00Z', sourceId: 'p' }],
      },
    },
  ],
  ingestCaseReports: [
    'mutation ($input: IngestCaseReportsInput!) { ingestCaseReports(input: $input) { stored } }',
    {
      input: {
        source: 'partner',
        reports: [
          { disease: 'MEASLES', unitCode: 'BP-692-LOCHUNG', cases: 9, deaths: 0, reportedAt: '2026-11-23T00:00:00Z', sourceId: 'p' },
        ],
      },
    },
  ],
  openIncident: [
    'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
    {
      input: { categoryId: categoryId('URB_ILLEGAL_CONSTRUCTION'), title: 'x', description: 'x', unitId: demoId('unit', 'BP-689-TANPHU') },
    },
  ],
  createAgency: [
    'mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id } }',
    { input: { code: 'PARTNER-X', kind: 'OPERATIONS_CENTER', nameVi: 'x', nameEn: 'x', jurisdictionId: demoId('unit', '70') } },
  ],
  submitCitizenReport: [
    'mutation ($input: CitizenReportInput!) { submitCitizenReport(input: $input) { trackingCode } }',
    { input: { categoryId: categoryId('URB_STREET_LIGHT_BROKEN'), description: 'Đèn đường tắt.', place: '12 Trần Hưng Đạo' } },
  ],
  ratePublicIncident: [
    'mutation ($id: ID!, $input: RatingInput!) { ratePublicIncident(id: $id, input: $input) { id } }',
    { id: '00000000-0000-4000-8000-000000000001', input: { score: 5 } },
  ],
};

/**
 * What an open-data partner (role PARTNER) reads beyond the public, sector by sector (docs/open-data.md):
 * the public refused or given a coarser figure, the partner allowed, staff allowed as before; and what a
 * partner never gets, personal data and writes.
 */
describe('partner rights', () => {
  let hub: Hub;
  const gql = (query: string, variables: Record<string, unknown> = {}, role: Role | null = null, token?: string) =>
    execute<Inline, Record<string, unknown>>(hub.gatewayUrl, query, variables, {
      token: token ?? (role ? hub.tokens[role] : undefined),
    }) as Promise<GraphQLResponse<Inline>>;
  const ok = (response: GraphQLResponse<Inline>) => {
    expect(response.errors).toBeUndefined();
    return response.data;
  };

  beforeAll(async () => {
    hub = await startHub({}, { now: '2026-11-23T01:00:00Z' });
    const readings = [
      ['2026-11-22T23:20:00Z', 20],
      ['2026-11-23T00:10:00Z', 30],
      ['2026-11-23T00:40:00Z', 50],
    ].map(([measuredAt, value], i) => ({ stationCode: 'BP-KK-PL01', metric: 'PM2_5', value, measuredAt, sourceId: `pr-${i}` }));
    ok(await gql(MUTATIONS.ingestReadings[0], { input: { source: 'partner-rights', readings } }, Role.SYSTEM));
    const report = (communeCode: string, i: number) => ({
      communeCode,
      category: 'THEFT',
      channel: 'HOTLINE_113',
      place: 'Chợ Đồng Xoài',
      policeUnit: 'Công an phường',
      status: 'RECEIVED',
      reportedAt: `2026-11-2${i}T00:10:00Z`,
      caseRef: `CA-PR-${i}`,
      sourceId: `pr-${i}`,
    });
    const reports = [report('BP-689-TANPHU', 0), report('BP-689-TANPHU', 1), report('BP-689-TANXUAN', 2)];
    ok(
      await gql(
        'mutation ($input: IngestSecurityReportsInput!) { ingestSecurityReports(input: $input) { stored } }',
        { input: { source: 'partner-rights', reports } },
        Role.SYSTEM,
      ),
    );
    // Measles in Lộc Ninh's district this week: 12 cases (1 death) in Lộc Ninh, 3 in Lộc Thái, none in Lộc Hưng.
    const cases = [
      ['BP-692-LOCNINH', 12, 1],
      ['BP-692-LOCTHAI', 3, 0],
    ].map(([unitCode, n, deaths], i) => ({
      disease: 'MEASLES',
      unitCode,
      cases: n,
      deaths,
      reportedAt: '2026-11-23T00:10:00Z',
      sourceId: `pr-${i}`,
    }));
    ok(await gql(MUTATIONS.ingestCaseReports[0], { input: { source: 'partner-rights', reports: cases } }, Role.SYSTEM));
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('environment: gives partners and staff a station’s own hourly series, the public the subtree’s and null with UNAUTHENTICATED', async () => {
    const vars = { from: '2026-11-22T23:00:00Z', to: '2026-11-23T01:00:00Z' };
    const expected = [
      { bucketStart: '2026-11-22T23:00:00.000Z', average: 20, min: 20, max: 20, count: 1 },
      { bucketStart: '2026-11-23T00:00:00.000Z', average: 40, min: 30, max: 50, count: 2 },
    ];
    const anonymous = await gql(STATION_SERIES, vars);
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.data.station).toEqual({ code: 'BP-KK-PL01', series: null });
    // The public's figure mixes the subtree's stations.
    expect(ok(await gql(AREA_SERIES)).metricSeries.map((p: Inline) => p.count)).toEqual([1, 2]);
    for (const role of [Role.PARTNER, ...STAFF]) {
      expect([role, ok(await gql(STATION_SERIES, vars, role)).station.series]).toEqual([role, expected]);
    }
    // Every station's series in one statement.
    hub.resetStatements();
    const all = ok(
      await gql(
        `{ stations(kind: AIR) { code series(metric: PM2_5, from: "${vars.from}", to: "${vars.to}", bucket: HOUR) { count } } }`,
        {},
        Role.PARTNER,
      ),
    );
    expect(all.stations.length).toBeGreaterThan(1);
    expect(hub.environmentStatements.filter((s) => s.includes('hourly_rollup'))).toHaveLength(1);
  });

  it('environment: refuses a reversed or too long span with BAD_USER_INPUT', async () => {
    const reversed = await gql(STATION_SERIES, { from: '2026-11-23T01:00:00Z', to: '2026-11-22T23:00:00Z' }, Role.PARTNER);
    expect(codes(reversed)).toEqual(['BAD_USER_INPUT']);
    const tooLong = await gql(STATION_SERIES, { from: '2020-01-01T00:00:00Z', to: '2026-11-23T00:00:00Z' }, Role.PARTNER);
    expect(codes(tooLong)).toEqual(['BAD_USER_INPUT']);
  });

  it('security: gives partners and staff the month’s counts per commune, the public per district-level unit', async () => {
    expect(ok(await gql(DISTRICT_COUNTS)).securityMonthlyCounts).toEqual([
      { districtUnitId: demoId('unit', '689'), category: 'THEFT', count: 3 },
    ]);
    expect(codes(await gql(COMMUNE_COUNTS))).toEqual(['UNAUTHENTICATED']);
    const expected = [
      { month: '2026-11', communeCode: 'BP-689-TANPHU', districtUnitId: demoId('unit', '689'), category: 'THEFT', count: 2 },
      { month: '2026-11', communeCode: 'BP-689-TANXUAN', districtUnitId: demoId('unit', '689'), category: 'THEFT', count: 1 },
    ];
    for (const role of [Role.PARTNER, ...STAFF]) {
      expect([role, ok(await gql(COMMUNE_COUNTS, {}, role)).securityCommuneMonthlyCounts]).toEqual([role, expected]);
    }
    const one = ok(await gql(COMMUNE_COUNTS, { unit: demoId('unit', 'BP-689-TANXUAN') }, Role.PARTNER));
    expect(one.securityCommuneMonthlyCounts.map((c: Inline) => c.communeCode)).toEqual(['BP-689-TANXUAN']);
    const tooLong = await gql(COMMUNE_COUNTS.replace('2026-10-31', '2020-10-31'), {}, Role.PARTNER);
    expect(codes(tooLong)).toEqual(['BAD_USER_INPUT']);
  });

  it('health: gives partners a week’s commune counts with small counts suppressed, staff every count, the public the district', async () => {
    expect(ok(await gql(DISTRICT_CASES)).diseaseCaseSeries).toEqual([{ cases: 15, deaths: 1 }]);
    expect(codes(await gql(COMMUNE_CASES, { unit: demoId('unit', '692') }))).toEqual(['UNAUTHENTICATED']);
    for (const role of STAFF) {
      expect([role, ok(await gql(COMMUNE_CASES, { unit: demoId('unit', '692') }, role)).communeCases]).toEqual([
        role,
        [
          { code: 'BP-692-LOCNINH', cases: 12, deaths: 1 },
          { code: 'BP-692-LOCTHAI', cases: 3, deaths: 0 },
          { code: 'BP-692-LOCHUNG', cases: 0, deaths: 0 },
        ],
      ]);
    }
    // 3 cases and 1 death are small; the district's open total would give each back, so a second cell goes too.
    expect(ok(await gql(COMMUNE_CASES, { unit: demoId('unit', '692') }, Role.PARTNER)).communeCases).toEqual([
      { code: 'BP-692-LOCNINH', cases: 12, deaths: null },
      { code: 'BP-692-LOCHUNG', cases: null, deaths: 0 },
      { code: 'BP-692-LOCTHAI', cases: null, deaths: null },
    ]);
    // Asked alone, a commune is suppressed as in its district.
    expect(ok(await gql(COMMUNE_CASES, { unit: demoId('unit', 'BP-692-LOCHUNG') }, Role.PARTNER)).communeCases).toEqual([
      { code: 'BP-692-LOCHUNG', cases: null, deaths: 0 },
    ]);
    // Other districts have no measles: zeros are shown.
    const province = ok(await gql(COMMUNE_CASES, {}, Role.PARTNER)).communeCases;
    expect(province.filter((c: Inline) => !c.code.startsWith('BP-692-')).every((c: Inline) => c.cases === 0)).toBe(true);
  });

  it('incidents: gives partners and staff a unit’s incident counts, the public only published incidents', async () => {
    const anonymous = await gql(UNIT_INCIDENTS);
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.data.administrativeUnitByCode.incidentStats).toBeNull();
    for (const role of [Role.PARTNER, ...STAFF]) {
      expect([role, typeof ok(await gql(UNIT_INCIDENTS, {}, role)).administrativeUnitByCode.incidentStats.total]).toEqual([role, 'number']);
    }
    ok(await gql('{ publicIncidents(first: 5) { totalCount } }'));
  });

  it.each(Object.keys(STAFF_READS))('refuses partners %s, as the public, and serves the center', async (name) => {
    // A partner whose token names an agency is none of its staff.
    const partner = await hub.tokenFor({ ...hub.identities.PARTNER, subject: hub.identities.PARTNER.subject!, agencyId: sxd });
    const query = STAFF_READS[name];
    expect(codes(await gql(query))).toContain('UNAUTHENTICATED');
    const refused = await gql(query, {}, null, partner);
    expect(new Set(codes(refused))).toEqual(new Set(['FORBIDDEN']));
    expect(JSON.stringify(refused.data ?? null)).not.toMatch(/phone|fullName|value|totalCount|last24h|bedsAvailable|"cases"/);
    ok(await gql(query, {}, Role.OPERATOR));
  });

  it('shows partners no person by id', async () => {
    const id = demoId('person', 'staff-sxd');
    expect(ok(await gql(`{ person(id: "${id}") { fullName phone } }`, {}, Role.PARTNER)).person).toBeNull();
    expect(ok(await gql(`{ person(id: "${id}") { fullName } }`, {}, Role.OPERATOR)).person.fullName).toBeTruthy();
  });

  it.each(Object.keys(MUTATIONS))('refuses partners %s with FORBIDDEN and writes nothing', async (name) => {
    const count = async () => ok(await gql('{ alerts(first: 1) { totalCount } }', {}, Role.OPERATOR)).alerts.totalCount;
    const before = await count();
    const [mutation, variables] = MUTATIONS[name];
    const refused = await gql(mutation, variables, Role.PARTNER);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.data?.[name] ?? null).toBeNull();
    expect(await count()).toBe(before);
  });

  it('still lets the public report a problem without a token', async () => {
    const [mutation, variables] = MUTATIONS.submitCitizenReport;
    expect(ok(await gql(mutation, variables)).submitCitizenReport.trackingCode).toBeTruthy();
  });
});
