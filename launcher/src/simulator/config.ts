import { envReader, type EnvReader } from '@ioc-graph/platform';

/** The simulator's settings (`npm run simulate`, or `SIMULATE=true npm start`). */
export function readSimulatorConfig(env: EnvReader = envReader()) {
  const mqttUrl = env.optional('MQTT_URL') ? env.url('MQTT_URL') : null;
  return {
    /** The gateway to send readings through (`npm run simulate` against a running hub). */
    gatewayUrl: env.url('GATEWAY_URL', 'http://127.0.0.1:4000/graphql'),
    /** Time between two rounds of readings (ms). */
    intervalMs: env.int('SIMULATOR_INTERVAL_MS', 10_000, { min: 200, max: 3_600_000 }),
    /** Rounds of ordinary weather before the rain event that raises the flood alert. */
    rainAfterRounds: env.int('SIMULATOR_RAIN_AFTER_ROUNDS', 3, { min: 0, max: 100_000 }),
    mqttUrl,
    mqttTopic: env.string('MQTT_TOPIC', 'ioc/environment/readings'),
  };
}
export type SimulatorConfig = ReturnType<typeof readSimulatorConfig>;
