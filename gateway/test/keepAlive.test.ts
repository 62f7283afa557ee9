import { GATEWAY_HEADERS, Role } from '@ioc-graph/platform';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { eventually } from '../../test/support/eventually';
import { execute, startHub, type GraphQLResponse, type Hub } from '../../test/support/hub';
import { SignedDataSource } from '../src/signedDataSource';
import type { Agent } from 'undici';
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
  it('answers SUBGRAPH_UNAVAILABLE, without the subgraph’s address, when a subgraph goes down', async () => {
    const { httpServer } = hub.subgraphs.directory.server;
    await new Promise<void>((resolve) => {
      httpServer.close(() => resolve());
      httpServer.closeAllConnections();
    });
    const result = await execute(hub.gatewayUrl, '{ agencies(first: 3) { totalCount } }', undefined, { token: hub.tokens[Role.OPERATOR] });
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.serviceName, e.path])).toEqual([
      ['SUBGRAPH_UNAVAILABLE', 'directory', ['agencies']],
    ]);
    expect(JSON.stringify(result)).not.toContain(new URL(hub.directoryUrl).port);
  });
});

describe('the gateway’s subgraph requests, to a loopback server standing in for a subgraph', () => {
  let server: Server;
  let url: string;
  const received: IncomingMessage[] = [];
  /** What the server does with the next requests, in order; then it answers. */
  const faults: ('break' | 'hang' | 'fail')[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      received.push(req);
      const fault = faults.shift();
      // As a subgraph closing an idle socket the moment a request arrives on it: no response at all.
      if (fault === 'break') return void req.socket.destroy();
      // As a stopped subgraph: the request is read, nothing is ever answered.
      if (fault === 'hang') return void req.resume();
      req.resume();
      req.on('end', () => {
        if (fault === 'fail') return void res.writeHead(502, { 'content-type': 'text/html' }).end('<html>bad gateway at 10.0.0.7</html>');
        res.setHeader('content-type', 'application/json').end(JSON.stringify({ data: { __typename: 'Query' } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => void received.splice(0));
  afterEach(() => void faults.splice(0));

  const sourceFor = (target: string, agent: Agent, retries: unknown[] = [], timeoutMs = 5_000) =>
    new SignedDataSource('directory', target, 'a-test-secret-of-at-least-32-characters!', {
      agent,
      timeoutMs,
      onRetry: (error) => retries.push(error),
    });

  /** Sends `query` through the data source as the gateway would, with a fresh agent (destroyed after) unless one is given. */
  const send = async (query: string, options: { retries?: unknown[]; agent?: Agent; timeoutMs?: number; target?: string } = {}) => {
    const agent = options.agent ?? createSubgraphAgent(500);
    const source = sourceFor(options.target ?? url, agent, options.retries, options.timeoutMs);
    try {
      return await source.process({ kind: GraphQLDataSourceRequestKind.HEALTH_CHECK, request: { query, variables: {} }, context: {} });
    } finally {
      if (!options.agent) await agent.destroy();
    }
  };
  const unavailable = (message: RegExp) => ({
    data: undefined,
    errors: [
      {
        message: expect.stringMatching(message),
        path: ['__typename'],
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'directory' },
      },
    ],
  });

  it('closes a socket idle for SUBGRAPH_IDLE_TIMEOUT_MS itself, before the subgraph would, and opens another', async () => {
    const agent = createSubgraphAgent(500);
    try {
      expect((await send('{ __typename }', { agent })).data).toEqual({ __typename: 'Query' });
      const socket = received[0].socket;
      expect(socket.destroyed).toBe(false);
      // This server keeps idle sockets for 5 s (Node's default): the agent's 0.5 s ends this one first.
      await sleep(800);
      expect(socket.destroyed).toBe(true);
      expect((await send('{ __typename }', { agent })).data).toEqual({ __typename: 'Query' });
      expect(received[1].socket).not.toBe(socket);
    } finally {
      await agent.destroy();
    }
  });

  it('sends a query once more, signed again, and returns its answer', async () => {
    faults.push('break');
    const retries: unknown[] = [];
    const response = await send('query Read__directory__0 { __typename }', { retries });
    expect(response).toMatchObject({ data: { __typename: 'Query' } });
    expect(response.errors).toBeUndefined();
    expect(received).toHaveLength(2);
    expect(retries).toHaveLength(1);
    for (const req of received) expect(req.headers[GATEWAY_HEADERS.signature]).toEqual(expect.any(String));
  });

  it('does not send a query a third time: two broken connections end as SUBGRAPH_UNAVAILABLE', async () => {
    faults.push('break', 'break');
    expect(await send('{ __typename }')).toEqual(unavailable(/^The directory service is unavailable .*; the rest of the answer stands$/));
    expect(received).toHaveLength(2);
  });

  it('never sends a mutation again: it ends as SUBGRAPH_UNAVAILABLE, saying the change may have been made', async () => {
    faults.push('break');
    const retries: unknown[] = [];
    expect(await send('mutation Write__directory__0 { __typename }', { retries })).toEqual(
      unavailable(/may or may not have been made; read it before trying again/),
    );
    expect(received).toHaveLength(1);
    expect(retries).toHaveLength(0);
  });

  it('aborts a request unanswered after SUBGRAPH_TIMEOUT_MS, closing its socket, and sends a mutation only once', async () => {
    faults.push('hang', 'hang');
    const started = Date.now();
    expect(await send('{ __typename }', { timeoutMs: 300 })).toEqual(unavailable(/did not answer in time/));
    expect(Date.now() - started).toBeLessThan(5_000);
    await eventually(() => received[0].socket.destroyed, { what: 'the hung request’s socket closed' });
    expect(await send('mutation Write__directory__0 { __typename }', { timeoutMs: 300 })).toEqual(
      unavailable(/may or may not have been made/),
    );
    expect(received).toHaveLength(2);
  });

  it('answers a 5xx with SUBGRAPH_UNAVAILABLE, without the body or status text', async () => {
    faults.push('fail');
    const response = await send('{ __typename }');
    expect(response).toEqual(unavailable(/failed to answer/));
    expect(JSON.stringify(response)).not.toContain('10.0.0.7');
  });

  it('answers a subgraph that refuses connections with SUBGRAPH_UNAVAILABLE, not its address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const response = await send('mutation Write__directory__0 { __typename }', { target: `http://127.0.0.1:${port}/graphql` });
    // Refused: nothing was sent, so the change was not made.
    expect(response).toEqual(unavailable(/is not reachable\); the change was not made/));
    expect(JSON.stringify(response)).not.toContain(String(port));
  });
});
