import { envReader, type EnvReader } from './env';

/**
 * The variables every service reads. Secrets have development defaults so that the embedded start
 * works out of the box; with NODE_ENV=production they must be set.
 */
export function readCommonConfig(env: EnvReader = envReader()) {
  const production = env.string('NODE_ENV', 'development') === 'production';
  return {
    production,
    logLevel: env.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    /** HMAC secret shared by the gateway and every subgraph, signing the forwarded identity. */
    gatewaySecret: env.secret('GATEWAY_SHARED_SECRET', 'dev-only-gateway-shared-secret-change-me!', { production }),
    /** How long a signed gateway request stays acceptable to a subgraph. */
    gatewaySignatureMaxAgeSeconds: env.int('GATEWAY_SIGNATURE_MAX_AGE_SECONDS', 300, { min: 1, max: 3600 }),
    /** Expose error messages and stacks of unexpected errors (never in production). */
    exposeErrors: env.bool('EXPOSE_INTERNAL_ERRORS', !production),
  };
}
export type CommonConfig = ReturnType<typeof readCommonConfig>;
