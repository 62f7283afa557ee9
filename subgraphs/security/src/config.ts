import { envReader, readCommonConfig, readDatabaseConfig, readEventBusConfig, subgraphEntry, type EnvReader } from '@ioc-graph/platform';

/** The security subgraph's settings, validated once at start. */
export function readSecurityConfig(env: EnvReader = envReader()) {
  return {
    ...readCommonConfig(env),
    database: readDatabaseConfig(env),
    eventBus: readEventBusConfig(env),
    host: env.string('HOST', '127.0.0.1'),
    port: env.int('PORT', subgraphEntry('security').port, { min: 0, max: 65535 }),
  };
}
export type SecurityConfig = ReturnType<typeof readSecurityConfig>;
