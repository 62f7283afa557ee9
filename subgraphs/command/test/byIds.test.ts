import { demoId } from '@ioc-graph/directory';
import { randomUUID } from 'node:crypto';
import {
  ByIdsOperationDocument,
  ByIdsOperationsDocument,
  CommandActivateOperationDocument,
  CommandIssueDirectiveDocument,
} from '../../../__generated__/graphql';
import { expectListAgreesWithById, tooManyIds } from '../../../test/support/byIds';
import { ok } from '../../../test/support/graphql';
import { codes, execute, startHub, type Hub } from '../../../test/support/hub';
import { playbookId } from '../seeds/playbooks';
import { agency, openLandslide, staffTokens } from './helpers';

/**
 * The `ids` filter of `operations`, which the gateway uses to read many events' operations in one request:
 * for every caller it returns what `operation(id)` would, no more, in one statement.
 */
describe('operations read by ids', () => {
  let hub: Hub;
  let gql: string;
  let staff: Record<string, string>;

  beforeAll(async () => {
    hub = await startHub();
    gql = hub.gatewayUrl;
    staff = await staffTokens(hub, ['CA-BP', 'SCT-BP']);
  });
  afterAll(() => hub.stop());

  /** Opens a landslide and activates the flood playbook for it (operator). */
  const activate = async (title: string) => {
    hub.clock.advance(1);
    const incident = await openLandslide(hub, title);
    const input = { incidentId: incident.id, playbookId: playbookId('FLOOD_SONG_BE') };
    return ok(await execute(gql, CommandActivateOperationDocument, { input }, { token: hub.tokens.OPERATOR })).activateOperation.id;
  };

  const directive = async (operationId: string, text: string, to: { agencyIds?: string[]; fieldUnitIds?: string[] }) =>
    ok(await execute(gql, CommandIssueDirectiveDocument, { operationId, input: { text, ...to } }, { token: hub.tokens.LEADER }));

  const operationsAgree = (token: string | undefined, asked: string[]) =>
    expectListAgreesWithById({
      asked,
      one: (id) => execute(gql, ByIdsOperationDocument, { id }, { token }),
      list: (ids) => execute(gql, ByIdsOperationsDocument, { filter: { ids }, first: 100 }, { token }),
      key: (node) => node.activatedAt,
    });

  it('returns what operation(id) returns to each role: the center all, an agency or a unit those it takes part in', async () => {
    const first = await activate('Sạt lở taluy Quốc lộ 14, phường Phước Bình');
    const second = await activate('Sạt lở bờ sông Bé, xã Phú Nghĩa');
    // Readable by the center and the construction department (a task), but not asked for.
    await activate('Sạt lở đồi chè thôn 3, phường Thác Mơ');
    // The police take part in the first through a directive; the demo field officer's engine in the second.
    await directive(first, 'Công an tỉnh chốt chặn Quốc lộ 14 đoạn sạt lở', { agencyIds: [agency('CA-BP')] });
    await directive(second, 'Xe 93CD-001 hỗ trợ bơm thoát nước tại điểm sạt lở', { fieldUnitIds: [demoId('fieldUnit', 'FU-PCCC-01')] });
    const asked = [first, second.toUpperCase(), randomUUID()];

    for (const role of ['LEADER', 'OPERATOR'] as const)
      expect((await operationsAgree(hub.tokens[role], asked)).ids).toEqual([second, first]);
    expect((await operationsAgree(staff['CA-BP'], asked)).ids).toEqual([first]);
    expect((await operationsAgree(staff['SCT-BP'], asked)).ids).toEqual([]);
    // The construction department has a task in both (the playbook's first phase); the fire police none.
    expect((await operationsAgree(hub.tokens.AGENCY_STAFF, asked)).ids).toEqual([second, first]);
    expect((await operationsAgree(hub.tokens.FIELD_OFFICER, asked)).ids).toEqual([second]);
    expect((await operationsAgree(hub.tokens.PARTNER, asked)).codes).toEqual(['FORBIDDEN']);
    expect((await operationsAgree(undefined, asked)).codes).toEqual(['UNAUTHENTICATED']);

    // The other conditions still apply, and an empty list matches nothing.
    const operator = { token: hub.tokens.OPERATOR };
    expect(
      ok(await execute(gql, ByIdsOperationsDocument, { filter: { ids: [first, second], exercise: true } }, operator)).operations.totalCount,
    ).toBe(0);
    expect(ok(await execute(gql, ByIdsOperationsDocument, { filter: { ids: [] } }, operator)).operations).toEqual({
      totalCount: 0,
      edges: [],
    });

    // A hundred ids, one statement for the rows, for the center and for an agency (whose scope is a subquery).
    for (const token of [hub.tokens.OPERATOR, staff['CA-BP']]) {
      hub.resetStatements();
      const hundred = [first, second, ...Array.from({ length: 98 }, () => randomUUID())];
      ok(await execute(gql, ByIdsOperationsDocument, { filter: { ids: hundred }, first: 100 }, { token }));
      const rowReads = hub.statementsOf.command.filter((sql) => /from "command"\."operation"/.test(sql) && !/^select count\(/i.test(sql));
      expect(rowReads).toHaveLength(1);
      expect(rowReads[0]).toMatch(/ in \(/);
    }
  });

  it('refuses a malformed id or more than 100 ids with BAD_USER_INPUT, before reading anything', async () => {
    for (const ids of [['not-an-id'], tooManyIds()]) {
      hub.resetStatements();
      const response = await execute(gql, ByIdsOperationsDocument, { filter: { ids } }, { token: hub.tokens.OPERATOR });
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
      // The gateway's id check names the element, the subgraph's validation the list.
      expect(response.errors![0].extensions!.problems).toEqual([expect.objectContaining({ field: expect.stringMatching(/^ids(\.0)?$/) })]);
      expect(hub.statementsOf.command).toEqual([]);
    }
  });
});
