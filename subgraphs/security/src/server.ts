import { createLogger, createSubgraphService, type SubgraphDependencies, type SubgraphService, systemClock } from '@ioc-graph/platform';
import { migrations } from '../migrations';
import { seedSecurity } from '../seeds/seed';
import type { SecurityConfig } from './config';
import type { SecurityContext } from './context';
import { reportsBulkRoute } from './report/report.bulk';
import { buildSecuritySchema, entities } from './schema';

export { readSecurityConfig, readSecurityConfig as readConfig, type SecurityConfig } from './config';
export { buildSecuritySchema, entities } from './schema';
export { ingestReports } from './report/ingestReports';

export type SecurityServer = SubgraphService;

/** Builds the security subgraph on a database (migrated, seeded, relaying its outbox); not yet listening. */
export function createServer(config: SecurityConfig, databaseUrl: string, deps: SubgraphDependencies = {}): Promise<SecurityServer> {
  const logger = deps.logger ?? createLogger('security', config.logLevel);
  const clock = deps.clock ?? systemClock;
  return createSubgraphService({
    name: 'security',
    databaseUrl,
    config,
    entities,
    migrations,
    buildSchema: buildSecuritySchema,
    logger,
    onQuery: deps.onQuery,
    bus: deps.bus,
    seed: (em) => seedSecurity(em, logger),
    extendContext: (context): SecurityContext => ({ ...context, clock }),
    bulkRoutes: [reportsBulkRoute],
  });
}
