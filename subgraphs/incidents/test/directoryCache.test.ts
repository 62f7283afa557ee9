import { demoId, emitDirectoryEvent } from '@ioc-graph/directory';
import { categoryId } from '@ioc-graph/incidents';
import { Role } from '@ioc-graph/platform';
import { AssignAgencyDocument, UpdateAgencyDocument, VerifyAlertDocument, type ReportAlertInput } from '../../../__generated__/graphql';
import { eventually } from '../../../test/support/eventually';
import { ok } from '../../../test/support/graphql';
import { execute, startHub, type Hub } from '../../../test/support/hub';

let seq = 0;
/** Asks for no field of the directory: its statements are then the lookup's alone. */
const REPORT = 'mutation ($input: ReportAlertInput!) { reportAlert(input: $input) { id version } }';
const alertOn = (unitId: string): ReportAlertInput => ({
  sourceSystem: 'traffic-camera-ai',
  sourceRef: `cache-${++seq}`,
  categoryId: categoryId('TRF_CONGESTION'),
  headline: 'Camera AI phát hiện ùn tắc kéo dài trên QL14',
  occurredAt: '2026-11-23T00:40:00Z',
  unitId,
});

/**
 * The incidents subgraph keeps units' lineages and agencies' names between requests (DirectoryCache):
 * the directory is asked once per unit, not once per alert, and a change the directory announces on
 * the bus reaches the next write.
 */
describe('the directory cache of the incidents subgraph', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub?.stop();
  });

  const report = async (unitId: string) => {
    const input = alertOn(unitId);
    const { reportAlert } = ok(
      await execute<{ reportAlert: { id: string; version: number } }, { input: ReportAlertInput }>(
        hub.gatewayUrl,
        REPORT,
        { input },
        { token: hub.tokens.SYSTEM },
      ),
    );
    return { ...reportAlert, sourceRef: input.sourceRef };
  };
  const incidentsSql = <T>(sql: string, params: unknown[]) => hub.incidents.orm.em.fork().getConnection().execute<T[]>(sql, params);
  const directorySql = <T>(sql: string, params: unknown[] = []) => hub.directory.orm.em.fork().getConnection().execute<T[]>(sql, params);
  const lineageOf = async (sourceRef: string) =>
    (await incidentsSql<{ unit_lineage: string[] }>('select unit_lineage from incidents.alert where source_ref = ?', [sourceRef]))[0]
      .unit_lineage;

  it('asks the directory for a unit once, however many alerts are reported on it', async () => {
    const unitId = demoId('unit', 'BP-688-THACMO');
    hub.resetStatements();
    await report(unitId);
    const firstLookup = hub.statementsOf.directory.length;
    expect(firstLookup).toBeGreaterThan(0);

    const N = 20;
    hub.resetStatements();
    await Promise.all(Array.from({ length: N }, () => report(unitId)));
    expect(hub.statementsOf.directory).toEqual([]);
  });

  it('carries a unit’s new lineage once the directory announces that the unit moved', async () => {
    const ward = demoId('unit', 'BP-689-TANPHU');
    const before = await report(ward);
    const oldLineage = await lineageOf(before.sourceRef);
    expect(oldLineage).toContain(demoId('unit', '689'));

    // A data migration of the 2025 reform moves the ward under the new Đồng Xoài, with its event.
    const newParent = demoId('unit', 'BP-2025-DONGXOAI');
    const [{ path: parentPath }] = await directorySql<{ path: string }>('select path from directory.administrative_unit where id = ?', [
      newParent,
    ]);
    await hub.directory.orm.em.fork().transactional(async (em) => {
      await em.execute('update directory.administrative_unit set parent_id = ?, path = ? where id = ?', [
        newParent,
        `${parentPath}${ward}/`,
        ward,
      ]);
      await emitDirectoryEvent(em, hub.identities[Role.OPERATOR], new Date(), 'AdministrativeUnit', { id: ward, code: 'BP-689-TANPHU' });
    });

    const expected = [...parentPath.split('/').filter(Boolean), ward];
    await eventually(async () => (await lineageOf((await report(ward)).sourceRef)).join() === expected.join(), {
      what: 'an alert on the moved ward with its new lineage',
    });
  });

  it('writes an agency’s new name on the timeline once the agency was renamed in the directory', async () => {
    const agencyId = demoId('agency', 'UBND-TANPHU');
    const operator = { token: hub.tokens.OPERATOR };
    const assign = async () => {
      const alert = await report(demoId('unit', 'BP-689-TANDONG'));
      const { verifyAlert } = ok(
        await execute(hub.gatewayUrl, VerifyAlertDocument, { id: alert.id, input: { expectedVersion: alert.version } }, operator),
      );
      ok(
        await execute(
          hub.gatewayUrl,
          AssignAgencyDocument,
          { id: verifyAlert.id, input: { expectedVersion: verifyAlert.version, agencyId } },
          operator,
        ),
      );
      const [{ note }] = await incidentsSql<{ note: string }>(
        `select note from incidents.timeline_entry where subject_id = ? and note like 'to %'`,
        [verifyAlert.id],
      );
      return note;
    };
    expect(await assign()).toBe('to Ủy ban nhân dân phường Tân Phú');

    const [{ version }] = await directorySql<{ version: number }>('select version from directory.agency where id = ?', [agencyId]);
    const renamed = 'UBND phường Tân Phú (sau sắp xếp)';
    ok(
      await execute(hub.gatewayUrl, UpdateAgencyDocument, { id: agencyId, input: { expectedVersion: version, nameVi: renamed } }, operator),
    );

    await eventually(async () => (await assign()) === `to ${renamed}`, { what: 'an assignment naming the renamed agency' });
  });
});
