import { createLogger, createSubgraphService, systemClock, type Clock, type EventBus, type Logger, type SubgraphService } from '@ioc-graph/platform';
import { migrations } from '../migrations';
import { seedEnvironment } from '../seeds/seed';
import type { EnvironmentConfig } from './config';
import { subgraphClients, type EnvironmentContext } from './context';
import { buildEnvironmentSchema, entities } from './schema';

export { readEnvironmentConfig, type EnvironmentConfig } from './config';
export { buildEnvironmentSchema, entities } from './schema';
export { ingestReadings } from './reading/ingest';

export type EnvironmentServer = SubgraphService;

export interface EnvironmentDependencies {
  logger?: Logger;
  /** Called with every SQL statement (tests count statements). */
  onQuery?: (sql: string) => void;
  /** The time source of every timestamp; tests pass a ManualClock. */
  clock?: Clock;
  /** The event bus to relay the outbox to; made from the config when not given. */
  bus?: EventBus;
}

/** Builds the environment subgraph on a database (migrated, seeded, relaying its outbox); not yet listening. */
export function createServer(config: EnvironmentConfig, databaseUrl: string, deps: EnvironmentDependencies = {}): Promise<EnvironmentServer> {
  const logger = deps.logger ?? createLogger('environment', config.logLevel);
  const clock = deps.clock ?? systemClock;
  const clients = subgraphClients(config);
  return createSubgraphService({
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
    extendContext: (context): EnvironmentContext => ({ ...context, clock, ...clients }),
  });
}
