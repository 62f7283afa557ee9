import type { ApolloServer } from '@apollo/server';
import { clientKey, createLogger, type Logger, type TokenVerifier } from '@ioc-graph/platform';
import { GraphQLError, print, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { identify, type GatewayContext } from './context';

export interface WebSocketEndpointOptions {
  httpServer: Server;
  path: string;
  apollo: ApolloServer<GatewayContext>;
  /** The current client-facing schema (it changes when the supergraph is reloaded). */
  schema: () => GraphQLSchema;
  verify: TokenVerifier;
  logger?: Logger;
}

/**
 * The graphql-ws endpoint on the gateway's own port and path. The token is checked once, at
 * `connection_init` (`{ authorization: "Bearer …" }`); a bad token closes the socket with 4403.
 * Queries and mutations run through the same Apollo pipeline as HTTP; subscriptions are served by the
 * gateway itself because @apollo/gateway does not federate them.
 */
export function createWebSocketEndpoint(options: WebSocketEndpointOptions) {
  const logger = options.logger ?? createLogger('gateway');
  const wsServer = new WebSocketServer({ server: options.httpServer, path: options.path });
  type Extra = { identity?: GatewayContext['identity'] };
  const cleanup = useServer<Record<string, unknown>, Extra>(
    {
      schema: () => options.schema(),
      onConnect: async (ctx) => {
        try {
          const identity = await identify(ctx.connectionParams?.authorization, options.verify);
          const address = (ctx.extra as { request?: { socket?: { remoteAddress?: string } } }).request?.socket?.remoteAddress;
          (ctx.extra as Extra).identity = { ...identity, client: clientKey(address) };
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx): GatewayContext => {
        const requestId = randomUUID();
        return { identity: (ctx.extra as Extra).identity!, requestId, logger: logger.child({ requestId }) };
      },
      execute: async (args): Promise<ExecutionResult> => {
        const response = await options.apollo.executeOperation(
          { query: print(args.document), variables: args.variableValues ?? undefined, operationName: args.operationName ?? undefined },
          { contextValue: args.contextValue as GatewayContext },
        );
        if (response.body.kind !== 'single') throw new Error('incremental delivery is not supported over WebSocket');
        return response.body.singleResult as ExecutionResult;
      },
      subscribe: async () => ({ errors: [new GraphQLError('No subscription is served yet', { extensions: { code: 'BAD_USER_INPUT' } })] }),
    },
    wsServer,
  );
  return {
    wsServer,
    async close() {
      await cleanup.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
