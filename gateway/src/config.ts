import {
  ConfigError,
  DEFAULT_TOKEN_CLOCK_SKEW_SECONDS,
  DEFAULT_TOKEN_MAX_LIFETIME_SECONDS,
  envReader,
  readCommonConfig,
  readEventBusConfig,
  type EnvReader,
} from '@ioc-graph/platform';
import { resolve } from 'node:path';
import { proxyEntryProblem } from './clientAddress';
import type { OperationLimits } from './operationLimits';
import { PERSISTED_OPERATIONS_MODES } from './persistedOperations/persistedOperations';

/** The gateway's settings, validated once at start. */
export function readGatewayConfig(env: EnvReader = envReader()) {
  const common = readCommonConfig(env);
  const jwksUrl = env.optional('JWT_JWKS_URL');
  if (jwksUrl) env.url('JWT_JWKS_URL');
  const issuer = env.string('JWT_ISSUER', 'ioc-graph');
  const audience = env.string('JWT_AUDIENCE', 'ioc-graph');
  // A token must carry `exp` and live at most this long; `iat`/`nbf` may be at most the skew ahead.
  const lifetime = {
    maxLifetimeSeconds: env.duration('JWT_MAX_LIFETIME', DEFAULT_TOKEN_MAX_LIFETIME_SECONDS, { min: 60, max: 7 * 86_400 }),
    clockSkewSeconds: env.duration('JWT_CLOCK_SKEW', DEFAULT_TOKEN_CLOCK_SKEW_SECONDS, { max: 300 }),
  };
  const auth = jwksUrl
    ? { kind: 'jwks' as const, jwksUrl, issuer, audience, ...lifetime }
    : {
        kind: 'secret' as const,
        secret: env.secret('JWT_SECRET', 'dev-only-jwt-secret-for-the-embedded-demo!!', { production: common.production }),
        issuer,
        audience,
        ...lifetime,
      };
  return {
    ...common,
    host: env.string('HOST', '127.0.0.1'),
    port: env.int('PORT', 4000, { min: 0, max: 65535 }),
    /** Read from the working directory unless absolute. */
    supergraphPath: resolve(env.string('SUPERGRAPH_PATH', 'schema/supergraph.graphql')),
    /**
     * The operations of the hub's own clients (`npm run generate` writes the manifest from their .graphql files):
     * `allow` runs them by id too; `safelist` lets callers without a staff token run only them (see gateway/src/persistedOperations).
     */
    persistedOperations: {
      mode: env.oneOf('PERSISTED_OPERATIONS', PERSISTED_OPERATIONS_MODES, 'allow'),
      /** Read from the working directory unless absolute. */
      manifestPath: resolve(env.string('PERSISTED_OPERATIONS_MANIFEST', 'schema/operations.json')),
    },
    auth,
    /** Where each subgraph really runs, overriding the URL composed into the supergraph. */
    subgraphUrls: subgraphUrlOverrides(env),
    /** How long (ms) a keep-alive socket to a subgraph may sit idle before the gateway closes it itself. */
    subgraphIdleTimeoutMs: readSubgraphIdleTimeout(env, common.httpKeepAliveTimeoutMs),
    /**
     * How long (ms) a subgraph request, its one retry and its answer may take together; past it the request
     * is aborted and its part of the answer is null with SUBGRAPH_UNAVAILABLE. There is no "no timeout".
     */
    subgraphTimeoutMs: env.int('SUBGRAPH_TIMEOUT_MS', 5_000, { min: 100, max: 120_000 }),
    /**
     * Identical subgraph queries in flight at once, of callers with the same person and rights, share one
     * request (never a mutation, never across rights); `false` sends each on its own.
     */
    subgraphDeduplication: env.bool('SUBGRAPH_DEDUPLICATION', true),
    /**
     * What the gateway keeps of what it reads (see caching/): answers to public and partner queries, and the
     * entities of some subgraphs read by reference; each for the smallest cache hint of its parts, at most
     * `maxAgeSeconds`, until an event of a subgraph it was read from; in Redis too when REDIS_URL is set,
     * so that every gateway serves them.
     */
    caching: {
      responses: env.bool('RESPONSE_CACHE', true),
      /** Subgraphs whose entities read by reference are kept (comma-separated; empty for none). */
      entitySubgraphs: env
        .string('ENTITY_CACHE_SUBGRAPHS', 'directory')
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
      maxAgeSeconds: env.int('CACHE_MAX_AGE_SECONDS', 300, { min: 1, max: 86_400 }),
      /** Memory of each cache in each gateway (MiB of what it keeps, as JSON). */
      maxMegabytes: env.int('CACHE_MAX_MB', 64, { min: 1, max: 16_384 }),
      /** Prefix of their Redis keys: deployments sharing one Redis give each its own. */
      keyPrefix: env.string('CACHE_KEY_PREFIX', 'ioc-graph:cache:'),
    },
    /** How long (ms) a subgraph that keeps failing is not called (its circuit is open) before one probe request is let through. */
    subgraphBreakerResetMs: env.int('SUBGRAPH_BREAKER_RESET_MS', 10_000, { min: 100, max: 600_000 }),
    /** Serve the GraphQL IDE (Altair, from npm: no CDN) at `/`; off in production unless switched on. */
    ide: env.bool('GRAPHQL_IDE', !common.production),
    /** Answer `__schema`/`__type`; off in production unless switched on (clients use the committed schema). */
    introspection: env.bool('GRAPHQL_INTROSPECTION', !common.production),
    /** What one operation may weigh, per audience (gateway/src/operationLimits): the public and partners, staff and systems. */
    operationLimits: {
      public: readOperationLimits(env, 'PUBLIC', { maxDepth: 8, maxAliases: 10, maxCost: 2_000, maxTokens: 1_000, maxDirectives: 10 }),
      staff: readOperationLimits(env, 'STAFF', { maxDepth: 12, maxAliases: 30, maxCost: 20_000, maxTokens: 5_000, maxDirectives: 50 }),
    },
    /** "Did you mean …?" in validation errors; off in production unless switched on (they map the schema for a prober). */
    suggestions: env.bool('GRAPHQL_SUGGESTIONS', !common.production),
    /** Operations per minute per caller (token subject, else client address), over HTTP and WebSocket alike. */
    rateLimit: {
      /** 0 turns the limit off. */
      perMinute: env.int('RATE_LIMIT_PER_MINUTE', 1200, { min: 0 }),
      /** Redis shared by every gateway instance (`redis://` or `rediss://`); unset, each counts in its own memory. */
      redisUrl: readRedisUrl(env),
      /** Prefix of the limiter's Redis keys: deployments sharing one Redis give each its own. */
      keyPrefix: env.string('RATE_LIMIT_KEY_PREFIX', 'ioc-graph:rate'),
    },
    /**
     * Partners' API keys (`x-api-key`), looked up in the partners subgraph: how long (s) a looked-up key is
     * trusted before it is asked again (a revocation reaches every gateway within it, at once where the
     * `apiKey.revoked` event arrives), and how often (ms) each key's usage is added to its daily totals there.
     */
    apiKeys: {
      cacheSeconds: env.int('API_KEY_CACHE_SECONDS', 5, { min: 1, max: 300 }),
      usageFlushMs: env.int('API_KEY_USAGE_FLUSH_MS', 5_000, { min: 100, max: 300_000 }),
    },
    /** The hub's address as the public and partners reach it, for links in feeds and catalogues (no trailing slash). */
    publicUrl: readPublicUrl(env),
    /** Proxies whose `X-Forwarded-For` names the client (IPs or CIDR blocks); none by default: the peer is the client. */
    trustedProxies: readTrustedProxies(env),
    /** Large enough for a bulk ingest of 10,000 readings (about 1.5 MB). */
    maxBodyBytes: env.int('MAX_BODY_BYTES', 10_000_000, { min: 1024 }),
    /**
     * How long (ms) a subgraph may take to validate and store a bulk ingest body (`POST /ingest/v1/…`) before
     * the gateway gives up with SUBGRAPH_UNAVAILABLE (the batch may or may not be stored; sending it again is safe).
     */
    ingestTimeoutMs: env.int('INGEST_TIMEOUT_MS', 60_000, { min: 1_000, max: 600_000 }),
    /** Browser origins allowed to call the gateway (comma-separated); empty allows none cross-origin. */
    corsOrigins: env
      .string('CORS_ORIGINS', '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    /** The bus subscriptions read; with `postgres`, EVENT_BUS_URL names the database of the event log. */
    eventBus: readEventBusConfig(env),
    /** Events kept in memory for subscribers; older ones are read from the bus. */
    eventLogCapacity: env.int('EVENT_LOG_CAPACITY', 20_000, { min: 100 }),
    /** How many events a subscriber may leave unread before it is ended (it resumes by cursor). */
    subscriberMaxLag: env.int('SUBSCRIBER_MAX_LAG', 5_000, { min: 10 }),
    /**
     * How long (ms) an event whose entity cannot be read (a subgraph down) is retried before its subscriber is
     * ended with UNAVAILABLE and the cursor to resume from; the stream waits meanwhile, so no event is skipped.
     */
    subscriptionDeliveryTimeoutMs: env.int('SUBSCRIPTION_DELIVERY_TIMEOUT_MS', 30_000, { min: 100 }),
    /**
     * Batched reads of events' entities that one gateway has in flight at once, over every subscriber group:
     * bounds what the subgraphs see of a burst, whatever the number of subscribers.
     */
    subscriptionReadsInFlight: env.int('SUBSCRIPTION_READS_IN_FLIGHT', 8, { min: 1, max: 256 }),
    /** WebSocket ping interval (ms) that keeps idle connections open through proxies; 0 turns it off. */
    heartbeatMs: env.int('WS_HEARTBEAT_MS', 25_000, { min: 0 }),
    /** The browser apps (console/) served at `/console/`, and how their users sign in. */
    console: readConsoleConfig(env, common.production, auth.kind),
  };
}
export type GatewayConfig = ReturnType<typeof readGatewayConfig>;

/**
 * The console's files and sign-in. With an identity provider (OIDC_AUTHORITY), the console signs in by the
 * OpenID Connect code flow with PKCE; on the embedded default (development, the shared-secret verifier) a
 * picker of the demo people gets each a short-lived token from the gateway, which production refuses.
 */
function readConsoleConfig(env: EnvReader, production: boolean, authKind: 'secret' | 'jwks') {
  const demoSignIn = env.bool('CONSOLE_DEMO_SIGN_IN', !production && authKind === 'secret');
  if (demoSignIn && production) {
    throw new ConfigError('CONSOLE_DEMO_SIGN_IN', 'must not be true in production: anyone could sign in as an operator');
  }
  if (demoSignIn && authKind !== 'secret') {
    throw new ConfigError(
      'CONSOLE_DEMO_SIGN_IN',
      'needs the shared-secret token verifier (JWT_SECRET): with JWT_JWKS_URL the identity provider issues tokens',
    );
  }
  const authority = env.optional('OIDC_AUTHORITY');
  if (authority) env.url('OIDC_AUTHORITY');
  return {
    /** The built console (`npm run build` writes console/dist); read from the working directory unless absolute. */
    dir: resolve(env.string('CONSOLE_DIR', 'console/dist')),
    /** The demo people's picker; tokens it issues live `demoTokenSeconds` and are renewed before they expire. */
    demoSignIn,
    demoTokenSeconds: env.duration('CONSOLE_DEMO_TOKEN_LIFETIME', 900, { min: 60, max: 12 * 3600 }),
    /** The identity provider of the OpenID Connect code flow (PKCE); unset, the console offers no OIDC sign-in. */
    oidc: authority
      ? {
          authority,
          clientId: env.string('OIDC_CLIENT_ID', 'ioc-graph-console'),
          scope: env.string('OIDC_SCOPE', 'openid profile offline_access'),
        }
      : null,
  };
}

/** `SUBGRAPH_<NAME>_URL=http://host:port/graphql` for each subgraph whose address differs from the composed one. */
function subgraphUrlOverrides(env: EnvReader): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const name of env.names()) {
    const match = /^SUBGRAPH_([A-Z0-9_]+)_URL$/.exec(name);
    if (!match) continue;
    const url = env.optional(name);
    if (!url) continue;
    try {
      new URL(url);
    } catch {
      throw new ConfigError(name, `must be a URL, got "${url}"`);
    }
    overrides[match[1].toLowerCase()] = url;
  }
  return overrides;
}

