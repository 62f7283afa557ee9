import { Role } from '@ioc-graph/platform';
import { createHash } from 'node:crypto';
import { codes, startHub, type Hub } from '../../../test/support/hub';
import { demoPartnerId } from '../seeds/seed';
import { CREATE_PARTNER, gql, ISSUE_KEY, keyInput, KEY_FIELDS, partnerInput, REVOKE_KEY, rowCounts, sql, UPDATE_PARTNER } from './support';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The center registers partners and issues keys through the gateway; only a key's hash is ever stored. */
describe('partners: API keys issued once, stored as hashes, revoked', () => {
  let hub: Hub;
  let partnerId: string;
  beforeAll(async () => {
    hub = await startHub();
    const created = await gql(hub, CREATE_PARTNER, { input: partnerInput() }, Role.OPERATOR);
    expect(created.errors).toBeUndefined();
    partnerId = created.data.createPartner.id;
  });
  afterAll(() => hub?.stop());

  it('registers a partner with the licence it accepted, audited and announced', async () => {
    const [partner] = await sql(hub, 'select * from partners.partner where id = ?', [partnerId]);
    expect(partner).toMatchObject({
      organisation: 'Công ty Cổ phần Bản đồ số Đông Nam Bộ',
      licence: 'CC-BY-4.0',
      suspended: false,
      version: 1,
    });
    expect(new Date(partner.licence_accepted_at).toISOString()).toBe(hub.clock.now().toISOString());
    const audit = await sql(hub, `select action, changes from partners.audit_entry where entity_id = ?`, [partnerId]);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'created', changes: expect.objectContaining({ licence: [null, 'CC-BY-4.0'] }) }),
    ]);
    const events = await sql(hub, `select type, payload from partners.outbox_event where entity_key = ?`, [partnerId]);
    expect(events).toEqual([{ type: 'partner.created', payload: { partnerId, suspended: false } }]);
  });

  it('shows the secret once and stores only its SHA-256 and first 8 characters', async () => {
    const issued = await gql(hub, ISSUE_KEY, { input: keyInput(partnerId) }, Role.LEADER);
    expect(issued.errors).toBeUndefined();
    const { secret, key } = issued.data.issueApiKey;
    expect(secret).toMatch(/^iocg_[0-9A-Za-z]{40}$/);
    expect(key).toMatchObject({
      prefix: secret.slice(0, 8),
      scopes: ['graphql', 'air-quality'],
      revokedAt: null,
      version: 1,
      partner: { id: partnerId },
    });

    const [row] = await sql(hub, 'select * from partners.api_key where id = ?', [key.id]);
    expect(row.hash).toBe(sha256(secret));
    // No column holds the secret, nor its random part.
    for (const value of Object.values(row)) expect(JSON.stringify(value)).not.toContain(secret.slice(5));
    const [event] = await sql(hub, `select type, payload from partners.outbox_event where entity_key = ?`, [key.id]);
    expect(event).toEqual({ type: 'apiKey.issued', payload: { keyId: key.id, partnerId, hash: sha256(secret) } });

    // Read back, the key has no secret to show.
    const read = await gql(hub, `query ($id: ID!) { partner(id: $id) { apiKeys { ${KEY_FIELDS} } } }`, { id: partnerId }, Role.OPERATOR);
    expect(read.data.partner.apiKeys).toEqual([expect.objectContaining({ id: key.id, prefix: secret.slice(0, 8) })]);
    const asked = await gql(hub, `query ($id: ID!) { partner(id: $id) { apiKeys { secret } } }`, { id: partnerId }, Role.OPERATOR);
    expect(codes(asked)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('gives every key its own secret', async () => {
    const secrets = new Set<string>();
    for (let i = 0; i < 3; i++)
      secrets.add((await gql(hub, ISSUE_KEY, { input: keyInput(partnerId) }, Role.OPERATOR)).data.issueApiKey.secret);
    expect(secrets.size).toBe(3);
  });

  it('revokes a key once, announcing its hash; revoking it again is CONFLICT and writes nothing', async () => {
    const { secret, key } = (await gql(hub, ISSUE_KEY, { input: keyInput(partnerId) }, Role.OPERATOR)).data.issueApiKey;
    hub.clock.advance(30);
    const revoked = await gql(hub, REVOKE_KEY, { id: key.id, expectedVersion: 1 }, Role.OPERATOR);
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data.revokeApiKey).toEqual({ id: key.id, revokedAt: hub.clock.now().toISOString(), version: 2 });
    const events = await sql(hub, `select type, payload from partners.outbox_event where entity_key = ? order by seq`, [key.id]);
    expect(events.map((e) => e.type)).toEqual(['apiKey.issued', 'apiKey.revoked']);
    expect(events[1].payload).toEqual({ keyId: key.id, partnerId, hash: sha256(secret) });
    const audit = await sql(hub, `select action from partners.audit_entry where entity_id = ? order by at`, [key.id]);
    expect(audit.map((a) => a.action)).toEqual(['created', 'revoked']);

    const before = await rowCounts(hub);
    const again = await gql(hub, REVOKE_KEY, { id: key.id, expectedVersion: 2 }, Role.OPERATOR);
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(await rowCounts(hub)).toEqual(before);
  });

  it('refuses a change made on a stale version with CONFLICT, leaving the record as it was', async () => {
    const { key } = (await gql(hub, ISSUE_KEY, { input: keyInput(partnerId) }, Role.OPERATOR)).data.issueApiKey;
    const stale = await gql(hub, REVOKE_KEY, { id: key.id, expectedVersion: 7 }, Role.OPERATOR);
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect((await sql(hub, 'select revoked_at from partners.api_key where id = ?', [key.id]))[0].revoked_at).toBeNull();

    const renamed = await gql(
      hub,
      UPDATE_PARTNER,
      { id: partnerId, expectedVersion: 1, input: { organisation: 'Bản đồ số Đông Nam Bộ' } },
      Role.LEADER,
    );
    expect(renamed.data.updatePartner).toMatchObject({ organisation: 'Bản đồ số Đông Nam Bộ', version: 2 });
    const before = await rowCounts(hub);
    const lost = await gql(hub, UPDATE_PARTNER, { id: partnerId, expectedVersion: 1, input: { organisation: 'Tên cũ' } }, Role.OPERATOR);
    expect(codes(lost)).toEqual(['CONFLICT']);
    expect(await rowCounts(hub)).toEqual(before);
    expect((await sql(hub, 'select organisation from partners.partner where id = ?', [partnerId]))[0].organisation).toBe(
      'Bản đồ số Đông Nam Bộ',
    );
  });

  it('suspends a partner, announcing it, and issues it no key while suspended', async () => {
    const [{ version }] = await sql(hub, 'select version from partners.partner where id = ?', [partnerId]);
    const suspended = await gql(
      hub,
      UPDATE_PARTNER,
      { id: partnerId, expectedVersion: version, input: { suspended: true } },
      Role.OPERATOR,
    );
    expect(suspended.data.updatePartner).toMatchObject({ suspended: true, version: version + 1 });
    const [event] = await sql(
      hub,
      `select payload from partners.outbox_event where type = 'partner.updated' and entity_key = ? order by seq desc`,
      [partnerId],
    );
    expect(event.payload).toEqual({ partnerId, suspended: true });
    const refused = await gql(hub, ISSUE_KEY, { input: keyInput(partnerId) }, Role.OPERATOR);
    expect(codes(refused)).toEqual(['CONFLICT']);
    await gql(hub, UPDATE_PARTNER, { id: partnerId, expectedVersion: version + 1, input: { suspended: false } }, Role.OPERATOR);
  });

  it('changes a licence only when the new one is accepted, and records when', async () => {
    const [{ version }] = await sql(hub, 'select version from partners.partner where id = ?', [partnerId]);
    const unaccepted = await gql(
      hub,
      UPDATE_PARTNER,
      { id: partnerId, expectedVersion: version, input: { licence: 'ODbL-1.0' } },
      Role.OPERATOR,
    );
    expect(codes(unaccepted)).toEqual(['BAD_USER_INPUT']);
    hub.clock.advance(60);
    const changed = await gql(
      hub,
      UPDATE_PARTNER,
      { id: partnerId, expectedVersion: version, input: { licence: 'ODbL-1.0', licenceAccepted: true } },
      Role.OPERATOR,
    );
    expect(changed.data.updatePartner.licence).toBe('ODbL-1.0');
    const [row] = await sql(hub, 'select licence_accepted_at from partners.partner where id = ?', [partnerId]);
    expect(new Date(row.licence_accepted_at).toISOString()).toBe(hub.clock.now().toISOString());
  });

  it('lists the partners in pages, the demo partners first, and finds one by id', async () => {
    const first = await gql(
      hub,
      `{ partners(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id organisation } } } }`,
      {},
      Role.OPERATOR,
    );
    expect(first.data.partners.totalCount).toBe(3);
    expect(first.data.partners.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(
      [demoPartnerId('bao-binh-phuoc'), demoPartnerId('dhnl-moi-truong')].sort(),
    );
    const next = await gql(
      hub,
      `query ($after: String) { partners(first: 2, after: $after) { pageInfo { hasNextPage } edges { node { id } } } }`,
      { after: first.data.partners.pageInfo.endCursor },
      Role.OPERATOR,
    );
    expect(next.data.partners).toEqual({ pageInfo: { hasNextPage: false }, edges: [{ node: { id: partnerId } }] });
    const one = await gql(
      hub,
      `query ($id: ID!) { partner(id: $id) { organisation apiKeys { id } } }`,
      { id: demoPartnerId('bao-binh-phuoc') },
      Role.LEADER,
    );
    expect(one.data.partner).toEqual({ organisation: 'Báo Bình Phước điện tử', apiKeys: [] });
  });
});
