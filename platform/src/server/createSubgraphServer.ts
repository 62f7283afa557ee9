import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { Orm } from '../database/orm';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { CommonConfig } from '../config';
import { checkDatabase } from '../database';
import { createFormatError, internalErrorLog } from '../errors';
import { cacheHintsPlugin } from '../federation/cacheHints';
import type { Logger } from '../logging';
import { createMetrics } from '../metrics';
import type { Registry } from 'prom-client';
import { operationTracing } from '../tracing';
import { inputValidationPlugin } from '../validation/inputPlugin';
import { mountBulkIngestRoutes, type BulkIngestRoute } from './bulkIngestRoutes';
import { createSubgraphContext, type SubgraphContext } from './context';
import { gatewayOnly } from './gatewayOnly';
import { applyKeepAliveTimeout } from './keepAlive';
import { jsonErrorHandler, listenOn, mountOperationalRoutes, requestId } from './ops';

export interface SubgraphServerOptions {
  name: string;
  schema: GraphQLSchema;
  orm: Orm;
  config: Pick<
    CommonConfig,
    'gatewaySecret' | 'gatewaySignature' | 'exposeErrors' | 'metrics' | 'httpKeepAliveTimeoutMs' | 'ingestMaxBodyBytes'
  >;
  logger: Logger;
  /** Adds a subgraph's own per-request services (a clock, a client of another subgraph) to the context. */
  extendContext?: (context: SubgraphContext) => SubgraphContext;
  /** Its bulk ingest routes (`POST /ingest/v1/…`), beside `/graphql` and with the same context. */
  bulkRoutes?: readonly BulkIngestRoute[];
}

export interface SubgraphServer {
  app: express.Express;
  httpServer: Server;
  /** Starts listening; resolves to the GraphQL endpoint's URL. */
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
  /** What `/metrics` shows: the service adds its own (the relay's role). */
  registry: Registry;
}

/**
 * The HTTP server of one subgraph: `/graphql` and its bulk ingest routes for the gateway only (every
 * request must carry the gateway's signature), plus `/healthz`, `/readyz` and `/metrics`. Builds, but
 * does not listen.
 */
export async function createSubgraphServer(options: SubgraphServerOptions): Promise<SubgraphServer> {
  const { name, orm, logger, config } = options;
  const app = express();
  app.disable('x-powered-by');
  // Express would hash every answer for an ETag; the gateway, the only caller, makes its own (response cache).
  app.disable('etag');
  const httpServer = createServer(app);
  applyKeepAliveTimeout(httpServer, config.httpKeepAliveTimeoutMs);
  const metrics = createMetrics(name);
  const internalErrors = internalErrorLog<SubgraphContext>(logger, 'unexpected error in a resolver');
  const tracing = operationTracing<SubgraphContext>({ continueTrace: true, attributes: { 'ioc_graph.subgraph': name } });
  const apollo = new ApolloServer<SubgraphContext>({
    schema: options.schema,
    csrfPrevention: true,
    // The process shuts down in order (see stopOnSignals); Apollo's own handler would re-raise the signal.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError({
      exposeInternals: config.exposeErrors,
      onInternal: internalErrors.log,
    }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No Apollo Studio: traces would only cost time and bytes.
      ApolloServerPluginInlineTraceDisabled(),
      // The gateway learns how long an answer may be kept from @cacheHint, not from Apollo's per-field rules.
      ApolloServerPluginCacheControlDisabled(),
      cacheHintsPlugin(options.schema),
      metrics.plugin,
      internalErrors.plugin,
      ...tracing.plugins,
      // Defence in depth: the gateway checks the same, but NUL bytes and impossible dates must never reach PostgreSQL.
      inputValidationPlugin(),
      {
        async requestDidStart({ contextValue }) {
          const started = Date.now();
          return {
            // A line per operation is too much under load: the metrics count and time every operation
            // (graphql_requests_total, graphql_request_duration_seconds); the log keeps those that failed.
            async willSendResponse({ operationName, errors }) {
              const line = { operationName, ms: Date.now() - started, errors: errors?.length ?? 0 };
              if (errors?.length) contextValue.logger.info(line, 'graphql operation');
              else contextValue.logger.debug(line, 'graphql operation');
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const contextOf = (res: express.Response): SubgraphContext => {
    const context = createSubgraphContext({
      identity: res.locals.identity,
      requestId: res.locals.requestId,
      em: orm.em.fork(),
      logger: logger.child({ requestId: res.locals.requestId }),
    });
    return options.extendContext ? options.extendContext(context) : context;
  };

  app.use(requestId);
  mountOperationalRoutes(app, { registry: metrics.registry, readiness: [() => checkDatabase(orm)], metrics: config.metrics });
  mountBulkIngestRoutes(app, options.bulkRoutes ?? [], {
    subgraph: name,
    secret: config.gatewaySecret,
    limits: config.gatewaySignature,
    bodyLimit: config.ingestMaxBodyBytes,
    logger,
    registry: metrics.registry,
    context: contextOf,
  });
  app.use(
    '/graphql',
    ...gatewayOnly({ subgraph: name, secret: config.gatewaySecret, limits: config.gatewaySignature, logger }),
    // After the signature check: only the gateway's requests continue its trace.
    ...tracing.handlers,
    expressMiddleware(apollo, { context: async ({ res }) => contextOf(res) }),
  );
  app.use(jsonErrorHandler(logger));

  return {
    app,
    httpServer,
    registry: metrics.registry,
    listen: (port, host = '127.0.0.1') => listenOn(httpServer, port, host),
    async stop() {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
