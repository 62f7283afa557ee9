import {
  createLogger,
  createOrm,
  createSubgraphServer,
  migrate,
  type SubgraphDependencies,
  type SubgraphServer,
} from '@ioc-graph/platform';
import type { Orm } from '@ioc-graph/platform';
import { migrations } from '../migrations';
import { seedDirectory } from '../seeds/seed';
import type { DirectoryConfig } from './config';
import { buildDirectorySchema, entities } from './schema';

export { readDirectoryConfig, readDirectoryConfig as readConfig, type DirectoryConfig } from './config';
export { buildDirectorySchema, entities } from './schema';

export interface DirectoryServer extends SubgraphServer {
  orm: Orm;
}

/**
 * Builds the directory subgraph on a database: connects, applies its migrations, loads the demo data
 * if asked and the directory is empty, and returns a server that is not yet listening.
 */
export async function createServer(
  config: DirectoryConfig,
  databaseUrl: string,
  deps: SubgraphDependencies = {},
): Promise<DirectoryServer> {
  const logger = deps.logger ?? createLogger('directory', config.logLevel);
  const orm = await createOrm({ url: databaseUrl, schema: 'directory', entities, migrations, onQuery: deps.onQuery });
  try {
    const applied = await migrate(orm);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    if (config.seedDemoData) {
      const seeded = await seedDirectory(orm.em.fork());
      if (seeded) logger.info(seeded, 'demo data loaded');
    }
    const server = await createSubgraphServer({ name: 'directory', schema: await buildDirectorySchema(), orm, config, logger });
    return {
      ...server,
      orm,
      async stop() {
        await server.stop();
        await orm.close();
      },
    };
  } catch (error) {
    await orm.close();
    throw error;
  }
}
export { demoIdentities, demoId } from '../seeds/seed';
