import { Role } from '@ioc-graph/platform';
import { createHash } from 'node:crypto';
import { codes, startHub, type Hub } from '../../../test/support/hub';
import { demoPartnerId, seedDemoApiKey } from '../seeds/seed';
import type { PartnersServer } from '../src/server';
import { asGateway, gql, ISSUE_KEY, KEY_FOR_GATEWAY, keyInput, RECORD_USAGE, REVOKE_KEY, rowCounts, sql, UPDATE_PARTNER } from './support';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const USAGE = `query ($id: ID!, $from: String, $to: String) { partner(id: $id) { apiKeys { id lastUsedAt usage(from: $from, to: $to) { day requests rows bytes refused } } } }`;
const entry = (keyId: string, over: Record<string, unknown> = {}) => ({
  keyId,
  day: '2026-11-23',
  requests: 10,
  rows: 200,
  bytes: 4096,
  refused: 0,
  ...over,
});

/** What the gateways ask of the partners subgraph: a key by its hash, and reports of keys' use. */
describe('partners: key lookup and usage for the gateways', () => {
  let hub: Hub;
  const partnerId = demoPartnerId('bao-binh-phuoc');
  let secret: string;
  let keyId: string;
  beforeAll(async () => {
    hub = await startHub();
    const issued = (await gql(hub, ISSUE_KEY, { input: keyInput(partnerId, { scopes: ['graphql', 'warnings'] }) }, Role.OPERATOR)).data
      .issueApiKey;
    ({ secret } = issued);
    keyId = issued.key.id;
  });
  afterAll(() => hub?.stop());

  it('finds a key by the hash of its secret, with what the gateway decides on', async () => {
    const found = await asGateway(hub, KEY_FOR_GATEWAY, { hash: sha256(secret) });
    expect(found.errors).toBeUndefined();
    expect(found.data.apiKeyForGateway).toEqual({
      id: keyId,
      partnerId,
      partnerName: 'Báo Bình Phước điện tử',
      scopes: ['graphql', 'warnings'],
      quotaPerMinute: 120,
      quotaPerDay: 50_000,
      expiresAt: '2027-06-01T00:00:00.000Z',
      revokedAt: null,
      suspended: false,
    });
  });

  it('answers null for an unknown hash and for anything that is not a hash', async () => {
    for (const hash of [sha256('iocg_unknown'), 'not a hash', secret, '']) {
      const result = await asGateway(hub, KEY_FOR_GATEWAY, { hash });
      expect(result.errors).toBeUndefined();
      expect(result.data.apiKeyForGateway).toBeNull();
    }
  });

  it('adds reports up across calls, summing repeats within a call, and marks the key used', async () => {
    expect((await asGateway(hub, RECORD_USAGE, { entries: [entry(keyId)] })).data).toEqual({ recordApiKeyUsage: true });
    hub.clock.advance(5);
    const second = await asGateway(hub, RECORD_USAGE, {
      entries: [
        entry(keyId, { requests: 5, refused: 2 }),
        entry(keyId, { requests: 1, rows: 0, bytes: 0 }),
        entry(keyId, { day: '2026-11-22' }),
      ],
    });
    expect(second.errors).toBeUndefined();
    const read = await gql(hub, USAGE, { id: partnerId }, Role.OPERATOR);
    expect(read.errors).toBeUndefined();
    const [key] = read.data.partner.apiKeys;
    expect(key.usage).toEqual([
      { day: '2026-11-22', requests: 10, rows: 200, bytes: 4096, refused: 0 },
      { day: '2026-11-23', requests: 16, rows: 400, bytes: 8192, refused: 2 },
    ]);
    expect(key.lastUsedAt).toBe(hub.clock.now().toISOString());
    // Reading usage and marking use do not change the key's version: a revoke on the version read still works.
    expect((await sql(hub, 'select version from partners.api_key where id = ?', [keyId]))[0].version).toBe(1);
  });

  it('reads usage over a chosen period of at most 366 days', async () => {
    const one = await gql(hub, USAGE, { id: partnerId, from: '2026-11-23', to: '2026-11-23' }, Role.LEADER);
    expect(one.data.partner.apiKeys[0].usage.map((u: { day: string }) => u.day)).toEqual(['2026-11-23']);
    const year = await gql(hub, USAGE, { id: partnerId, from: '2025-11-23', to: '2026-11-23' }, Role.LEADER);
    expect(year.data.partner.apiKeys[0].usage).toHaveLength(2);
    for (const period of [
      { from: '2025-11-22', to: '2026-11-23' },
      { from: '2026-11-24', to: '2026-11-23' },
      { from: '2026-02-30' },
      { to: 'yesterday' },
    ]) {
      expect(codes(await gql(hub, USAGE, { id: partnerId, ...period }, Role.LEADER))).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('refuses a bad report whole, writing nothing', async () => {
    const before = await rowCounts(hub);
    const [{ requests }] = await sql(hub, `select requests from partners.api_key_usage where key_id = ? and day = '2026-11-23'`, [keyId]);
    const tooMany = Array.from({ length: 1001 }, () => entry(keyId, { requests: 1 }));
    for (const entries of [
      [entry(keyId, { requests: 1 }), entry(keyId, { requests: -1 })],
      [entry(keyId, { bytes: -5 })],
      [entry(keyId, { rows: 1.5 })],
      [entry(keyId, { day: '2026-13-01' })],
      [entry(keyId, { day: '2027-11-23' })],
      [entry(keyId, { day: '2020-01-01' })],
      [entry('not-an-id')],
      tooMany,
    ]) {
      const result = await asGateway(hub, RECORD_USAGE, { entries });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    }
    expect(await rowCounts(hub)).toEqual(before);
    expect(
      (await sql(hub, `select requests from partners.api_key_usage where key_id = ? and day = '2026-11-23'`, [keyId]))[0].requests,
    ).toBe(requests);
    const atLimit = await asGateway(hub, RECORD_USAGE, { entries: tooMany.slice(1) });
    expect(atLimit.errors).toBeUndefined();
  });

  it('shows a revoked key and a suspended partner as such, so that the gateway refuses them', async () => {
    const { key, secret: other } = (await gql(hub, ISSUE_KEY, { input: keyInput(partnerId) }, Role.OPERATOR)).data.issueApiKey;
    await gql(hub, REVOKE_KEY, { id: key.id, expectedVersion: 1 }, Role.OPERATOR);
    expect((await asGateway(hub, KEY_FOR_GATEWAY, { hash: sha256(other) })).data.apiKeyForGateway.revokedAt).toBe(
      hub.clock.now().toISOString(),
    );
    const [{ version }] = await sql(hub, 'select version from partners.partner where id = ?', [partnerId]);
    await gql(hub, UPDATE_PARTNER, { id: partnerId, expectedVersion: version, input: { suspended: true } }, Role.OPERATOR);
    expect((await asGateway(hub, KEY_FOR_GATEWAY, { hash: sha256(secret) })).data.apiKeyForGateway.suspended).toBe(true);
  });

  it('seeds a demo key with a secret the launcher chose, once', async () => {
    const demoSecret = 'iocg_' + 'D3mo'.repeat(10);
    const em = (hub.subgraphs.partners!.server as unknown as PartnersServer).orm.em;
    const first = await seedDemoApiKey(em.fork(), demoSecret, hub.clock.now());
    const again = await seedDemoApiKey(em.fork(), demoSecret, hub.clock.now());
    expect(again!.id).toBe(first!.id);
    const found = await asGateway(hub, KEY_FOR_GATEWAY, { hash: sha256(demoSecret) });
    expect(found.data.apiKeyForGateway).toMatchObject({ id: first!.id, partnerId, revokedAt: null });
    await expect(seedDemoApiKey(em.fork(), 'secret')).rejects.toThrow(/iocg_/);
  });
});
