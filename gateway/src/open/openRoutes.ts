import { ErrorCode, type Logger } from '@ioc-graph/platform';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { graphqlRefusal, type RefusalRenderer } from '../admission';
import { OpenRequestError, type OpenOperations } from './openOperations';

/** What every open-data router is built with. */
export interface OpenRouterContext {
  /** Runs the hub's persisted open-data operations for the caller. */
  open: OpenOperations;
  /**
   * Admission for a route of dataset `scope` (a name in the catalogue, or `open311`, `ngsi-ld`, `warnings`):
   * the public within the per-caller rate limit, or a partner's key that has the scope, within its quotas.
   * `refuse` renders a refusal in the endpoint's own error format.
   */
  admit(scope: string, refuse?: RefusalRenderer): RequestHandler;
  /** The hub's public base URL (PUBLIC_URL), for links in feeds and catalogues; no trailing slash. */
  publicUrl: string;
  logger: Logger;
}

/** A router of open-data endpoints (exports, catalogue, CAP, Open311, NGSI-LD); see routers.ts for the list. */
export type OpenRouterFactory = (context: OpenRouterContext) => Router;

/**
 * Wraps an async route: an {@link OpenRequestError} it throws is rendered by `refuse` with its status;
 * anything else is logged and answered 500 `INTERNAL`, with no detail.
 */
export function openHandler(
  context: Pick<OpenRouterContext, 'logger'>,
  handle: (req: Request, res: Response) => Promise<void>,
  refuse: RefusalRenderer = graphqlRefusal,
): RequestHandler {
  return async (req, res) => {
    try {
      await handle(req, res);
    } catch (error) {
      if (res.headersSent) {
        // The client must see an incomplete answer rather than a short one that looks whole.
        context.logger.error({ err: error, requestId: res.locals.requestId }, 'open-data answer failed while it was sent');
        return void res.destroy();
      }
      if (error instanceof OpenRequestError) return refuse(res, error);
      context.logger.error({ err: error, requestId: res.locals.requestId }, 'open-data request failed');
      refuse(res, new OpenRequestError(500, ErrorCode.INTERNAL, 'Internal server error'));
    }
  };
}

/**
 * Open-data endpoints are read by partners' servers and by browser apps on any origin: every origin may
 * read them (they carry nothing a public caller may not have, or a key the app itself sends).
 */
export const openCors: RequestHandler = (req, res, next) => {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-allow-headers', 'x-api-key, authorization, content-type, if-none-match, if-modified-since');
  res.setHeader(
    'access-control-expose-headers',
    'etag, last-modified, link, ngsi-ld-results-count, ratelimit-limit, ratelimit-remaining, ratelimit-reset, retry-after',
  );
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  if (req.method === 'OPTIONS') return void res.sendStatus(204);
  next();
};

/** One router of every open-data endpoint of `factories`. */
export function openDataRouter(context: OpenRouterContext, factories: readonly OpenRouterFactory[]): Router {
  const router = express.Router();
  router.use(['/open', '/open311', '/ngsi-ld'], openCors);
  for (const factory of factories) router.use(factory(context));
  return router;
}
