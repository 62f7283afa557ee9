import { Role } from '@ioc-graph/platform';
import { startHub, type Hub } from '../../../test/support/hub';
import { asGateway, CREATE_PARTNER, gql, ISSUE_KEY, keyInput, partnerInput, RECORD_USAGE } from './support';

const PAGE = `query ($first: Int) { partners(first: $first) { edges { node { id apiKeys { id partner { id } usage { day requests } } } } } }`;

/** Counts what reaches PostgreSQL: SQL statements per request must not grow with the number of partners and keys. */
describe('partners: batched list relations', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub();
    for (let i = 0; i < 6; i++) {
      const { id } = (await gql(hub, CREATE_PARTNER, { input: partnerInput({ organisation: `Đối tác thử nghiệm ${i}` }) }, Role.OPERATOR))
        .data.createPartner;
      for (let k = 0; k < 2; k++) {
        const { key } = (await gql(hub, ISSUE_KEY, { input: keyInput(id) }, Role.OPERATOR)).data.issueApiKey;
        await asGateway(hub, RECORD_USAGE, { entries: [{ keyId: key.id, day: '2026-11-23', requests: 1, rows: 1, bytes: 1, refused: 0 }] });
      }
    }
  });
  afterAll(() => hub?.stop());

  it('keeps the statements of partners › keys › partner and usage constant as the page grows', async () => {
    const run = async (first: number) => {
      hub.resetStatements();
      const result = await gql(hub, PAGE, { first }, Role.OPERATOR);
      expect(result.errors).toBeUndefined();
      expect(result.data.partners.edges).toHaveLength(first);
      return hub.statementsOf.partners.length;
    };
    // The page, its count, the keys, their partners, their usage.
    const small = await run(3);
    const large = await run(8);
    expect(small).toBeLessThanOrEqual(5);
    expect(large).toBe(small);
  });

  it('records a report of many keys in one statement', async () => {
    const { data } = await gql(hub, `{ partners(first: 8) { edges { node { apiKeys { id } } } } }`, {}, Role.OPERATOR);
    const keyIds: string[] = data.partners.edges.flatMap((e: { node: { apiKeys: { id: string }[] } }) => e.node.apiKeys.map((k) => k.id));
    expect(keyIds.length).toBe(12);
    hub.resetStatements();
    const result = await asGateway(hub, RECORD_USAGE, {
      entries: keyIds.map((keyId) => ({ keyId, day: '2026-11-23', requests: 3, rows: 30, bytes: 300, refused: 1 })),
    });
    expect(result.errors).toBeUndefined();
    expect(hub.statementsOf.partners).toHaveLength(1);
  });
});