/**
 * Shorter than the subgraphs' HTTP_KEEP_ALIVE_TIMEOUT_MS (read from the same environment): the gateway must
 * close an idle socket before the subgraph does, or it may send a request on a socket being closed.
 */
function readSubgraphIdleTimeout(env: EnvReader, serverKeepAliveMs: number): number {
  const idleMs = env.int('SUBGRAPH_IDLE_TIMEOUT_MS', Math.min(30_000, Math.floor(serverKeepAliveMs / 2)), { min: 100, max: 120_000 });
  if (idleMs >= serverKeepAliveMs) {
    throw new ConfigError(
      'SUBGRAPH_IDLE_TIMEOUT_MS',
      `must be shorter than HTTP_KEEP_ALIVE_TIMEOUT_MS (${serverKeepAliveMs}), got ${idleMs}`,
    );
  }
  return idleMs;
}

function readPublicUrl(env: EnvReader): string {
  const url = env.optional('PUBLIC_URL') ? env.url('PUBLIC_URL') : `http://localhost:${env.int('PORT', 4000, { min: 0, max: 65535 })}`;
  return url.replace(/\/+$/, '');
}

function readRedisUrl(env: EnvReader): string | undefined {
  if (!env.optional('REDIS_URL')) return undefined;
  const url = env.url('REDIS_URL');
  if (!/^rediss?:$/.test(new URL(url).protocol)) throw new ConfigError('REDIS_URL', `must be a redis:// or rediss:// URL, got "${url}"`);
  return url;
}

