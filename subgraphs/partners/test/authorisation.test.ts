import { Role, SERVICE_IDENTITY } from '@ioc-graph/platform';
import { codes, execute, startHub, type Hub } from '../../../test/support/hub';
import { signedFor } from '../../../test/support/identities';
import { demoPartnerId } from '../seeds/seed';
import {
  CREATE_PARTNER,
  gql,
  ISSUE_KEY,
  KEY_FOR_GATEWAY,
  keyInput,
  partnerInput,
  RECORD_USAGE,
  REVOKE_KEY,
  rowCounts,
  UPDATE_PARTNER,
} from './support';

type Caller = Role | 'public';
const CALLERS: Caller[] = ['public', ...Object.values(Role)];
const CENTER: Caller[] = [Role.LEADER, Role.OPERATOR];

/** What a caller gets for the center's operations: allowed (null), or the error code. */
const centerOnly = (caller: Caller) => (caller === 'public' ? 'UNAUTHENTICATED' : CENTER.includes(caller) ? null : 'FORBIDDEN');

/**
 * Who may do what with partners and keys: the center (leaders, operators) manages them; agencies' staff,
 * field officers, partners, sector systems and the public may not; only a service of the hub (the
 * gateway's identity) may look a key up or report its use, and nobody with a token can claim to be one.
 */
describe('partners: authorisation of every operation for every role', () => {
  let hub: Hub;
  const partnerId = demoPartnerId('dhnl-moi-truong');
  let keyId: string;
  beforeAll(async () => {
    hub = await startHub();
    keyId = (await gql(hub, ISSUE_KEY, { input: keyInput(partnerId) }, Role.OPERATOR)).data.issueApiKey.key.id;
  });
  afterAll(() => hub?.stop());

  const run = (caller: Caller, query: string, variables: Record<string, unknown> = {}) =>
    gql(hub, query, variables, caller === 'public' ? null : caller);

  it.each(CALLERS)('lets %s read partners only if it is the center', async (caller) => {
    const list = await run(caller, `{ partners(first: 5) { totalCount edges { node { id apiKeys { id usage { day } } } } } }`);
    const one = await run(caller, `query ($id: ID!) { partner(id: $id) { id organisation } }`, { id: partnerId });
    const expected = centerOnly(caller);
    if (expected === null) {
      expect(list.errors).toBeUndefined();
      expect(list.data.partners.totalCount).toBe(2);
      expect(one.data.partner).toEqual({ id: partnerId, organisation: expect.stringContaining('Trường Đại học Nông Lâm') });
    } else {
      expect(codes(list)).toEqual([expected]);
      expect(codes(one)).toEqual([expected]);
      expect(list.data?.partners ?? null).toBeNull();
    }
  });

  it.each(CALLERS)('lets %s register, change, issue and revoke only if it is the center', async (caller) => {
    const expected = centerOnly(caller);
    const before = await rowCounts(hub);
    const created = await run(caller, CREATE_PARTNER, { input: partnerInput() });
    const issued = await run(caller, ISSUE_KEY, { input: keyInput(partnerId) });
    if (expected === null) {
      expect(created.errors).toBeUndefined();
      expect(issued.errors).toBeUndefined();
      const { id, version } = created.data.createPartner;
      const updated = await run(caller, UPDATE_PARTNER, { id, expectedVersion: version, input: { contactName: 'Người liên hệ mới' } });
      expect(updated.data.updatePartner.version).toBe(version + 1);
      const revoked = await run(caller, REVOKE_KEY, { id: issued.data.issueApiKey.key.id, expectedVersion: 1 });
      expect(revoked.data.revokeApiKey.revokedAt).not.toBeNull();
      return;
    }
    const updated = await run(caller, UPDATE_PARTNER, { id: partnerId, expectedVersion: 1, input: { suspended: true } });
    const revoked = await run(caller, REVOKE_KEY, { id: keyId, expectedVersion: 1 });
    for (const result of [created, issued, updated, revoked]) expect(codes(result)).toEqual([expected]);
    expect(await rowCounts(hub)).toEqual(before);
  });

  it.each(CALLERS)('refuses %s the gateways’ key lookup and usage report with FORBIDDEN', async (caller) => {
    const before = await rowCounts(hub);
    const lookup = await run(caller, KEY_FOR_GATEWAY, { hash: '0'.repeat(64) });
    const report = await run(caller, RECORD_USAGE, { entries: [] });
    expect(codes(lookup)).toEqual(['FORBIDDEN']);
    expect(codes(report)).toEqual(['FORBIDDEN']);
    expect(await rowCounts(hub)).toEqual(before);
  });

  it('refuses the gateways’ operations to a role signed straight to the subgraph, and the center’s to a service', async () => {
    for (const role of [Role.LEADER, Role.SYSTEM]) {
      const lookup = await execute(
        hub.subgraphs.partners!.url,
        KEY_FOR_GATEWAY,
        { hash: '0'.repeat(64) },
        { sign: signedFor('partners', role) },
      );
      expect(codes(lookup)).toEqual(['FORBIDDEN']);
    }
    const asService = { sign: signedFor('partners', SERVICE_IDENTITY('gateway')) };
    const lookup = await execute(hub.subgraphs.partners!.url, KEY_FOR_GATEWAY, { hash: '0'.repeat(64) }, asService);
    expect(lookup.errors).toBeUndefined();
    expect(lookup.data).toEqual({ apiKeyForGateway: null });
    const created = await execute(hub.subgraphs.partners!.url, CREATE_PARTNER, { input: partnerInput() }, asService);
    expect(codes(created)).toEqual(['FORBIDDEN']);
  });
});
