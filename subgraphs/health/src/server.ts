import { createLogger, createSubgraphService, type SubgraphDependencies, type SubgraphService, systemClock } from '@ioc-graph/platform';
import { migrations } from '../migrations';
import { seedHealth } from '../seeds/seed';
import type { HealthConfig } from './config';
import type { HealthContext } from './context';
import { caseReportsBulkRoute, facilityLoadsBulkRoute } from './ingestRoutes';
import { buildHealthSchema, entities } from './schema';

export { readHealthConfig, readHealthConfig as readConfig, type HealthConfig } from './config';
export { buildHealthSchema, entities } from './schema';
export { ingestFacilityLoads } from './facility/ingestLoads';
export { ingestCaseReports } from './surveillance/ingestCases';

export type HealthServer = SubgraphService;

/** Builds the health subgraph on a database (migrated, seeded, relaying its outbox); not yet listening. */
export function createServer(config: HealthConfig, databaseUrl: string, deps: SubgraphDependencies = {}): Promise<HealthServer> {
  const logger = deps.logger ?? createLogger('health', config.logLevel);
  const clock = deps.clock ?? systemClock;
  return createSubgraphService({
    name: 'health',
    databaseUrl,
    config,
    entities,
    migrations,
    buildSchema: buildHealthSchema,
    logger,
    onQuery: deps.onQuery,
    bus: deps.bus,
    seed: (em) => seedHealth(em, clock, logger),
    extendContext: (context): HealthContext => ({ ...context, clock }),
    bulkRoutes: [facilityLoadsBulkRoute, caseReportsBulkRoute],
  });
}