/** `TRUSTED_PROXIES=10.0.0.5,10.1.0.0/16,fd00::/8`. */
function readTrustedProxies(env: EnvReader): string[] {
  const entries = env
    .string('TRUSTED_PROXIES', '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const problem = proxyEntryProblem(entry);
    if (problem) throw new ConfigError('TRUSTED_PROXIES', `lists ${problem}`);
  }
  return entries;
}

/** `LIMIT_<AUDIENCE>_MAX_DEPTH`, `…_MAX_ALIASES`, `…_MAX_COST`, `…_MAX_TOKENS`, `…_MAX_DIRECTIVES`. */
function readOperationLimits(env: EnvReader, audience: 'PUBLIC' | 'STAFF', defaults: OperationLimits): OperationLimits {
  const read = (name: string, fallback: number, min: number) => env.int(`LIMIT_${audience}_${name}`, fallback, { min, max: 1_000_000 });
  return {
    maxDepth: read('MAX_DEPTH', defaults.maxDepth, 2),
    maxAliases: read('MAX_ALIASES', defaults.maxAliases, 0),
    maxCost: read('MAX_COST', defaults.maxCost, 1),
    maxTokens: read('MAX_TOKENS', defaults.maxTokens, 100),
    maxDirectives: read('MAX_DIRECTIVES', defaults.maxDirectives, 0),
  };
}
