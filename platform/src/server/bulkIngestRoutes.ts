import type { Express, RequestHandler, Response } from 'express';
import { Counter, Histogram, type Registry } from 'prom-client';
import { hasRole, type Identity, type Role, type SignatureLimits } from '../auth';
import { AppError, ErrorCode, forbidden, httpStatusOf, isUnreachable, unauthenticated } from '../errors';
import type { Logger } from '../logging';
import type { SubgraphContext } from './context';
import { gatewayOnly } from './gatewayOnly';
import { sendGraphQLError } from './ops';

/** What a bulk ingest answers: the same counts as the sector's GraphQL ingest mutation. */
export interface BulkIngestOutcome {
  /** Records in the body. */
  received: number;
  /** New records stored. */
  stored: number;
  /** Records already known by (source, sourceId), not stored again. */
  duplicates: number;
}

/**
 * A bulk ingest route of a subgraph (`POST /ingest/v1/<records>`): what a sector's systems send at
 * COPY speed beside the GraphQL mutation, with the same rights, validation and idempotency.
 */
export interface BulkIngestRoute<C extends SubgraphContext = SubgraphContext> {
  /** The path, `/ingest/v1/readings`; the gateway forwards it there as its subgraph's entry of subgraphs/registry.json lists it. */
  path: string;
  /** Who may send, the roles of the matching mutation: the public is UNAUTHENTICATED (401), anyone else FORBIDDEN (403). */
  roles: readonly Role[];
  /** The media types of the bodies taken (`application/x-ndjson`); any other is 415 BAD_REQUEST. */
  contentTypes: readonly string[];
  /**
   * Validates and stores a body, all of it or nothing. A bad body throws an AppError (BAD_USER_INPUT with
   * `problems`), sent with its code's HTTP status; any other error is UNAVAILABLE (database out of reach)
   * or INTERNAL.
   */
  ingest(body: Buffer, query: Record<string, unknown>, context: C): Promise<BulkIngestOutcome>;
}

export interface BulkIngestRoutesOptions<C extends SubgraphContext> {
  subgraph: string;
  secret: string;
  limits: SignatureLimits;
  /** INGEST_MAX_BODY_BYTES: what the gateway lets callers send, so what a subgraph takes. */
  bodyLimit: number;
  logger: Logger;
  /** The service's metrics: `ingest_requests_total`, `ingest_records_total`, `ingest_request_duration_seconds`. */
  registry: Registry;
  /** The request's context, made as GraphQL's is. */
  context(res: Response): C;
}

/**
 * Mounts each bulk route behind the gateway's signature (over the body's bytes, the method, path and
 * query: {@link gatewayOnly} with `body: 'raw'`). Counts and times every request and logs it like a
 * GraphQL operation (failures at info, the rest at debug). Errors have the GraphQL error shape, so that
 * clients read one shape whatever they call.
 */
export function mountBulkIngestRoutes<C extends SubgraphContext>(
  app: Express,
  routes: readonly BulkIngestRoute<C>[],
  options: BulkIngestRoutesOptions<C>,
): void {
  if (!routes.length) return;
  const { logger, registry } = options;
  const requests = new Counter({
    name: 'ingest_requests_total',
    help: 'Bulk ingest requests, by route and outcome (ok or the error code)',
    labelNames: ['route', 'outcome'],
    registers: [registry],
  });
  const records = new Counter({
    name: 'ingest_records_total',
    help: 'Records of accepted bulk ingest requests, by route and result (stored or duplicate)',
    labelNames: ['route', 'result'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'ingest_request_duration_seconds',
    help: 'Time to validate and store a bulk ingest request, by route',
    labelNames: ['route'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const guard = gatewayOnly({ ...options, bodyLimit: options.bodyLimit, body: 'raw' });
  for (const route of routes) {
    const handle: RequestHandler = async (req, res) => {
      const started = process.hrtime.bigint();
      const context = options.context(res);
      const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
      try {
        const identity = res.locals.identity as Identity;
        if (!identity.subject) throw unauthenticated();
        if (!hasRole(identity, ...route.roles)) throw forbidden(`Only ${route.roles.join(' or ')} may send to ${route.path}`);
        const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (!route.contentTypes.includes(type)) {
          requests.inc({ route: route.path, outcome: ErrorCode.BAD_REQUEST });
          return sendGraphQLError(res, 415, ErrorCode.BAD_REQUEST, `Send the records as ${route.contentTypes.join(' or ')}`);
        }
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const outcome = await route.ingest(body, req.query as Record<string, unknown>, context);
        duration.observe({ route: route.path }, seconds());
        requests.inc({ route: route.path, outcome: 'ok' });
        records.inc({ route: route.path, result: 'stored' }, outcome.stored);
        records.inc({ route: route.path, result: 'duplicate' }, outcome.duplicates);
        context.logger.debug({ route: route.path, ms: Math.round(seconds() * 1000), ...outcome }, 'bulk ingest');
        res.json(outcome);
      } catch (error) {
        const known = error instanceof AppError ? error : null;
        const code = known?.code ?? (isUnreachable(error) ? ErrorCode.UNAVAILABLE : ErrorCode.INTERNAL);
        if (code === ErrorCode.INTERNAL) logger.error({ err: error, requestId: res.locals.requestId }, 'unexpected error in a bulk ingest');
        duration.observe({ route: route.path }, seconds());
        requests.inc({ route: route.path, outcome: code });
        context.logger.info({ route: route.path, ms: Math.round(seconds() * 1000), code }, 'bulk ingest refused');
        const message =
          known?.message ??
          (code === ErrorCode.UNAVAILABLE ? 'The database is out of reach; send it again shortly' : 'Internal server error');
        res.status(httpStatusOf[code]).json({ errors: [{ message, extensions: { ...known?.extensions, code } }] });
      }
    };
    app.post(route.path, ...guard, handle);
  }
}
