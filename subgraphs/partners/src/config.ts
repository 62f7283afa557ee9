import { envReader, readCommonConfig, readDatabaseConfig, readEventBusConfig, subgraphEntry, type EnvReader } from '@ioc-graph/platform';

/** The partners subgraph's settings, validated once at start. */
export function readPartnersConfig(env: EnvReader = envReader()) {
  const database = readDatabaseConfig(env);
  return {
    ...readCommonConfig(env),
    database,
    eventBus: readEventBusConfig(env),
    host: env.string('HOST', '127.0.0.1'),
    port: env.int('PORT', subgraphEntry('partners').port, { min: 0, max: 65535 }),
    /** Add the demo partners (never a key) when missing; on by default with the embedded database. */
    seedDemoData: env.bool('SEED_DEMO_DATA', database.url === undefined),
  };
}
export type PartnersConfig = ReturnType<typeof readPartnersConfig>;
