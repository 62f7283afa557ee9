import type { ApolloServerPlugin, GraphQLRequest } from '@apollo/server';
import { ErrorCode } from '@ioc-graph/platform';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context';
import type { PersistedOperations } from './persistedOperations';

const PLACEHOLDER = '{ __typename }';

/** `documentId` from a POST body or a GET query string (Apollo reads neither). */
function documentIdOf(request: GraphQLRequest): unknown {
  const http = request.http;
  if (!http) return undefined;
  if (http.method === 'GET') return new URLSearchParams(http.search).get('documentId') ?? undefined;
  const body = http.body as Record<string, unknown> | null | undefined;
  return body && typeof body === 'object' ? body.documentId : undefined;
}

/**
 * Persisted operations over HTTP: a listed id becomes its body before Apollo reads the request (so
 * Apollo's APQ check sees a query that matches its hash); a malformed id is BAD_REQUEST (400) rather
 * than Apollo's code-less error; an unknown one PERSISTED_QUERY_NOT_FOUND with 404, where Apollo would
 * answer 200; and under `safelist` an operation the caller may not run is refused once parsed, before
 * the operation limits are costed or any subgraph is called.
 */
export function persistedOperationsPlugin(persisted: PersistedOperations): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      // The gateway's own reads for subscription deliveries: the subscription was admitted when it started.
      if (contextValue.eventRead) return {};
      let refusal: GraphQLError | undefined;
      try {
        const query = persisted.resolve({ ...request, documentId: documentIdOf(request) }, contextValue.identity);
        if (query !== request.query) request.query = query;
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        // Apollo lets a plugin end a request with an error of its own only once the operation is resolved
        // (thrown earlier, it becomes INTERNAL): a placeholder that parses and validates in no time gets there,
        // past Apollo's own handling of the id, and the refusal is thrown then.
        refusal = error;
        Object.assign(request, { query: PLACEHOLDER, operationName: undefined, extensions: undefined });
      }
      return {
        async didResolveOperation({ source, document }) {
          if (refusal) throw refusal;
          persisted.admit(contextValue.identity, source, document);
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (errors?.[0]?.extensions?.code === ErrorCode.PERSISTED_QUERY_NOT_FOUND) response.http.status = 404;
        },
      };
    },
  };
}
