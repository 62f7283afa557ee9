import { envReader, readCommonConfig, readDatabaseConfig, readEventBusConfig, type EnvReader } from '@ioc-graph/platform';

/** The dispatch subgraph's settings, validated once at start. */
export function readDispatchConfig(env: EnvReader = envReader()) {
  return {
    ...readCommonConfig(env),
    database: readDatabaseConfig(env),
    eventBus: readEventBusConfig(env),
    host: env.string('HOST', '127.0.0.1'),
    port: env.int('PORT', 4003, { min: 0, max: 65535 }),
    /** The directory subgraph, asked for field units and agencies when dispatch data is written. */
    directoryUrl: env.url('DIRECTORY_URL', 'http://127.0.0.1:4001/graphql'),
    /** The incidents subgraph, asked for the incidents that dispatch data refers to. */
    incidentsUrl: env.url('INCIDENTS_URL', 'http://127.0.0.1:4002/graphql'),
  };
}
export type DispatchConfig = ReturnType<typeof readDispatchConfig>;
