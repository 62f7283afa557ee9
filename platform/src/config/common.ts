import { ConfigError, envReader, type EnvReader } from './env';
import { EXAMPLE_SECRET_PROBLEM, findExampleSecret } from './exampleSecrets';

/**
 * The variables every service reads. Secrets have development defaults so that the embedded start
 * works out of the box; with NODE_ENV=production they must be set.
 */
export function readCommonConfig(env: EnvReader = envReader()) {
  const production = env.string('NODE_ENV', 'development') === 'production';
  // Every secret, not only the ones this service reads: a copied `.env` is refused before anything starts.
  const copied = production ? findExampleSecret(env) : undefined;
  if (copied) throw new ConfigError(copied, EXAMPLE_SECRET_PROBLEM);
  const metricsToken = env.optional('METRICS_TOKEN') === undefined ? null : env.secret('METRICS_TOKEN', undefined, { production });
  return {
    production,
    logLevel: env.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    /** HMAC secret shared by the gateway and every subgraph, signing the forwarded identity. */
    gatewaySecret: env.secret('GATEWAY_SHARED_SECRET', 'dev-only-gateway-shared-secret-change-me!', { production }),
    /**
     * How old a signed gateway request may be when a subgraph receives it, and how far ahead of the
     * subgraph's clock: short, since captured headers are replayable (with the same body) until then.
     */
    gatewaySignature: {
      maxAgeSeconds: env.int('GATEWAY_SIGNATURE_MAX_AGE_SECONDS', 30, { min: 1, max: 300 }),
      skewSeconds: env.int('GATEWAY_SIGNATURE_CLOCK_SKEW_SECONDS', 5, { min: 0, max: 60 }),
    },
    /**
     * Who may read `/metrics`: with METRICS_TOKEN, only callers sending it as a bearer token; without,
     * anyone in development and nobody in production (the route is not served).
     */
    metrics: { token: metricsToken, open: !production && metricsToken === null },
    /**
     * How long (ms) an idle keep-alive connection to this service stays open: longer than any client's
     * own idle timeout (the gateway's SUBGRAPH_IDLE_TIMEOUT_MS, a proxy's), so that no client reuses a
     * socket the service is closing.
     */
    httpKeepAliveTimeoutMs: env.int('HTTP_KEEP_ALIVE_TIMEOUT_MS', 65_000, { min: 1_000, max: 120_000 }),
    /**
     * The largest body a bulk ingest request (`POST /ingest/v1/…`) may have, in bytes: the gateway refuses
     * a larger one (413) before reading it whole, and a subgraph takes no more than the gateway forwards.
     */
    ingestMaxBodyBytes: env.int('INGEST_MAX_BODY_BYTES', 16 * 1024 * 1024, { min: 1024, max: 256 * 1024 * 1024 }),
    /** Expose error messages and stacks of unexpected errors (never in production). */
    exposeErrors: env.bool('EXPOSE_INTERNAL_ERRORS', !production),
  };
}
export type CommonConfig = ReturnType<typeof readCommonConfig>;
