import type { ApolloServer } from '@apollo/server';
import { clientKey, createLogger, rateLimited, type Logger, type TokenVerifier } from '@ioc-graph/platform';
import { print, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { decodeJwt } from 'jose';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ClientAddressResolver } from './clientAddress';
import { identify, type GatewayContext } from './context';
import type { CallerRateLimiter } from './limits';
import { armorRules, audienceOf, prepareOperation, type AudienceLimits } from './operationLimits';
import { preparePersistedOperation, type PersistedOperations } from './persistedOperations';
import type { FrameSink } from './subscriptions/fanout';

export interface WebSocketEndpointOptions {
  httpServer: Server;
  path: string;
  apollo: ApolloServer<GatewayContext>;
  /** The client-facing schema with its subscriptions (it changes when the supergraph is reloaded). */
  schema: () => GraphQLSchema;
  /** Starts a subscription operation on that schema (Subscriptions.subscribe). */
  subscribe: (args: ExecutionArgs) => Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult>;
  verify: TokenVerifier;
  logger?: Logger;
  /** Interval of WebSocket pings that keep idle connections open through proxies and find dead ones; 0 turns them off. */
  heartbeatMs?: number;
  /** The operation limits per audience, as over HTTP. */
  limits: AudienceLimits;
  /** Keep "Did you mean …?" suggestions in validation errors. */
  suggestions: boolean;
  /** The persisted-operation rules (ids, safelist), as over HTTP. */
  persistedOperations: PersistedOperations;
  /** The HTTP path's limiter: each `subscribe` message is one operation of the caller. */
  rateLimiter: Pick<CallerRateLimiter, 'take'>;
  /** Finds the client behind the upgrade request, as over HTTP. */
  clientAddress: ClientAddressResolver;
}

type Extra = { identity?: GatewayContext['identity']; socket: WebSocket; request?: IncomingMessage };

/**
 * The graphql-ws endpoint on the gateway's own port and path. The token is checked at
 * `connection_init` (`{ authorization: "Bearer …" }`): a bad token closes the socket with 4403
 * (Forbidden), and so does the token's expiry later, ending its subscriptions. Queries and mutations
 * run through the same Apollo pipeline as HTTP; subscriptions are served here from the event log.
 */
export function createWebSocketEndpoint(options: WebSocketEndpointOptions) {
  const logger = options.logger ?? createLogger('gateway');
  const wsServer = new WebSocketServer({ server: options.httpServer, path: options.path });
  const rules = { public: armorRules(options.limits.public), staff: armorRules(options.limits.staff) };
  const cleanup = useServer<Record<string, unknown>, Extra>(
    {
      schema: () => options.schema(),
      // Parsed, validated and checked here with the caller's limits, as over HTTP (graphql-ws alone
      // parses any size and knows no limit); queries and mutations are checked again by Apollo.
      onSubscribe: async (ctx, _id, payload) => {
        const identity = (ctx.extra as Extra).identity!;
        // Refuses this operation only (an error message for its id): the socket and its other operations go on.
        const decision = await options.rateLimiter.take(identity.subject ?? `client:${identity.client}`);
        if (!decision.allowed) return [rateLimited(decision.resetSeconds)];
        const audience = audienceOf(identity);
        // Resolved from its persisted id and refused unless the caller may run it, as over HTTP.
        return preparePersistedOperation(options.persistedOperations, identity, payload, (resolved) =>
          prepareOperation(options.schema(), resolved, options.limits[audience], {
            suggestions: options.suggestions,
            rules: rules[audience],
          }),
        );
      },
      onConnect: async (ctx) => {
        const extra = ctx.extra as Extra;
        try {
          const authorization = ctx.connectionParams?.authorization;
          const identity = await identify(authorization, options.verify);
          const address = options.clientAddress.resolve(extra.request?.socket.remoteAddress, extra.request?.headers['x-forwarded-for']);
          extra.identity = { ...identity, client: clientKey(address) };
          const exp = identity.subject ? decodeJwt(String(authorization).replace(/^Bearer\s+/i, '')).exp : undefined;
          if (exp) {
            // setTimeout takes at most ~24.8 days; tokens live far shorter.
            const timer = setTimeout(
              () => extra.socket.close(CloseCode.Forbidden, 'Token expired'),
              Math.max(0, Math.min(exp * 1000 - Date.now(), 2 ** 31 - 1)),
            );
            extra.socket.once('close', () => clearTimeout(timer));
          }
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx, id): GatewayContext => {
        const { identity, socket } = ctx.extra as Extra;
        const requestId = randomUUID();
        return { identity: identity!, requestId, logger: logger.child({ requestId }), frames: nextFrames(socket, id) };
      },
      execute: async (args): Promise<ExecutionResult> => {
        const response = await options.apollo.executeOperation(
          { query: print(args.document), variables: args.variableValues ?? undefined, operationName: args.operationName ?? undefined },
          { contextValue: args.contextValue as GatewayContext },
        );
        if (response.body.kind !== 'single') throw new Error('incremental delivery is not supported over WebSocket');
        return response.body.singleResult as ExecutionResult;
      },
      // Served by the fan-out: subscribers of one stream share each event's result.
      subscribe: (args) => options.subscribe(args),
    },
    wsServer,
  );

  // Pings every heartbeat; a socket that missed the previous pong is gone and is closed.
  const alive = new WeakSet<WebSocket>();
  wsServer.on('connection', (socket, request) => {
    batchWrites(socket, request.socket);
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));
  });
  const heartbeat =
    options.heartbeatMs && options.heartbeatMs > 0
      ? setInterval(() => {
          for (const socket of wsServer.clients) {
            if (!alive.has(socket)) {
              socket.terminate();
              continue;
            }
            alive.delete(socket);
            socket.ping();
          }
        }, options.heartbeatMs)
      : null;

  return {
    wsServer,
    async close() {
      if (heartbeat) clearInterval(heartbeat);
      await cleanup.dispose();
      for (const socket of wsServer.clients) socket.terminate();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}

/**
 * The `next` messages of subscription `id`, as graphql-ws writes them, without the promise graphql-ws
 * waits on for each: the fan-out writes each event's result to every subscriber at once, and its
 * iterator only tells graphql-ws when the subscription ends (completed, or with an error).
 */
function nextFrames(socket: WebSocket, id: string): FrameSink {
  const head = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  return { next: (payload, written) => socket.send(`${head}${payload}}`, written) };
}

/**
 * Sends what a socket is given in one turn of the event loop as one write: an event reaches many
 * subscriptions of one connection at once (a wall screen follows several), and every message would
 * otherwise be a system call of its own. The TCP socket is corked at the first send of a turn and
 * uncorked in the next turn (setImmediate), once every delivery of this one has been written.
 */
function batchWrites(socket: WebSocket, tcp: Duplex): void {
  const send = socket.send;
  let corked = false;
  const uncork = () => {
    corked = false;
    tcp.uncork();
  };
  socket.send = function (this: WebSocket, ...args: unknown[]) {
    if (!corked && tcp.writable) {
      corked = true;
      tcp.cork();
      setImmediate(uncork);
    }
    return Reflect.apply(send, this, args) as void;
  } as WebSocket['send'];
}
