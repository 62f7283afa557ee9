import {
  defaultSubgraphUrl,
  envReader,
  readCommonConfig,
  readDatabaseConfig,
  readEventBusConfig,
  subgraphEntry,
  type EnvReader,
} from '@ioc-graph/platform';

/** The urban subgraph's settings, validated once at start. */
export function readUrbanConfig(env: EnvReader = envReader()) {
  return {
    ...readCommonConfig(env),
    database: readDatabaseConfig(env),
    eventBus: readEventBusConfig(env),
    host: env.string('HOST', '127.0.0.1'),
    port: env.int('PORT', subgraphEntry('urban').port, { min: 0, max: 65535 }),
    /** The directory subgraph, asked for the lineage of the unit an inspection record names. */
    directoryUrl: env.url('DIRECTORY_URL', defaultSubgraphUrl('directory')),
    /** The MQTT broker the lighting controllers publish to (e.g. mqtt://127.0.0.1:1883); unset, no MQTT ingest. */
    mqttUrl: env.optional('MQTT_URL') ? env.url('MQTT_URL') : null,
    /** Controller reports arrive on `<topic>/<cabinet code>`. */
    mqttTopic: env.string('URBAN_MQTT_TOPIC', 'ioc/urban/lighting'),
  };
}
export type UrbanConfig = ReturnType<typeof readUrbanConfig>;
