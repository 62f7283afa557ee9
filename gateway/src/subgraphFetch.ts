import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { AppError, ErrorCode } from '@ioc-graph/platform';
import { getOperationAST, OperationTypeNode, parse } from 'graphql';
import { Agent } from 'node:http';

/** What RemoteGraphQLDataSource sends subgraph requests with (make-fetch-happen unless replaced). */
export type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherRequestInit = NonNullable<Parameters<Fetcher>[1]>;

/**
 * The keep-alive agent of the gateway's subgraph requests. It destroys a socket that has been idle for
 * `idleMs`, which must be shorter than the subgraphs' own keep-alive timeout (HTTP_KEEP_ALIVE_TIMEOUT_MS):
 * the socket is then always closed by the gateway first, never reused while the subgraph closes it.
 * LIFO reuses the socket that was idle the shortest time. Sockets in use have no timeout.
 */
export function createSubgraphAgent(idleMs: number): Agent {
  return new Agent({ keepAlive: true, timeout: idleMs, scheduling: 'lifo' });
}

/** Sends every request of `fetcher` through `agent`: make-fetch-happen uses an http.Agent given as `agent` as it is. */
export function throughAgent(fetcher: Fetcher, agent: Agent): Fetcher {
  return (url, init) => fetcher(url, { ...init, agent } as FetcherRequestInit);
}

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE']);

/** The connection broke under the request: it may have reached the subgraph, or not. */
export function isConnectionReset(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (typeof code === 'string' && RESET_CODES.has(code)) || (typeof message === 'string' && message.includes('socket hang up'));
}

const isRefused = (error: unknown) => (error as { code?: unknown } | undefined)?.code === 'ECONNREFUSED';

/** Whether a subgraph request's body runs a query (read-only), decided from the operation it names. */
export function isQueryRequest(body: unknown): boolean {
  try {
    const { query, operationName } = JSON.parse(String(body)) as { query?: unknown; operationName?: unknown };
    if (typeof query !== 'string') return false;
    const operation = getOperationAST(parse(query), typeof operationName === 'string' ? operationName : undefined);
    return operation?.operation === OperationTypeNode.QUERY;
  } catch {
    return false;
  }
}

/**
 * Retries a query once when the connection broke under it (ECONNRESET, EPIPE, "socket hang up"): a read
 * has no effect to repeat. A mutation is never sent twice: it may have been applied before the connection
 * broke. What still fails, and a subgraph that refuses connections, ends as `UNAVAILABLE` (503), never as
 * `INTERNAL` with a socket error and the subgraph's address in its message.
 */
export function retryingQueries(fetcher: Fetcher, onRetry: (error: unknown) => void = () => undefined): Fetcher {
  return async (url, init) => {
    try {
      return await fetcher(url, init);
    } catch (error) {
      if (isRefused(error)) throw unavailable(NOT_REACHABLE);
      if (!isConnectionReset(error)) throw error;
      if (!isQueryRequest(init?.body)) throw unavailable(MAYBE_APPLIED);
      onRetry(error);
      try {
        return await fetcher(url, init);
      } catch (again) {
        if (isConnectionReset(again) || isRefused(again)) throw unavailable(NO_ANSWER);
        throw again;
      }
    }
  };
}

const NOT_REACHABLE = 'A service behind the gateway is not reachable; try again later';
const NO_ANSWER = 'A service behind the gateway did not answer; try again';
const MAYBE_APPLIED =
  'A service behind the gateway dropped the connection: the change may or may not have been made; read it before trying again';
const unavailable = (message: string) => new AppError(ErrorCode.UNAVAILABLE, message);
