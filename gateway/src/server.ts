import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import {
  createFormatError,
  createLogger,
  createMetrics,
  createEventBus,
  createTokenVerifier,
  inputValidationPlugin,
  internalErrorLog,
  jsonErrorHandler,
  listenOn,
  applyKeepAliveTimeout,
  mountOperationalRoutes,
  operationTracing,
  requestId,
  subgraphRegistry,
  SERVICE_IDENTITY,
  SubgraphClient,
  type EventBus,
  type Logger,
} from '@ioc-graph/platform';
import express, { type RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { Counter, type Registry } from 'prom-client';
import { bulkIngestRouter } from './bulkIngest';
import { clientAddressResolver } from './clientAddress';
import type { GatewayConfig } from './config';
import { createAdmission } from './admission';
import type { GatewayContext } from './context';
import { graphqlOverHttpPlugin } from './graphqlOverHttp';
import { mountIde } from './ide';
import { mountConsole, type DemoPerson } from './console';
import { connectLimiterRedis, createRateLimiter, retryAfterPlugin } from './limits';
import { ApiKeys, createOpenOperations, KeyQuotas, KeyUsage, OPEN_ROUTERS, openDataRouter } from './open';
import { blockFieldSuggestionsPlugins, operationLimitsPlugin, parseOptions } from './operationLimits';
import { createPersistedOperations, persistedOperationsPlugin } from './persistedOperations';
import { EntityCache } from './caching/entityCache';
import { ResponseCache, type Answer } from './caching/responseCache';
import { Changes, connectCacheRedis, MemoryStore, SharedStore, type CacheStore } from './caching/stores';
import { SignedDataSource } from './signedDataSource';
import { createSubgraphBreakers } from './subgraphBreaker';
import { createSubgraphAgent } from './subgraphFetch';
import { EventLog } from './subscriptions/eventLog';
import { createSubscriptionMetrics } from './subscriptions/metrics';
import { createSubscriptions, type Subscriptions } from './subscriptions/subscriptionSchema';
import { createWebSocketEndpoint } from './websocket';

export { readGatewayConfig, type GatewayConfig } from './config';
export type { DemoPerson } from './console';
export { composeSupergraph, type SubgraphDefinition } from './compose/composeSupergraph';
export { subscriptionTypeDefs } from './subscriptions/typeDefs';

export interface GatewayServer {
  app: express.Express;
  httpServer: Server;
  /** Starts listening; resolves to the GraphQL endpoint's URL. */
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
  /**
   * The event log, the schema that subscriptions run on and how one is started (WebSocket clients reach
   * them through `/graphql`).
   */
  subscriptions: { log: EventLog; schema(): GraphQLSchema; current(): Subscriptions };
}

/** The subgraphs named in a supergraph, with the URLs composed into it. */
function subgraphsOf(supergraphSdl: string): { name: string; url: string }[] {
  const graphs = [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g)];
  return graphs.map(([, name, url]) => ({ name, url }));
}

function cors(origins: string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.header('origin');
    if (origin && origins.includes(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
      res.setHeader('access-control-allow-headers', 'authorization, x-api-key, content-type, apollo-require-preflight, x-request-id');
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      if (req.method === 'OPTIONS') return void res.sendStatus(204);
    }
    next();
  };
}

/**
 * The one public endpoint: HTTP and WebSocket `/graphql` over the composed supergraph, the sector
 * subgraphs' bulk ingest routes (`POST /ingest/v1/…`), the IDE at `/`, `/healthz`, `/readyz` and `/metrics`. Verifies the caller's token and forwards the identity, signed,
 * to the subgraphs. Builds, but does not listen.
 */
