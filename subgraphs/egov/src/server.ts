import { createLogger, createSubgraphService, type SubgraphDependencies, type SubgraphService, systemClock } from '@ioc-graph/platform';
import { migrations } from '../migrations';
import { seedEgov } from '../seeds/seed';
import type { EgovConfig } from './config';
import type { EgovContext } from './context';
import { dossiersBulkRoute } from './dossier/dossier.bulk';
import { buildEgovSchema, entities } from './schema';

export { readEgovConfig, readEgovConfig as readConfig, type EgovConfig } from './config';
export { buildEgovSchema, entities } from './schema';
export { ingestDossiers } from './dossier/ingestDossiers';

export type EgovServer = SubgraphService;

/** Builds the e-government subgraph on a database (migrated, seeded, relaying its outbox); not yet listening. */
export function createServer(config: EgovConfig, databaseUrl: string, deps: SubgraphDependencies = {}): Promise<EgovServer> {
  const logger = deps.logger ?? createLogger('egov', config.logLevel);
  const clock = deps.clock ?? systemClock;
  return createSubgraphService({
    name: 'egov',
    databaseUrl,
    config,
    entities,
    migrations,
    buildSchema: buildEgovSchema,
    logger,
    onQuery: deps.onQuery,
    bus: deps.bus,
    seed: (em) => seedEgov(em, logger),
    extendContext: (context): EgovContext => ({ ...context, clock }),
    bulkRoutes: [dossiersBulkRoute],
  });
}
