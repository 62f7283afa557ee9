import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { verifyGatewayHeaders, type SignatureCheck, type SignatureLimits } from '../auth';
import { ErrorCode } from '../errors';
import type { Logger } from '../logging';
import { sendGraphQLError } from './ops';

export interface GatewayOnlyOptions {
  /** This subgraph's name in subgraphs/registry.json: a signature made for another subgraph is refused. */
  subgraph: string;
  secret: string;
  limits: SignatureLimits;
  logger: Logger;
  /** @default '20mb': the gateway limits what callers send (MAX_BODY_BYTES); a subgraph takes what it forwards. */
  bodyLimit?: string | number;
  /**
   * `json`: a GraphQL request, its body parsed as JSON. `raw`: a bulk route's body of any type, kept as
   * its bytes (a Buffer in `req.body`), the signature covering the method, path and query too.
   * @default 'json'
   */
  body?: 'json' | 'raw';
}

/** Thrown from body-parser's `verify`, so that a refused body is never parsed. */
class Refused extends Error {
  readonly status = 401;
}

const NO_BODY = Buffer.alloc(0);

/**
 * The middleware in front of a subgraph's `/graphql` (and its bulk routes): parses the body and lets the request through
 * only with the gateway's signature over this subgraph's name and the body's exact bytes (checked in
 * body-parser's `verify`, on the raw bytes, before they are parsed). Sets `res.locals.identity`. A refusal
 * is HTTP 401 `UNAUTHENTICATED`, whatever was wrong.
 */
export function gatewayOnly(options: GatewayOnlyOptions): [RequestHandler, ErrorRequestHandler, RequestHandler] {
  const { subgraph, secret, limits, logger } = options;
  const raw = options.body === 'raw';
  const check = (req: Request, body: Buffer): SignatureCheck =>
    verifyGatewayHeaders(secret, req.headers, { subgraph, body, ...(raw ? { target: `${req.method} ${req.originalUrl}` } : {}) }, limits);
  const refuse = (req: Request, res: Response, reason: string) => {
    logger.warn({ reason, requestId: res.locals.requestId, ip: req.ip }, 'refused a request that did not come through the gateway');
    sendGraphQLError(res, 401, ErrorCode.UNAUTHENTICATED, 'This service only answers the gateway');
  };
  const parserOptions = {
    limit: options.bodyLimit ?? '20mb',
    verify: (req: unknown, res: unknown, body: Buffer) => {
      const result = check(req as Request, body);
      if (!result.ok) throw new Refused(result.reason);
      (res as Response).locals.identity = result.identity;
    },
  };
  return [
    raw ? express.raw({ ...parserOptions, type: () => true }) : express.json(parserOptions),
    (error, req, res, next) => (error instanceof Refused ? refuse(req, res, error.message) : next(error)),
    (req, res, next) => {
      if (res.locals.identity) return next();
      // No JSON body was read (none sent, or another content type): the signature must be over no bytes.
      const result = check(req, NO_BODY);
      if (!result.ok) return refuse(req, res, result.reason);
      res.locals.identity = result.identity;
      next();
    },
  ];
}
