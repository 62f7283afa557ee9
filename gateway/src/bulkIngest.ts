import {
  encodeIdentity,
  ErrorCode,
  GATEWAY_HEADERS,
  isPublic,
  sendGraphQLError,
  signEncodedRequest,
  type Identity,
  type Logger,
} from '@ioc-graph/platform';
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import { Counter, type Registry } from 'prom-client';
import { request, type Agent } from 'undici';

export interface BulkIngestOptions {
  /** Each bulk route's path and the subgraph that serves it (`ingest` of subgraphs/registry.json). */
  routes: ReadonlyMap<string, string>;
  /** A subgraph's GraphQL URL: its bulk routes are on the same origin. */
  urlOf(subgraph: string): string;
  /** GATEWAY_SHARED_SECRET */
  secret: string;
  /** The keep-alive pool of the subgraph requests. */
  agent: Agent;
  /** INGEST_TIMEOUT_MS: how long the subgraph may take to validate and store a body. */
  timeoutMs: number;
  /** INGEST_MAX_BODY_BYTES: a larger body is refused (413) as soon as its length is known. */
  maxBodyBytes: number;
  /** Verifies the caller's token and counts the request against its rate limit, as for `/graphql`; sets `res.locals.identity`. */
  admit: RequestHandler;
  logger: Logger;
  /** The gateway's metrics: `ingest_requests_total`. */
  registry: Registry;
}

/**
 * The bulk ingest routes (`POST /ingest/v1/readings`, …) of the sector subgraphs, at the gateway: the
 * caller is admitted as on `/graphql` (token, rate limit), must be signed in (the public is refused before
 * its body is read), and sends at most INGEST_MAX_BODY_BYTES. The body's exact bytes go to the subgraph
 * with the caller's identity, signed for that subgraph, body, method, path and query; the subgraph checks
 * the roles, validates and stores, and its answer (its status, JSON) goes back as it is. A subgraph that
 * cannot be reached or does not answer in time is 503 SUBGRAPH_UNAVAILABLE: the batch may or may not have
 * been stored, and sending it again is safe (ingest is idempotent by source id).
 */
export function bulkIngestRouter(options: BulkIngestOptions): Router {
  const { routes, logger } = options;
  const requests = new Counter({
    name: 'ingest_requests_total',
    help: 'Bulk ingest requests through the gateway, by route and HTTP status',
    labelNames: ['route', 'status'],
    registers: [options.registry],
  });
  const router = express.Router();
  const signedIn: RequestHandler = (_req, res, next) => {
    if (isPublic(res.locals.identity as Identity)) {
      return sendGraphQLError(res, 401, ErrorCode.UNAUTHENTICATED, 'Bulk ingest needs a token (Authorization: Bearer <token>)');
    }
    next();
  };
  const tooLarge: ErrorRequestHandler = (error, _req, res, next) => {
    if ((error as { type?: string }).type !== 'entity.too.large') return next(error);
    sendGraphQLError(
      res,
      413,
      ErrorCode.BAD_REQUEST,
      `The body is larger than ${options.maxBodyBytes} bytes (INGEST_MAX_BODY_BYTES): send the records in smaller batches`,
    );
  };
  const forward: RequestHandler = async (req, res) => {
    const route = req.path;
    const subgraph = routes.get(route)!;
    const url = new URL(req.originalUrl, options.urlOf(subgraph));
    const path = `${url.pathname}${url.search}`;
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const identity = encodeIdentity(res.locals.identity as Identity);
    const requestId = res.locals.requestId as string;
    try {
      const response = await request(url.origin + path, {
        method: 'POST',
        dispatcher: options.agent,
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: {
          'content-type': req.headers['content-type'] ?? 'application/octet-stream',
          [GATEWAY_HEADERS.identity]: identity,
          [GATEWAY_HEADERS.requestId]: requestId,
          ...signEncodedRequest(options.secret, identity, { subgraph, body, requestId, target: `POST ${path}` }),
        },
        body,
      });
      const answer = Buffer.from(await response.body.arrayBuffer());
      requests.inc({ route, status: response.statusCode });
      res.status(response.statusCode).type('application/json').send(answer);
    } catch (error) {
      logger.warn({ err: error, subgraph, route, requestId }, 'a bulk ingest did not reach its subgraph');
      requests.inc({ route, status: 503 });
      res.status(503).json({
        errors: [
          {
            message: `The ${subgraph} service did not answer: the batch may or may not have been stored; sending it again is safe`,
            extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: subgraph },
          },
        ],
      });
    }
  };
  for (const path of routes.keys()) {
    router.post(path, options.admit, signedIn, express.raw({ type: () => true, limit: options.maxBodyBytes }), tooLarge, forward);
    router.all(path, (_req, res) => {
      res.setHeader('allow', 'POST');
      sendGraphQLError(res, 405, ErrorCode.BAD_REQUEST, `${path} takes POST only`);
    });
  }
  return router;
}
