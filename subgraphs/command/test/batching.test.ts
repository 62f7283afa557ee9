import type { Identity } from '@ioc-graph/platform';
import {
  CommandActivateOperationDocument,
  CommandAdvancePhaseDocument,
  CommandAgenciesWorkDocument,
  CommandAllocateResourceDocument,
  CommandFileSituationReportDocument,
  CommandIncidentsOperationsDocument,
  CommandIssueDirectiveDocument,
  CommandOperationsPageDocument,
} from '../../../__generated__/graphql';
import { execute, startHub, type GraphQLResponse, type Hub } from '../../../test/support/hub';
import { playbookId } from '../seeds/playbooks';
import { ok } from '../../../test/support/graphql';
import { signedFor, staffOf } from '../../../test/support/identities';
import { agency, openLandslide } from './helpers';

const REFERENCES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Operation { code } } }`;

/** Counts what reaches the command subgraph's PostgreSQL: statements per request must not grow with the items. */
describe('batched relations and references of operations', () => {
  let hub: Hub;
  let gql: string;
  const OPERATIONS = 4;

  beforeAll(async () => {
    hub = await startHub();
    gql = hub.gatewayUrl;
    const { OPERATOR, LEADER } = hub.tokens;
    for (let i = 0; i < OPERATIONS; i++) {
      const incident = await openLandslide(hub, `Sạt lở điểm ${i + 1} ven hồ Thác Mơ`);
      const operation = ok(
        await execute(
          gql,
          CommandActivateOperationDocument,
          { input: { incidentId: incident.id, playbookId: playbookId('FLOOD_SONG_BE') } },
          { token: OPERATOR },
        ),
      ).activateOperation;
      const operationId = operation.id;
      await execute(
        gql,
        CommandIssueDirectiveDocument,
        { operationId, input: { text: `Sơ tán dân khu vực sạt lở số ${i + 1}`, agencyIds: [agency('SXD-BP'), agency('BCHQS-BP')] } },
        { token: LEADER },
      );
      await execute(
        gql,
        CommandAllocateResourceDocument,
        { operationId, input: { kind: 'BOAT', quantity: 2, description: 'Xuồng máy BCHQS' } },
        { token: OPERATOR },
      );
      await execute(
        gql,
        CommandFileSituationReportDocument,
        { operationId, input: { summary: 'Đã sơ tán các hộ dân trong vùng nguy hiểm', evacuated: 10 + i } },
        { token: OPERATOR },
      );
      ok(
        await execute(
          gql,
          CommandAdvancePhaseDocument,
          { operationId, input: { expectedVersion: operation.version } },
          { token: OPERATOR },
        ),
      );
    }
  });
  afterAll(() => hub.stop());

  const count = async <T>(run: () => Promise<GraphQLResponse<T>>, check: (data: T) => void) => {
    hub.resetStatements();
    check(ok(await run()));
    return hub.commandStatements.length;
  };

  it('reads a page of operations with every relation in the same statements for 1 or many', async () => {
    for (const token of [hub.tokens.LEADER, hub.tokens.AGENCY_STAFF]) {
      const page = (first: number) =>
        count(
          () => execute(gql, CommandOperationsPageDocument, { first }, { token }),
          (data) => {
            expect(data.operations.edges).toHaveLength(first);
            expect(data.operations.edges[0].node.tasks).toHaveLength(10);
          },
        );
      const one = await page(1);
      expect(await page(OPERATIONS)).toBe(one);
      // The page and its count, then one statement per relation: playbooks, tasks, directives and their
      // addressees, resources, reports, log.
      expect(one).toBeLessThanOrEqual(9);
    }
  });

  it('reads the open tasks and pending directives of many agencies in the same statements as of a few', async () => {
    const agencies = (first: number) =>
      count(
        () => execute(gql, CommandAgenciesWorkDocument, { first }, { token: hub.tokens.LEADER }),
        (data) => expect(data.agencies.edges.length).toBe(first),
      );
    const few = await agencies(2);
    expect(await agencies(25)).toBe(few);
    // Pending directives, open tasks, and the operations of those tasks.
    expect(few).toBeLessThanOrEqual(3);
  });

  it('resolves the operation of many incidents in the same statements as of one', async () => {
    const incidents = (first: number) =>
      count(
        () => execute(gql, CommandIncidentsOperationsDocument, { first }, { token: hub.tokens.OPERATOR }),
        (data) => expect(data.incidents.edges.every((e) => e.node.operation?.state === 'ACTIVE')).toBe(true),
      );
    const one = await incidents(1);
    expect(await incidents(OPERATIONS)).toBe(one);
    expect(one).toBe(1);
  });

  it('resolves operation references in one statement for the center, scoped and batched for an agency', async () => {
    const ids = (
      await hub.command.orm.em.fork().getConnection().execute<{ id: string }[]>('select id from command.operation order by activated_at')
    ).map((row) => row.id);
    const representations = [...ids, ...ids].map((id: string) => ({ __typename: 'Operation', id }));
    const resolve = async (identity: Identity) => {
      hub.resetStatements();
      const result = await execute<{ _entities: ({ code: string } | null)[] }, unknown>(
        hub.commandUrl,
        REFERENCES,
        { representations },
        { sign: signedFor('command', identity) },
      );
      expect(result.errors).toBeUndefined();
      return { found: result.data!._entities.filter(Boolean).length, statements: hub.commandStatements.length };
    };
    const staff = (code: string) => staffOf(agency(code), `staff-${code}`);
    expect(await resolve(hub.identities.LEADER)).toEqual({ found: 2 * OPERATIONS, statements: 1 });
    // An agency: the operations, then who takes part in them (tasks, addressees), whatever their number.
    expect(await resolve(staff('SXD-BP'))).toEqual({ found: 2 * OPERATIONS, statements: 3 });
    expect(await resolve(staff('SCT-BP'))).toEqual({ found: 0, statements: 3 });
  });
});
