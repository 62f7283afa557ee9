import type { Identity } from '@ioc-graph/platform';
import { GraphQLError, type DocumentNode } from 'graphql';
import { persistedQueryNotFound, type PersistedOperations, type PersistedRequest } from './persistedOperations';

/**
 * The persisted-operation rules over WebSocket (graphql-ws `onSubscribe`), as over HTTP: resolves the
 * payload's id into its body (there is no APQ cache on a socket, so an unknown id is not found), lets
 * `prepare` parse, validate and check the operation, then refuses one the caller may not run. Returns
 * the errors to send, without HTTP status, which means nothing on a socket.
 */
export function preparePersistedOperation<P extends { query: string }, T extends { document: DocumentNode }>(
  persisted: PersistedOperations,
  identity: Identity,
  payload: P,
  prepare: (payload: P) => readonly GraphQLError[] | T,
): readonly GraphQLError[] | T {
  try {
    const query = persisted.resolve(payload as P & PersistedRequest, identity);
    if (query === undefined) throw persistedQueryNotFound();
    const prepared = prepare({ ...payload, query });
    if ('document' in prepared) persisted.admit(identity, query, prepared.document);
    return prepared;
  } catch (error) {
    if (error instanceof GraphQLError) return [new GraphQLError(error.message, { extensions: { code: error.extensions.code } })];
    throw error;
  }
}
