import {
  defaultSubgraphUrl,
  envReader,
  readCommonConfig,
  readDatabaseConfig,
  readEventBusConfig,
  subgraphEntry,
  type EnvReader,
} from '@ioc-graph/platform';

/** The dispatch subgraph's settings, validated once at start. */
export function readDispatchConfig(env: EnvReader = envReader()) {
  return {
    ...readCommonConfig(env),
    database: readDatabaseConfig(env),
    eventBus: readEventBusConfig(env),
    host: env.string('HOST', '127.0.0.1'),
    port: env.int('PORT', subgraphEntry('dispatch').port, { min: 0, max: 65535 }),
    /** The directory subgraph, asked for field units and agencies when dispatch data is written. */
    directoryUrl: env.url('DIRECTORY_URL', defaultSubgraphUrl('directory')),
    /** The incidents subgraph, asked for the incidents that dispatch data refers to. */
    incidentsUrl: env.url('INCIDENTS_URL', defaultSubgraphUrl('incidents')),
  };
}
export type DispatchConfig = ReturnType<typeof readDispatchConfig>;
