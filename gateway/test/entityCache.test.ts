import { demoId } from '@ioc-graph/directory';
import { categoryId } from '@ioc-graph/incidents';
import { Role } from '@ioc-graph/platform';
import { staleFor } from '../../test/support/eventually';
import { startHub, type Hub } from '../../test/support/hub';
import { person, staffOf } from '../../test/support/identities';
import { metricValue } from '../../test/support/metrics';

/** Stations of the environment subgraph with their units, which the gateway reads from the directory by reference. */
const STATIONS = `query StationUnits($kind: StationKind) { stations(kind: $kind) { code administrativeUnit { code nameVi parent { nameVi } } } }`;
/** Incidents with their agency (read by reference), as the center's desk lists them. */
const INCIDENTS = `query DeskIncidents { incidents(first: 50) { edges { node { code agency { code phone } } } } }`;
const OPEN = `mutation Open($input: OpenIncidentInput!) { openIncident(input: $input) { id version } }`;
const ASSIGN = `mutation Assign($id: ID!, $input: AssignAgencyInput!) { assignAgency(id: $id, input: $input) { code } }`;
const UPDATE = `mutation ChangePhone($id: ID!, $input: UpdateAgencyInput!) { updateAgency(id: $id, input: $input) { phone version } }`;

interface Answer {
  data?: Record<string, unknown>;
  errors?: unknown[];
}

/**
 * The gateway's entity cache: the directory's units and agencies read by reference are kept one by one,
 * per class of rights, and asked of the directory again only when missing or changed.
 */
describe('entity cache of the directory', () => {
  let hub: Hub;
  let cached: string;
  let uncached: string;

  const post = async (at: string, query: string, token: string, variables: Record<string, unknown> = {}): Promise<Answer> => {
    const response = await fetch(at, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Answer;
  };
  const ok = async (at: string, query: string, token: string, variables?: Record<string, unknown>) => {
    const answer = await post(at, query, token, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  };
  const count = async (outcome: string) =>
    (await metricValue(new URL(cached).origin, 'entity_cache_entities_total', { subgraph: 'directory', outcome })) ?? 0;

  beforeAll(async () => {
    hub = await startHub({ RATE_LIMIT_PER_MINUTE: '0' });
    // Two gateways on the same subgraphs, each told of changes by the bus: one keeps entities, one does not.
    cached = (await hub.startGateway({ RATE_LIMIT_PER_MINUTE: '0', RESPONSE_CACHE: 'false' })).url;
    uncached = (await hub.startGateway({ RATE_LIMIT_PER_MINUTE: '0', RESPONSE_CACHE: 'false', ENTITY_CACHE_SUBGRAPHS: '' })).url;
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('answers units read by reference from what it kept, without asking the directory, and the same as without a cache', async () => {
    const token = hub.tokens.OPERATOR;
    const first = await ok(cached, STATIONS, token);
    expect((first.stations as unknown[]).length).toBeGreaterThan(3);
    const hits = await count('hit');
    hub.resetStatements();
    const again = await ok(cached, STATIONS, token);
    expect(again).toEqual(first);
    expect(hub.statementsOf.directory).toEqual([]);
    expect(await count('hit')).toBeGreaterThan(hits);
    expect(await ok(uncached, STATIONS, token)).toEqual(first);
  });

  it('asks the directory only for the entities it does not hold, and merges them in order', async () => {
    const token = hub.tokens.LEADER;
    // Air stations first: their units are kept; then every station, whose units are partly kept.
    await ok(cached, STATIONS, token, { kind: 'AIR' });
    const [hits, misses] = [await count('hit'), await count('miss')];
    const all = await ok(cached, STATIONS, token);
    expect(await count('hit')).toBeGreaterThan(hits);
    expect(await count('miss')).toBeGreaterThan(misses);
    expect(all).toEqual(await ok(uncached, STATIONS, token));
  });

  it('never serves the entities kept for one class of rights to another', async () => {
    await ok(cached, STATIONS, hub.tokens.FIELD_OFFICER);
    const hits = await count('hit');
    const misses = await count('miss');
    const callers = [
      hub.tokens.AGENCY_STAFF,
      hub.tokens.SYSTEM,
      hub.tokens.PARTNER,
      await hub.tokenFor(person('field-officer-2', Role.FIELD_OFFICER, { fieldUnitId: hub.identities.FIELD_OFFICER.fieldUnitId })),
    ];
    for (const token of callers) await ok(cached, STATIONS, token);
    // Each read its units from the directory: no hit, whatever the others kept.
    expect(await count('hit')).toBe(hits);
    expect(await count('miss')).toBeGreaterThan(misses);
  });

  it('serves a changed agency, not the kept one, within a second of the change', async () => {
    const token = hub.tokens.OPERATOR;
    const pccc = demoId('agency', 'PCCC-BP');
    const opened = (
      (await ok(cached, OPEN, token, {
        input: { categoryId: categoryId('EMG_FIRE'), title: 'Cháy xưởng gỗ ở Tân Bình', description: 'Cháy xưởng gỗ ở Tân Bình' },
      })) as { openIncident: { id: string; version: number } }
    ).openIncident;
    await ok(cached, ASSIGN, token, { id: opened.id, input: { expectedVersion: opened.version, agencyId: pccc } });
    const phoneOf = (data: Record<string, unknown>) =>
      (data.incidents as { edges: { node: { agency: { code: string; phone: string } | null } }[] }).edges.find(
        (edge) => edge.node.agency?.code === 'PCCC-BP',
      )!.node.agency!.phone;
    const kept = phoneOf(await ok(cached, INCIDENTS, token));
    const hits = await count('hit');
    expect(phoneOf(await ok(cached, INCIDENTS, token))).toBe(kept);
    expect(await count('hit')).toBeGreaterThan(hits);

    const agency = (await ok(cached, `query { agency(id: "${pccc}") { version } }`, token)) as { agency: { version: number } };
    const phone = kept === '0271 3881 118' ? '0271 3881 119' : '0271 3881 118';
    await ok(cached, UPDATE, token, { id: pccc, input: { phone, expectedVersion: agency.agency.version } });
    const stale = await staleFor(
      () => ok(cached, INCIDENTS, token),
      (data) => phoneOf(data) === phone,
      Date.now(),
      { what: 'the changed phone of the agency read by reference' },
    );
    expect(stale).toBeLessThan(1_000);
    // The agency's own staff read it too, with their rights: the change, not a kept answer.
    const staff = await hub.tokenFor(staffOf(pccc, 'staff-pccc-cache'));
    expect(phoneOf(await ok(cached, INCIDENTS, staff))).toBe(phone);
  });
});
