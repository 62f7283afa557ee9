import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/codes';
import { invalidInputError, operationInputProblems } from './operationInput';

const refused = (message: string, code: string, status: number) => new GraphQLError(message, { extensions: { code, http: { status } } });

/**
 * Refuses, with HTTP 400 and before anything runs, an operation that cannot run here: none matching
 * `operationName` (OPERATION_RESOLUTION_FAILURE), a subscription (they are served over WebSocket only:
 * BAD_REQUEST), or input that must never reach a resolver or the database (BAD_USER_INPUT, one problem
 * per field: see {@link operationInputProblems}). Used by the gateway, where the supergraph's scalars have
 * no parsing of their own, and by every subgraph, in case a request reaches one some other way.
 */
export function inputValidationPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) {
            const message = request.operationName
              ? `The document has no operation named "${request.operationName.slice(0, 100)}"`
              : 'The document has several operations: name the one to run in operationName';
            throw refused(message, ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE, 400);
          }
          if (operation.operation === 'subscription') {
            throw refused('Subscriptions are served over WebSocket (graphql-ws) only', ErrorCode.BAD_REQUEST, 400);
          }
          const problems = operationInputProblems(schema, document, operation, request.variables ?? {});
          if (problems.length > 0) throw invalidInputError(problems);
        },
      };
    },
  };
}
