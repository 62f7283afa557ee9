import { createLogger, createSubgraphService, type SubgraphDependencies, type SubgraphService, systemClock } from '@ioc-graph/platform';
import { migrations } from '../migrations';
import { seedTraffic } from '../seeds/seed';
import type { TrafficConfig } from './config';
import type { TrafficContext } from './context';
import { detectionsBulkRoute } from './detection/detection.bulk';
import { buildTrafficSchema, entities } from './schema';

export { readTrafficConfig, readTrafficConfig as readConfig, type TrafficConfig } from './config';
export { buildTrafficSchema, entities } from './schema';
export { ingestCameraHeartbeats, ingestCongestion, ingestDetections } from './detection/ingest';

export type TrafficServer = SubgraphService;

/** Builds the traffic subgraph on a database (migrated, seeded, relaying its outbox); not yet listening. */
export function createServer(config: TrafficConfig, databaseUrl: string, deps: SubgraphDependencies = {}): Promise<TrafficServer> {
  const logger = deps.logger ?? createLogger('traffic', config.logLevel);
  const clock = deps.clock ?? systemClock;
  return createSubgraphService({
    name: 'traffic',
    databaseUrl,
    config,
    entities,
    migrations,
    buildSchema: buildTrafficSchema,
    logger,
    onQuery: deps.onQuery,
    bus: deps.bus,
    seed: (em) => seedTraffic(em, logger),
    extendContext: (context): TrafficContext => ({ ...context, clock }),
    bulkRoutes: [detectionsBulkRoute],
  });
}
