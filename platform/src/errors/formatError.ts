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

/** SQLSTATEs of a database out of reach: connection exceptions, shut down or starting, too many connections. */
const DATABASE_UNAVAILABLE_STATES = /^(0800[0-6]|57P0[1-3]|53300)$/;
/** System errors of a connection that could not be made or was lost. */
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** What pg and knex say when the connection went or none can be had. */
const CONNECTION_LOST =
  /Connection terminated|Timeout acquiring a connection|not queryable|the database system is (starting up|shutting down)/i;

/**
 * `error` and what it wraps, outermost first, by `cause` (drivers and fetch wrap the system error that
 * says what happened) or `thrownValue` (graphql-js wraps a thrown value that is no Error, such as a bare
 * `{ code: 'ECONNREFUSED' }`, in a NonErrorThrown), at most five deep.
 */
export function causeChain(error: unknown): { code?: unknown; message?: unknown }[] {
  type Link = { code?: unknown; message?: unknown; cause?: unknown; thrownValue?: unknown };
  const chain: Link[] = [];
  let current = error;
  while (chain.length < 5 && current && typeof current === 'object') {
    chain.push(current as Link);
    current = (current as Link).cause ?? (current as Link).thrownValue;
  }
  return chain;
}

/**
 * Whether `error` (or what it wraps) says that the database or a service the request needs could not be
 * reached, as opposed to a fault of the request or of the code: the request may be sent again.
 */
export function isUnreachable(error: unknown): boolean {
  return causeChain(error).some(
    ({ code, message }) =>
      (typeof code === 'string' && (DATABASE_UNAVAILABLE_STATES.test(code) || CONNECTION_ERRNOS.has(code))) ||
      (typeof message === 'string' && CONNECTION_LOST.test(message)),
  );
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
 * class-validator become BAD_USER_INPUT with one problem per field; a database or service out of reach
 * becomes UNAVAILABLE; anything unexpected becomes INTERNAL, without message or stack unless internals
 * are exposed (never in production).
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
    if (isUnreachable(original)) {
      return {
        ...base,
        message: 'A service this request needs is out of reach; send it again shortly',
        extensions: { code: ErrorCode.UNAVAILABLE },
      };
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
