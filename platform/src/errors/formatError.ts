import type { ValidationError } from 'class-validator';
import type { GraphQLFormattedError } from 'graphql';
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import { ErrorCode } from './codes';
import { AppError, type FieldProblem } from './errors';
import { redactInternals } from './redact';

/** Codes that Apollo Server itself assigns to malformed requests; they are safe to pass on as they are. */
const APOLLO_REQUEST_CODES = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.BAD_REQUEST,
]);
const OUR_CODES = new Set<string>(Object.values(ErrorCode));

function fieldProblems(error: ValidationError, prefix: string): FieldProblem[] {
  const field = prefix ? `${prefix}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
  return own.concat((error.children ?? []).flatMap((child) => fieldProblems(child, field)));
}

export interface FormatErrorOptions {
  /**
   * When true, unexpected errors keep their message and stack for debugging, with SQL statements and
   * addresses hidden (see {@link redactInternals}).
   */
  exposeInternals: boolean;
  onInternal?: (error: unknown) => void;
}

/**
 * Maps every error leaving a server onto the project's vocabulary. Validation failures from
 * class-validator become BAD_USER_INPUT with one problem per field; anything unexpected becomes
 * INTERNAL, without message or stack unless internals are exposed (never in production).
 */
export function createFormatError(options: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (original instanceof AppError) {
      return { ...base, message: original.message, extensions: { ...original.extensions } };
    }
    if (original instanceof ArgumentValidationError) {
      const problems = original.extensions.validationErrors.flatMap((v) => fieldProblems(v, ''));
      return { ...base, message: 'The input is not valid', extensions: { code: ErrorCode.BAD_USER_INPUT, problems } };
    }
    if (original instanceof AuthenticationError) {
      return { ...base, message: 'A valid token is required', extensions: { code: ErrorCode.UNAUTHENTICATED } };
    }
    if (original instanceof AuthorizationError) {
      return { ...base, message: 'You are not allowed to do this', extensions: { code: ErrorCode.FORBIDDEN } };
    }
    // What a wrapped error may carry besides its code: the original exception, a subgraph's URL and body.
    const { stacktrace, exception: _exception, response: _response, ...extensions } = formatted.extensions ?? {};
    const code = extensions.code;
    if (typeof code === 'string' && (OUR_CODES.has(code) || APOLLO_REQUEST_CODES.has(code)) && code !== ErrorCode.INTERNAL) {
      return { ...base, extensions: options.exposeInternals && stacktrace ? { ...extensions, stacktrace } : extensions };
    }
    options.onInternal?.(original);
    if (options.exposeInternals) {
      // Development shows what went wrong, but not the SQL statement (with its values) nor any internal address.
      const lines = Array.isArray(stacktrace) ? { stacktrace: stacktrace.map((line) => redactInternals(String(line))) } : {};
      return { ...base, message: redactInternals(formatted.message), extensions: { ...extensions, ...lines, code: ErrorCode.INTERNAL } };
    }
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL },
    };
  };
}
