import { GATEWAY_HEADERS, Role } from '@ioc-graph/platform';
import { createServer, type Agent, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { execute, startHub, type GraphQLResponse, type Hub } from '../../test/support/hub';
import { SignedDataSource } from '../src/signedDataSource';
import { createSubgraphAgent } from '../src/subgraphFetch';

// Crosses two subgraphs (incidents, then the directory for each agency), so each request reuses sockets to both.
const QUERY = '{ incidents(first: 5) { totalCount edges { node { id agency { nameVi } } } } agencies(first: 3) { totalCount } }';

describe('keep-alive connections from the gateway to the subgraphs', () => {
  let hub: Hub;
  beforeAll(async () => {
    // Subgraphs close idle sockets after 1 s, the gateway after 0.5 s: the pauses below straddle both.
    hub = await startHub({ HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000', SUBGRAPH_IDLE_TIMEOUT_MS: '500', RATE_LIMIT_PER_MINUTE: '0' });
  });
  afterAll(() => hub.stop());

  const failures = (responses: GraphQLResponse<unknown>[]) =>
    responses.filter((r) => r.status !== 200 || r.errors?.length).map((r) => `${r.status} ${JSON.stringify(r.errors)}`);
  const ask = () => execute(hub.gatewayUrl, QUERY, undefined, { token: hub.tokens[Role.OPERATOR] });

  it('answers sequential and concurrent requests with pauses around the subgraphs’ keep-alive timeout, with no error', async () => {
    const responses: GraphQLResponse<unknown>[] = [];
    for (const pause of [0, 450, 550, 950, 1000, 1050, 990, 1010]) {
      await sleep(pause);
      responses.push(await ask());
      // A burst opens several sockets per subgraph, which then go idle together.
      responses.push(...(await Promise.all(Array.from({ length: 6 }, ask))));
    }
    expect(failures(responses)).toEqual([]);
    for (const { server } of Object.values(hub.subgraphs)) expect(server.httpServer.keepAliveTimeout).toBe(1000);
    expect(responses).toHaveLength(8 * 7);
  });

  // Last: it takes the directory down for the rest of the suite.
  it('answers UNAVAILABLE, without the subgraph’s address, when a subgraph goes down', async () => {
    const { httpServer } = hub.subgraphs.directory.server;
    await new Promise<void>((resolve) => {
      httpServer.close(() => resolve());
      httpServer.closeAllConnections();
    });
    const result = await execute(hub.gatewayUrl, '{ agencies(first: 3) { totalCount } }', undefined, { token: hub.tokens[Role.OPERATOR] });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAVAILABLE']);
    expect(JSON.stringify(result)).not.toContain(new URL(hub.directoryUrl).port);
  });
});

describe('the gateway’s subgraph requests, to a loopback server standing in for a subgraph', () => {
  let server: Server;
  let url: string;
  const received: IncomingMessage[] = [];
  let breakNext = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      received.push(req);
      if (breakNext > 0) {
        breakNext -= 1;
        // As a subgraph closing an idle socket the moment a request arrives on it: no response at all.
        return void req.socket.destroy();
      }
      req.resume();
      req.on('end', () => res.setHeader('content-type', 'application/json').end(JSON.stringify({ data: { __typename: 'Query' } })));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => void received.splice(0));

  /** Sends `query` as the gateway would, through a fresh agent (destroyed after) unless one is given. */
  const send = async (query: string, retries: unknown[] = [], shared?: Agent) => {
    const agent = shared ?? createSubgraphAgent(500);
    const source = new SignedDataSource('directory', url, 'a-test-secret-of-at-least-32-characters!', {
      agent,
      onRetry: (error) => retries.push(error),
    });
    const body = JSON.stringify({ query, variables: {} });
    try {
      return await source.fetcher(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    } finally {
      if (!shared) agent.destroy();
    }
  };

  it('closes a socket idle for SUBGRAPH_IDLE_TIMEOUT_MS itself, before the subgraph would, and opens another', async () => {
    const agent = createSubgraphAgent(500);
    try {
      expect((await send('{ __typename }', [], agent)).status).toBe(200);
      const socket = received[0].socket;
      expect(socket.destroyed).toBe(false);
      // This server keeps idle sockets for 5 s (Node's default): the agent's 0.5 s ends this one first.
      await sleep(800);
      expect(socket.destroyed).toBe(true);
      expect((await send('{ __typename }', [], agent)).status).toBe(200);
      expect(received[1].socket).not.toBe(socket);
    } finally {
      agent.destroy();
    }
  });

  it('sends a query once more, signed again, and returns its answer', async () => {
    breakNext = 1;
    const retries: unknown[] = [];
    const response = await send('query Read__directory__0 { __typename }', retries);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect(received).toHaveLength(2);
    expect(retries).toHaveLength(1);
    for (const req of received) expect(req.headers[GATEWAY_HEADERS.signature]).toEqual(expect.any(String));
  });

  it('does not send a query a third time: two broken connections end as UNAVAILABLE', async () => {
    breakNext = 2;
    await expect(send('{ __typename }')).rejects.toMatchObject({ extensions: { code: 'UNAVAILABLE' } });
    expect(received).toHaveLength(2);
  });

  it('never sends a mutation again: it ends as UNAVAILABLE, saying the change may have been made', async () => {
    breakNext = 1;
    const retries: unknown[] = [];
    const error = await send('mutation Write__directory__0 { __typename }', retries).catch((e: unknown) => e);
    expect(error).toMatchObject({ extensions: { code: 'UNAVAILABLE' }, message: expect.stringMatching(/may or may not have been made/) });
    expect(received).toHaveLength(1);
    expect(retries).toHaveLength(0);
  });

  it('answers a subgraph that refuses connections with UNAVAILABLE, not its address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const agent = createSubgraphAgent(500);
    const source = new SignedDataSource('directory', `http://127.0.0.1:${port}/graphql`, 'a-test-secret-of-at-least-32-characters!', {
      agent,
    });
    const error = await source
      .fetcher(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: JSON.stringify({ query: '{ __typename }' }) })
      .catch((e: unknown) => e);
    agent.destroy();
    expect(error).toMatchObject({ extensions: { code: 'UNAVAILABLE' } });
    expect((error as Error).message).not.toContain(String(port));
  });
});
