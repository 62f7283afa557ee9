import { createLogger, createSubgraphService, systemClock, type Clock, type EventBus, type Logger, type SubgraphService } from '@ioc-graph/platform';
import { migrations } from '../migrations';
import { seedTraffic } from '../seeds/seed';
import type { TrafficConfig } from './config';
import { subgraphClients, type TrafficContext } from './context';
import { buildTrafficSchema, entities } from './schema';

export { readTrafficConfig, type TrafficConfig } from './config';
export { buildTrafficSchema, entities } from './schema';
export { ingestCameraHeartbeats, ingestCongestion, ingestDetections } from './detection/ingest';

export type TrafficServer = SubgraphService;

export interface TrafficDependencies {
  logger?: Logger;
  /** Called with every SQL statement (tests count statements). */
  onQuery?: (sql: string) => void;
  /** The time source of every timestamp; tests pass a ManualClock. */
  clock?: Clock;
  /** The event bus to relay the outbox to; made from the config when not given. */
  bus?: EventBus;
}

/** Builds the traffic subgraph on a database (migrated, seeded, relaying its outbox); not yet listening. */
export function createServer(config: TrafficConfig, databaseUrl: string, deps: TrafficDependencies = {}): Promise<TrafficServer> {
  const logger = deps.logger ?? createLogger('traffic', config.logLevel);
  const clock = deps.clock ?? systemClock;
  const clients = subgraphClients(config);
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
    extendContext: (context): TrafficContext => ({ ...context, clock, ...clients }),
  });
}
