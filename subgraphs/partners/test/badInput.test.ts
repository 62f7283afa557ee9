import { Role } from '@ioc-graph/platform';
import { codes, startHub, type Hub } from '../../../test/support/hub';
import { demoPartnerId } from '../seeds/seed';
import { CREATE_PARTNER, gql, ISSUE_KEY, keyInput, partnerInput, rowCounts, UPDATE_PARTNER } from './support';

const long = (n: number) => 'x'.repeat(n);

/** Bad input to the partners' mutations: a clear BAD_USER_INPUT naming the field, and nothing written. */
describe('partners: bad input', () => {
  let hub: Hub;
  const partnerId = demoPartnerId('bao-binh-phuoc');
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub?.stop());

  const refuses = async (query: string, variables: Record<string, unknown>, field: string) => {
    const before = await rowCounts(hub);
    const result = await gql(hub, query, variables, Role.OPERATOR);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.status).toBeLessThan(500);
    const problems = (result.errors![0].extensions?.problems ?? []) as { field: string }[];
    expect(problems.map((p) => p.field)).toContain(field);
    expect(await rowCounts(hub)).toEqual(before);
  };

  it.each([
    ['an unaccepted licence', { licenceAccepted: false }, 'licenceAccepted'],
    ['an unknown licence', { licence: 'MIT' }, 'licence'],
    ['an organisation too long', { organisation: long(201) }, 'organisation'],
    ['an organisation too short', { organisation: 'X' }, 'organisation'],
    ['a purpose too long', { purpose: long(2001) }, 'purpose'],
    ['a contact name too long', { contactName: long(121) }, 'contactName'],
    ['a contact email that is not one', { contactEmail: 'toasoan at baobinhphuoc' }, 'contactEmail'],
  ])('refuses a partner with %s', async (_what, over, field) => {
    await refuses(CREATE_PARTNER, { input: partnerInput(over) }, field);
  });

  it.each([
    ['an unknown scope', { scopes: ['graphql', 'cameras'] }, 'scopes'],
    ['no scope', { scopes: [] }, 'scopes'],
    ['a scope twice', { scopes: ['graphql', 'graphql'] }, 'scopes'],
    ['a quota per minute of 0', { quotaPerMinute: 0 }, 'quotaPerMinute'],
    ['a huge quota per minute', { quotaPerMinute: 6001 }, 'quotaPerMinute'],
    ['a quota per day of 0', { quotaPerDay: 0 }, 'quotaPerDay'],
    ['a huge quota per day', { quotaPerDay: 1_000_001 }, 'quotaPerDay'],
    ['an expiry in the past', { expiresAt: '2026-11-22T00:00:00Z' }, 'expiresAt'],
    ['an expiry more than two years ahead', { expiresAt: '2028-11-24T00:00:00Z' }, 'expiresAt'],
    ['a label too long', { label: long(101) }, 'label'],
    ['an empty label', { label: '' }, 'label'],
    ['an unknown partner', { partnerId: '0193b6f2-0000-7000-8000-000000000000' }, 'partnerId'],
  ])('refuses a key with %s', async (_what, over, field) => {
    await refuses(ISSUE_KEY, { input: keyInput(partnerId, over) }, field);
  });

  it('refuses a partner change with a value too long or a null where a value is needed', async () => {
    await refuses(UPDATE_PARTNER, { id: partnerId, expectedVersion: 1, input: { purpose: long(2001) } }, 'purpose');
    await refuses(UPDATE_PARTNER, { id: partnerId, expectedVersion: 1, input: { organisation: null } }, 'organisation');
  });

  it('issues a key at the limits: quotas at their bounds, an expiry just within two years', async () => {
    const ok = await gql(
      hub,
      ISSUE_KEY,
      { input: keyInput(partnerId, { quotaPerMinute: 6000, quotaPerDay: 1_000_000, expiresAt: '2028-11-23T00:59:00Z' }) },
      Role.OPERATOR,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.issueApiKey.key).toMatchObject({ quotaPerMinute: 6000, quotaPerDay: 1_000_000 });
  });
});