export async function createGateway(
  config: GatewayConfig,
  deps: {
    logger?: Logger;
    bus?: EventBus;
    /** The demo people the console's sign-in offers (embedded default). */ demoPeople?: DemoPerson[];
  } = {},
): Promise<GatewayServer> {
  const logger = deps.logger ?? createLogger('gateway', config.logLevel);
  const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
  const subgraphs = subgraphsOf(supergraphSdl).map(({ name, url }) => ({ name, url: config.subgraphUrls[name] ?? url }));
  const verify = createTokenVerifier(config.auth);
  const persistedOperations = createPersistedOperations(config.persistedOperations);
  const metrics = createMetrics('gateway');
  const { perMinute, redisUrl, keyPrefix } = config.rateLimit;
  const limiter = await createRateLimiter({ points: perMinute, redisUrl, keyPrefix, logger });
  const clientAddress = clientAddressResolver(config.trustedProxies);
  const partnersUrl = subgraphs.find(({ name }) => name === 'partners')?.url;
  // The partners subgraph, asked by the gateway itself (as a service) for API keys and told of their use.
  const partners = partnersUrl ? new SubgraphClient('partners', partnersUrl, config.gatewaySecret, SERVICE_IDENTITY('gateway')) : undefined;
  const apiKeys = new ApiKeys({ client: partners, cacheSeconds: config.apiKeys.cacheSeconds, logger });
  const quotaRedis = redisUrl ? await connectLimiterRedis(redisUrl, logger) : undefined;
  const quotas = new KeyQuotas(`${keyPrefix}:key`, quotaRedis);
  const usage = new KeyUsage({
    client: partners,
    flushMs: config.apiKeys.usageFlushMs,
    logger,
    registry: metrics.registry,
  });

  const app = express();
  app.disable('x-powered-by');
  // No ETag hashed over every answer: the response cache sets one on the answers that may be kept.
  app.set('etag', false);
  // req.ip agrees with clientAddress: X-Forwarded-For counts only from TRUSTED_PROXIES.
  app.set('trust proxy', (address: string) => clientAddress.isTrusted(address));
  const httpServer = createServer(app);
  // A proxy in front of the gateway closes its idle sockets before this (see docs/security.md).
  applyKeepAliveTimeout(httpServer, config.httpKeepAliveTimeoutMs);
  const subgraphAgent = createSubgraphAgent(config.subgraphIdleTimeoutMs);
  const breakers = createSubgraphBreakers({ resetMs: config.subgraphBreakerResetMs, logger, registry: metrics.registry });
  let apiSchema: GraphQLSchema | undefined;
  let subscriptions: Subscriptions | undefined;
  if (config.eventBus.kind === 'postgres' && !config.eventBus.url && !deps.bus) {
    throw new Error('Configuration: EVENT_BUS_URL is required with EVENT_BUS=postgres (the database of the event log)');
  }
  const bus = deps.bus ?? (await createEventBus(config.eventBus, config.eventBus.url ?? '', logger));
  const subscriptionMetrics = createSubscriptionMetrics(metrics.registry);
  const sharedFetches = new Counter({
    name: 'subgraph_fetches_shared_total',
    help: 'Subgraph queries that joined an identical one in flight (same caller rights) instead of going out',
    labelNames: ['subgraph'],
    registers: [metrics.registry],
  });
  const log = new EventLog(bus, logger, config.eventLogCapacity, (events) => subscriptionMetrics.eventsIn.inc(events.length));
  await log.start();
  // A key issued, revoked or changed: every gateway that sees the event asks again at its next use.
  const stopForgettingKeys = log.listen((events) => {
    for (const event of events)
      if (event.source === 'partners' && typeof event.payload.hash === 'string') apiKeys.forget(event.payload.hash);
  });
  const caches = createCaches(config, log, logger, metrics.registry);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new SignedDataSource(name, config.subgraphUrls[name] ?? url!, config.gatewaySecret, {
        agent: subgraphAgent,
        timeoutMs: config.subgraphTimeoutMs,
        breaker: breakers.of(name),
        deduplicate: config.subgraphDeduplication,
        onShared: () => sharedFetches.inc({ subgraph: name }),
        onRetry: (error, requestId) =>
          logger.warn({ subgraph: name, requestId, err: error }, 'a query lost its connection to a subgraph; sent again'),
        entityCache: caches.entities(name),
      }),
  });
  gateway.onSchemaLoadOrUpdate(({ apiSchema: schema }) => {
    apiSchema = schema;
    subscriptions = undefined;
  });
  const internalErrors = internalErrorLog<GatewayContext>(logger, 'unexpected error');
  const tracing = operationTracing<GatewayContext>({ continueTrace: false });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    csrfPrevention: true,
    // The process shuts down in order (see stopOnSignals); Apollo's own handler would re-raise the signal.
    stopOnTerminationSignals: false,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // Bounds parsing for everyone; each audience's limits are applied by operationLimitsPlugin.
    parseOptions: parseOptions(config.operationLimits),
    formatError: createFormatError({
      exposeInternals: config.exposeErrors,
      onInternal: internalErrors.log,
    }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Subgraph answers restrict each request's cache policy; the response cache sets the headers from it.
      ApolloServerPluginCacheControl({ calculateHttpHeaders: false }),
      metrics.plugin,
      internalErrors.plugin,
      ...tracing.plugins,
      persistedOperationsPlugin(persistedOperations),
      operationLimitsPlugin(config.operationLimits),
      // The supergraph's scalars parse nothing: impossible dates, NUL bytes and the like are refused here.
      inputValidationPlugin(),
      retryAfterPlugin(),
      ...(config.suggestions ? [] : blockFieldSuggestionsPlugins()),
      graphqlOverHttpPlugin(),
      // Last: it answers from what it kept only once every check above has passed.
      caches.responses.plugin(),
    ],
  });
  await apollo.start();
  const subscriptionOptions = {
    log,
    apollo,
    logger,
    maxLag: config.subscriberMaxLag,
    deliveryTimeoutMs: config.subscriptionDeliveryTimeoutMs,
    readsInFlight: config.subscriptionReadsInFlight,
    onDelivered: subscriptionMetrics.delivered,
    onSubscriber: (delta: 1 | -1) => subscriptionMetrics.subscribers.inc(delta),
    onRead: subscriptionMetrics.read,
  };
  const currentSubscriptions = () => (subscriptions ??= createSubscriptions(apiSchema!, subscriptionOptions));
  const schemaWithSubscriptions = () => currentSubscriptions().schema;
  const ws = createWebSocketEndpoint({
    httpServer,
    path: '/graphql',
    apollo,
    schema: schemaWithSubscriptions,
    subscribe: (args) => currentSubscriptions().subscribe(args),
    verify,
    logger,
    heartbeatMs: config.heartbeatMs,
    limits: config.operationLimits,
    suggestions: config.suggestions,
    persistedOperations,
    rateLimiter: limiter,
    clientAddress,
  });

  // Names the subgraph and the state of its circuit breaker, never its address: /readyz is open to anyone.
  const readiness = subgraphs.map(({ name, url }) => async () => {
    const circuit = { closed: '', open: '; circuit breaker open', halfOpen: '; circuit breaker half-open' }[breakers.of(name).state];
    try {
      const response = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(2000) });
      return response.ok ? { ok: true } : { ok: false, detail: `subgraph ${name} is not ready (HTTP ${response.status})${circuit}` };
    } catch {
      return { ok: false, detail: `subgraph ${name} is unreachable${circuit}` };
    }
  });

  app.use(requestId);
  mountOperationalRoutes(app, { registry: metrics.registry, readiness, metrics: config.metrics });
  if (config.ide) mountIde(app);
  mountConsole(app, { config: config.console, auth: config.auth, demoPeople: deps.demoPeople });
  const admission = createAdmission({
    verify,
    limiter,
    clientAddress,
    apiKeys,
    quotas,
    usage,
  });
  const subgraphUrl = new Map(subgraphs.map(({ name, url }) => [name, url]));
  app.use(
    bulkIngestRouter({
      routes: new Map(
        subgraphRegistry()
          .filter((entry) => subgraphUrl.has(entry.name))
          .flatMap((entry) => entry.ingest.map((path) => [path, entry.name] as const)),
      ),
      urlOf: (name) => subgraphUrl.get(name)!,
      secret: config.gatewaySecret,
      agent: subgraphAgent,
      timeoutMs: config.ingestTimeoutMs,
      maxBodyBytes: config.ingestMaxBodyBytes,
      admit: admission('ingest'),
      logger,
      registry: metrics.registry,
    }),
  );
  app.use(
    openDataRouter(
      {
        open: createOpenOperations({ apollo, manifestPath: config.persistedOperations.manifestPath, logger }),
        admit: admission,
        publicUrl: config.publicUrl,
        logger,
      },
      OPEN_ROUTERS,
    ),
  );
  app.use(
    '/graphql',
    cors(config.corsOrigins),
    admission('graphql'),
    express.json({ limit: config.maxBodyBytes }),
    // After the body is read: body-parser's stream callbacks would lose the span's context.
    ...tracing.handlers,
    expressMiddleware(apollo, {
      context: async ({ res }) => ({
        identity: res.locals.identity,
        requestId: res.locals.requestId,
        logger: logger.child({ requestId: res.locals.requestId }),
      }),
    }),
  );
  app.use(jsonErrorHandler(logger));

  let stopping: Promise<void> | undefined;
  return {
    app,
    httpServer,
    listen: (port, host = config.host) => listenOn(httpServer, port, host),
    subscriptions: { log, schema: schemaWithSubscriptions, current: currentSubscriptions },
    stop() {
      stopping ??= (async () => {
        stopForgettingKeys();
        await log.close();
        await caches.close();
        await ws.close();
        if (!deps.bus) await bus.close();
        await apollo.stop();
        await subgraphAgent.destroy();
        breakers.shutdown();
        await limiter.close();
        await usage.close();
        await quotaRedis?.client.quit().catch(() => quotaRedis.client.disconnect());
        if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      })();
      return stopping;
    },
  };
}

