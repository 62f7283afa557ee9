import { demoId } from '@ioc-graph/directory';
import { categoryId } from '@ioc-graph/incidents';
import { Role, SERVICE_IDENTITY, type BusEvent, type Identity } from '@ioc-graph/platform';
import { parse } from 'graphql';
import { AssignAgencyDocument, OpenIncidentDocument } from '../../__generated__/graphql';
import { codes, execute, startHub, type GraphQLResponse, type Hub } from '../../test/support/hub';
import { signedFor, staffOf } from '../../test/support/identities';
import { Subscriber } from '../../test/support/subscriber';
import { inAudience, SUBSCRIPTION_ACCESS, type SubscriptionField } from '../src/subscriptions/access';

const sxd = demoId('agency', 'SXD-BP');
const pccc = demoId('agency', 'PCCC-BP');
const operatorName = 'Trần Thị Minh Thư';
const nhung = { subject: 'staff-sxd', fullName: 'Đặng Thị Hồng Nhung', id: demoId('person', 'staff-sxd') };
const HIDDEN = ['[hidden]', '[hidden]'];

/** Every subscription field refused with `code`, except the publications everyone may follow. */
const allButPublications = (code: string) => ({
  alertReceived: code,
  incidentChanged: code,
  myAssignments: code,
  assignmentChanged: code,
  operationChanged: code,
});

type Caller = 'public' | 'LEADER' | 'OPERATOR' | 'STAFF_OWN' | 'STAFF_OTHER' | 'FIELD_OFFICER' | 'PARTNER' | 'SYSTEM';

/**
 * What each caller gets, one row per caller. STAFF_OWN is the SXD staff the incident is assigned to;
 * STAFF_OTHER the fire department's (PCCC); the field officer is PCCC's; PARTNER and SYSTEM carry an
 * `agency_id` claim of SXD, which must give them nothing of the agency's.
 */
const EXPECTED: Record<
  Caller,
  {
    /** `changeHistory` of a person whose phone changed: the error code, or the `phone` change shown. */
    history: string | unknown[];
    /**
     * `incident(id) { openedBy { fullName phone } }` of an incident the operator (a person of the center's
     * agency, IOC-BP) opened and assigned to SXD: SXD's staff read the incident, not the other agency's person.
     */
    openedBy: string | { fullName: string; phone: string | null } | null;
    /** `_entities` for a person of SXD, straight to the directory. */
    entity: { fullName: string; phone: string | null } | null;
    /** Subscription fields refused at subscribe time, with the code; every other field is accepted. */
    refused: Partial<Record<SubscriptionField, string>>;
    /** `agency(id: SXD) { people }`: the error code, or `listed`. A partner's `agency_id` claim opens nothing. */
    agencyPeople: string;
  }
> = {
  public: {
    history: 'UNAUTHENTICATED',
    openedBy: 'UNAUTHENTICATED',
    entity: null,
    refused: allButPublications('UNAUTHENTICATED'),
    agencyPeople: 'UNAUTHENTICATED',
  },
  LEADER: {
    history: HIDDEN,
    openedBy: { fullName: operatorName, phone: null },
    entity: { fullName: nhung.fullName, phone: null },
    refused: {},
    agencyPeople: 'listed',
  },
  OPERATOR: {
    history: ['0917 890 123', '0917 000 001'],
    openedBy: { fullName: operatorName, phone: '0913 456 789' },
    entity: { fullName: nhung.fullName, phone: '0917 000 001' },
    refused: {},
    agencyPeople: 'listed',
  },
  STAFF_OWN: {
    history: 'FORBIDDEN',
    openedBy: null,
    entity: { fullName: nhung.fullName, phone: null },
    refused: { alertReceived: 'FORBIDDEN' },
    agencyPeople: 'listed',
  },
  STAFF_OTHER: {
    history: 'FORBIDDEN',
    openedBy: 'FORBIDDEN',
    entity: null,
    refused: { alertReceived: 'FORBIDDEN' },
    agencyPeople: 'FORBIDDEN',
  },
  FIELD_OFFICER: {
    history: 'FORBIDDEN',
    openedBy: 'FORBIDDEN',
    entity: null,
    refused: { alertReceived: 'FORBIDDEN' },
    agencyPeople: 'FORBIDDEN',
  },
  PARTNER: {
    history: 'FORBIDDEN',
    openedBy: 'FORBIDDEN',
    entity: null,
    refused: allButPublications('FORBIDDEN'),
    agencyPeople: 'FORBIDDEN',
  },
  SYSTEM: {
    history: 'FORBIDDEN',
    openedBy: 'FORBIDDEN',
    // Sector systems read the directory's people like `person(id)` lets them; contacts stay hidden.
    entity: { fullName: nhung.fullName, phone: null },
    refused: allButPublications('FORBIDDEN'),
    agencyPeople: 'listed',
  },
};
const CALLERS = Object.keys(EXPECTED) as Caller[];

