import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import type { Session } from '../auth/session';

/** Close code with which the console drops its own socket to reconnect with a new token (4000–4999: the application's). */
const RECONNECT_WITH_NEW_TOKEN = 4205;

export interface Connection {
  apollo: ApolloClient;
  ws: Client;
  /** Reported by the WebSocket: the header shows "reconnecting" while it is false. */
  onConnectedChange(listener: (connected: boolean) => void): () => void;
  dispose(): void;
}

/**
 * One connection to the hub for a signed-in session: queries and mutations over HTTP with the current
 * token, subscriptions over graphql-ws. The socket retries for ever with a growing pause (the wall runs for
 * days); when the session gets a new token the socket is closed and opened again with it, and every
 * subscription is sent again (with its latest cursor, see `live.ts`).
 */
export function connect(session: Session, origin = window.location.origin): Connection {
  const wsUrl = `${origin.replace(/^http/, 'ws')}/graphql`;
  let socket: WebSocket | null = null;
  const listeners = new Set<(connected: boolean) => void>();
  const emit = (connected: boolean) => listeners.forEach((listener) => listener(connected));
  const ws = createClient({
    url: wsUrl,
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: async (retries) => {
      const pause = Math.min(30_000, 500 * 2 ** Math.min(retries, 6)) * (0.5 + Math.random() / 2);
      await new Promise((resolve) => setTimeout(resolve, pause));
    },
    keepAlive: 20_000,
    connectionParams: () => (session.token ? { authorization: `Bearer ${session.token}` } : {}),
    on: {
      connected: (opened) => {
        socket = opened as WebSocket;
        emit(true);
      },
      closed: () => {
        socket = null;
        emit(false);
      },
    },
  });
  const stopWatching = session.onChange(() => {
    if (socket && socket.readyState === WebSocket.OPEN) socket.close(RECONNECT_WITH_NEW_TOKEN, 'new token');
  });

  const auth = new SetContextLink((prevContext) => ({
    headers: { ...prevContext.headers, ...(session.token ? { authorization: `Bearer ${session.token}` } : {}) },
  }));
  const http = new HttpLink({ uri: `${origin}/graphql` });
  const link = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === OperationTypeNode.SUBSCRIPTION;
    },
    new GraphQLWsLink(ws),
    auth.concat(http),
  );
  const apollo = new ApolloClient({
    link,
    cache: new InMemoryCache({
      typePolicies: {
        // Connections are read page by page by the screens; the cache keeps each page under its arguments.
        Query: { fields: {} },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
  return {
    apollo,
    ws,
    onConnectedChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      stopWatching();
      void ws.dispose();
      apollo.stop();
    },
  };
}