/**
 * The response cache and the entity caches (see caching/), their stores (memory, and Redis when REDIS_URL
 * is set) and metrics, told of every change by the event log.
 */
function createCaches(config: GatewayConfig, log: EventLog, logger: Logger, registry: Registry) {
  const { responses, entitySubgraphs, maxAgeSeconds, maxMegabytes, keyPrefix } = config.caching;
  const redis =
    config.rateLimit.redisUrl && (responses || entitySubgraphs.length) ? connectCacheRedis(config.rateLimit.redisUrl, logger) : null;
  const stores: CacheStore<unknown>[] = [];
  const storeOf = <T>(name: string): CacheStore<T> => {
    const memory = new MemoryStore<T>(maxMegabytes * 1024 * 1024);
    const store = redis ? new SharedStore<T>(memory, redis, `${keyPrefix}${name}:`) : memory;
    stores.push(store);
    return store;
  };
  const changes = new Changes(() => log.head);
  const stopObserving = log.listen(changes.observe);
  const answers = new Counter({
    name: 'response_cache_requests_total',
    help: 'Public and partner queries by what the response cache did: served a kept answer (hit), or read the subgraphs (miss, stale)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const entities = new Counter({
    name: 'entity_cache_entities_total',
    help: 'Entities read by reference by what the entity cache did: served a kept one (hit), or asked the subgraph (miss, stale)',
    labelNames: ['subgraph', 'outcome'],
    registers: [registry],
  });
  return {
    responses: new ResponseCache({
      store: responses ? storeOf<Answer>('answers') : null,
      changes,
      maxAgeSeconds,
      onOutcome: (outcome) => answers.inc({ outcome }),
    }),
    entities: (subgraph: string) =>
      entitySubgraphs.includes(subgraph)
        ? new EntityCache(subgraph, {
            store: storeOf<string>(`entities:${subgraph}`),
            changes,
            maxAgeSeconds,
            onOutcome: (outcome, count) => entities.inc({ subgraph, outcome }, count),
          })
        : undefined,
    async close() {
      stopObserving();
      for (const store of stores) await store.close();
      await redis?.client.quit().catch(() => redis.client.disconnect());
    },
  };
}
