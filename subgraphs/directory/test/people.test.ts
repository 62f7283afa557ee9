import { Role } from '@ioc-graph/platform';
import { AgencyPeopleDocument, MeDocument, PeopleDocument, PersonDocument } from '../../../__generated__/graphql';
import { codes, execute, startHub, type Hub } from '../../../test/support/hub';

describe('people and their contacts, by role', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub.stop());

  const people = (role: Role, filter = {}) => execute(hub.gatewayUrl, PeopleDocument, { filter, first: 100 }, { token: hub.tokens[role] });

  it('shows operators everyone with phone and email', async () => {
    const result = await people(Role.OPERATOR);
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.people.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThanOrEqual(6);
    const staff = nodes.find((p) => p.roles.includes('AGENCY_STAFF'))!;
    expect(staff.phone).toEqual(expect.any(String));
    expect(staff.email).toEqual(expect.any(String));
  });

  it('hides phone and email from a leader, but not the leader’s own', async () => {
    const result = await people(Role.LEADER);
    const nodes = result.data!.people.edges.map((e) => e.node);
    const others = nodes.filter((p) => !p.roles.includes('LEADER'));
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((p) => p.phone === null && p.email === null)).toBe(true);
    const me = await execute(hub.gatewayUrl, MeDocument, {}, { token: hub.tokens[Role.LEADER] });
    expect(me.data!.me).toMatchObject({ roles: ['LEADER'], phone: expect.any(String) });
  });

  it('scopes agency staff to their own agency', async () => {
    const own = await people(Role.AGENCY_STAFF);
    expect(own.errors).toBeUndefined();
    const agencyCodes = new Set(own.data!.people.edges.map((e) => e.node.agency?.code));
    expect([...agencyCodes]).toHaveLength(1);
    const all = await people(Role.OPERATOR);
    expect(own.data!.people.totalCount).toBeLessThan(all.data!.people.totalCount);

    const otherAgencyId = hub.identities[Role.OPERATOR].agencyId!;
    expect(codes(await people(Role.AGENCY_STAFF, { agencyId: otherAgencyId }))).toEqual(['FORBIDDEN']);
    const operatorPersonId = all.data!.people.edges.find((e) => e.node.roles.includes('OPERATOR'))!.node.id;
    const hidden = await execute(hub.gatewayUrl, PersonDocument, { id: operatorPersonId }, { token: hub.tokens[Role.AGENCY_STAFF] });
    expect(hidden.data!.person).toBeNull();
    const operatorsAgency = await execute(
      hub.gatewayUrl,
      AgencyPeopleDocument,
      { code: all.data!.people.edges.find((e) => e.node.roles.includes('OPERATOR'))!.node.agency!.code },
      { token: hub.tokens[Role.AGENCY_STAFF] },
    );
    expect(codes(operatorsAgency)).toEqual(['FORBIDDEN']);
  });

  it('refuses the people directory to partners and to the public', async () => {
    expect(codes(await people(Role.PARTNER))).toEqual(['FORBIDDEN']);
    const anonymous = await execute(hub.gatewayUrl, PeopleDocument, {});
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it('tells a field officer who they are, with their unit', async () => {
    const me = await execute(hub.gatewayUrl, MeDocument, {}, { token: hub.tokens[Role.FIELD_OFFICER] });
    expect(me.data!.me).toMatchObject({ roles: ['FIELD_OFFICER'], fieldUnit: { code: expect.any(String) }, email: expect.anything() });
  });
});
