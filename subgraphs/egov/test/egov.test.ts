import { demoId } from '@ioc-graph/directory';
import { Role } from '@ioc-graph/platform';
import { eventually } from '../../../test/support/eventually';
import { codes, execute, startHub, type Hub } from '../../../test/support/hub';
import type { EgovServer } from '../src/server';

// Inline operations: each answer is read by path and checked with `expect`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- inline test queries are checked by their expectations, not by types
type Inline = any;

const INGEST = `mutation ($input: IngestDossiersInput!) { ingestDossiers(input: $input) { received stored updated duplicates } }`;
const NOW = '2026-11-23T03:00:00Z'; // 10:00 on Monday 23 Nov in Việt Nam

/** The e-government subgraph through the gateway: versioned ingest, KPIs, the overdue rule and its alert, access. */
describe('egov: dossiers of the one-stop-shop system', () => {
  let hub: Hub;
  let seq = 0;
  const gql = async (query: string, variables: Record<string, unknown> = {}, role: Role | null = Role.OPERATOR) =>
    (await execute<Inline, Record<string, unknown>>(hub.gatewayUrl, query, variables, role ? { token: hub.tokens[role] } : {})) as Inline;
  const sql = async <T = Inline>(query: string, params: unknown[] = []) =>
    (await (hub.subgraphs.egov!.server as unknown as EgovServer).orm.em.fork().getConnection().execute(query, params)) as T[];
  const dossier = (over: Record<string, unknown> = {}) => ({
    sourceId: `000.00.21.H10-${++seq}`,
    procedureCode: '2.001417',
    agencyCode: 'STP-BP',
    channel: 'ONLINE',
    status: 'RECEIVED',
    receivedAt: '2026-11-20T01:00:00Z',
    dueAt: '2026-12-04T10:00:00Z',
    finishedAt: null,
    updatedAt: '2026-11-20T01:00:00Z',
    ...over,
  });
  const ingest = async (dossiers: unknown[], role: Role = Role.SYSTEM) => gql(INGEST, { input: { source: 'motcua-bp', dossiers } }, role);

  beforeAll(async () => {
    hub = await startHub({}, { now: NOW });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('stores a batch once when it is sent twice, and a newer state of a dossier replaces the stored one', async () => {
    const batch = Array.from({ length: 2_000 }, (_, i) =>
      dossier({
        sourceId: `bulk-${i}`,
        agencyCode: i % 2 ? 'UBND-DX' : 'SKHDT-BP',
        procedureCode: i % 2 ? '1.009974' : '1.001612',
        channel: i % 3 ? 'ONLINE' : 'DESK',
      }),
    );
    const first = await ingest(batch);
    expect(first.errors).toBeUndefined();
    expect(first.data.ingestDossiers).toEqual({ received: 2_000, stored: 2_000, updated: 0, duplicates: 0 });
    expect((await ingest(batch)).data.ingestDossiers).toEqual({ received: 2_000, stored: 0, updated: 0, duplicates: 2_000 });
    const [rolled] = await sql(`select sum(received)::int as received, sum(finished)::int as finished from egov.hourly_dossier`);
    expect(rolled).toEqual({ received: 2_000, finished: 0 });

    // bulk-0 is finished on Monday 23 Nov at 09:00 local (received Friday 08:00): 1 + 1/8 working days, on time.
    const finished = { ...batch[0], status: 'FINISHED', finishedAt: '2026-11-23T02:00:00Z', updatedAt: '2026-11-23T02:00:00Z' };
    const older = { ...batch[1], status: 'RETURNED', finishedAt: '2026-11-20T02:00:00Z', updatedAt: '2026-11-20T01:00:00Z' };
    expect((await ingest([finished, older, finished])).data.ingestDossiers).toEqual({ received: 3, stored: 0, updated: 1, duplicates: 2 });
    const rows = await sql(
      `select source_id, status, processing_days from egov.dossier where source_id in ('bulk-0', 'bulk-1') order by source_id`,
    );
    expect(rows).toEqual([
      { source_id: 'bulk-0', status: 'FINISHED', processing_days: 1.13 },
      { source_id: 'bulk-1', status: 'RECEIVED', processing_days: null },
    ]);
    const [after] = await sql(
      `select sum(received)::int as received, sum(finished)::int as finished, sum(finished_on_time)::int as "onTime" from egov.hourly_dossier`,
    );
    expect(after).toEqual({ received: 2_000, finished: 1, onTime: 1 });

    // The bulk route: the same store, NDJSON, through the gateway.
    const send = (lines: unknown[], token: string | null = hub.tokens.SYSTEM) =>
      fetch(new URL('/ingest/v1/dossiers?source=motcua-bp', hub.gatewayUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: lines.map((l) => JSON.stringify(l)).join('\n'),
      }).then(async (r) => ({ status: r.status, ...((await r.json()) as Inline) }));
    const lines = Array.from({ length: 300 }, (_, i) =>
      dossier({ sourceId: `ndjson-${i}`, agencyCode: 'UBND-BL', procedureCode: '1.001193' }),
    );
    expect(await send(lines)).toEqual({ status: 200, received: 300, stored: 300, updated: 0, duplicates: 0 });
    expect(await send(lines)).toEqual({ status: 200, received: 300, stored: 0, updated: 0, duplicates: 300 });
    expect((await send(lines, hub.tokens.PARTNER)).status).toBe(403);
    expect((await send(lines, null)).status).toBe(401);
    const bad = await send([lines[0], { ...lines[1], channel: 'FAX', sourceId: 'ndjson-bad' }]);
    expect([bad.status, bad.errors[0].extensions.problems.map((p: { field: string }) => p.field)]).toEqual([400, ['dossiers[1].channel']]);
    expect(await sql(`select id from egov.dossier where source_id = 'ndjson-bad'`)).toEqual([]);
  });

  it('sends as many SQL statements for 3,000 dossiers as for 30, new or in a newer state', async () => {
    const statements = async (list: unknown[]) => {
      hub.resetStatements();
      expect((await ingest(list)).errors).toBeUndefined();
      return hub.statementsOf.egov!.length;
    };
    const many = Array.from({ length: 3_000 }, (_, i) =>
      dossier({ sourceId: `count-many-${i}`, agencyCode: 'UBND-DP', procedureCode: '1.009974' }),
    );
    const few = many.slice(0, 30).map((d) => ({ ...d, sourceId: d.sourceId.replace('many', 'few') }));
    const small = await statements(few);
    expect(await statements(many)).toBe(small);
    const later = (list: typeof many) =>
      list.map((d) => ({ ...d, status: 'RETURNED', finishedAt: '2026-11-23T01:00:00Z', updatedAt: '2026-11-23T01:00:00Z' }));
    expect(await statements(later(many))).toBe(await statements(later(few)));
  });

  it('refuses a bad batch as a whole, naming each field, and writes nothing', async () => {
    const before = (await sql(`select count(*)::int as n from egov.dossier`))[0].n;
    const result = await ingest([
      dossier(),
      dossier({ procedureCode: 'X.000', sourceId: ' ' }),
      dossier({ status: 'FINISHED', finishedAt: null, dueAt: '2026-11-19T00:00:00Z' }),
      dossier({ agencyCode: 'NOWHERE', receivedAt: '2027-01-01T00:00:00Z' }),
    ]);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors[0].extensions.problems.map((p: { field: string }) => p.field)).toEqual([
      'dossiers[1].sourceId',
      'dossiers[1].procedureCode',
      'dossiers[2].dueAt',
      'dossiers[2].finishedAt',
      'dossiers[3].agencyCode',
      'dossiers[3].receivedAt',
    ]);
    expect((await sql(`select count(*)::int as n from egov.dossier`))[0].n).toBe(before);
    for (const role of [Role.PARTNER, Role.AGENCY_STAFF, Role.LEADER])
      expect(codes(await ingest([dossier()], role))).toEqual(['FORBIDDEN']);
    expect((await sql(`select count(*)::int as n from egov.dossier`))[0].n).toBe(before);
  });

  it('raises one alert routed to an agency whose overdue dossiers pass the threshold, and ends it when they are handled', async () => {
    // Sở Tư pháp: 12 criminal record requests due on Friday 20 Nov, still being handled.
    const late = Array.from({ length: 12 }, () =>
      dossier({ receivedAt: '2026-11-06T02:00:00Z', dueAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-06T02:00:00Z' }),
    );
    await ingest(late.slice(0, 10));
    expect(await sql(`select id from egov.breach`)).toEqual([]);
    await ingest(late.slice(10));
    const [breach] = await sql(`select id, agency_code as "agencyCode", peak_value as peak from egov.breach where ended_at is null`);
    expect(breach).toMatchObject({ agencyCode: 'STP-BP', peak: 12 });
    const ALERTS = `{ alerts(filter: { sourceSystem: "egov" }) { totalCount edges { node { sourceRef headline category { code defaultProcess } agency { id code } timeline { action } } } } }`;
    await eventually(async () => (await gql(ALERTS)).data.alerts.totalCount > 0);
    const alert = (await gql(ALERTS)).data.alerts.edges[0].node;
    expect(alert).toMatchObject({
      sourceRef: breach.id,
      headline: 'Sở Tư pháp tỉnh Bình Phước có 12 hồ sơ thủ tục hành chính trễ hạn (ngưỡng 10)',
      category: { code: 'EGOV_DOSSIER_OVERDUE', defaultProcess: 'TIMED' },
      agency: { id: demoId('agency', 'STP-BP'), code: 'STP-BP' },
    });
    // Another overdue dossier extends the breach: still one alert.
    await ingest([dossier({ receivedAt: '2026-11-06T02:00:00Z', dueAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-06T02:00:00Z' })]);
    // Five are finished (late): 8 left, under the threshold: the breach ends and the alert says so.
    const done = late
      .slice(0, 5)
      .map((d) => ({ ...d, status: 'FINISHED', finishedAt: '2026-11-23T02:30:00Z', updatedAt: '2026-11-23T02:30:00Z' }));
    expect((await ingest(done)).data.ingestDossiers).toMatchObject({ updated: 5 });
    expect(await sql(`select type from egov.outbox_event where entity_key = ? order by seq`, [breach.id])).toEqual([
      { type: 'egov.breachOpened' },
      { type: 'egov.breachClosed' },
    ]);
    await eventually(async () =>
      (await gql(ALERTS)).data.alerts.edges[0].node.timeline.some((t: { action: string }) => t.action === 'breach ended'),
    );
    expect((await gql(ALERTS)).data.alerts.totalCount).toBe(1);
  });

  it('publishes KPIs to the public and partners; dossiers are for the center and the agency’s own staff', async () => {
    const PUBLIC = `query ($a: ID!, $u: ID!) {
      agency(id: $a) { code publicServices { received finished onTimeRate overdue onlineRate averageProcessingDays } }
      administrativeUnit(id: $u) { publicServices { received overdue } }
      procedures(search: "ly lich tu phap") { code nameVi level }
    }`;
    const vars = { a: demoId('agency', 'STP-BP'), u: demoId('unit', '70') };
    for (const role of [null, Role.PARTNER]) {
      const answer = await gql(PUBLIC, vars, role);
      expect(answer.errors).toBeUndefined();
      expect(answer.data.agency.publicServices).toEqual({
        received: 13,
        finished: 5,
        onTimeRate: 0,
        overdue: 8,
        onlineRate: 1,
        averageProcessingDays: expect.any(Number),
      });
      expect(answer.data.procedures).toEqual([
        { code: '2.001417', nameVi: expect.stringContaining('lý lịch tư pháp'), level: 'FULL_ONLINE' },
      ]);
    }
    const DOSSIERS = `{ dossiers(first: 5) { totalCount edges { node { sourceId status agency { code } procedure { code } } } } }`;
    for (const role of [null, Role.PARTNER, Role.FIELD_OFFICER]) {
      const answer = await gql(DOSSIERS, {}, role);
      expect(codes(answer)).toEqual([role ? 'FORBIDDEN' : 'UNAUTHENTICATED']);
      expect(answer.data?.dossiers ?? null).toBeNull();
    }
    for (const role of [Role.OPERATOR, Role.LEADER, Role.SYSTEM]) {
      const answer = await gql(DOSSIERS, {}, role);
      expect(answer.errors).toBeUndefined();
      expect(answer.data.dossiers.totalCount).toBeGreaterThan(2_000);
    }
    // The demo agency staff work for Sở Xây dựng, which has no dossier: they see none, and may not ask for another's.
    const own = await gql(DOSSIERS, {}, Role.AGENCY_STAFF);
    expect(own.data.dossiers.totalCount).toBe(0);
    const other = await gql(
      `query ($a: ID) { dossiers(first: 1, agencyId: $a) { totalCount } }`,
      { a: demoId('agency', 'STP-BP') },
      Role.AGENCY_STAFF,
    );
    expect(codes(other)).toEqual(['FORBIDDEN']);
  });

  it('buckets its series in Asia/Ho_Chi_Minh days: 16:59:59Z and 17:00:00Z fall on different local days', async () => {
    await ingest([
      dossier({ agencyCode: 'UBND-CT', procedureCode: '1.009974', receivedAt: '2026-11-21T16:59:59Z', updatedAt: '2026-11-21T16:59:59Z' }),
      dossier({
        agencyCode: 'UBND-CT',
        procedureCode: '1.009974',
        receivedAt: '2026-11-21T17:00:00Z',
        updatedAt: '2026-11-21T17:00:00Z',
        channel: 'DESK',
      }),
    ]);
    const STATS = `query ($u: ID, $bucket: SeriesBucket!) { dossierStats(withinUnitId: $u, from: "2026-11-21T00:00:00Z", to: "2026-11-23T00:00:00Z", bucket: $bucket) { bucketStart received receivedOnline } }`;
    const days = await gql(STATS, { u: demoId('unit', '697'), bucket: 'DAY' }, null);
    expect(days.errors).toBeUndefined();
    expect(days.data.dossierStats).toEqual([
      { bucketStart: '2026-11-20T17:00:00.000Z', received: 1, receivedOnline: 1 },
      { bucketStart: '2026-11-21T17:00:00.000Z', received: 1, receivedOnline: 0 },
    ]);
    // And months: 23:59:59 on 31 Oct and midnight on 1 Nov, local time, in Phước Long.
    await ingest([
      dossier({ agencyCode: 'UBND-PL', procedureCode: '1.009974', receivedAt: '2026-10-31T16:59:59Z', updatedAt: '2026-10-31T16:59:59Z' }),
      dossier({ agencyCode: 'UBND-PL', procedureCode: '1.009974', receivedAt: '2026-10-31T17:00:00Z', updatedAt: '2026-10-31T17:00:00Z' }),
    ]);
    const months = await gql(
      STATS.replace('2026-11-21T00:00:00Z', '2026-09-30T17:00:00Z'),
      { u: demoId('unit', '688'), bucket: 'MONTH' },
      null,
    );
    expect(months.data.dossierStats).toEqual([
      { bucketStart: '2026-09-30T17:00:00.000Z', received: 1, receivedOnline: 1 },
      { bucketStart: '2026-10-31T17:00:00.000Z', received: 1, receivedOnline: 1 },
    ]);
    const span = await gql(STATS.replace('2026-11-21T00:00:00Z', '2020-01-01T00:00:00Z'), { u: null, bucket: 'DAY' }, null);
    expect(codes(span)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers AdministrativeUnit.publicServices for the province and its children in one gateway query, batched', async () => {
    const UNITS = `query ($id: ID!) { administrativeUnit(id: $id) { code publicServices { received overdue } children { code publicServices { received overdue onTimeRate } } } }`;
    hub.resetStatements();
    const answer = await gql(UNITS, { id: demoId('unit', '70') }, null);
    expect(answer.errors).toBeUndefined();
    const unit = answer.data.administrativeUnit;
    expect(unit.publicServices.received).toBeGreaterThan(2_000);
    expect(unit.children.length).toBeGreaterThan(5);
    const child = (code: string) => unit.children.find((c: { code: string }) => c.code === code).publicServices;
    expect(child('689')).toMatchObject({ received: 1_000 });
    expect(child('697')).toMatchObject({ received: 2 });
    // One statement for the province, one for all its children: as many for ten units as for one.
    expect(hub.statementsOf.egov).toHaveLength(2);
  });
});
