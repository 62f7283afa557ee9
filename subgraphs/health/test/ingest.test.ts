import { startHub, type Hub } from '../../../test/support/hub';
import { gql, healthOf, INGEST_CASES, INGEST_LOADS, sendBulk } from './support';

/** Facility loads and case counts in, by the mutations and in bulk through the gateway: once, whole, or not at all. */
describe('health: ingest of facility loads and case counts', () => {
  let hub: Hub;
  let seq = 0;
  const loads = (n: number, from: string) =>
    Array.from({ length: n }, (_, i) => ({
      facilityCode: ['BP-BV-DKT', 'BP-TTYT-DX', 'BP-TTYT-BL'][i % 3],
      bedsOccupied: 60 + (i % 40),
      emergencyWaiting: i % 7,
      ambulancesAvailable: 1 + (i % 2),
      reportedAt: new Date(Date.parse(from) + i * 60_000).toISOString(),
      sourceId: `load-${++seq}`,
    }));
  const counts = (n: number, from: string) =>
    Array.from({ length: n }, (_, i) => ({
      disease: ['HAND_FOOT_MOUTH', 'COVID_19'][i % 2],
      unitCode: ['BP-690-ANLOC', 'BP-692-LOCNINH', 'BP-697-MINHHUNG'][i % 3],
      cases: 1,
      deaths: 0,
      reportedAt: new Date(Date.parse(from) + i * 60_000).toISOString(),
      sourceId: `count-${++seq}`,
    }));

  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('stores a bulk of load reports once when it is sent twice, rolled up per facility and hour, the latest load kept', async () => {
    const batch = loads(1_500, '2026-11-21T23:00:00Z');
    expect(await sendBulk(hub, 'facility-loads', batch, hub.tokens.SYSTEM)).toEqual({
      status: 200,
      received: 1_500,
      stored: 1_500,
      duplicates: 0,
    });
    expect(await sendBulk(hub, 'facility-loads', batch, hub.tokens.SYSTEM)).toEqual({
      status: 200,
      received: 1_500,
      stored: 0,
      duplicates: 1_500,
    });
    const { sql } = healthOf(hub);
    const [stored] = await sql(`select count(*)::int as n from health.facility_load`);
    expect(stored.n).toBe(1_500);
    const [rolled] = await sql(`select sum(count)::int as n from health.hourly_load where metric = 'BED_OCCUPANCY'`);
    expect(rolled.n).toBe(1_500);
    const latest = await sql(
      `select f.code, l.reported_at from health.latest_load l join health.facility f on f.id = l.facility_id order by f.code`,
    );
    expect(latest.map((l) => [l.code, new Date(l.reported_at).toISOString()])).toEqual([
      ['BP-BV-DKT', '2026-11-22T23:57:00.000Z'],
      ['BP-TTYT-BL', '2026-11-22T23:59:00.000Z'],
      ['BP-TTYT-DX', '2026-11-22T23:58:00.000Z'],
    ]);
    // Its daily series (staff data) splits at midnight Asia/Ho_Chi_Minh: 17:00 UTC.
    const SERIES = `{ facilityLoadSeries(facilityCode: "BP-TTYT-DX", metric: BED_OCCUPANCY, from: "2026-11-20T00:00:00Z", to: "2026-11-24T00:00:00Z", bucket: DAY) { bucketStart reports min max } }`;
    const days = await gql(hub, SERIES, {}, hub.tokens.OPERATOR);
    expect(days.data.facilityLoadSeries.map((p: { bucketStart: string; reports: number }) => [p.bucketStart, p.reports])).toEqual([
      ['2026-11-21T17:00:00.000Z', 360],
      ['2026-11-22T17:00:00.000Z', 140],
    ]);
    expect(days.data.facilityLoadSeries[0].max).toBeLessThanOrEqual(100 * (99 / 150) + 1e-9);
    expect((await gql(hub, SERIES)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('stores a bulk of case counts once when it is sent twice, and the mutation likewise', async () => {
    const batch = counts(600, '2026-11-20T01:00:00Z');
    expect(await sendBulk(hub, 'case-reports', batch, hub.tokens.SYSTEM, 'giam-sat')).toMatchObject({ status: 200, stored: 600 });
    expect(await sendBulk(hub, 'case-reports', batch, hub.tokens.SYSTEM, 'giam-sat')).toMatchObject({
      status: 200,
      stored: 0,
      duplicates: 600,
    });
    const input = { source: 'giam-sat', reports: counts(3, '2026-11-22T03:00:00Z') };
    const first = await gql(hub, INGEST_CASES, { input }, hub.tokens.OPERATOR);
    expect(first.errors).toBeUndefined();
    expect(first.data.ingestCaseReports).toEqual({ received: 3, stored: 3, duplicates: 0 });
    const again = await gql(hub, INGEST_CASES, { input }, hub.tokens.SYSTEM);
    expect(again.data.ingestCaseReports).toEqual({ received: 3, stored: 0, duplicates: 3 });
    const [rolled] = await healthOf(hub).sql(
      `select sum(sum)::int as n from health.hourly_cases where measure = 'CASES' and disease in ('HAND_FOOT_MOUTH', 'COVID_19')`,
    );
    expect(rolled.n).toBe(603);
    const loadInput = { source: 'his-bvdk', loads: loads(2, '2026-11-22T05:00:00Z') };
    expect((await gql(hub, INGEST_LOADS, { input: loadInput }, hub.tokens.SYSTEM)).data.ingestFacilityLoads).toEqual({
      received: 2,
      stored: 2,
      duplicates: 0,
    });
    expect((await gql(hub, INGEST_LOADS, { input: loadInput }, hub.tokens.SYSTEM)).data.ingestFacilityLoads.duplicates).toBe(2);
  });

  it('refuses a bad batch as a whole, naming each bad field, and writes nothing', async () => {
    const { sql } = healthOf(hub);
    const count = async () =>
      (await sql(`select (select count(*) from health.facility_load) + (select count(*) from health.case_report) as n`))[0].n;
    const before = await count();
    const [good, bad] = loads(2, '2026-11-22T06:00:00Z');
    const refused = await sendBulk(
      hub,
      'facility-loads',
      [good, { ...bad, facilityCode: 'BP-NOWHERE', emergencyWaiting: -1, reportedAt: '2027-01-01T00:00:00Z' }],
      hub.tokens.SYSTEM,
    );
    expect([refused.status, refused.errors[0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(refused.errors[0].extensions.problems.map((p: { field: string }) => p.field)).toEqual([
      'loads[1].facilityCode',
      'loads[1].emergencyWaiting',
      'loads[1].reportedAt',
    ]);
    const [ok, wrong] = counts(2, '2026-11-22T06:00:00Z');
    const input = { source: 'giam-sat', reports: [ok, { ...wrong, unitCode: 'BP-689', cases: 2, deaths: 3, sourceId: ' ' }] };
    const result = await gql(hub, INGEST_CASES, { input }, hub.tokens.SYSTEM);
    expect(result.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect((result.errors![0]!.extensions!.problems as { field: string }[]).map((p: { field: string }) => p.field)).toEqual([
      'reports[1].unitCode',
      'reports[1].deaths',
      'reports[1].sourceId',
    ]);
    expect(await count()).toBe(before);
  });

  it('lets the sector’s systems and operators send, not a partner, agency staff or the public', async () => {
    const partner = await sendBulk(hub, 'case-reports', counts(1, '2026-11-22T07:00:00Z'), hub.tokens.PARTNER);
    expect([partner.status, partner.errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
    const anonymous = await sendBulk(hub, 'facility-loads', loads(1, '2026-11-22T07:00:00Z'), null);
    expect([anonymous.status, anonymous.errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const staff = await gql(
      hub,
      INGEST_CASES,
      { input: { source: 'x', reports: counts(1, '2026-11-22T07:00:00Z') } },
      hub.tokens.AGENCY_STAFF,
    );
    expect(staff.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('sends as many SQL statements for 2,000 load reports as for 20', async () => {
    const { statements } = healthOf(hub);
    const sent = async (batch: unknown[]) => {
      hub.resetStatements();
      expect((await sendBulk(hub, 'facility-loads', batch, hub.tokens.SYSTEM)).status).toBe(200);
      return statements.length;
    };
    const small = await sent(loads(20, '2026-11-21T10:00:00Z'));
    expect(await sent(loads(2_000, '2026-11-19T10:00:00Z'))).toBe(small);
  });
});