/** The error code of a response, or the value `pick` finds in its data. */
const outcome = <T>(response: GraphQLResponse<T>, pick: (data: T) => unknown) =>
  response.errors?.length ? codes(response)[0] : pick(response.data!);

describe('authorisation of every role', () => {
  let hub: Hub;
  const identities = {} as Record<Caller, Identity | null>;
  const tokens = {} as Record<Caller, string | undefined>;
  let incidentId: string;

  beforeAll(async () => {
    hub = await startHub();
    Object.assign(identities, {
      public: null,
      LEADER: hub.identities.LEADER,
      OPERATOR: hub.identities.OPERATOR,
      STAFF_OWN: hub.identities.AGENCY_STAFF,
      STAFF_OTHER: staffOf(pccc, 'staff-pccc'),
      FIELD_OFFICER: hub.identities.FIELD_OFFICER,
      PARTNER: { ...hub.identities.PARTNER, agencyId: sxd },
      SYSTEM: { ...hub.identities.SYSTEM, agencyId: sxd },
    });
    for (const caller of CALLERS) {
      const identity = identities[caller];
      tokens[caller] = identity ? await hub.tokenFor(identity as Identity & { subject: string }) : undefined;
    }
    const asOperator = { token: hub.tokens.OPERATOR };
    const { version } = (
      await execute<{ person: { version: number } }, unknown>(
        hub.gatewayUrl,
        'query ($id: ID!) { person(id: $id) { version } }',
        { id: nhung.id },
        asOperator,
      )
    ).data!.person;
    const update = 'mutation ($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { version } }';
    const changed = await execute(
      hub.gatewayUrl,
      update,
      { id: nhung.id, input: { expectedVersion: version, phone: '0917 000 001' } },
      asOperator,
    );
    expect(changed.errors).toBeUndefined();
    const opened = await execute(
      hub.gatewayUrl,
      OpenIncidentDocument,
      {
        input: {
          categoryId: categoryId('URB_ILLEGAL_CONSTRUCTION'),
          title: 'Xây dựng trái phép',
          description: 'Thử quyền',
          unitId: demoId('unit', 'BP-689-TANPHU'),
        },
      },
      asOperator,
    );
    const incident = opened.data!.openIncident;
    const assigned = await execute(
      hub.gatewayUrl,
      AssignAgencyDocument,
      { id: incident.id, input: { expectedVersion: incident.version, agencyId: sxd } },
      asOperator,
    );
    expect(assigned.errors).toBeUndefined();
    incidentId = incident.id;
  });
  afterAll(() => hub?.stop());

  it.each(CALLERS)('shows %s only the contact changes it may read in changeHistory', async (caller) => {
    const history = await execute<{ changeHistory: { action: string; changes: Record<string, unknown[]> }[] }, unknown>(
      hub.gatewayUrl,
      'query ($id: ID!) { changeHistory(entityId: $id) { action changes } }',
      { id: nhung.id },
      { token: tokens[caller] },
    );
    // The entry stays listed for who may read the history; only the values are hidden.
    expect(outcome(history, (d) => d.changeHistory.map((entry) => entry.changes.phone))).toEqual(
      typeof EXPECTED[caller].history === 'string' ? EXPECTED[caller].history : [EXPECTED[caller].history],
    );
  });

  it.each(CALLERS)('lists the people of an agency to %s only as its rights say', async (caller) => {
    const people = await execute<{ agency: { people: { fullName: string }[] } }, unknown>(
      hub.gatewayUrl,
      'query ($id: ID!) { agency(id: $id) { people { fullName } } }',
      { id: sxd },
      { token: tokens[caller] },
    );
    expect(outcome(people, (d) => (d.agency.people.some((p) => p.fullName === nhung.fullName) ? 'listed' : d.agency.people))).toBe(
      EXPECTED[caller].agencyPeople,
    );
  });

  it('shows a leader the contact changes of their own record', async () => {
    const leaderId = demoId('person', 'demo-leader');
    const read = 'query ($id: ID!) { person(id: $id) { version } }';
    const { version } = (
      await execute<{ person: { version: number } }, unknown>(hub.gatewayUrl, read, { id: leaderId }, { token: hub.tokens.OPERATOR })
    ).data!.person;
    const update = 'mutation ($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { version } }';
    await execute(
      hub.gatewayUrl,
      update,
      { id: leaderId, input: { expectedVersion: version, email: 'thinh@example.vn' } },
      { token: hub.tokens.OPERATOR },
    );
    const history = await execute<{ changeHistory: { changes: Record<string, unknown[]> }[] }, unknown>(
      hub.gatewayUrl,
      'query ($id: ID!) { changeHistory(entityId: $id) { changes } }',
      { id: leaderId },
      { token: hub.tokens.LEADER },
    );
    expect(history.data!.changeHistory.map((entry) => entry.changes.email)).toEqual([['nvthinh@binhphuoc.gov.vn', 'thinh@example.vn']]);
  });

  it.each(CALLERS)('lets %s read Incident.openedBy only where it may read the person', async (caller) => {
    const result = await execute<{ incident: { openedBy: unknown } | null }, unknown>(
      hub.gatewayUrl,
      'query ($id: ID!) { incident(id: $id) { id openedBy { fullName phone } } }',
      { id: incidentId },
      { token: tokens[caller] },
    );
    expect(outcome(result, (d) => d.incident?.openedBy ?? null)).toEqual(EXPECTED[caller].openedBy);
    // The agency the incident is assigned to reads the incident itself, not the center's people.
    if (caller === 'STAFF_OWN') expect(result.data!.incident).not.toBeNull();
  });

  it.each(CALLERS)('scopes _entities for a Person like person(id) for %s', async (caller) => {
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { fullName phone } } }';
    for (const representation of [{ id: nhung.id }, { subject: nhung.subject }]) {
      const result = await execute<{ _entities: unknown[] }, unknown>(
        hub.directoryUrl,
        query,
        { r: [{ __typename: 'Person', ...representation }] },
        { sign: signedFor('directory', identities[caller]) },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities).toEqual([EXPECTED[caller].entity]);
    }
  });

  it('lets another subgraph, calling as a service, read the people it asks for', async () => {
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { fullName } } }';
    const result = await execute<{ _entities: unknown[] }, unknown>(
      hub.directoryUrl,
      query,
      { r: [{ __typename: 'Person', id: nhung.id }] },
      { sign: signedFor('directory', SERVICE_IDENTITY('incidents')) },
    );
    expect(result.data!._entities).toEqual([{ fullName: nhung.fullName }]);
  });

  it.each(CALLERS)('admits %s only to the subscriptions its role allows, refusing the others at subscribe time', async (caller) => {
    const fields = Object.keys(SUBSCRIPTION_ACCESS) as SubscriptionField[];
    const subscribers = fields.map(
      (field) =>
        [field, new Subscriber<unknown>(hub.gatewayUrl, parse(`subscription { ${field} { cursor } }`), {}, tokens[caller])] as const,
    );
    try {
      const refused = EXPECTED[caller].refused;
      const ended = (s: Subscriber<unknown>) => s.error !== null || s.results.some((r) => r.errors?.length) || s.completed;
      for (const [field, subscriber] of subscribers) if (refused[field]) await subscriber.until(ended, 30_000);
      // Accepted ones stay open: give a refusal, had there been one, the time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const seen = Object.fromEntries(
        subscribers
          .filter(([, subscriber]) => ended(subscriber))
          .map(([field, subscriber]) => {
            const errors =
              (subscriber.error as { extensions?: { code?: string } }[] | null) ?? subscriber.results.flatMap((r) => r.errors ?? []);
            return [field, errors[0]?.extensions?.code];
          }),
      );
      expect(seen).toEqual(refused);
    } finally {
      await Promise.all(subscribers.map(([, subscriber]) => subscriber.stop()));
    }
  });

  it('keeps an agency’s events from partners and systems whose token names the agency', () => {
    const event = { audience: { public: false, agencyIds: [sxd], fieldUnitIds: [] } } as unknown as BusEvent;
    for (const role of [Role.PARTNER, Role.SYSTEM]) {
      expect(inAudience({ subject: 'x', roles: [role], agencyId: sxd, fieldUnitId: null, scopeUnitId: null }, event)).toBe(false);
    }
    expect(inAudience({ subject: 'x', roles: [Role.AGENCY_STAFF], agencyId: sxd, fieldUnitId: null, scopeUnitId: null }, event)).toBe(true);
  });
});
