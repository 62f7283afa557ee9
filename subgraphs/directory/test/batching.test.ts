import { Role } from '@ioc-graph/platform';
import { AgenciesWithJurisdictionAndUnitsDocument } from '../../../__generated__/graphql';
import { execute, startHub, type Hub } from '../../../test/support/hub';
import { signedFor } from '../../../test/support/identities';

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on AdministrativeUnit { id code nameVi } ... on Agency { code } }
}`;

/** Counts what reaches PostgreSQL: SQL statements per request must not grow with the number of items. */
describe('batched references and list relations', () => {
  let hub: Hub;
  let unitIds: { id: string; code: string }[];
  beforeAll(async () => {
    hub = await startHub();
    unitIds = await hub.directory.orm.em.fork().getConnection().execute('SELECT id, code FROM directory.administrative_unit ORDER BY code');
  });
  afterAll(() => hub.stop());

  const signed = (role: Role | null) => signedFor('directory', role ? hub.identities[role] : null);

  it('resolves 100 entity references in at most 2 SQL statements', async () => {
    expect(unitIds.length).toBeGreaterThanOrEqual(40);
    const representations = Array.from({ length: 100 }, (_, i) => ({
      __typename: 'AdministrativeUnit',
      id: unitIds[i % unitIds.length].id,
    }));
    hub.resetStatements();
    const result = await execute<{ _entities: { id: string; code: string }[] }, unknown>(
      hub.directoryUrl,
      ENTITIES,
      { representations },
      { sign: signed(null) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toHaveLength(100);
    expect(result.data!._entities.map((e) => e.id)).toEqual(representations.map((r) => r.id));
    expect(hub.statements.length).toBeGreaterThanOrEqual(1);
    expect(hub.statements.length).toBeLessThanOrEqual(2);
  });

  it('resolves references by id and by code, of two types, in one statement per key and type', async () => {
    const representations = [
      ...unitIds.slice(0, 30).map(({ id }) => ({ __typename: 'AdministrativeUnit', id })),
      ...unitIds.slice(10, 40).map(({ code }) => ({ __typename: 'AdministrativeUnit', code })),
      ...['CA-BP', 'PCCC-BP', 'SXD-BP'].map((code) => ({ __typename: 'Agency', code })),
    ];
    hub.resetStatements();
    const result = await execute<{ _entities: ({ code: string } | null)[] }, unknown>(
      hub.directoryUrl,
      ENTITIES,
      { representations },
      { sign: signed(null) },
    );
    expect(result.data!._entities.map((e) => e?.code)).toEqual(
      representations.map((r) => ('code' in r ? r.code : unitIds.find((u) => u.id === r.id)!.code)),
    );
    expect(hub.statements.length).toBe(3);
  });

  it('keeps the statements of a nested list query constant as the page grows', async () => {
    const run = async (first: number) => {
      hub.resetStatements();
      const result = await execute(
        hub.gatewayUrl,
        AgenciesWithJurisdictionAndUnitsDocument,
        { first },
        { token: hub.tokens[Role.OPERATOR] },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.agencies.edges).toHaveLength(first);
      return hub.statements.length;
    };
    // At most: the page, its count, the jurisdictions, their parents, the field units.
    expect(await run(3)).toBeLessThanOrEqual(5);
    expect(await run(18)).toBeLessThanOrEqual(5);
  });
});
