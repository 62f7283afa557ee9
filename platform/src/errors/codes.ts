/**
 * The one error vocabulary of ioc-graph. Clients branch on `extensions.code`, never on message text;
 * the string values are part of the API and never change.
 */
export const ErrorCode = {
  /** An argument is not valid; `extensions.problems` lists `{ field, message }` per field. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** No valid token (or signed gateway headers) where one is needed. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The caller is known but its roles or scope do not allow this. */
  FORBIDDEN: 'FORBIDDEN',
  /** The record asked for does not exist (or is not visible to the caller). */
  NOT_FOUND: 'NOT_FOUND',
  /** An illegal state transition, a duplicate key or a stale version. */
  CONFLICT: 'CONFLICT',
  /** Too many requests from one client; retry after the time the message gives. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The HTTP body is not a GraphQL request (not JSON, too large). */
  BAD_REQUEST: 'BAD_REQUEST',
  /**
   * A persisted operation's id (`extensions.persistedQuery.sha256Hash` or `documentId`) names no operation the
   * caller may run: send the full query (Apollo's automatic persisted queries), or use an id of the manifest.
   */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** A subscription fell too far behind the event log and was ended; resume after `extensions.cursor`. */
  SUBSCRIBER_OVERFLOW: 'SUBSCRIBER_OVERFLOW',
  /**
   * Something the request needs is out of reach: a subgraph's database (restarting, refusing
   * connections) answers a request with it, which may be sent again shortly (a mutation that lost its
   * connection while it committed may have been applied: send it again with the same idempotency key,
   * `sourceRef` or `expectedVersion`). A subscription whose events could not be read within the
   * delivery timeout is ended with it (resume after `extensions.cursor`). A single subgraph that fails
   * a request is {@link ErrorCode.SUBGRAPH_UNAVAILABLE} instead.
   */
  UNAVAILABLE: 'UNAVAILABLE',
  /**
   * A service behind the gateway did not answer in time, refused or dropped the connection, failed (5xx),
   * or is being skipped while it keeps failing (its circuit breaker is open). `extensions.serviceName`
   * names it and `path` the field it could not provide: that part of the answer is null, the rest stands.
   * A query may be sent again later; a mutation may or may not have been applied (the message says so):
   * read the record before sending it again.
   */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** Anything unexpected; no message or stack leaves the server in production. */
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The HTTP status that goes with each code when the error ends a whole request. */
export const httpStatusOf: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  BAD_REQUEST: 400,
  PERSISTED_QUERY_NOT_FOUND: 404,
  // Only ever ends a WebSocket stream; were it to end a request, the client is too slow, as with RATE_LIMITED.
  SUBSCRIBER_OVERFLOW: 429,
  UNAVAILABLE: 503,
  SUBGRAPH_UNAVAILABLE: 503,
  INTERNAL: 500,
};
