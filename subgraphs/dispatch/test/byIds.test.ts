import { demoId } from '@ioc-graph/directory';
import { categoryId } from '@ioc-graph/incidents';
import { randomUUID } from 'node:crypto';
import {
  AssignAgencyDocument,
  ByIdsAssignmentDocument,
  ByIdsAssignmentsDocument,
  DispatchUnitDocument,
  ReportAlertDocument,
  VerifyAlertDocument,
} from '../../../__generated__/graphql';
import { expectListAgreesWithById, tooManyIds } from '../../../test/support/byIds';
import { ok } from '../../../test/support/graphql';
import { codes, execute, startHub, type Hub } from '../../../test/support/hub';
import { staffOf } from '../../../test/support/identities';

/**
 * The `ids` filter of `assignments`, which the gateway uses to read many events' assignments in one
 * request: for every caller it returns what `assignment(id)` would, no more, in one statement.
 */
describe('assignments read by ids', () => {
  let hub: Hub;
  let gql: string;
  let pcccStaff: string;
  const pccc = demoId('agency', 'PCCC-BP');

  beforeAll(async () => {
    hub = await startHub();
    gql = hub.gatewayUrl;
    pcccStaff = await hub.tokenFor(staffOf(pccc, 'staff-pccc'));
  });
  afterAll(() => hub.stop());

  /** A fire reported by the alarm system, verified and assigned to the fire police (operator): an IMMEDIATE incident. */
  const fire = async () => {
    const input = {
      sourceSystem: 'fire-alarm-114',
      sourceRef: `by-ids-${randomUUID()}`,
      categoryId: categoryId('EMG_FIRE'),
      headline: 'Cháy kho hàng đường Phú Riềng Đỏ',
      occurredAt: hub.clock.now().toISOString(),
      location: { latitude: 11.5302, longitude: 106.8881 },
      unitId: demoId('unit', 'BP-689-TANBINH'),
    };
    const alert = ok(await execute(gql, ReportAlertDocument, { input }, { token: hub.tokens.SYSTEM })).reportAlert;
    const operator = { token: hub.tokens.OPERATOR };
    const incident = ok(
      await execute(gql, VerifyAlertDocument, { id: alert.id, input: { expectedVersion: alert.version } }, operator),
    ).verifyAlert;
    ok(
      await execute(gql, AssignAgencyDocument, { id: incident.id, input: { expectedVersion: incident.version, agencyId: pccc } }, operator),
    );
    return incident;
  };

  const assignmentsAgree = (token: string | undefined, asked: string[]) =>
    expectListAgreesWithById({
      asked,
      one: (id) => execute(gql, ByIdsAssignmentDocument, { id }, { token }),
      list: (ids) => execute(gql, ByIdsAssignmentsDocument, { filter: { ids }, first: 100 }, { token }),
      key: (node) => node.dispatchedAt,
    });

  it('returns what assignment(id) returns to each role: the center all, an agency its units’, a crew its own', async () => {
    const incident = await fire();
    const dispatched: string[] = [];
    // Two fire engines of the fire police (the demo field officer crews the first) and a police patrol.
    for (const unit of ['FU-PCCC-01', 'FU-PCCC-02', 'FU-113-01', 'FU-PCCC-03']) {
      hub.clock.advance(1);
      const input = { incidentId: incident.id, fieldUnitId: demoId('fieldUnit', unit) };
      dispatched.push(ok(await execute(gql, DispatchUnitDocument, { input }, { token: hub.tokens.OPERATOR })).dispatchUnit.id);
    }
    // The third engine's assignment is readable by the center and the fire police, but not asked for.
    const [engine1, engine2, patrol] = dispatched;
    const asked = [engine1.toUpperCase(), engine2, patrol, randomUUID()];

    for (const role of ['LEADER', 'OPERATOR'] as const)
      expect((await assignmentsAgree(hub.tokens[role], asked)).ids).toEqual([patrol, engine2, engine1]);
    expect((await assignmentsAgree(pcccStaff, asked)).ids).toEqual([engine2, engine1]);
    // The demo agency (the construction department) has no unit among them.
    expect((await assignmentsAgree(hub.tokens.AGENCY_STAFF, asked)).ids).toEqual([]);
    expect((await assignmentsAgree(hub.tokens.FIELD_OFFICER, asked)).ids).toEqual([engine1]);
    expect((await assignmentsAgree(hub.tokens.PARTNER, asked)).codes).toEqual(['FORBIDDEN']);
    expect((await assignmentsAgree(undefined, asked)).codes).toEqual(['UNAUTHENTICATED']);

    // The other conditions still apply, and an empty list matches nothing.
    const operator = { token: hub.tokens.OPERATOR };
    const policeOnly = { ids: [engine1, engine2, patrol], agencyId: demoId('agency', 'CA-BP') };
    expect(
      ok(await execute(gql, ByIdsAssignmentsDocument, { filter: policeOnly }, operator)).assignments.edges.map((e) => e.node.id),
    ).toEqual([patrol]);
    expect(ok(await execute(gql, ByIdsAssignmentsDocument, { filter: { ids: [] } }, operator)).assignments).toEqual({
      totalCount: 0,
      edges: [],
    });

    // A hundred ids, one statement for the rows.
    hub.resetStatements();
    const hundred = [engine1, engine2, patrol, ...Array.from({ length: 97 }, () => randomUUID())];
    expect(
      ok(await execute(gql, ByIdsAssignmentsDocument, { filter: { ids: hundred }, first: 100 }, operator)).assignments.totalCount,
    ).toBe(3);
    const rowReads = hub.statementsOf.dispatch.filter((sql) => sql.includes('"dispatch"."assignment"') && !/^select count\(/i.test(sql));
    expect(rowReads).toHaveLength(1);
    expect(rowReads[0]).toMatch(/ in \(/);
  });

  it('refuses a malformed id or more than 100 ids with BAD_USER_INPUT, before reading anything', async () => {
    for (const ids of [['not-an-id'], tooManyIds()]) {
      hub.resetStatements();
      const response = await execute(gql, ByIdsAssignmentsDocument, { filter: { ids } }, { token: hub.tokens.OPERATOR });
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
      // The gateway's id check names the element, the subgraph's validation the list.
      expect(response.errors![0].extensions!.problems).toEqual([expect.objectContaining({ field: expect.stringMatching(/^ids(\.0)?$/) })]);
      expect(hub.statementsOf.dispatch).toEqual([]);
    }
  });
});
