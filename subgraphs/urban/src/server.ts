import { createLogger, createSubgraphService, type SubgraphDependencies, type SubgraphService, systemClock } from '@ioc-graph/platform';
import { migrations } from '../migrations';
import { seedUrban } from '../seeds/seed';
import type { UrbanConfig } from './config';
import { directoryClient, type UrbanContext } from './context';
import { lightingReportsBulkRoute } from './lighting/lighting.bulk';
import { MqttIngest } from './mqtt/mqttIngest';
import { buildUrbanSchema, entities } from './schema';
import { truckPingsBulkRoute } from './waste/waste.bulk';

export { readUrbanConfig, readUrbanConfig as readConfig, type UrbanConfig } from './config';
export { buildUrbanSchema, entities } from './schema';
export { ingestLightingReports } from './lighting/ingest';
export { ingestTruckPings } from './waste/ingest';

export interface UrbanServer extends SubgraphService {
  /** The MQTT ingest of the lighting controllers, when MQTT_URL is set. */
  mqtt: MqttIngest | null;
}

/** Builds the urban subgraph on a database (migrated, seeded, relaying its outbox); not yet listening. */
export async function createServer(config: UrbanConfig, databaseUrl: string, deps: SubgraphDependencies = {}): Promise<UrbanServer> {
  const logger = deps.logger ?? createLogger('urban', config.logLevel);
  const clock = deps.clock ?? systemClock;
  const directory = directoryClient(config);
  const service = await createSubgraphService({
    name: 'urban',
    databaseUrl,
    config,
    entities,
    migrations,
    buildSchema: buildUrbanSchema,
    logger,
    onQuery: deps.onQuery,
    bus: deps.bus,
    seed: (em) => seedUrban(em, logger),
    extendContext: (context): UrbanContext => ({ ...context, clock, directory }),
    bulkRoutes: [lightingReportsBulkRoute, truckPingsBulkRoute],
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
