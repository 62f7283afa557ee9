import { createLogger, createSubgraphService, type SubgraphDependencies, type SubgraphService, systemClock } from '@ioc-graph/platform';
import { migrations } from '../migrations';
import { MqttIngest } from './mqtt/mqttIngest';
import { readingsBulkRoute } from './reading/reading.bulk';
import { seedEnvironment } from '../seeds/seed';
import type { EnvironmentConfig } from './config';
import type { EnvironmentContext } from './context';
import { buildEnvironmentSchema, entities } from './schema';

export { readEnvironmentConfig, readEnvironmentConfig as readConfig, type EnvironmentConfig } from './config';
export { buildEnvironmentSchema, entities } from './schema';
export { ingestReadings } from './reading/ingest';

export interface EnvironmentServer extends SubgraphService {
  /** The MQTT ingest, when MQTT_URL is set. */
  mqtt: MqttIngest | null;
}

/** Builds the environment subgraph on a database (migrated, seeded, relaying its outbox); not yet listening. */
export async function createServer(
  config: EnvironmentConfig,
  databaseUrl: string,
  deps: SubgraphDependencies = {},
): Promise<EnvironmentServer> {
  const logger = deps.logger ?? createLogger('environment', config.logLevel);
  const clock = deps.clock ?? systemClock;
  const service = await createSubgraphService({
    name: 'environment',
    databaseUrl,
    config,
    entities,
    migrations,
    buildSchema: buildEnvironmentSchema,
    logger,
    onQuery: deps.onQuery,
    bus: deps.bus,
    seed: (em) => seedEnvironment(em, logger),
    extendContext: (context): EnvironmentContext => ({ ...context, clock }),
    bulkRoutes: [readingsBulkRoute],
  });
  const mqtt = config.mqttUrl
    ? await MqttIngest.start(config.mqttUrl, config.mqttTopic, service.orm, clock, logger).catch(async (error) => {
        await service.stop();
        throw error;
      })
    : null;
  return {
    ...service,
    mqtt,
    async stop() {
      await mqtt?.stop();
      await service.stop();
    },
  };
}
