import { Role, signGatewayHeaders } from '@ioc-graph/platform';
import { AgencyCountDocument } from '../../__generated__/graphql';
import { codes, execute, startHub, type Hub } from '../../test/support/hub';
import { signedHeaders } from '../../test/support/identities';

const ENTITIES = '{ _entities(representations: [{ __typename: "Agency", code: "CA-BP" }]) { ... on Agency { nameVi } } }';

describe('subgraphs answer the gateway only', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub.stop());

  it('refuses a call straight to a subgraph without the gateway’s signature', async () => {
    const direct = await execute(hub.directoryUrl, AgencyCountDocument, {}, { token: hub.tokens[Role.OPERATOR] });
    expect(direct.status).toBe(401);
    expect(codes(direct)).toEqual(['UNAUTHENTICATED']);
    expect(direct.data).toBeUndefined();
    const entities = await execute(hub.directoryUrl, ENTITIES);
    expect(entities.status).toBe(401);
  });

  it('refuses forged identities and signatures made with another secret', async () => {
    const forged = signGatewayHeaders('a-guessed-secret-a-guessed-secret-123', hub.identities[Role.OPERATOR], 'r1');
    expect((await execute(hub.directoryUrl, ENTITIES, undefined, { headers: forged })).status).toBe(401);
    const genuine = signedHeaders(hub.identities[Role.AGENCY_STAFF], 'r2');
    const escalated = { ...genuine, 'x-ioc-identity': Buffer.from(JSON.stringify(hub.identities[Role.OPERATOR])).toString('base64url') };
    expect((await execute(hub.directoryUrl, ENTITIES, undefined, { headers: escalated })).status).toBe(401);
    const accepted = await execute<{ _entities: { nameVi: string }[] }, unknown>(hub.directoryUrl, ENTITIES, undefined, {
      headers: genuine,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.data!._entities[0].nameVi).toMatch(/Công an/);
  });

  it('serves the same data through the gateway', async () => {
    const viaGateway = await execute(hub.gatewayUrl, AgencyCountDocument, {});
    expect(viaGateway.status).toBe(200);
    expect(viaGateway.data!.agencies.totalCount).toBeGreaterThanOrEqual(15);
  });
});
