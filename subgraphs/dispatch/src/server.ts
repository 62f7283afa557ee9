import { createLogger, createSubgraphService, type SubgraphDependencies, type SubgraphService, systemClock } from '@ioc-graph/platform';
import { migrations } from '../migrations';
import { seedDispatch } from '../seeds/seed';
import type { DispatchConfig } from './config';
import { subgraphClients, type DispatchContext } from './context';
import { buildDispatchSchema, entities } from './schema';

export { readDispatchConfig, readDispatchConfig as readConfig, type DispatchConfig } from './config';
export { buildDispatchSchema, entities } from './schema';

export type DispatchServer = SubgraphService;

/** Builds the dispatch subgraph on a database (migrated, seeded, relaying its outbox); not yet listening. */
export function createServer(config: DispatchConfig, databaseUrl: string, deps: SubgraphDependencies = {}): Promise<DispatchServer> {
  const logger = deps.logger ?? createLogger('dispatch', config.logLevel);
  const clock = deps.clock ?? systemClock;
  const clients = subgraphClients(config);
  return createSubgraphService({
    name: 'dispatch',
    databaseUrl,
    config,
    entities,
    migrations,
    buildSchema: buildDispatchSchema,
    logger,
    onQuery: deps.onQuery,
    bus: deps.bus,
    seed: (em) => seedDispatch(em, logger),
    extendContext: (context): DispatchContext => ({ ...context, clock, ...clients }),
  });
}
