import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { CommonConfig } from '../config';
import { ErrorCode } from '../errors';
import type { Logger } from '../logging';

export type ReadinessCheck = () => Promise<{ ok: boolean; detail?: string }>;

/**
 * `/healthz` (the process is up), `/readyz` (it can serve: its checks pass), `/metrics` (Prometheus, as
 * `metrics` allows: open, behind a bearer token, or not served at all).
 */
export function mountOperationalRoutes(
  app: Express,
  options: { registry: Registry; readiness: ReadinessCheck[]; metrics: CommonConfig['metrics'] },
): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const results = await Promise.all(options.readiness.map((check) => check()));
    const failed = results.filter((r) => !r.ok).map((r) => r.detail ?? 'not ready');
    res.status(failed.length ? 503 : 200).json(failed.length ? { status: 'unavailable', problems: failed } : { status: 'ready' });
  });
  const { token, open } = options.metrics;
  if (!open && token === null) return;
  app.get('/metrics', async (req, res) => {
    if (!open && !bearerMatches(req.header('authorization'), token!)) {
      res.setHeader('www-authenticate', 'Bearer');
      return sendGraphQLError(res, 401, ErrorCode.UNAUTHENTICATED, 'The metrics need the METRICS_TOKEN as a bearer token');
    }
    res.type(options.registry.contentType).send(await options.registry.metrics());
  });
}

/** Compares digests, so that neither the time taken nor a length difference tells anything about the token. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(header ?? ''), digest(`Bearer ${token}`));
}

/** Takes the caller's `x-request-id` (up to 128 safe characters) or makes one, and echoes it back. */
export const requestId: RequestHandler = (req, res, next) => {
  const given = req.header('x-request-id');
  const id = given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
  res.locals.requestId = id;
  res.setHeader('x-request-id', id);
  next();
};

/** Sends a GraphQL-shaped error body: clients parse one shape whatever failed. */
export function sendGraphQLError(res: Parameters<RequestHandler>[1], status: number, code: ErrorCode, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** Turns body-parser and other middleware errors into JSON errors, never an HTML page with a stack. */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status >= 500) logger.error({ err: error, requestId: res.locals.requestId }, 'request failed');
    const code = status >= 500 ? ErrorCode.INTERNAL : ErrorCode.BAD_REQUEST;
    sendGraphQLError(res, status, code, status >= 500 ? 'Internal server error' : String(error.message ?? 'Bad request'));
  };
}

/**
 * Listens on `host:port` (0 picks a free port) and resolves to the GraphQL URL served there. The
 * queue of connections not yet accepted is as long as the system allows (Node's default is 511): when
 * thousands of screens reconnect at once, after a restart, those the process is too busy to accept
 * wait in the kernel instead of being reset.
 */
export function listenOn(httpServer: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen({ port, host, backlog: 65_535 }, () => {
      const address = httpServer.address() as AddressInfo;
      resolve(`http://${host}:${address.port}/graphql`);
    });
  });
}
