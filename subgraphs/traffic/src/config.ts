import { envReader, readCommonConfig, readDatabaseConfig, readEventBusConfig, type EnvReader } from '@ioc-graph/platform';

/** The traffic subgraph's settings, validated once at start. */
export function readTrafficConfig(env: EnvReader = envReader()) {
  return {
    ...readCommonConfig(env),
    database: readDatabaseConfig(env),
    eventBus: readEventBusConfig(env),
    host: env.string('HOST', '127.0.0.1'),
    port: env.int('PORT', 4006, { min: 0, max: 65535 }),
    /** The directory subgraph, asked for the lineage of a camera's administrative unit. */
    directoryUrl: env.url('DIRECTORY_URL', 'http://127.0.0.1:4001/graphql'),
    /** The incidents subgraph, which receives the breaches of traffic rules as alerts (through the bus). */
    incidentsUrl: env.url('INCIDENTS_URL', 'http://127.0.0.1:4002/graphql'),
  };
}
export type TrafficConfig = ReturnType<typeof readTrafficConfig>;
