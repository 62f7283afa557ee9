import { ApolloServerErrorCode } from '@apollo/server/errors';
import { getOperationAST, GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { hideSuggestions } from './apolloPlugin';
import { checkOperation, type OperationLimits } from './checkOperation';

/** What a graphql-ws `subscribe` message carries. */
export interface OperationPayload {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

export interface PreparedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string;
  variableValues?: Record<string, unknown>;
}

const withCode = (error: GraphQLError, code: string, suggestions: boolean) =>
  new GraphQLError(suggestions ? error.message : hideSuggestions(error.message), {
    nodes: error.nodes,
    extensions: { ...error.extensions, code },
  });

/**
 * Parses, validates and checks an operation sent over WebSocket as the HTTP pipeline does: the parser
 * stops at the audience's token limit, then the specified rules, then the audience's limits
 * (see `checkOperation`). Returns the errors to send, or the arguments to run the operation with.
 */
export function prepareOperation(
  schema: GraphQLSchema,
  payload: OperationPayload,
  limits: OperationLimits,
  options: { suggestions: boolean; rules?: ValidationRule[] },
): readonly GraphQLError[] | PreparedOperation {
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: limits.maxTokens });
  } catch (error) {
    if (error instanceof GraphQLError) return [withCode(error, ApolloServerErrorCode.GRAPHQL_PARSE_FAILED, true)];
    throw error;
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0)
    return invalid.map((error) => withCode(error, ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED, options.suggestions));
  const operation = getOperationAST(document, payload.operationName);
  const variables = payload.variables ?? undefined;
  const refused = checkOperation({ schema, document, operation, variables, source: payload.query }, limits, options.rules);
  // The HTTP status means nothing on a socket.
  if (refused) return [new GraphQLError(refused.message, { extensions: { code: refused.extensions.code } })];
  return { schema, document, operationName: payload.operationName ?? undefined, variableValues: variables };
}
