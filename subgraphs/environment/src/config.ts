import { envReader, readCommonConfig, readDatabaseConfig, readEventBusConfig, type EnvReader } from '@ioc-graph/platform';

/** The environment subgraph's settings, validated once at start. */
export function readEnvironmentConfig(env: EnvReader = envReader()) {
  return {
    ...readCommonConfig(env),
    database: readDatabaseConfig(env),
    eventBus: readEventBusConfig(env),
    host: env.string('HOST', '127.0.0.1'),
    port: env.int('PORT', 4005, { min: 0, max: 65535 }),
    /** The directory subgraph, asked for the lineage of a station's administrative unit. */
    directoryUrl: env.url('DIRECTORY_URL', 'http://127.0.0.1:4001/graphql'),
    /** The incidents subgraph, which will receive the breaches of environmental rules as alerts. */
    incidentsUrl: env.url('INCIDENTS_URL', 'http://127.0.0.1:4002/graphql'),
    /** The MQTT broker the stations' devices publish to (e.g. mqtt://127.0.0.1:1883); unset, no MQTT ingest. */
    mqttUrl: env.optional('MQTT_URL') ? env.url('MQTT_URL') : null,
    /** Readings arrive on `<topic>/<station code>`. */
    mqttTopic: env.string('MQTT_TOPIC', 'ioc/environment/readings'),
  };
}
export type EnvironmentConfig = ReturnType<typeof readEnvironmentConfig>;
