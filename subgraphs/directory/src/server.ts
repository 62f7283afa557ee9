import { createLogger, createSubgraphService, type SubgraphDependencies, type SubgraphService } from '@ioc-graph/platform';
import { migrations } from '../migrations';
import { seedDirectory } from '../seeds/seed';
import type { DirectoryConfig } from './config';
import { buildDirectorySchema, entities } from './schema';

export { readDirectoryConfig, readDirectoryConfig as readConfig, type DirectoryConfig } from './config';
export { buildDirectorySchema, entities } from './schema';

export type DirectoryServer = SubgraphService;

/**
 * Builds the directory subgraph on a database: connects, applies its migrations, loads the demo data
 * if asked and the directory is empty, relays its outbox (changes of units and agencies, which other
 * subgraphs cache), and returns a server that is not yet listening.
 */
export async function createServer(
  config: DirectoryConfig,
  databaseUrl: string,
  deps: SubgraphDependencies = {},
): Promise<DirectoryServer> {
  const logger = deps.logger ?? createLogger('directory', config.logLevel);
  return createSubgraphService({
    name: 'directory',
    databaseUrl,
    config,
    entities,
    migrations,
    buildSchema: buildDirectorySchema,
    logger,
    onQuery: deps.onQuery,
    bus: deps.bus,
    seed: async (em) => {
      if (!config.seedDemoData) return;
      const seeded = await seedDirectory(em);
      if (seeded) logger.info(seeded, 'demo data loaded');
    },
  });
}
export { demoIdentities, demoId } from '../seeds/seed';
/** For data migrations that change units or agencies outside a mutation: announce the change with it. */
export { emitDirectoryEvent } from './events';
