import type { ApolloServer } from '@apollo/server';
import { ErrorCode, httpStatusOf, type Identity, type Logger } from '@ioc-graph/platform';
import type { Response } from 'express';
import { readFileSync } from 'node:fs';
import type { GatewayContext } from '../context';

/** An open-data request that cannot be answered: its HTTP status and the hub's error code. */
export class OpenRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** For a 429: when the caller may try again (a subgraph's own limit, e.g. citizen reports per hour). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'OpenRequestError';
  }
}

export const badOpenRequest = (message: string) => new OpenRequestError(400, ErrorCode.BAD_USER_INPUT, message);

/**
 * Runs the hub's open-data operations (`gateway/open/operations/*.graphql`, persisted in
 * schema/operations.json) through the gateway for the caller: limits, persisted-operation rules, the
 * response cache and every subgraph's rights apply as they would to the same query sent to `/graphql`.
 */
export interface OpenOperations {
  /**
   * Runs the operation named `name` as the caller of `res` (its identity set by the open-data admission)
   * and returns its `data`. Throws {@link OpenRequestError} when the answer carries any error (a subgraph
   * down included): an export is whole or refused, never partial. `as` runs it as someone else: a
   * citizen's report relayed by a partner's app is the citizen's (the public's, from the caller's address).
   */
  run<T>(res: Response, name: string, variables?: Record<string, unknown>, options?: { as?: Identity }): Promise<T>;
  /** Throws at start when an operation a route needs is not in the manifest (run `npm run generate`). */
  require(...names: string[]): void;
  /** Counts records delivered to the caller, for the usage of its API key. */
  countRows(res: Response, rows: number): void;
}

/** The manifest's operations by name (schema/operations.json: every named operation is unique there). */
function operationsByName(manifestPath: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { operations?: { name: string; body: string }[] };
  return new Map((manifest.operations ?? []).map(({ name, body }) => [name, body]));
}

/** The HTTP status of an answer's first error: its own `http.status`, else the code's, else 502. */
function failureOf(error: { message: string; extensions?: Record<string, unknown> }): OpenRequestError {
  const code = (typeof error.extensions?.code === 'string' ? error.extensions.code : ErrorCode.INTERNAL) as ErrorCode;
  const own = (error.extensions?.http as { status?: number } | undefined)?.status;
  const status = own && own >= 400 ? own : (httpStatusOf[code] ?? 502);
  // A subgraph that fails is the hub's trouble, not the caller's: 503, so that clients and proxies retry.
  if (code === ErrorCode.SUBGRAPH_UNAVAILABLE || code === ErrorCode.UNAVAILABLE) return new OpenRequestError(503, code, error.message);
  const retryAfter = Number(error.extensions?.retryAfterSeconds);
  if (code === ErrorCode.RATE_LIMITED && retryAfter > 0) return new OpenRequestError(status, code, error.message, retryAfter);
  return new OpenRequestError(status, code, code === ErrorCode.INTERNAL ? 'Internal server error' : error.message);
}

export function createOpenOperations(options: {
  apollo: ApolloServer<GatewayContext>;
  manifestPath: string;
  logger: Logger;
}): OpenOperations {
  const bodies = operationsByName(options.manifestPath);
  return {
    require(...names) {
      const missing = names.filter((name) => !bodies.has(name));
      if (missing.length) {
        throw new Error(`${options.manifestPath} lacks the open-data operations ${missing.join(', ')} (run npm run generate)`);
      }
    },
    async run<T>(res: Response, name: string, variables: Record<string, unknown> = {}, runOptions: { as?: Identity } = {}): Promise<T> {
      const query = bodies.get(name);
      if (query === undefined) throw new Error(`open-data operation ${name} is not in the manifest`);
      const identity = runOptions.as ?? (res.locals.identity as Identity);
      const requestId = res.locals.requestId as string;
      const response = await options.apollo.executeOperation(
        { query, operationName: name, variables },
        { contextValue: { identity, requestId, logger: options.logger.child({ requestId }) } },
      );
      if (response.body.kind !== 'single') throw new Error(`open-data operation ${name} answered incrementally`);
      const { data, errors } = response.body.singleResult;
      if (errors?.length) throw failureOf(errors[0]);
      if (!data) throw new OpenRequestError(502, ErrorCode.INTERNAL, 'Internal server error');
      return data as T;
    },
    countRows(res, rows) {
      res.locals.openRows = ((res.locals.openRows as number | undefined) ?? 0) + rows;
    },
  };
}
