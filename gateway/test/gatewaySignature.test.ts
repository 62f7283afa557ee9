import { envReader, readCommonConfig, Role, signGatewayHeaders } from '@ioc-graph/platform';
import { AgencyCountDocument } from '../../__generated__/graphql';
import { codes, execute, startHub, type Hub } from '../../test/support/hub';
import { signedHeaders } from '../../test/support/identities';

/** POSTs `body` (exact bytes) with `headers`: replays need the body under the caller's control. */
async function post(url: string, body: string, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return {
    status: response.status,
    codes: ((await response.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.map((e) => e.extensions?.code),
  };
}

// The development secret the test hub runs with (see test/support/hub.ts).
const SECRET = readCommonConfig(envReader({ ...process.env, NODE_ENV: 'test' })).gatewaySecret;
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
    const body = JSON.stringify({ query: ENTITIES });
    const forged = signGatewayHeaders('a-guessed-secret-a-guessed-secret-123', hub.identities[Role.OPERATOR], {
      subgraph: 'directory',
      body,
      requestId: 'r1',
    });
    expect((await execute(hub.directoryUrl, ENTITIES, undefined, { headers: forged })).status).toBe(401);
    const genuine = signedHeaders('directory', hub.identities[Role.AGENCY_STAFF], body, 'r2');
    const escalated = { ...genuine, 'x-ioc-identity': Buffer.from(JSON.stringify(hub.identities[Role.OPERATOR])).toString('base64url') };
    expect((await execute(hub.directoryUrl, ENTITIES, undefined, { headers: escalated })).status).toBe(401);
    const accepted = await execute<{ _entities: { nameVi: string }[] }, unknown>(hub.directoryUrl, ENTITIES, undefined, {
      headers: genuine,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.data!._entities[0].nameVi).toMatch(/Công an/);
  });

  describe('a captured signature', () => {
    const body = JSON.stringify({ query: ENTITIES });
    const captured = (now = Date.now()) =>
      signGatewayHeaders(SECRET, hub.identities[Role.OPERATOR], { subgraph: 'directory', body, requestId: 'captured-1' }, now);
    const refused = { status: 401, codes: ['UNAUTHENTICATED'] };

    it('is accepted for the request it was made for', async () => {
      expect(await post(hub.directoryUrl, body, captured())).toEqual({ status: 200, codes: undefined });
    });

    it('is refused with another body', async () => {
      const another = JSON.stringify({ query: '{ agencies(first: 100) { totalCount } }' });
      expect(await post(hub.directoryUrl, another, captured())).toEqual(refused);
      // Even a change the JSON parser would not see (whitespace) is another body.
      expect(await post(hub.directoryUrl, `${body} `, captured())).toEqual(refused);
    });

    it('is refused by another subgraph', async () => {
      expect(await post(hub.incidentsUrl, body, captured())).toEqual(refused);
    });

    it('is refused once older than GATEWAY_SIGNATURE_MAX_AGE_SECONDS (30 s)', async () => {
      expect(await post(hub.directoryUrl, body, captured(Date.now() - 25_000))).toEqual({ status: 200, codes: undefined });
      expect(await post(hub.directoryUrl, body, captured(Date.now() - 32_000))).toEqual(refused);
    });

    it('is refused when dated ahead of the clock skew', async () => {
      expect(await post(hub.directoryUrl, body, captured(Date.now() + 60_000))).toEqual(refused);
    });
  });

  it('serves the same data through the gateway', async () => {
    const viaGateway = await execute(hub.gatewayUrl, AgencyCountDocument, {});
    expect(viaGateway.status).toBe(200);
    expect(viaGateway.data!.agencies.totalCount).toBeGreaterThanOrEqual(15);
  });
});
