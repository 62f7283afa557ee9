import { Role } from '@ioc-graph/platform';
import { startHub, type Hub } from '../../../test/support/hub';
import { gql, report, sendBulk, sql } from './support';

const COMMUNES = ['BP-689-TANXUAN', 'BP-688-LONGTHUY', 'BP-690-HUNGCHIEN', 'BP-697-MINHHUNG', 'BP-2025-DONGPHU'];
const CATEGORIES = ['THEFT', 'ROBBERY', 'AFFRAY', 'PUBLIC_DISORDER', 'GAMBLING', 'DRUGS', 'TRAFFIC_DISORDER'];
const INGEST = `mutation ($input: IngestSecurityReportsInput!) { ingestSecurityReports(input: $input) { received stored duplicates } }`;

/** Reports of the 113 line and patrols, in bulk (POST /ingest/v1/security-reports) and by the mutation, through the gateway. */
describe('security: ingest of police reports', () => {
  let hub: Hub;
  let seq = 0;
  const reports = (n: number, from: string) =>
    Array.from({ length: n }, (_, i) =>
      report({
        communeCode: COMMUNES[i % COMMUNES.length],
        category: CATEGORIES[i % CATEGORIES.length],
        channel: i % 3 ? 'HOTLINE_113' : 'PATROL',
        reportedAt: new Date(Date.parse(from) + i * 60_000).toISOString(),
        caseRef: `CA-BP/113-${String(++seq).padStart(6, '0')}`,
        sourceId: `113-${seq}`,
      }),
    );
  const count = async () => (await sql(hub, 'select count(*)::int as n from security.report'))[0].n as number;

  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('stores a bulk of reports once when it is sent twice, rolled up per commune, category and hour', async () => {
    const batch = reports(3_000, '2026-09-01T00:00:00Z');
    expect(await sendBulk(hub, batch, Role.SYSTEM)).toEqual({ status: 200, received: 3_000, stored: 3_000, duplicates: 0 });
    expect(await sendBulk(hub, batch, Role.SYSTEM)).toEqual({ status: 200, received: 3_000, stored: 0, duplicates: 3_000 });
    expect(await count()).toBe(3_000);
    const [rollup] = await sql(hub, 'select sum(count)::int as n from security.hourly_report');
    expect(rollup.n).toBe(3_000);
  });

  it('stores a batch of the mutation once when it is sent twice, and a source id repeated in it once', async () => {
    const batch = reports(200, '2026-09-10T00:00:00Z');
    const input = { source: 'ca-binhphuoc-tuantra', reports: [...batch, batch[0]] };
    const first = await gql(hub, INGEST, { input }, Role.SYSTEM);
    expect(first.errors).toBeUndefined();
    expect(first.data.ingestSecurityReports).toEqual({ received: 201, stored: 200, duplicates: 1 });
    const again = await gql(hub, INGEST, { input }, Role.OPERATOR);
    expect(again.data.ingestSecurityReports).toEqual({ received: 201, stored: 0, duplicates: 201 });
    expect(await count()).toBe(3_200);
  });

  it('takes a case’s new status when the police system sends its report again, and stores nothing more', async () => {
    const [first] = reports(1, '2026-09-15T00:00:00Z');
    expect(await sendBulk(hub, [first], Role.SYSTEM)).toMatchObject({ stored: 1 });
    expect(await sendBulk(hub, [{ ...first, status: 'RESOLVED', place: 'changed' }], Role.SYSTEM)).toMatchObject({
      stored: 0,
      duplicates: 1,
    });
    const rows = await sql(hub, 'select status, place from security.report where source_id = ?', [first.sourceId]);
    expect(rows).toEqual([{ status: 'RESOLVED', place: first.place }]);
    expect(await count()).toBe(3_201);
  });

  it('refuses personal data and bad fields as a whole, naming them, and lets only SYSTEM and OPERATOR send', async () => {
    const before = await count();
    const [good, bad, worse] = reports(3, '2026-09-20T00:00:00Z');
    const refused = await sendBulk(
      hub,
      [good, { ...bad, reporterName: 'Nguyễn Văn A', category: 'MURDER' }, { ...worse, place: 'gọi 0912 345 678', caseRef: 'a b' }],
      Role.SYSTEM,
    );
    expect([refused.status, refused.errors?.[0]?.extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(refused.errors[0].extensions.problems.map((p: { field: string }) => p.field)).toEqual([
      'reports[1].reporterName',
      'reports[1].category',
      'reports[2].place',
      'reports[2].caseRef',
    ]);
    const mutation = await gql(
      hub,
      INGEST,
      { input: { source: ' ', reports: [{ ...good, reportedAt: '2030-01-01T00:00:00Z' }] } },
      Role.SYSTEM,
    );
    expect(mutation.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(mutation.errors![0]!.extensions!.problems).toEqual([
      { field: 'source', message: expect.any(String) },
      { field: 'reports[0].reportedAt', message: 'is in the future' },
    ]);
    // An input field the schema does not have (a phone) is refused by GraphQL itself.
    const phone = await gql(hub, INGEST, { input: { source: 'ca-bp', reports: [{ ...good, phone: '0912345678' }] } }, Role.SYSTEM);
    expect(phone.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await sendBulk(hub, [good], Role.PARTNER)).status).toBe(403);
    expect((await sendBulk(hub, [good], Role.AGENCY_STAFF)).status).toBe(403);
    expect((await sendBulk(hub, [good], null)).status).toBe(401);
    expect((await gql(hub, INGEST, { input: { source: 'ca-bp', reports: [good] } }, Role.PARTNER)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await gql(hub, INGEST, { input: { source: 'ca-bp', reports: [good] } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await count()).toBe(before);
    // No column could hold a person: the table has none for a name, an ID number or a phone.
    const columns = await sql(
      hub,
      `select column_name as c from information_schema.columns where table_schema = 'security' and table_name = 'report' order by 1`,
    );
    expect(columns.map((c) => c.c)).toEqual([
      'case_ref',
      'category',
      'channel',
      'commune_id',
      'id',
      'place',
      'police_unit',
      'received_at',
      'reported_at',
      'source',
      'source_id',
      'status',
    ]);
  });

  it('sends as many SQL statements for 3,000 reports as for 30', async () => {
    const statements = async (batch: unknown[]) => {
      hub.resetStatements();
      expect((await sendBulk(hub, batch, Role.SYSTEM)).status).toBe(200);
      return hub.statementsOf.security!.length;
    };
    const small = await statements(reports(30, '2026-09-25T00:00:00Z'));
    expect(await statements(reports(3_000, '2026-09-26T00:00:00Z'))).toBe(small);
  });
});
