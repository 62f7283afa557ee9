import { demoId } from '@ioc-graph/directory';
import { categoryId } from '@ioc-graph/incidents';
import { Role } from '@ioc-graph/platform';
import { AgencyWorkloadDocument, IncidentCountsDocument, IncidentPageDocument, UnitWorkloadDocument } from '../../../__generated__/graphql';
import { codes, execute, startHub, type Hub } from '../../../test/support/hub';
import { Alert } from '../src/alert/alert';
import { Category } from '../src/category/category';
import { Incident } from '../src/incident/incident';
import { IncidentState } from '../src/incident/incident.rules';
import { AlertStatus, Process, Sector, Severity } from '../src/vocabulary';

const unit = (code: string) => demoId('unit', code);
const lineage = (...codes: string[]) => codes.map(unit);

/** Incidents as the wall screens and agencies see them: counts, workloads, and batched pages. */
describe('incident workload across subgraphs', () => {
  let hub: Hub;
  const sxd = demoId('agency', 'SXD-BP');
  const pccc = demoId('agency', 'PCCC-BP');

  beforeAll(async () => {
    hub = await startHub();
    // 120 incidents written straight to the database: 80 in Tân Phú (Đồng Xoài) for the construction
    // department, 30 in Phước Long for fire and rescue, 10 drills that never count.
    const em = hub.incidents.orm.em.fork();
    const category = await em.findOneOrFail(Category, categoryId('URB_ILLEGAL_CONSTRUCTION'));
    const now = hub.clock.now();
    for (let i = 0; i < 120; i++) {
      const inPhuocLong = i >= 80 && i < 110;
      const drill = i >= 110;
      const incident = em.create(Incident, {
        code: `VV-2026-9${String(i).padStart(5, '0')}`,
        title: `Vụ việc thử ${i}`,
        description: 'Xây dựng không phép',
        sector: Sector.URBAN_ORDER,
        category,
        severity: Severity.MODERATE,
        process: Process.TIMED,
        status: drill ? AlertStatus.EXERCISE : AlertStatus.ACTUAL,
        state: i % 4 === 0 ? IncidentState.PUBLISHED : IncidentState.ASSIGNED,
        unitId: inPhuocLong ? unit('BP-688-LONGPHUOC') : unit('BP-689-TANPHU'),
        unitLineage: inPhuocLong ? lineage('70', '688', 'BP-688-LONGPHUOC') : lineage('70', '689', 'BP-689-TANPHU'),
        agencyId: inPhuocLong ? pccc : sxd,
        occurredAt: now,
        openedAt: new Date(now.getTime() - i * 60_000),
        openedBy: 'demo-operator',
        assignedAt: now,
        // Every third one is past its deadline.
        deadline: new Date(now.getTime() + (i % 3 === 0 ? -1 : 1) * 3_600_000),
      });
      em.persist(incident);
      em.persist(
        em.create(Alert, {
          sourceSystem: 'citizen-report',
          sourceRef: `PA-TEST${i}`,
          sector: Sector.URBAN_ORDER,
          category,
          severity: Severity.MODERATE,
          headline: `Phản ánh ${i}`,
          description: 'Xây dựng không phép',
          occurredAt: now,
          receivedAt: now,
          reporterName: `Người phản ánh ${i}`,
          reporterPhone: '0912 000 000',
          incident,
        }),
      );
    }
    await em.flush();
  });
  afterAll(() => hub.stop());

  it('keeps the SQL statements of a page with agency, unit, opener and reporter constant as the page grows', async () => {
    const run = async (first: number) => {
      hub.resetStatements();
      const page = await execute(hub.gatewayUrl, IncidentPageDocument, { first }, { token: hub.tokens.OPERATOR });
      expect(page.errors).toBeUndefined();
      const nodes = page.data!.incidents.edges.map((e) => e.node);
      expect(nodes).toHaveLength(first);
      expect(nodes.every((n) => n.agency?.nameVi && n.unit?.parent?.nameVi && n.reporter?.phone && n.openedBy?.fullName)).toBe(true);
      return { incidents: hub.incidentStatements.length, directory: hub.statements.length };
    };
    const small = await run(10);
    const large = await run(100);
    expect(large).toEqual(small);
    expect(large.incidents).toBeLessThanOrEqual(5);
    expect(large.directory).toBeLessThanOrEqual(5);
  });

  it('counts incidents by state and by the units below a unit, without drills', async () => {
    const byState = await execute(hub.gatewayUrl, IncidentCountsDocument, { by: 'STATE' }, { token: hub.tokens.LEADER });
    expect(byState.errors).toBeUndefined();
    expect(Object.fromEntries(byState.data!.incidentCounts.map((b) => [b.key, b.count]))).toEqual({ ASSIGNED: 82, PUBLISHED: 28 });
    const byUnit = await execute(hub.gatewayUrl, IncidentCountsDocument, { by: 'UNIT' }, { token: hub.tokens.LEADER });
    expect(byUnit.data!.incidentCounts.map((b) => [b.unit!.code, b.count])).toEqual([
      ['689', 80],
      ['688', 30],
    ]);
    const below = await execute(
      hub.gatewayUrl,
      IncidentCountsDocument,
      { by: 'UNIT', filter: { withinUnitId: unit('689') } },
      { token: hub.tokens.LEADER },
    );
    expect(below.data!.incidentCounts).toEqual([
      { key: unit('BP-689-TANPHU'), count: 80, unit: { code: 'BP-689-TANPHU', nameVi: 'Phường Tân Phú' }, agency: null },
    ]);
    // An agency counts its own only.
    const own = await execute(hub.gatewayUrl, IncidentCountsDocument, { by: 'AGENCY' }, { token: hub.tokens.AGENCY_STAFF });
    expect(own.data!.incidentCounts).toEqual([{ key: sxd, count: 80, unit: null, agency: { code: 'SXD-BP' } }]);
  });

  it('shows a unit with its children, agencies and their workload in one query through the gateway', async () => {
    const response = await execute(hub.gatewayUrl, UnitWorkloadDocument, { code: '70' }, { token: hub.tokens.LEADER });
    expect(response.errors).toBeUndefined();
    const province = response.data!.administrativeUnitByCode!;
    // Overdue: every third (i % 3 = 0) of the 110 real ones, unless published (i % 12 = 0): 37 − 10.
    expect(province.incidentStats).toEqual({ total: 110, open: 82, overdue: 27, published: 28 });
    expect(province.children.find((c) => c.code === '689')!.incidentStats).toEqual({ total: 80, open: 60 });
    expect(province.children.find((c) => c.code === '691')!.incidentStats).toEqual({ total: 0, open: 0 });
    const sxdRow = province.agencies.find((a) => a.code === 'SXD-BP');
    expect(sxdRow?.incidentStats).toEqual({ total: 80, open: 60 });
    // The worklist holds drills too (8 of them open): they are work, just not statistics.
    expect(sxdRow?.openIncidents).toHaveLength(68);
  });

  it('shows an agency its own open incidents, and refuses another agency’s', async () => {
    const own = await execute(hub.gatewayUrl, AgencyWorkloadDocument, { code: 'SXD-BP' }, { token: hub.tokens.AGENCY_STAFF });
    const agency = own.data!.agencyByCode!;
    expect(agency.openIncidents?.every((i) => i.state === 'ASSIGNED')).toBe(true);
    const deadlines = (agency.openIncidents ?? []).map((i) => i.deadline!);
    expect(deadlines).toEqual([...deadlines].sort());
    expect(agency.incidentStats?.overdue).toBeGreaterThan(0);
    const other = await execute(hub.gatewayUrl, AgencyWorkloadDocument, { code: 'PCCC-BP' }, { token: hub.tokens.AGENCY_STAFF });
    expect(codes(other)).toContain('FORBIDDEN');
    // The incidents subgraph's fields are refused and null; the directory's part of the agency stands.
    expect(other.data?.agencyByCode).toMatchObject({ code: 'PCCC-BP', incidentStats: null, openIncidents: null });
    const publicRead = await execute(hub.gatewayUrl, AgencyWorkloadDocument, { code: 'SXD-BP' });
    expect(codes(publicRead)).toContain('UNAUTHENTICATED');
    expect(hub.identities[Role.AGENCY_STAFF].agencyId).toBe(sxd);
  });
});
