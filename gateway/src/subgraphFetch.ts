import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { causeChain } from '@ioc-graph/platform';
import { getOperationAST, OperationTypeNode, parse } from 'graphql';
import { Agent, request, type Dispatcher } from 'undici';

/** What RemoteGraphQLDataSource sends subgraph requests with. */
export type Fetcher = RemoteGraphQLDataSource['fetcher'];

/**
 * The keep-alive pool of the gateway's subgraph requests (undici: one pool of connections per subgraph
 * origin). It closes a connection that has been idle for `idleMs`, whatever the subgraph's Keep-Alive
 * header says, which must be shorter than the subgraphs' own keep-alive timeout
 * (HTTP_KEEP_ALIVE_TIMEOUT_MS): the connection is then always closed by the gateway first, never reused
 * while the subgraph closes it. Requests in flight have no timeout of the pool's: {@link withDeadline}
 * bounds each request.
 */
export function createSubgraphAgent(idleMs: number): Agent {
  return new Agent({ keepAliveTimeout: idleMs, keepAliveMaxTimeout: idleMs, headersTimeout: 0, bodyTimeout: 0 });
}

/**
 * Sends subgraph requests with undici's `request` through `agent`, answering with the little of a fetch
 * `Response` that RemoteGraphQLDataSource reads (status, headers, body as text or JSON): no WHATWG
 * streams, no per-request TLS or proxy machinery and no error built per request, which Apollo's default
 * fetcher (make-fetch-happen) spends a fair share of the gateway's time on.
 */
export function fetchThrough(agent: Agent): Fetcher {
  return (async (url: string, init: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal } = {}) => {
    const { statusCode, headers, body } = await request(url, {
      method: (init.method ?? 'POST') as Dispatcher.HttpMethod,
      headers: init.headers,
      body: init.body,
      signal: init.signal,
      dispatcher: agent,
    });
    const header = (name: string) => {
      const value = headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    };
    return {
      ok: statusCode >= 200 && statusCode < 300,
      status: statusCode,
      statusText: '',
      url,
      redirected: false,
      headers: { get: header, has: (name: string) => header(name) !== null },
      json: () => body.json(),
      text: () => body.text(),
    };
  }) as unknown as Fetcher;
}

/** The error code of `error` or, when it has none, of what caused it. */
export function errorCode(error: unknown): string | undefined {
  const code = causeChain(error).find((link) => typeof link.code === 'string')?.code;
  return code as string | undefined;
}

/**
 * Aborts a request, retries included, that has not been answered in full within `timeoutMs`
 * (SUBGRAPH_TIMEOUT_MS): undici closes the connection and rejects with a `TimeoutError`, also while the
 * body is still being read, so that a subgraph that stopped answering leaves no request and no socket
 * behind.
 */
export function withDeadline(fetcher: Fetcher, timeoutMs: number): Fetcher {
  return (url, init) => fetcher(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}

/** Codes of a connection that broke under a request (undici's `UND_ERR_SOCKET`: the other side closed it). */
export const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** The connection broke under the request: it may have reached the subgraph, or not. */
export function isConnectionReset(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && RESET_CODES.has(code);
}

/** Whether `query` (with `operationName`) is a query, read-only: a mutation or anything unparsable is not. */
export function isQueryOperation(query: unknown, operationName?: unknown): boolean {
  if (typeof query !== 'string') return false;
  const name = typeof operationName === 'string' ? operationName : undefined;
  const key = `${name ?? ''}\n${query}`;
  let reads = operationKinds.get(key);
  if (reads === undefined) {
    try {
      reads = getOperationAST(parse(query), name)?.operation === OperationTypeNode.QUERY;
    } catch {
      reads = false;
    }
    // The gateway's subgraph operations are as many as its query plans: a few hundred, kept until a bound.
    if (operationKinds.size >= OPERATION_KINDS_KEPT) operationKinds.clear();
    operationKinds.set(key, reads);
  }
  return reads;
}
const OPERATION_KINDS_KEPT = 5_000;
const operationKinds = new Map<string, boolean>();

/** Whether a subgraph request's body runs a query (read-only), decided from the operation it names. */
export function isQueryRequest(body: unknown): boolean {
  try {
    const { query, operationName } = JSON.parse(String(body)) as { query?: unknown; operationName?: unknown };
    return isQueryOperation(query, operationName);
  } catch {
    return false;
  }
}

/**
 * Retries a query once when the connection broke under it (ECONNRESET, EPIPE, closed by the other side): a read
 * has no effect to repeat. A mutation is never sent twice: it may have been applied before the connection
 * broke. What still fails is rethrown as it is, for the data source to turn into SUBGRAPH_UNAVAILABLE
 * (see subgraphUnavailable) and to count against the subgraph's circuit breaker.
 */
export function retryingQueries(
  fetcher: Fetcher,
  onRetry: (error: unknown, init: Parameters<Fetcher>[1]) => void = () => undefined,
): Fetcher {
  return async (url, init) => {
    try {
      return await fetcher(url, init);
    } catch (error) {
      // Past the deadline nothing is sent again: the same signal would abort it at once.
      if (!isConnectionReset(error) || !isQueryRequest(init?.body) || (init?.signal as AbortSignal | undefined)?.aborted) throw error;
      onRetry(error, init);
      return fetcher(url, init);
    }
  };
}
