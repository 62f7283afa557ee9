import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { getOperationAST, OperationTypeNode, parse } from 'graphql';
import { Agent } from 'node:http';

/** What RemoteGraphQLDataSource sends subgraph requests with (make-fetch-happen unless replaced). */
export type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherRequestInit = NonNullable<Parameters<Fetcher>[1]>;

/**
 * The keep-alive agent of the gateway's subgraph requests. It destroys a socket that has been idle for
 * `idleMs`, which must be shorter than the subgraphs' own keep-alive timeout (HTTP_KEEP_ALIVE_TIMEOUT_MS):
 * the socket is then always closed by the gateway first, never reused while the subgraph closes it.
 * LIFO reuses the socket that was idle the shortest time. Sockets in use have no timeout of the agent's:
 * {@link withDeadline} bounds each request.
 */
export function createSubgraphAgent(idleMs: number): Agent {
  return new Agent({ keepAlive: true, timeout: idleMs, scheduling: 'lifo' });
}

/** Sends every request of `fetcher` through `agent`: make-fetch-happen uses an http.Agent given as `agent` as it is. */
export function throughAgent(fetcher: Fetcher, agent: Agent): Fetcher {
  return (url, init) => fetcher(url, { ...init, agent } as FetcherRequestInit);
}

/**
 * Aborts a request, retries included, that has not been answered in full within `timeoutMs`
 * (SUBGRAPH_TIMEOUT_MS): make-fetch-happen (minipass-fetch) destroys the socket and rejects with an
 * `AbortError`, also while the body is still being read, so that a subgraph that stopped answering
 * leaves no request and no socket behind.
 */
export function withDeadline(fetcher: Fetcher, timeoutMs: number): Fetcher {
  return (url, init) => fetcher(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE']);

/** The connection broke under the request: it may have reached the subgraph, or not. */
export function isConnectionReset(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (typeof code === 'string' && RESET_CODES.has(code)) || (typeof message === 'string' && message.includes('socket hang up'));
}

/** Whether `query` (with `operationName`) is a query, read-only: a mutation or anything unparsable is not. */
export function isQueryOperation(query: unknown, operationName?: unknown): boolean {
  if (typeof query !== 'string') return false;
  try {
    const operation = getOperationAST(parse(query), typeof operationName === 'string' ? operationName : undefined);
    return operation?.operation === OperationTypeNode.QUERY;
  } catch {
    return false;
  }
}

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
 * Retries a query once when the connection broke under it (ECONNRESET, EPIPE, "socket hang up"): a read
 * has no effect to repeat. A mutation is never sent twice: it may have been applied before the connection
 * broke. What still fails is rethrown as it is, for the data source to turn into SUBGRAPH_UNAVAILABLE
 * (see subgraphUnavailable) and to count against the subgraph's circuit breaker.
 */
export function retryingQueries(fetcher: Fetcher, onRetry: (error: unknown) => void = () => undefined): Fetcher {
  return async (url, init) => {
    try {
      return await fetcher(url, init);
    } catch (error) {
      // Past the deadline nothing is sent again: the same signal would abort it at once.
      if (!isConnectionReset(error) || !isQueryRequest(init?.body) || (init?.signal as AbortSignal | undefined)?.aborted) throw error;
      onRetry(error);
      return fetcher(url, init);
    }
  };
}
