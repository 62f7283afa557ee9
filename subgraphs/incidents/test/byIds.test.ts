import { demoId } from '@ioc-graph/directory';
import { categoryId } from '@ioc-graph/incidents';
import { randomUUID } from 'node:crypto';
import {
  AcceptIncidentDocument,
  ApproveResultDocument,
  AssignAgencyDocument,
  ByIdsAlertDocument,
  ByIdsAlertsDocument,
  ByIdsIncidentDocument,
  ByIdsIncidentsDocument,
  ByIdsPublicIncidentDocument,
  ByIdsPublicIncidentsDocument,
  OpenIncidentDocument,
  SubmitResultDocument,
} from '../../../__generated__/graphql';
import { cameraAlert, reportCameraAlert } from '../../../test/support/alerts';
import { expectListAgreesWithById, tooManyIds } from '../../../test/support/byIds';
import { ok } from '../../../test/support/graphql';
import { codes, execute, startHub, type Hub } from '../../../test/support/hub';
import { staffOf } from '../../../test/support/identities';

/**
 * The `ids` filter of the incidents subgraph's lists, which the gateway uses to read many events' entities
 * in one request: for every caller it returns what the by-id field would, no more, in one statement.
 */
describe('lists read by ids (incidents subgraph)', () => {
  let hub: Hub;
  let gql: string;
  let pcccStaff: string;
  const sxd = demoId('agency', 'SXD-BP');
  const pccc = demoId('agency', 'PCCC-BP');

  beforeAll(async () => {
    hub = await startHub();
    gql = hub.gatewayUrl;
    pcccStaff = await hub.tokenFor(staffOf(pccc, 'staff-pccc'));
  });
  afterAll(() => hub.stop());

  /** Opens an incident in phường Tân Phú (operator) and assigns it to `agencyId` when given. */
  const openIncident = async (title: string, agencyId?: string) => {
    hub.clock.advance(1);
    const input = {
      categoryId: categoryId('URB_ILLEGAL_CONSTRUCTION'),
      title,
      description: `${title}: phản ánh qua đường dây nóng`,
      unitId: demoId('unit', 'BP-689-TANPHU'),
    };
    const opened = ok(await execute(gql, OpenIncidentDocument, { input }, { token: hub.tokens.OPERATOR })).openIncident;
    if (!agencyId) return opened;
    return ok(
      await execute(
        gql,
        AssignAgencyDocument,
        { id: opened.id, input: { expectedVersion: opened.version, agencyId } },
        { token: hub.tokens.OPERATOR },
      ),
    ).assignAgency;
  };

  /** Takes a new incident through the construction department's result to publication: its public record's id. */
  const publish = async (title: string) => {
    const assigned = await openIncident(title, sxd);
    const staff = { token: hub.tokens.AGENCY_STAFF };
    const accepted = ok(
      await execute(gql, AcceptIncidentDocument, { id: assigned.id, input: { expectedVersion: assigned.version } }, staff),
    ).acceptIncident;
    const submitted = ok(
      await execute(
        gql,
        SubmitResultDocument,
        { id: assigned.id, input: { expectedVersion: accepted.version, result: `${title}: đã xử lý xong, lập biên bản` } },
        staff,
      ),
    ).submitResult;
    hub.clock.advance(1);
    const approved = ok(
      await execute(
        gql,
        ApproveResultDocument,
        { id: assigned.id, input: { expectedVersion: submitted.version } },
        { token: hub.tokens.OPERATOR },
      ),
    ).approveResult;
    return approved.publication!.id;
  };

  const alertsAgree = (token: string | undefined, asked: string[]) =>
    expectListAgreesWithById({
      asked,
      one: (id) => execute(gql, ByIdsAlertDocument, { id }, { token }),
      list: (ids) => execute(gql, ByIdsAlertsDocument, { filter: { ids }, first: 100 }, { token }),
      key: (node) => node.receivedAt,
    });

  const incidentsAgree = (token: string | undefined, asked: string[]) =>
    expectListAgreesWithById({
      asked,
      one: (id) => execute(gql, ByIdsIncidentDocument, { id }, { token }),
      list: (ids) => execute(gql, ByIdsIncidentsDocument, { filter: { ids }, first: 100 }, { token }),
      key: (node) => node.openedAt,
    });

  const publicIncidentsAgree = (token: string | undefined, asked: string[]) =>
    expectListAgreesWithById({
      asked,
      one: (id) => execute(gql, ByIdsPublicIncidentDocument, { id }, { token }),
      list: (ids) => execute(gql, ByIdsPublicIncidentsDocument, { filter: { ids }, first: 100 }, { token }),
      key: (node) => node.publishedAt,
    });

  /** The statements that read a table's rows (a page with its count included; not a count alone) since the last reset. */
  const rowReads = (table: string) =>
    hub.statementsOf.incidents.filter((sql) => sql.includes(`"incidents"."${table}"`) && !/^select count\(/i.test(sql));

  it('reads alerts by id for the center only, as alert(id) does, newest first and in one statement', async () => {
    const alerts: string[] = [];
    for (const n of [1, 2, 3, 4]) {
      hub.clock.advance(1);
      const reported = await reportCameraAlert(hub, cameraAlert(`by-ids-alert-${n}`, `Ùn tắc nút giao số ${n}`));
      alerts.push(ok(reported).reportAlert.id);
    }
    // Upper-case ids name the same records; an unknown id is simply absent, and so is a record not asked for.
    const asked = [alerts[0], alerts[1].toUpperCase(), alerts[2], randomUUID()];
    const newestFirst = alerts.slice(0, 3).reverse();
    for (const role of ['LEADER', 'OPERATOR'] as const) expect((await alertsAgree(hub.tokens[role], asked)).ids).toEqual(newestFirst);
    for (const role of ['AGENCY_STAFF', 'FIELD_OFFICER', 'PARTNER'] as const)
      expect((await alertsAgree(hub.tokens[role], asked)).codes).toEqual(['FORBIDDEN']);
    expect((await alertsAgree(undefined, asked)).codes).toEqual(['UNAUTHENTICATED']);

    // The other conditions still apply, and an empty list matches nothing.
    const operator = { token: hub.tokens.OPERATOR };
    expect(
      ok(await execute(gql, ByIdsAlertsDocument, { filter: { ids: alerts, states: ['DISMISSED'] } }, operator)).alerts.totalCount,
    ).toBe(0);
    expect(ok(await execute(gql, ByIdsAlertsDocument, { filter: { ids: [] } }, operator)).alerts).toEqual({ totalCount: 0, edges: [] });

    // A hundred ids, one statement for the rows.
    const hundred = [...alerts.slice(0, 3), ...Array.from({ length: 97 }, () => randomUUID())];
    hub.resetStatements();
    expect(ok(await execute(gql, ByIdsAlertsDocument, { filter: { ids: hundred }, first: 100 }, operator)).alerts.totalCount).toBe(3);
    expect(rowReads('alert')).toHaveLength(1);
    expect(rowReads('alert')[0]).toMatch(/ in \(/);
  });

  it('reads incidents by id as incident(id) does for each role: an agency never sees another agency’s', async () => {
    const ofSxd = (await openIncident('Xây dựng sai phép hẻm 5 Lê Duẩn', sxd)).id;
    const ofPccc = (await openIncident('Lối thoát hiểm bị lấn chiếm chợ Đồng Xoài', pccc)).id;
    const unassigned = (await openIncident('Lấn chiếm vỉa hè đường Hùng Vương')).id;
    // Readable by the center and the construction department, but not asked for.
    await openIncident('Công trình không che chắn đường Nguyễn Huệ', sxd);
    const asked = [ofSxd, ofPccc.toUpperCase(), unassigned, randomUUID()];

    for (const role of ['LEADER', 'OPERATOR'] as const)
      expect((await incidentsAgree(hub.tokens[role], asked)).ids).toEqual([unassigned, ofPccc, ofSxd]);
    // The demo agency is the construction department; the demo field officer's is the fire police.
    expect((await incidentsAgree(hub.tokens.AGENCY_STAFF, asked)).ids).toEqual([ofSxd]);
    expect((await incidentsAgree(pcccStaff, asked)).ids).toEqual([ofPccc]);
    expect((await incidentsAgree(hub.tokens.FIELD_OFFICER, asked)).ids).toEqual([ofPccc]);
    for (const role of ['PARTNER', 'SYSTEM'] as const) expect((await incidentsAgree(hub.tokens[role], asked)).codes).toEqual(['FORBIDDEN']);

    hub.resetStatements();
    const hundred = [ofSxd, ofPccc, unassigned, ...Array.from({ length: 97 }, () => randomUUID())];
    expect(
      ok(await execute(gql, ByIdsIncidentsDocument, { filter: { ids: hundred }, first: 100 }, { token: hub.tokens.OPERATOR })).incidents
        .totalCount,
    ).toBe(3);
    expect(rowReads('incident')).toHaveLength(1);
  });

  it('reads published records by id for everyone, as publicIncident(id) does', async () => {
    const first = await publish('Quán nhậu lấn chiếm lòng đường Phú Riềng Đỏ');
    const second = await publish('Bảng quảng cáo sai phép đường Trần Hưng Đạo');
    await publish('Rác thải xây dựng đổ trộm đường Lê Quý Đôn');
    const asked = [first.toUpperCase(), second, randomUUID()];
    for (const token of [undefined, hub.tokens.PARTNER, hub.tokens.AGENCY_STAFF, hub.tokens.OPERATOR])
      expect((await publicIncidentsAgree(token, asked)).ids).toEqual([second, first]);
    // The other conditions still apply.
    expect(
      ok(
        await execute(gql, ByIdsPublicIncidentsDocument, { filter: { ids: [first, second], search: 'quảng cáo' } }),
      ).publicIncidents.edges.map((e) => e.node.id),
    ).toEqual([second]);

    hub.resetStatements();
    const hundred = [first, second, ...Array.from({ length: 98 }, () => randomUUID())];
    expect(ok(await execute(gql, ByIdsPublicIncidentsDocument, { filter: { ids: hundred }, first: 100 })).publicIncidents.totalCount).toBe(
      2,
    );
    expect(rowReads('publication')).toHaveLength(1);
  });

  it('refuses a malformed id or more than 100 ids with BAD_USER_INPUT, before reading anything', async () => {
    const operator = { token: hub.tokens.OPERATOR };
    for (const ids of [['not-an-id'], tooManyIds()]) {
      hub.resetStatements();
      const responses = [
        await execute(gql, ByIdsAlertsDocument, { filter: { ids } }, operator),
        await execute(gql, ByIdsIncidentsDocument, { filter: { ids } }, operator),
        await execute(gql, ByIdsPublicIncidentsDocument, { filter: { ids } }),
      ];
      for (const response of responses) {
        expect(codes(response)).toEqual(['BAD_USER_INPUT']);
        // The gateway's id check names the element, the subgraph's validation the list.
        expect(response.errors![0].extensions!.problems).toEqual([
          expect.objectContaining({ field: expect.stringMatching(/^ids(\.0)?$/) }),
        ]);
      }
      expect(hub.statementsOf.incidents).toEqual([]);
    }
  });
});
