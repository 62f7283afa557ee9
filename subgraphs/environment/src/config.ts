import { envReader, readCommonConfig, readDatabaseConfig, readEventBusConfig, subgraphEntry, type EnvReader } from '@ioc-graph/platform';

/** The environment subgraph's settings, validated once at start. */
export function readEnvironmentConfig(env: EnvReader = envReader()) {
  return {
    ...readCommonConfig(env),
    database: readDatabaseConfig(env),
    eventBus: readEventBusConfig(env),
    host: env.string('HOST', '127.0.0.1'),
    port: env.int('PORT', subgraphEntry('environment').port, { min: 0, max: 65535 }),
    /** The MQTT broker the stations' devices publish to (e.g. mqtt://127.0.0.1:1883); unset, no MQTT ingest. */
    mqttUrl: env.optional('MQTT_URL') ? env.url('MQTT_URL') : null,
    /** Readings arrive on `<topic>/<station code>`. */
    mqttTopic: env.string('MQTT_TOPIC', 'ioc/environment/readings'),
  };
}
export type EnvironmentConfig = ReturnType<typeof readEnvironmentConfig>;
