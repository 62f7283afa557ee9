import { envReader, readCommonConfig, readDatabaseConfig, readEventBusConfig, subgraphEntry, type EnvReader } from '@ioc-graph/platform';

/** The directory subgraph's settings, validated once at start. */
export function readDirectoryConfig(env: EnvReader = envReader()) {
  const database = readDatabaseConfig(env);
  return {
    ...readCommonConfig(env),
    database,
    eventBus: readEventBusConfig(env),
    host: env.string('HOST', '127.0.0.1'),
    port: env.int('PORT', subgraphEntry('directory').port, { min: 0, max: 65535 }),
    /** Load the Bình Phước demo data when the directory is empty; on by default with the embedded database. */
    seedDemoData: env.bool('SEED_DEMO_DATA', database.url === undefined),
  };
}
export type DirectoryConfig = ReturnType<typeof readDirectoryConfig>;
